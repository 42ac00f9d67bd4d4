"""Where LibreOffice breaks the pages of a long table in our DOCX, read back from its PDF:
a total row never opens a page alone, a merged cell's rows that fit on half a page stay on
one page (else the rows after the break print an empty cell and lose their context), and a
table's notes share a page with its last row (`document/keep.py`, `render/docx.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from libreoffice import convert_to_pdf, pdf_pages

from laporgen.document.keep import laid_out
from laporgen.document.nodes import (
    Landscape,
    Cell,
    Column,
    Cover,
    Document,
    Paragraph,
    Section,
    Table,
    Text,
)
from laporgen.render.docx import render_docx

pytestmark = pytest.mark.libreoffice

TEMPLATE = Path(__file__).resolve().parents[1] / "src" / "laporgen" / "templates" / "laporgen.docx"
FILLER = "Kalimat pengisi halaman yang mendorong tabel ke bawah. " * 6


def _cell(text: str, **options) -> Cell:
    return Cell((Paragraph((Text(text),)),), **options)


def _table(n: int, groups: int, rows_each: int) -> Table:
    """Table 1.`n`: `groups` Sasaran cells each merged over `rows_each` rows, a JUMLAH row
    and a note."""
    body = []
    for g in range(groups):
        for r in range(rows_each):
            first = (_cell(f"Sasaran {n}-{g}", rowspan=rows_each),) if r == 0 else ()
            body.append(
                (*first, _cell(f"Kegiatan {n}-{g}-{r}"), _cell(f"{r + 1}0.000", align="right"))
            )
    return Table(
        f"t{n}",
        f"1.{n}",
        f"Uji {n}",
        (Column(3), Column(4), Column(2, "right")),
        ((_cell("Sasaran"), _cell("Kegiatan"), _cell("Anggaran")),),
        tuple(body),
        foot=((_cell("JUMLAH", colspan=2), _cell("999.000", align="right")),),
        notes=(f"Catatan tabel {n}.",),
    )


def _document(tables: list[tuple[int, Table]]) -> Document:
    """Each table on a page of its own after `fill` paragraphs of filler."""
    sections = tuple(
        Section(
            f"s{n}",
            1,
            f"BAB {n + 1}",
            "UJI",
            (*(Paragraph((Text(FILLER),)) for _ in range(fill)), table),
            page_break_before=True,
        )
        for n, (fill, table) in enumerate(tables)
    )
    return Document(
        "Uji", "Uji", "Uji", "2025-01-01", Cover(("UJI",), ("DINAS",)), (), laid_out(sections, "A4")
    )


def _pages(document: Document, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "uji.docx"
    with path.open("wb") as out:
        render_docx(document, TEMPLATE, out)
    return [
        [line.strip() for line in page.splitlines() if line.strip()]
        for page in pdf_pages(convert_to_pdf(path, tmp_path))
    ]


def _first_row(page: list[str]) -> str:
    """The first line of a page under the running header and the table's repeated head."""
    after_head = (
        page[page.index("Sasaran Kegiatan Anggaran") + 1 :]
        if "Sasaran Kegiatan Anggaran" in page
        else page[1:]
    )
    return after_head[0] if after_head else ""


def test_long_tables_break_between_merged_groups_never_before_a_lone_total_or_note(
    tmp_path: Path,
) -> None:
    """Tables of merged groups of four rows, tables of one-row groups whose lengths run
    across the height of a page, so that in one of them the JUMLAH row falls first on a page
    unless kept, and a table whose merged cells are taller than a page (cut, the Sasaran
    printed again on each part)."""
    tables = [(fill, _table(n, 12, 4)) for n, fill in enumerate((0, 1, 2, 3))]
    tables += [(0, _table(n, count, 1)) for n, count in enumerate(range(38, 45), start=4)]
    tables += [(2, _table(11, 2, 45))]  # a Sasaran over more rows than a page holds
    pages = _pages(_document(tables), tmp_path)
    starts = [_first_row(page) for page in pages[1:] if not page[1].startswith("BAB")]
    assert starts, "no table ran onto a second page"
    for start in starts:
        assert start.startswith("Sasaran"), f"a page opens with {start!r}"


def test_a_short_section_between_two_landscape_tables_prints_on_their_pages(
    tmp_path: Path,
) -> None:
    """A Renstra's T-C.24 (a wide table with a note), a section of one generated sentence,
    then T-C.25: the sentence shares a landscape page with a table (a new user's Dinas
    Kesehatan Renstra printed it alone on a portrait page between two landscape ones)."""
    wide = (Column(3), *(Column(2, "right") for _ in range(12)))

    def wide_table(n: int, rows: int) -> Table:
        head = (_cell("Program"), *(_cell(f"Tahun {y}") for y in range(12)))
        body = tuple(
            (_cell(f"Program {n}-{r}"), *(_cell(f"{r}.{y}00") for y in range(12)))
            for r in range(rows)
        )
        return Table(
            f"w{n}",
            f"T-C.2{n}",
            f"Uji lebar {n}",
            wide,
            (head,),
            body,
            notes=(f"Catatan lebar {n}.",),
        )

    bab = Section(
        "bab",
        1,
        "BAB VI",
        "RENCANA",
        (
            Section("a", 2, "6.1", "Anggaran", (Landscape((wide_table(4, 23),)),)),
            Section(
                "b",
                2,
                "6.2",
                "Sasaran",
                (Paragraph((Text("Kalimat tunggal yang dibangkitkan."),)),),
            ),
            Section("c", 2, "6.3", "Indikator", (Landscape((wide_table(5, 6),)),)),
        ),
        page_break_before=True,
    )
    document = Document(
        "Uji", "Uji", "Uji", "2025-01-01", Cover(("UJI",), ("DINAS",)), (), laid_out((bab,), "A4")
    )
    pages = _pages(document, tmp_path)
    for page in pages[1:]:
        rows = [line for line in page if line.startswith("Program ")]
        assert rows, f"a page without a table row: {page}"
