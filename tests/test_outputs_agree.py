"""DOCX, HTML and PDF come from one document tree, so they print the same figures.

Every bundled example is built once in all three formats; one list of the Magetan LKjIP's
computed figures (LKJIP-SPEC §3, as in test_lkjip_example.py), plus every figure in every table
of the tree, must appear in the DOCX text, the HTML text and the PDF text. The PDF's page size,
landscape pages and Daftar Isi page numbers are checked on the real document. The PDF is the
default engine's (Typst); the `--pdf-engine weasyprint` and `libreoffice` routes are built once
too, for the Magetan LKjIP.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import lxml.html
import pytest
from docx_reading import docx_text
from pdf_reading import check_toc_page_numbers, page_sizes_mm, pdf_texts, squeeze

from laporgen.build import Built, build
from laporgen.document.nodes import Block, Cell, Landscape, Paragraph, Section, Table, Text, Toc

# WeasyPrint warns once, on import, when the system lacks libharfbuzz-subset (Debian
# libharfbuzz-subset0; CI does not install it): it then subsets fonts with fontTools instead.
pytestmark = pytest.mark.filterwarnings(
    "ignore:HarfBuzz-Subset will be required:DeprecationWarning"
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(path.parent for path in (ROOT / "content").glob("*/*/document.toml"))
MAGETAN = ROOT / "content" / "magetan-dinsos" / "lkjip-2024"

FIGURES = {
    MAGETAN: [
        "95,00",
        "108,62",
        "99,37",
        "86,33",
        "63,33",
        "99,38",
        "-0,39",
        "10,77",
        "3,31",
        "9,42",
        "17,35",
        "24.175.862.284",
        "23.594.861.370",
        "97,60",
        "24.449.465.553",
        "175.000.000",
        "Tabel 3.2 Capaian Kinerja",
        "PARMINTO BUDI UTOMO",
    ],
}
"""Figures the signed report prints (LKJIP-SPEC §3; the data win over its slips L-2…L-4)."""

TABLE_FIGURES = {
    "blitar-dinsos/renstra-2021-2026": 520,  # "n.a" and "n/a*" as printed
    "magetan-dinsos/lkjip-2024": 203,
    "magetan-dinsos/pk-2024": 34,
    "magetan-dinsos/renstra-2018-2023": 466,
    "magetan-dinsos/renstra-2024-2026": 19,
    "rekaan-dinsos/pk-2025": 28,  # program, kegiatan and sub kegiatan rows: targets and pagu
    "rekaan-dinsos/renstra-2025-2029": 191,  # the predikat and N.a indicators, the SPM tables, T-C.27
}
"""How many distinct figures (right-aligned cell texts) each example's tables hold."""

PAPER_MM = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}


def example_id(folder: Path) -> str:
    return str(folder.relative_to(ROOT / "content"))


@dataclass
class Outputs:
    """One example built as DOCX, HTML and PDF (Typst); the PDF's page texts read once."""

    folder: Path
    built: Built
    paths: dict[str, Path]

    @cached_property
    def pdf(self) -> bytes:
        return self.paths["pdf"].read_bytes()

    @cached_property
    def pdf_texts(self) -> list[str]:
        return pdf_texts(self.pdf)


@pytest.fixture(scope="module", params=EXAMPLES, ids=example_id)
def outputs(request, tmp_path_factory) -> Outputs:
    """The example built once in the three formats."""
    out = tmp_path_factory.mktemp("outputs")
    built = build(request.param, out, ("docx", "html", "pdf"))
    return Outputs(request.param, built, {path.suffix[1:]: path for path in built.outputs})


def html_text(path: Path) -> str:
    page = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    for br in page.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return page.body.text_content()


def tables(blocks: Iterable[Block]) -> Iterator[Table]:
    for block in blocks:
        if isinstance(block, (Section, Landscape)):
            yield from tables(block.children)
        elif isinstance(block, Table):
            yield block


def cell_text(cell: Cell) -> str:
    return " ".join(
        "".join(inline.text for inline in block.inlines if isinstance(inline, Text))
        for block in cell.blocks
        if isinstance(block, Paragraph)
    )


def table_figures(built: Built) -> set[str]:
    """Every right-aligned cell text (the figures) of every table in the tree."""
    doc = built.document
    return {
        cell_text(cell)
        for table in tables((*doc.front, *doc.body))
        for row in (*table.body, *table.foot)
        for cell in row
        if cell.align == "right"
    } - {""}


def words(text: str) -> str:
    return " ".join(text.split())


def unwrapped(text: str) -> str:
    """`text` without whitespace or the hyphens of hyphenated line ends (U+2010 + line break):
    a figure wider than its column wraps inside its cell, in the PDF as in Word."""
    return squeeze(re.sub("\u2010\\s*\n", "", text))


def test_the_same_figures_in_docx_html_and_pdf(outputs):
    """The report's headline figures as printed (words intact), and every table figure (which
    may wrap inside a narrow cell) in the three outputs."""
    texts = {
        "docx": docx_text(outputs.paths["docx"]),
        "html": html_text(outputs.paths["html"]),
        "pdf": "\n".join(outputs.pdf_texts),
    }
    headline = FIGURES.get(outputs.folder, [])
    figures = sorted(table_figures(outputs.built))
    assert (
        len(figures) == TABLE_FIGURES[example_id(outputs.folder)]
    )  # the check below is not vacuous
    for fmt, text in texts.items():
        missing = [figure for figure in headline if figure not in words(text)]
        flat = unwrapped(text)
        missing += [figure for figure in figures if unwrapped(figure) not in flat]
        assert not missing, f"{fmt} lacks {missing}"


def test_typst_pdf_never_breaks_a_figure_inside_its_cell(outputs):
    """Typst lays a figure on one line of its cell (no hyphenation, no break inside a token):
    every table figure appears whole in the PDF's text, not only once the line ends are gone."""
    text = words("\n".join(outputs.pdf_texts))
    broken = [
        figure for figure in sorted(table_figures(outputs.built)) if words(figure) not in text
    ]
    assert not broken


def test_pdf_paper_landscape_pages_and_toc_page_numbers(outputs):
    document = outputs.built.document
    portrait = PAPER_MM[document.paper]
    sizes = page_sizes_mm(outputs.pdf)
    assert sizes[0] == portrait and set(sizes) <= {portrait, portrait[::-1]}
    texts = outputs.pdf_texts
    for table in (t for block in document.body for t in _landscape_tables(block)):
        caption = squeeze(f"{table.label} {table.title}")
        pages = [i for i, text in enumerate(texts) if caption in squeeze(text)]
        assert sizes[pages[-1]] == portrait[::-1], f"{table.label} is not on a landscape page"
    if any(isinstance(b, Toc) for b in (*document.front, *document.body)):
        assert check_toc_page_numbers(texts, document) > 0
    else:  # a two-part agreement has no Daftar Isi
        assert outputs.folder.name.startswith("pk-")  # the PK examples


def _landscape_tables(block: Block, inside: bool = False) -> Iterator[Table]:
    if isinstance(block, Landscape):
        for child in block.children:
            yield from _landscape_tables(child, True)
    elif isinstance(block, Section):
        for child in block.children:
            yield from _landscape_tables(child, inside)
    elif isinstance(block, Table) and inside:
        yield block


def test_html_is_self_contained(outputs):
    page = lxml.html.document_fromstring(outputs.paths["html"].read_text(encoding="utf-8"))
    assert not page.xpath("//link|//script|//iframe|//object|//embed|//base")
    assert all(url.startswith(("#", "data:")) for url in page.xpath("//@src|//@href"))
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert all(href[1:] in set(ids) for href in page.xpath("//a/@href"))


def test_weasyprint_engine_prints_the_same_figures(tmp_path):
    (pdf,) = build(MAGETAN, tmp_path, ("pdf",), pdf_engine="weasyprint").outputs
    texts = pdf_texts(pdf.read_bytes())
    text = words("\n".join(texts))
    missing = [figure for figure in FIGURES[MAGETAN] if figure not in text]
    assert not missing
    assert check_toc_page_numbers(texts, build_tree(MAGETAN)) > 0


def build_tree(folder: Path):
    from laporgen.build import document_for
    from laporgen.jenis import load_document

    return document_for(load_document(folder), charts=False)


@pytest.mark.libreoffice
def test_libreoffice_engine_prints_the_same_figures(tmp_path):
    from libreoffice import soffice

    soffice()  # fails (CI installs LibreOffice) unless LAPORGEN_SKIP_LIBREOFFICE=1
    (pdf,) = build(MAGETAN, tmp_path, ("pdf",), pdf_engine="libreoffice").outputs
    text = words("\n".join(pdf_texts(pdf.read_bytes())))
    missing = [figure for figure in FIGURES[MAGETAN] if figure not in text]
    assert not missing
    assert re.match(rb"%PDF-1\.\d", pdf.read_bytes()[:8])
