"""The Daftar Isi, Daftar Tabel and Daftar Gambar of every example DOCX carry the page numbers
a LibreOffice client prints for their headings and captions, while staying Word fields."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from docx_reading import docx_sections
from lxml import etree

from laporgen.build import LAYOUT_FAILED, NO_LIBREOFFICE, build
from laporgen.document.nodes import ListOfTables, Toc
from laporgen.errors import LaporgenError, Problem
from laporgen.render import libreoffice
from laporgen.render.contents import _destination_name, page_numbers
from pdf_reading import (
    check_list_page_numbers,
    check_toc_page_numbers,
    pdf_texts,
    reader,
    squeeze,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parents[2]
LKJIP = ROOT / "content" / "magetan-dinsos" / "lkjip-2024"


def part(docx: bytes | Path, name: str) -> etree._Element:
    data = docx.read_bytes() if isinstance(docx, Path) else docx
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def instructions(docx: Path) -> list[str]:
    return [
        (instr.text or "").strip()
        for instr in part(docx, "word/document.xml").iter(f"{W}instrText")
    ]


@pytest.mark.libreoffice
def test_every_daftar_isi_entry_prints_the_page_of_its_heading(example) -> None:
    tocs = [b for b in example.built.document.front if isinstance(b, Toc)]
    if not tocs:  # a Perjanjian Kinerja has no contents list, and so no TOC field to fill
        assert not [i for i in instructions(example.docx) if i.startswith("TOC ")]
        return
    assert check_toc_page_numbers(example.texts, example.built.document) == len(tocs[0].entries)


@pytest.mark.libreoffice
def test_every_daftar_tabel_and_gambar_entry_prints_the_page_of_its_caption(example) -> None:
    listings = [b for b in example.built.document.front if isinstance(b, ListOfTables)]
    assert listings or example.built.document.subject.startswith(
        ("Perjanjian", "Perubahan Perjanjian")
    )
    for listing in listings:
        assert check_list_page_numbers(example.texts, listing) == len(listing.entries)


@pytest.mark.libreoffice
def test_the_lists_stay_word_fields_linked_to_bookmarks_and_word_is_not_asked(example) -> None:
    document = example.built.document
    listings = [b for b in document.front if isinstance(b, Toc | ListOfTables)]
    toc_fields = [i for i in instructions(example.docx) if i.startswith("TOC ")]
    assert toc_fields == [
        'TOC \\o "1-3" \\h \\z \\u' if isinstance(b, Toc) else f'TOC \\h \\z \\c "{b.kind}"'
        for b in listings
    ]
    numbers = page_numbers(example.docx.read_bytes())
    assert len(numbers) == sum(len(b.entries) for b in listings)
    assert all(numbers.values()), "an entry without a page number"
    body = part(example.docx, "word/document.xml")
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")]
    assert sorted(anchors) == sorted(numbers) and set(anchors) <= bookmarks
    assert part(example.docx, "word/settings.xml").find(f"{W}updateFields") is None
    assert example.built.notes == ()


@pytest.mark.libreoffice
def test_the_libreoffice_pdf_engine_prints_the_numbers_too(tmp_path: Path) -> None:
    built = build(LKJIP, tmp_path, ("docx", "pdf"), pdf_engine="libreoffice")
    pdf = next(path for path in built.outputs if path.suffix == ".pdf")
    texts = pdf_texts(pdf.read_bytes())
    toc = next(b for b in built.document.front if isinstance(b, Toc))
    assert check_toc_page_numbers(texts, built.document) == len(toc.entries)
    assert "BABIPENDAHULUAN" + "." * 3 in squeeze(texts[3])  # the leader is drawn


def test_without_libreoffice_the_build_says_word_fills_the_lists(
    tmp_path: Path, monkeypatch, run_cli
) -> None:
    monkeypatch.setattr(libreoffice, "soffice_path", lambda: None)
    code, _, err = run_cli("build", LKJIP, "--out", tmp_path)
    assert code == 0
    assert err.count("warning:") == 1 and f"warning: {NO_LIBREOFFICE}\n" in err
    docx = next(tmp_path.glob("*.docx"))
    assert set(page_numbers(docx.read_bytes()).values()) == {""}  # entries linked, numbers to come
    flag = part(docx, "word/settings.xml").find(f"{W}updateFields")
    assert flag is not None and flag.get(f"{W}val") == "true"  # Word fills them on open


def test_no_page_numbers_skips_the_layout_and_warns_of_nothing(
    tmp_path: Path, monkeypatch, run_cli
) -> None:
    def fail():
        raise AssertionError("LibreOffice looked for")

    monkeypatch.setattr(libreoffice, "soffice_path", fail)
    code, _, err = run_cli("build", LKJIP, "--out", tmp_path, "--no-page-numbers")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    "bookmark, name", [("_Toc000000001", "/5FToc000000001"), ("a-Z 9", "/a-Z209")]
)
def test_destination_names_are_written_as_libreoffice_writes_them(bookmark: str, name: str) -> None:
    assert _destination_name(bookmark) == name


def test_a_failing_libreoffice_leaves_the_lists_to_word_and_says_why(
    tmp_path: Path, monkeypatch
) -> None:
    def crash(docx: bytes, destinations: bool) -> bytes:
        raise LaporgenError(
            [
                Problem(
                    "soffice", "LibreOffice failed to convert the DOCX (exit 77)", code="pdf.engine"
                )
            ]
        )

    monkeypatch.setattr(libreoffice, "docx_to_pdf", crash)
    built = build(LKJIP, tmp_path, ("docx",))
    assert built.notes == (
        LAYOUT_FAILED.format(reason="LibreOffice failed to convert the DOCX (exit 77)"),
    )
    assert part(built.outputs[0], "word/settings.xml").find(f"{W}updateFields") is not None


def _body_lines(page: pypdf.PageObject) -> int:
    """How many lines of text a page prints between its running header and its page number."""
    heights: set[int] = set()

    def keep(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text.strip():
            heights.add(round(tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=keep)
    return max(0, len(heights) - 2)


FEW_LINES = 8


@pytest.mark.libreoffice
def test_no_portrait_page_of_a_few_lines_stands_just_before_a_landscape_one(example) -> None:
    """The page review of the Magetan LKjIP (pages 39 and 56 of 77) and the Blitar Renstra
    (page 43 of 81): a portrait page holding the last two to five lines of the text before a
    landscape table, the rest of it empty (`render/carry.py` prints them on the landscape
    page). A portrait page that is the first of its stretch (a BAB's opening page) may be
    short: nothing before it on its page could be carried."""
    pages = reader(example.pdf).pages
    landscape = [p.mediabox.width > p.mediabox.height for p in pages]
    for i in range(1, len(pages) - 1):
        if landscape[i + 1] and not landscape[i] and not landscape[i - 1]:
            assert _body_lines(pages[i]) > FEW_LINES, f"page {i + 1}: {example.texts[i][:300]}"
    body = part(example.docx, "word/document.xml")
    names = [b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")]
    assert not [n for n in names if n.startswith("_Carry")], "the layout's marks are left in"


CARRIED = {  # by output name
    "lkjip-2024-dinas-sosial-kabupaten-magetan": (
        "Indeks Kepuasan Masyarakat diperoleh melalui survei",  # was page 39's two lines
        "Efisiensi disajikan lebih dahulu untuk setiap sasaran",  # was page 56
    ),
    "renstra-2021-2026-dinas-sosial-kabupaten-blitar": (
        "4.\tPerspektif keuangan",  # was page 43, with the sentence after it
        "Kebijakan yang dihasilkan untuk setiap strategi",
        "Sasaran strategis yang ditetapkan Dinas Sosial Provinsi",  # the list it leads into
    ),
}


@pytest.mark.libreoffice
def test_the_last_lines_before_a_landscape_table_print_on_its_page(example) -> None:
    expected = CARRIED.get(example.docx.stem, ())
    orientation = [s.orientation for s in docx_sections(example.docx)]
    section = 0
    found: dict[str, str] = {}
    for paragraph in docx.Document(str(example.docx)).paragraphs:
        found.setdefault(paragraph.text, orientation[section])
        if paragraph._p.find(f"{W}pPr/{W}sectPr") is not None:
            section += 1
    for start in expected:
        texts = [text for text in found if text.startswith(start)]
        assert texts, start
        assert found[texts[0]] == "landscape", start


def test_the_carried_examples_are_bundled() -> None:
    from laporgen.jenis import load_document, output_name

    examples = [
        ROOT / "content" / "magetan-dinsos" / "lkjip-2024",
        ROOT / "content" / "blitar-dinsos" / "renstra-2021-2026",
    ]
    assert set(CARRIED) == {output_name(load_document(folder)) for folder in examples}
