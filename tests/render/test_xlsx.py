"""The Excel renderer, read back through openpyxl: one sheet per table, merged group headers
from the tree's spans, frozen header rows, Indonesian figures as numbers with formats showing
their decimals, escaping, sheet names, determinism."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from laporgen.document.nodes import (
    Cell,
    Column,
    Cover,
    Document,
    Landscape,
    LineBreak,
    Paragraph,
    Section,
    Table,
    Text,
)
from laporgen.render.xlsx import render_xlsx

NASTY = '<&>"'


def para(text: str) -> Paragraph:
    return Paragraph((Text(text),))


def cell(text: str, **kwargs) -> Cell:
    return Cell((para(text),), **kwargs)


def grouped_table(number: str = "1.1", mark: str = "") -> Table:
    """A two-row grouped header: "No."/"Indikator" span both rows, "Tahun 2024" spans
    Target and Realisasi; a TOTAL foot row spans two columns."""
    head = (
        (
            cell("No.", rowspan=2, align="center"),
            cell(f"Indikator{mark}", rowspan=2, align="center"),
            cell("Tahun 2024", colspan=2, align="center"),
            cell("Capaian (%)", rowspan=2, align="center"),
        ),
        (cell("Target", align="center"), cell("Realisasi", align="center")),
    )
    body = (
        (
            cell("1", align="center"),
            cell(f"Persentase PPKS {mark}"),
            cell("1.234.567", align="right"),
            cell("92,50", align="right"),
            cell("-0,39", align="right"),
        ),
        (
            cell("2", align="center"),
            cell("Nilai SAKIP"),
            cell("-", align="right"),
            cell("0,259", align="right"),
            cell("", align="right"),
        ),
    )
    foot = (
        (
            cell("TOTAL", colspan=2),
            cell("24.175.862.284", align="right", strong=True),
            cell("1.2.3", align="right"),
            cell("84 Angka", align="right"),
        ),
    )
    return Table(
        id=f"t{number}",
        number=number,
        title=f"Capaian Kinerja{mark}",
        columns=(Column(1), Column(5), Column(2, "right"), Column(2, "right"), Column(2, "right")),
        head=head,
        body=body,
        foot=foot,
        caption_lines=("Dinas Sosial", "Tahun 2024"),
        source="Sumber : Dinas Sosial",
        notes=("Catatan: angka sementara",),
    )


def document(*blocks, date_iso: str = "2025-02-01") -> Document:
    return Document(
        title="LKjIP",
        subject="Laporan Kinerja",
        author="Dinas Sosial",
        date_iso=date_iso,
        cover=Cover(("LKjIP",), ("Dinas",)),
        front=(),
        body=tuple(blocks),
    )


def workbook(doc: Document) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))


@pytest.fixture
def sheet():
    return workbook(document(Section("bab1", 1, "BAB I", "PENDAHULUAN", (grouped_table(),))))[
        "Tabel 1.1"
    ]


# Layout of `grouped_table` in its sheet: captions in rows 1-3, an empty row, head in rows 5-6.
HEAD = 5


def test_one_sheet_per_table_in_reading_order_including_landscape_and_nested_sections():
    wb = workbook(
        document(
            Section(
                "bab1",
                1,
                "BAB I",
                "A",
                (grouped_table("1.1"), Section("s", 2, "A.", "B", (grouped_table("1.2"),))),
            ),
            Landscape((grouped_table("T-C.23"),)),
        )
    )
    assert wb.sheetnames == ["Tabel 1.1", "Tabel 1.2", "Tabel T-C.23"]


def test_sheet_titles_are_valid_and_unique():
    long = "3.2 " + "x" * 40
    wb = workbook(
        document(
            grouped_table("3.2"), grouped_table("3.2"), grouped_table("1/2"), grouped_table(long)
        )
    )
    assert wb.sheetnames[:3] == ["Tabel 3.2", "Tabel 3.2 (2)", "Tabel 1-2"]
    assert len(wb.sheetnames[3]) == 31


def test_captions_above_the_table_and_source_and_notes_below(sheet):
    assert [sheet.cell(r, 1).value for r in (1, 2, 3)] == [
        "Tabel 1.1 Capaian Kinerja",
        "Dinas Sosial",
        "Tahun 2024",
    ]
    assert sheet.cell(1, 1).font.b
    assert sheet.cell(HEAD + 4, 1).value == "TOTAL"
    assert [sheet.cell(r, 1).value for r in (HEAD + 6, HEAD + 7)] == [
        "Sumber : Dinas Sosial",
        "Catatan: angka sementara",
    ]


def test_group_headers_are_merged_as_the_tree_spans(sheet):
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert merged == {"A5:A6", "B5:B6", "C5:D5", "E5:E6", "A9:B9"}
    # the second head row's cells land under the group, past the row-spanning cells
    assert [sheet.cell(HEAD + 1, c).value for c in (3, 4)] == ["Target", "Realisasi"]
    assert sheet.cell(HEAD, 3).value == "Tahun 2024"


def test_head_rows_are_bold_shaded_and_frozen(sheet):
    assert sheet.freeze_panes == "A7"
    assert sheet.print_title_rows == "$5:$6"  # repeated on every printed page
    for c in range(1, 6):
        if sheet.cell(HEAD, c).value is not None:
            assert sheet.cell(HEAD, c).font.b
            assert sheet.cell(HEAD, c).fill.fgColor.rgb.endswith("D9D9D9")


@pytest.mark.parametrize(
    ("coordinate", "value", "number_format"),
    [
        ("C7", 1234567, "#,##0"),
        ("D7", 92.5, "#,##0.00"),
        ("E7", -0.39, "#,##0.00"),
        ("D8", 0.259, "#,##0.000"),
        ("C9", 24175862284, "#,##0"),
    ],
    ids=["thousands", "two decimals", "negative", "three decimals", "total"],
)
def test_right_aligned_figures_become_numbers_with_their_decimals(
    sheet, coordinate, value, number_format
):
    target = sheet[coordinate]
    assert target.data_type == "n"
    assert target.value == value
    assert isinstance(target.value, int) == isinstance(value, int)
    assert target.number_format == number_format


def test_dash_and_empty_are_empty_cells_and_other_text_stays_text(sheet):
    assert sheet["C8"].value is None and sheet["E8"].value is None
    assert sheet["D9"].value == "1.2.3"  # not a figure
    assert sheet["E9"].value == "84 Angka"
    assert sheet["A7"].value == "1"  # centred: a row number stays text, as printed


def test_bold_total_row(sheet):
    assert sheet["C9"].font.b


def test_column_widths_follow_the_tree(sheet):
    widths = [sheet.column_dimensions[c].width for c in "ABCDE"]
    assert widths[1] == pytest.approx(5 * widths[2] / 2, abs=0.1)
    assert widths[0] >= 5


def test_text_is_escaped_and_never_a_formula():
    doc = document(
        grouped_table(mark=NASTY),
        Table(
            id="f",
            number="9.9",
            title="Rumus",
            columns=(Column(),),
            head=((cell("=SUM(A1:A2)"),),),
            body=((Cell((Paragraph((Text("baris"), LineBreak(), Text("kedua"))),)),),),
        ),
    )
    wb = workbook(doc)
    assert wb["Tabel 1.1"]["B5"].value == f"Indikator{NASTY}"
    assert wb["Tabel 1.1"]["B7"].value == f"Persentase PPKS {NASTY}"
    rumus = wb["Tabel 9.9"]
    assert rumus["A3"].value == "=SUM(A1:A2)" and rumus["A3"].data_type == "s"
    assert rumus["A4"].value == "baris\nkedua"


def test_bytes_are_deterministic_and_dated_by_the_document():
    doc = document(grouped_table())
    data = render_xlsx(doc)
    assert data == render_xlsx(doc)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {info.date_time for info in z.infolist()} == {(2025, 2, 1, 0, 0, 0)}
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.properties.created.date().isoformat() == "2025-02-01"
    assert wb.properties.modified.date().isoformat() == "2025-02-01"
    assert render_xlsx(document(grouped_table(), date_iso="2025-03-01")) != data


def test_a_document_without_tables_still_gives_a_workbook():
    wb = workbook(document(Section("bab1", 1, "BAB I", "A", (para("teks"),))))
    assert wb.sheetnames == ["Tabel"]
