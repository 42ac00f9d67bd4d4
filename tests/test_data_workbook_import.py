"""The data workbook read back into a new document's files (`laporgen init`, then `export
--template data`, edited and saved by LibreOffice Calc, `import`): a value filled loses its
[ISI] marker and no comment moves to another entry; an LKjIP's Riwayat sheet has the earlier
years Tabel 3.3 compares and no typed cell is dropped; a problem names the cell that holds the
value it quotes; the Realisasi sheet offers every indicator of the year."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from conftest import invoke_cli
from test_data_workbook import calc_resave, col, export, snapshot

from laporgen.check.findings import placeholders
from laporgen.commands.content_edit import Delete, edited_text
from laporgen.jenis import load_document


def init(tmp_path: Path, name: str, *args: str) -> Path:
    document = tmp_path / "dinas" / name
    code, _, stderr = invoke_cli("init", document, *args)
    assert code == 0, stderr
    return document


def edited(xlsx: Path, tmp_path: Path, edit) -> Path:
    """The workbook with `edit(workbook)` applied, as Calc saves it."""
    workbook = openpyxl.load_workbook(xlsx)
    edit(workbook)
    tmp_path.mkdir(parents=True, exist_ok=True)
    filled = tmp_path / "filled.xlsx"
    workbook.save(filled)
    return calc_resave(filled, tmp_path)


def lines_with(path: Path, text: str) -> list[str]:
    return [line for line in path.read_text().splitlines() if text in line]


# ------------------------------------------------------------------------------ [ISI] markers
def test_filled_values_lose_their_marker_and_a_new_row_takes_no_comment(tmp_path):
    document = init(tmp_path, "lkjip-2025", "--type", "lkjip", "--tahun", "2025")
    kinerja, sdm = document / "kinerja.yaml", document / "sumber_daya.yaml"
    assert lines_with(kinerja, "IS1.1: {") == [
        '  IS1.1: {nilai: null, sumber_data: "[ISI] sumber data"}   # [ISI] realisasi 2025'
    ]

    def edit(wb):
        wb["Realisasi"]["B4"], wb["Realisasi"]["C4"] = 43, "Satlantas"
        sheet = wb["SDM Formasi"]
        sheet["B5"], sheet["C5"], sheet["D5"] = "Sekretaris", 1, 1

    xlsx = edited(export(document, tmp_path / "wb"), tmp_path, edit)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    # the realisasi filled: its marker gone, as the realisasi form's import does
    assert lines_with(kinerja, "IS1.1: {") == ['  IS1.1: {nilai: 43, sumber_data: "Satlantas"}']
    # the scaffold's note stays on the row it was written on; the new row has none
    assert lines_with(sdm, "jabatan:") == [
        '    - {jabatan: "Kepala Dinas", kebutuhan: 1, realisasi: 1}   # [ISI] one row per jabatan',
        "    - {jabatan: Sekretaris, kebutuhan: 1, realisasi: 1}",
    ]
    # the comment lines after the list stay after it
    text = sdm.read_text()
    assert text.index("Sekretaris") < text.index("  # golongan:")
    # check lists what is left, quoting the value and not the scaffold's English note
    found = {
        (p.problem.file.rsplit("/", 1)[-1], p.problem.line): p.problem.message
        for p in placeholders(load_document(document))
    }
    assert ("kinerja.yaml", 5) not in found
    assert found[("sumber_daya.yaml", 7)] == (
        'still to fill in: - {jabatan: "Kepala Dinas", kebutuhan: 1, realisasi: 1}'
    )


def test_renstra_markers_stay_on_their_rows_and_a_new_row_may_be_numbered(tmp_path):
    document = init(tmp_path, "renstra-2025-2029", "--type", "renstra")
    program, evaluasi = document / "program.yaml", document / "evaluasi.yaml"
    pagu_marker = "# [ISI] pagu indikatif per year (Rupiah)"
    assert len(lines_with(program, pagu_marker)) == 1

    def edit(wb):
        sheet = wb["Program"]
        for header, value in {
            "Tingkat": "Sub Kegiatan",
            "Induk": "K1.1",
            "ID": "SK1.1.2",
            "Kode": "X.XX.01.2.01.02",
            "Nama": "Sub kegiatan kedua",
            **{f"Pagu {y} (Rp)": 50_000_000 for y in range(2025, 2030)},
        }.items():
            sheet.cell(7, col(sheet, header)).value = value
        sheet = wb["T-C.24"]  # numbered "2", the next No: a new row, as with No left empty
        sheet["A5"], sheet["B5"] = "2", "PROGRAM KEDUA"
        for c in "CDEFGHIJKL":
            sheet[f"{c}5"] = 200_000_000

    xlsx = edited(export(document, tmp_path / "wb"), tmp_path, edit)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    assert "evaluasi.yaml anggaran_realisasi.uraian: new T-C.24 2" in stdout
    # the pagu marker stays on SK1.1.1's pagu (the line before the new sub kegiatan)
    lines = program.read_text().splitlines()
    marked = [n for n, line in enumerate(lines) if pagu_marker in line]
    assert len(marked) == 1 and "100000000" in lines[marked[0]]
    assert marked[0] < next(n for n, line in enumerate(lines) if "Sub kegiatan kedua" in line)
    assert all("ISI" not in line for line in lines[marked[0] + 1 :])
    # T-C.24: both markers on the first row, none on the new one
    lines = evaluasi.read_text().splitlines()
    new = next(n for n, line in enumerate(lines) if "PROGRAM KEDUA" in line)
    assert [line.split("# ")[-1] for line in lines if "per year (Rupiah)" in line] == [
        "[ISI] anggaran per year (Rupiah)",
        "[ISI] realisasi per year (Rupiah)",
    ]
    assert all("#" not in line for line in lines[new : new + 3]), lines[new : new + 3]


def test_a_problem_names_its_own_cell_and_value(tmp_path):
    document = init(tmp_path, "renstra-2025-2029", "--type", "renstra")
    before = snapshot(document.parent)

    def edit(wb):
        sheet = wb["Strategi"]
        assert [c.value for c in sheet[3]][:3] == ["Sasaran", "No", "Uraian"]
        sheet["A5"], sheet["B5"], sheet["C5"] = "S1", "x", "Strategi kedua"
        sheet = wb["Program"]  # a new kegiatan with a value in a program's column
        for header, value in {
            "Tingkat": "Kegiatan",
            "Induk": "P1",
            "ID": "K1.2",
            "Kode": "X.XX.01.2.02",
            "Nama": "Kegiatan kedua",
            "Penunjang": "ya",
        }.items():
            sheet.cell(7, col(sheet, header)).value = value

    xlsx = edited(export(document, tmp_path / "wb"), tmp_path, edit)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 2
    assert (
        "filled.xlsx: Strategi!B5: No 'x' is not an exported row; number a new row after the "
        "last one (2) or leave No empty [import.id]"
    ) in stderr
    # a cell the row's level has no field for is not dropped silently either
    letter = openpyxl.utils.get_column_letter(
        col(openpyxl.load_workbook(xlsx)["Program"], "Penunjang")
    )
    assert (
        f"filled.xlsx: Program!{letter}7: a Kegiatan has no Penunjang: 'ya' would be lost" in stderr
    )
    assert snapshot(document.parent) == before


# ------------------------------------------------------------------------------ riwayat
def test_riwayat_sheet_has_the_earlier_years_and_no_typed_cell_is_dropped(tmp_path):
    document = init(tmp_path, "lkjip-2025", "--type", "lkjip", "--tahun", "2025")
    xlsx = export(document, tmp_path / "wb")
    sheet = openpyxl.load_workbook(xlsx)["Riwayat"]
    years = ["Target 2023", "Realisasi 2023", "Target 2024", "Realisasi 2024"]
    assert [c.value for c in sheet[3]] == ["No", "Sasaran", "Indikator", "Satuan", "ID", "Arah"] + (
        years
    )
    assert not sheet["J4"].protection.locked and sheet["K4"].protection.locked
    row = ["Meningkatnya keselamatan", "Persentase kecelakaan", "persen", "IS1.1", "negatif"]

    def edit(extra):
        def apply(wb):
            sheet = wb["Riwayat"]
            for j, value in enumerate([*row, None, None, 90, 88], start=2):
                sheet.cell(4, j).value = value
            if extra:  # a year the sheet has no column for
                sheet["K3"], sheet["K4"] = "Target 2022", 80

        return apply

    before = snapshot(document.parent)
    code, stdout, stderr = invoke_cli(
        "import", edited(xlsx, tmp_path / "extra", edit(True)), "--into", document
    )
    assert code == 2
    assert "filled.xlsx: Riwayat!K4: '80' is in a column that is not exported ('Target 2022')" in (
        stderr
    )
    assert snapshot(document.parent) == before

    code, stdout, stderr = invoke_cli(
        "import", edited(xlsx, tmp_path / "plain", edit(False)), "--into", document
    )
    assert code == 0, stderr
    (riwayat,) = load_document(document).kinerja.riwayat
    assert (riwayat.id, riwayat.arah, list(riwayat.tahun)) == ("IS1.1", "negatif", [2024])
    assert (riwayat.tahun[2024].target, riwayat.tahun[2024].realisasi) == (90, 88)


# ------------------------------------------------------------------------------ realisasi
def test_realisasi_sheet_offers_every_indicator_of_the_year(tmp_path):
    from test_data_workbook import copy_of

    document = copy_of(tmp_path, "lkjip-2024")
    kinerja = document / "kinerja.yaml"
    kinerja.write_text(edited_text(kinerja, kinerja.read_text(), [Delete(("realisasi", "IS2.1"))]))
    before = snapshot(document.parent)
    xlsx = export(document, tmp_path / "wb")
    sheet = openpyxl.load_workbook(xlsx)["Realisasi"]
    ids = [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)]
    assert ids[: ids.index(None)] == [
        "IS1.1",
        "IS2.1",
        "IS3.1",
        "IS4.1",
        "IS5.1",
        "IS5.2",
    ]
    r = ids.index("IS2.1") + 4
    assert (sheet.cell(r, 2).value, sheet.cell(r, 3).value) == (None, None)

    # left empty: no edit
    code, stdout, stderr = invoke_cli("import", calc_resave(xlsx, tmp_path), "--into", document)
    assert (code, stdout) == (0, "no changes\n"), stderr
    assert snapshot(document.parent) == before

    def fill(wb):
        wb["Realisasi"].cell(r, 2).value, wb["Realisasi"].cell(r, 3).value = 0.259, "Dinas Sosial"

    code, stdout, stderr = invoke_cli(
        "import", edited(xlsx, tmp_path / "fill", fill), "--into", document
    )
    assert code == 0, stderr
    fakta = load_document(document).kinerja.realisasi["IS2.1"]
    assert (str(fakta.nilai), fakta.sumber_data) == ("0.259", "Dinas Sosial")


def test_an_ambiguous_figure_suggests_a_decimal_that_reads_one_way():
    from laporgen.commands.xlsx_cells import CellError, number_of_text

    hints = {}
    for text in ("85.000", "2,500", "1.230", "1.234"):
        try:
            number_of_text(text)
        except CellError as exc:
            hints[text] = re.findall(r"write (\S+) if .* separates thousands, (\S+) if", exc.hint)
    assert hints == {
        "85.000": [("85000", "85")],
        "2,500": [("2500", "2,5")],
        "1.230": [("1230", "1.23")],
        "1.234": [("1234", "1.2340")],
    }
