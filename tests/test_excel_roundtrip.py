"""Excel export and import end to end: `laporgen export --format xlsx` (tables as numbers),
`laporgen export --template realisasi` then `laporgen import` back into the YAML, keeping
comments and every untouched byte; bad cells located by sheet, row and column."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT
from libreoffice import pdf_pages, soffice

from laporgen.build import document_for
from laporgen.commands.xlsx_cells import CellError, number_of_cell, number_of_text
from laporgen.document.nodes import Landscape, ListBlock, Section, Table
from laporgen.jenis import load_document

LKJIP_NAME = "lkjip-2024-dinas-sosial-kabupaten-magetan"
RENSTRA = ROOT / "content" / "blitar-dinsos" / "renstra-2021-2026"
# Rows of the Magetan template: headers in row 4, IS1.1 in row 5, IS2.1 in row 6; K1.2 in row 6.
IS2_1_ROW = 6
K1_2_ROW = 6


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (the copied agency: LKjIP, its shared Renstra plan, agency.yaml)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def export_template(run_cli, document: Path, out: Path) -> Path:
    code, stdout, stderr = run_cli("export", document, "--template", "realisasi", "--out", out)
    assert code == 0, stderr
    path = out / f"{LKJIP_NAME}-realisasi.xlsx"
    assert path.is_file() and stdout.startswith("wrote ") and stdout.strip().endswith(path.name)
    return path


def edit(path: Path, sheet: str, values: dict[str, object]) -> Path:
    wb = openpyxl.load_workbook(path)
    for coordinate, value in values.items():
        wb[sheet][coordinate] = value
    wb.save(path)
    return path


def changed_lines(
    before: dict[str, bytes], after: dict[str, bytes]
) -> dict[str, list[tuple[str, str]]]:
    """(old line, new line) per changed file; the files must keep their line count."""
    out = {}
    for name, data in before.items():
        if data != after[name]:
            old, new = data.decode().splitlines(), after[name].decode().splitlines()
            assert len(old) == len(new), name
            out[name] = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    return out


# ----------------------------------------------------------------------------- the template
def test_template_rows_and_prefilled_values(run_cli, example_copy, tmp_path):
    wb = openpyxl.load_workbook(export_template(run_cli, example_copy, tmp_path / "out"))
    assert wb.sheetnames == ["Indikator", "Anggaran", "Indikator Program", "Alokasi"]
    indikator, anggaran = wb["Indikator"], wb["Anggaran"]
    assert [c.value for c in indikator[4]] == [
        "ID",
        "Indikator",
        "Satuan",
        "Target 2024",
        "Realisasi 2024",
        "Target TW I 2025",
        "Target TW II 2025",
        "Target TW III 2025",
        "Target TW IV 2025",
    ]
    assert [c.value for c in indikator[IS2_1_ROW]][:5] == [
        "IS2.1",
        "Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial",
        "persen",
        0.28,
        0.259,
    ]
    assert [c.value for c in indikator[IS2_1_ROW]][5:] == [0.07, 0.07, 0.07, 0.08]
    assert [indikator.cell(r, 1).value for r in range(5, indikator.max_row + 1)] == [
        "IS1.1",
        "IS2.1",
        "IS3.1",
        "IS4.1",
        "IS5.1",
        "IS5.2",
    ]  # IT1 is not measured in 2024
    assert [c.value for c in anggaran[K1_2_ROW]] == [
        "K1.2",
        "Administrasi Keuangan Perangkat Daerah",
        3360862284,
        3301405926,
    ]
    assert anggaran.max_row == 4 + 13  # the 13 kegiatan (none has sub-kegiatan)


def test_template_is_only_for_an_lkjip(run_cli, tmp_path):
    code, _, stderr = run_cli("export", RENSTRA, "--template", "realisasi", "--out", tmp_path)
    assert code == 2
    assert "the realisasi template is made for an LKjIP" in stderr
    assert not list(tmp_path.iterdir())


# ------------------------------------------------------------------------------------ import
def test_import_writes_exactly_the_changed_values_and_keeps_comments(
    run_cli, example_copy, tmp_path
):
    agency = example_copy.parent
    before = snapshot(agency)
    template = export_template(run_cli, example_copy, tmp_path / "out")
    edit(template, "Indikator", {f"E{IS2_1_ROW}": "0,28"})  # typed as text, decimal comma
    edit(template, "Anggaran", {f"D{K1_2_ROW}": 3301405000})  # typed as a number

    code, stdout, stderr = run_cli("import", template, "--into", example_copy)

    assert code == 0, stderr
    assert stdout.splitlines()[:2] == [
        "kinerja.yaml realisasi.IS2.1.nilai: 0.259 -> 0.28",
        "program.yaml program[0].kegiatan[1].anggaran.realisasi (K1.2): 3301405926 -> 3301405000",
    ]
    after = snapshot(agency)
    assert changed_lines(before, after) == {
        "lkjip-2024/kinerja.yaml": [("    nilai: 0.259", "    nilai: 0.28")],
        "lkjip-2024/program.yaml": [
            (
                "        anggaran: {pagu: 3360862284, pagu_murni: 3092564879, realisasi: 3301405926}",
                "        anggaran: {pagu: 3360862284, pagu_murni: 3092564879, realisasi: 3301405000}",
            )
        ],
    }
    comments = [
        line for line in before["lkjip-2024/kinerja.yaml"].decode().splitlines() if "#" in line
    ]
    assert comments and all(
        line in after["lkjip-2024/kinerja.yaml"].decode().splitlines() for line in comments
    )
    content = load_document(example_copy)
    assert content.kinerja.realisasi["IS2.1"].nilai == Decimal("0.28")
    assert content.program.program[0].kegiatan[1].anggaran.realisasi == Decimal(3301405000)


def test_export_then_import_unchanged_leaves_every_file_byte_identical(
    run_cli, example_copy, tmp_path
):
    agency = example_copy.parent
    template = export_template(run_cli, example_copy, tmp_path / "out")
    edit(template, "Indikator", {f"E{IS2_1_ROW}": 0.31, f"I{IS2_1_ROW}": "0.09"})
    assert run_cli("import", template, "--into", example_copy)[0] == 0
    edited = snapshot(agency)

    again = export_template(run_cli, example_copy, tmp_path / "again")
    code, stdout, _ = run_cli("import", again, "--into", example_copy)

    assert code == 0 and stdout.strip() == "no changes"
    assert snapshot(agency) == edited


def test_clearing_and_refilling_quarterly_targets_round_trips(run_cli, example_copy, tmp_path):
    """Removing an entry and adding it back goes through a ruamel.yaml round trip of the file:
    the entry comes back in plan order and the file is as it was."""
    agency = example_copy.parent
    before = snapshot(agency)
    original = export_template(run_cli, example_copy, tmp_path / "out")
    cleared = tmp_path / "cleared.xlsx"
    shutil.copy(original, cleared)
    row = IS2_1_ROW + 3  # IS5.1: [null, null, null, 92.34]
    edit(cleared, "Indikator", {f"I{row}": None})

    code, stdout, _ = run_cli("import", cleared, "--into", example_copy)
    assert code == 0
    assert "kinerja.yaml target_triwulan.IS5.1: [null, null, null, 92.34] -> (removed)" in stdout
    assert "IS5.1" not in load_document(example_copy).kinerja.target_triwulan

    code, stdout, _ = run_cli("import", original, "--into", example_copy)
    assert code == 0
    assert "kinerja.yaml target_triwulan.IS5.1: (none) -> [null, null, null, 92.34]" in stdout
    assert snapshot(agency) == before


def test_an_indicator_without_realisasi_gets_its_entry_in_plan_order(
    run_cli, example_copy, tmp_path
):
    """IS5.2 removed from kinerja.yaml: filling its row adds `realisasi.IS5.2` and its quarterly
    targets where they were (after IS5.1), and the comment lines after the block stay after it."""
    kinerja = example_copy / "kinerja.yaml"
    original = kinerja.read_text(encoding="utf-8")
    entry = "  IS5.2:\n    nilai: 87.45\n    sumber_data: Laporan Hasil SKM\n"
    tw = "  IS5.2: [null, null, null, 87.50]\n"
    assert entry in original and tw in original
    kinerja.write_text(original.replace(entry, "").replace(tw, ""), encoding="utf-8")
    template = export_template(run_cli, example_copy, tmp_path / "out")
    row = IS2_1_ROW + 4
    edit(template, "Indikator", {f"E{row}": "87,45", f"I{row}": "87,50"})

    code, stdout, _ = run_cli("import", template, "--into", example_copy)

    assert code == 0
    assert "kinerja.yaml realisasi.IS5.2: (none) -> {nilai: 87.45}" in stdout
    expected = original.replace(entry, "  IS5.2:\n    nilai: 87.45\n")
    assert kinerja.read_text(encoding="utf-8") == expected


def test_a_formula_without_a_computed_result_is_refused(run_cli, example_copy, tmp_path):
    before = snapshot(example_copy.parent)
    template = export_template(run_cli, example_copy, tmp_path / "out")
    edit(template, "Indikator", {f"E{IS2_1_ROW}": "=0.2+0.08"})  # openpyxl stores no result

    code, _, stderr = run_cli("import", template, "--into", example_copy)

    assert code == 2
    assert f"Indikator!E{IS2_1_ROW}: a formula whose result was never computed" in stderr
    assert snapshot(example_copy.parent) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", 'expected a number, got "abc"'),
        ("1.2.3", 'expected a number, got "1.2.3"'),
        ("1.234", '"1.234" is ambiguous: thousands or decimals?'),
        ("92,5%", 'expected a number, got "92,5%"; write the number without %'),
    ],
    ids=["text", "two dots", "ambiguous", "percent sign"],
)
def test_a_bad_cell_is_located_and_nothing_is_written(
    run_cli, example_copy, tmp_path, value, message
):
    agency = example_copy.parent
    before = snapshot(agency)
    template = export_template(run_cli, example_copy, tmp_path / "out")
    edit(template, "Indikator", {f"E{IS2_1_ROW + 1}": value})
    edit(template, "Anggaran", {f"D{K1_2_ROW}": 1})  # a valid change, not written either

    code, stdout, stderr = run_cli("import", template, "--into", example_copy)

    assert code == 2 and stdout == ""
    assert stderr.splitlines() == [
        line for line in stderr.splitlines() if line.startswith("error: ")
    ]
    assert f"error: {template.name}: Indikator!E{IS2_1_ROW + 1}: {message}" in stderr
    assert snapshot(agency) == before


def test_every_problem_of_every_sheet_is_reported(run_cli, example_copy, tmp_path):
    before = snapshot(example_copy.parent)
    template = export_template(run_cli, example_copy, tmp_path / "out")
    edit(template, "Indikator", {"E5": "x", "F7": "y", "A12": "IS9.9", "E12": 1})
    edit(template, "Anggaran", {f"D{K1_2_ROW}": -5, "D7": None})

    code, _, stderr = run_cli("import", template, "--into", example_copy)

    assert code == 2
    located = [line.split(": ")[2] for line in stderr.splitlines()]
    assert located == [
        "Indikator!E5",
        "Indikator!F7",
        "Indikator!A12",
        "Anggaran!D6",
        "Anggaran!D7",
    ]
    assert (
        "unknown ID 'IS9.9'" in stderr and "must not be negative" in stderr and "is empty" in stderr
    )
    assert snapshot(example_copy.parent) == before


def test_a_workbook_that_is_not_the_template_is_refused(run_cli, example_copy, tmp_path):
    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Indikator"
    wb.active.append(["Kode", "Nama"])
    wb.save(other)

    code, _, stderr = run_cli("import", other, "--into", example_copy)

    assert code == 2
    assert "other.xlsx: Indikator!A4: the column headers are not the template's" in stderr
    assert 'other.xlsx: Anggaran: the sheet "Anggaran" is missing' in stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("92,5", "92.5"),
        ("92.5", "92.5"),
        ("0,259", "0.259"),
        ("0.259", "0.259"),
        ("-0,39", "-0.39"),
        ("1.234.567", "1234567"),
        ("1,234,567", "1234567"),
        ("1.234.567,89", "1234567.89"),
        ("1,234,567.89", "1234567.89"),
        ("1234,567", "1234.567"),
        ("24175862284", "24175862284"),
        (" 5,30 ", "5.30"),
        ("1\u00a0234", "1234"),
    ],
    ids=lambda v: repr(v),
)
def test_numbers_typed_in_either_convention(text, expected):
    assert number_of_text(text) == Decimal(expected)
    assert str(number_of_text(text)) == expected  # the literal form is kept: 5,30 stays 5.30


@pytest.mark.parametrize(
    "text", ["1.234", "12,345", "1.2.3", "1,234.567.8", "abc", "92,5%", "1e5", "0x10"]
)
def test_text_that_is_not_a_number_or_is_ambiguous_is_refused(text):
    with pytest.raises(CellError):
        number_of_text(text)


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (0.28, "General", "0.28"),
        (0.1 + 0.2, "General", "0.3"),  # a spreadsheet's 15 significant digits
        (3301405926, "#,##0", "3301405926"),
        (0.925, "0.0%", "92.5"),  # "92,5%" typed in Excel is stored as 0.925
        (1.0, "0%", "100"),
        (None, "General", None),
        ("-", "General", None),
    ],
    ids=["float", "float noise", "int", "percent cell", "whole percent", "empty", "dash"],
)
def test_cell_values(value, number_format, expected):
    got = number_of_cell(value, number_format)
    assert (str(got) if got is not None else None) == expected


# -------------------------------------------------------------------------- table workbooks
def tables(blocks) -> list[Table]:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(block)
        elif isinstance(block, Section | Landscape):
            out.extend(tables(block.children))
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.extend(tables(item))
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    from conftest import invoke_cli

    out = tmp_path_factory.mktemp("xlsx")
    paths = {}
    for name, folder in (
        ("lkjip", ROOT / "content" / "magetan-dinsos" / "lkjip-2024"),
        ("renstra", RENSTRA),
    ):
        code, _, stderr = invoke_cli("export", folder, "--format", "xlsx", "--out", out)
        assert code == 0, stderr
        paths[name] = next(out.glob(f"{name}-*.xlsx"))
        paths[f"{name}-folder"] = folder
    return paths


@pytest.mark.parametrize("name", ["lkjip", "renstra"])
def test_exported_workbook_has_one_sheet_per_table(exported, name):
    document = document_for(load_document(exported[f"{name}-folder"]))
    wb = openpyxl.load_workbook(exported[name])
    labels = [t.label for t in tables((*document.front, *document.body))]
    # a table printed in parts by year span (document/table_layout.py) is a sheet a part, the
    # later ones "Tabel 2.9 (2)"
    seen = [labels[:n].count(label) for n, label in enumerate(labels)]
    assert wb.sheetnames == [
        label if k == 0 else f"{label} ({k + 1})" for label, k in zip(labels, seen)
    ]


def test_lkjip_figures_are_numbers_where_the_docx_shows_them(exported):
    sheet = openpyxl.load_workbook(exported["lkjip"])["Tabel 3.9"]
    total = next(row for row in sheet.iter_rows() if row[0].value == "TOTAL")
    assert [c.value for c in total[3:6]] == [24175862284, 23594861370, 97.6]
    assert [c.number_format for c in total[3:6]] == ["#,##0", "#,##0", "#,##0.00"]
    assert all(c.data_type == "n" for c in total[3:6])
    assert sheet.freeze_panes == "A6"
    assert exported["lkjip"].name == f"{LKJIP_NAME}.xlsx"


def test_renstra_group_headers_are_merged(exported):
    sheet = openpyxl.load_workbook(exported["renstra"])["Tabel 2.5"]  # T-C.23
    assert {str(r) for r in sheet.merged_cells.ranges} == {
        "A4:A5",
        "B4:B5",
        "C4:C5",
        "D4:D5",
        "E4:E5",
        "F4:J4",
        "K4:O4",
        "P4:T4",
    }
    assert sheet.freeze_panes == "A7"
    # RENSTRA-SPEC B6 / F1: the first indicator's targets, realisasi and rasio (rounded half-up,
    # where the seed truncated: B-1), as numbers, not text
    first = list(next(sheet.iter_rows(min_row=7, max_row=7)))
    assert [c.value for c in first[3:]] == [
        5,
        None,
        5,
        5,
        5,
        5,
        5,
        4.44,
        7.18,
        2.54,
        4.83,
        5.9,
        89,
        144,
        51,
        97,
        118,
    ]
    assert all(c.data_type == "n" for c in first[3:] if c.value is not None)


def convert(path: Path, to: str, workdir: Path) -> Path:
    """The file LibreOffice (Calc) makes of `path` in format `to`, with a private profile."""
    import subprocess

    profile = (workdir / "lo-profile").resolve().as_uri()
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(workdir),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    converted = workdir / f"{path.stem}.{to}"
    assert result.returncode == 0 and converted.is_file(), result.stdout + result.stderr
    return converted


@pytest.mark.libreoffice
def test_exported_lkjip_workbook_converts_to_pdf_in_libreoffice(exported, tmp_path):
    text = "\n".join(pdf_pages(convert(exported["lkjip"], "pdf", tmp_path)))
    assert "Tabel 3.9 Realisasi Anggaran Program dan Kegiatan" in text
    assert "24,175,862,284" in text or "24.175.862.284" in text  # a number, in the locale's format


@pytest.mark.libreoffice
def test_exported_renstra_workbook_converts_to_ods_in_libreoffice(exported, tmp_path):
    """ODS rather than PDF: as thorough a load, half the time."""
    import zipfile

    with zipfile.ZipFile(convert(exported["renstra"], "ods", tmp_path)) as ods:
        content = ods.read("content.xml").decode()
    assert content.count("<table:table ") == len(
        openpyxl.load_workbook(exported["renstra"]).sheetnames
    )
    assert 'table:name="Tabel 2.5"' in content


@pytest.mark.parametrize(
    ("sheet", "cell", "what"),
    [
        ("Anggaran", f"C{K1_2_ROW}", "the pagu of K1.2 is a grey reference cell"),
        ("Indikator", "D7", "the target of IS3.1 is a grey reference cell"),
    ],
    ids=["pagu", "target"],
)
def test_a_changed_grey_reference_cell_is_refused_by_sheet_and_cell(
    run_cli, example_copy, tmp_path, sheet, cell, what
):
    """A grey cell is never read back: a value changed there would be dropped without a word,
    so the import names it and writes nothing (not even the valid realisasi beside it)."""
    before = snapshot(example_copy.parent)
    template = export_template(run_cli, example_copy, tmp_path / "out")
    shown = openpyxl.load_workbook(template)[sheet][cell].value
    edit(template, sheet, {cell: 123456})
    edit(template, "Anggaran", {f"D{K1_2_ROW}": 1})

    code, stdout, stderr = run_cli("import", template, "--into", example_copy)

    assert code == 2 and stdout == ""
    (line,) = stderr.splitlines()
    assert line.startswith(f"error: {template.name}: {sheet}!{cell}: {what}, not read back: ")
    assert f"it was changed from {shown} to 123456; put the value back" in line
    assert line.endswith("[import.reference]")
    assert snapshot(example_copy.parent) == before


def test_a_predikat_realisasi_is_replaced_by_another(run_cli, example_copy, tmp_path):
    """A realisasi written as a predikat and changed in the form is written back as text: the
    change line once crashed formatting the old value."""
    kinerja = example_copy / "kinerja.yaml"
    kinerja.write_text(kinerja.read_text().replace("    nilai: 0.259", "    nilai: BB", 1))
    template = export_template(run_cli, example_copy, tmp_path / "out")
    assert openpyxl.load_workbook(template)["Indikator"][f"E{IS2_1_ROW}"].value == "BB"
    edit(template, "Indikator", {f"E{IS2_1_ROW}": "B"})

    code, stdout, stderr = run_cli("import", template, "--into", example_copy)

    assert code == 0, stderr
    assert stdout.splitlines()[0] == "kinerja.yaml realisasi.IS2.1.nilai: BB -> B"
    assert "    nilai: B\n" in kinerja.read_text()
    assert str(load_document(example_copy).kinerja.realisasi["IS2.1"].nilai) == "B"
