"""The data workbook beyond the content's tables: document.toml's settings that change from one
document to the next (Isian Dokumen), a Perjanjian Kinerja's perjanjian.yaml made and kept from
the workbook, and the rows whose money is their children's sum (the program tree, T-C.24):
formulas, grey, locked and noted in the workbook, and a value typed over one that disagrees is
reported by sheet and cell instead of dropped. Edited by openpyxl and re-saved by LibreOffice
Calc (a real client), imported back as exactly those lines."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from conftest import invoke_cli
from test_data_workbook import (
    calc_resave,
    col,
    copy_of,
    diff_lines,
    export,
    row_of,
    snapshot,
)

from laporgen.jenis import load_document


# ------------------------------------------------------------------------ document.toml
def set_isian(sheet, label: str, value) -> None:
    sheet.cell(row_of(sheet, label, 1), 2).value = value


@pytest.mark.parametrize("client", ["openpyxl", "calc"])
def test_lkjip_settings_edited_in_the_workbook_keep_document_toml_comments(client, tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    before = snapshot(tmp_path / "magetan-dinsos")
    xlsx = export(document, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    isian = wb["Isian Dokumen"]
    assert [isian.cell(r, 1).value for r in range(3, isian.max_row + 1)] == [
        "Isian",
        "Tahun",
        "Renstra",
        "Kertas",
        "Huruf",
        "Tanda tangan / Tempat",
        "Tanda tangan / Tanggal",
        "Tanda tangan / Gaya tanggal",
    ]
    assert isian.cell(row_of(isian, "Tahun", 1), 2).value == 2024
    assert isian.cell(row_of(isian, "Tanda tangan / Tanggal", 1), 2).value == dt.datetime(
        2025, 2, 1
    )
    set_isian(isian, "Kertas", "F4")
    set_isian(isian, "Huruf", "Times New Roman")
    set_isian(isian, "Tanda tangan / Tanggal", dt.datetime(2025, 2, 3))
    set_isian(isian, "Tanda tangan / Gaya tanggal", "panjang")
    wb.save(xlsx)
    if client == "calc":
        xlsx = calc_resave(xlsx, tmp_path)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    assert stdout.splitlines()[:4] == [
        "document.toml kertas (Kertas): 'A4' -> 'F4'",
        "document.toml huruf (Huruf): 'Arial' -> 'Times New Roman'",
        "document.toml tanda_tangan.tanggal (Tanda tangan / Tanggal): 2025-02-01 -> 2025-02-03",
        "document.toml tanda_tangan.gaya_tanggal (Tanda tangan / Gaya tanggal): 'bulan_tahun' -> "
        "'panjang'",
    ]
    assert diff_lines(before, snapshot(tmp_path / "magetan-dinsos")) == {
        "lkjip-2024/document.toml": (
            [
                'kertas = "A4"     # paper size: "A4" or "F4" (Folio)',
                "tanggal = 2025-02-01          # signing date (year-month-day)",
                'gaya_tanggal = "bulan_tahun"  # "bulan_tahun" prints "Februari 2025" (as the signed '
                "report);",
            ],
            [
                'kertas = "F4"     # paper size: "A4" or "F4" (Folio)',
                # a key the file left at its default goes under the others, not into [tanda_tangan]
                'huruf = "Times New Roman"',
                "tanggal = 2025-02-03          # signing date (year-month-day)",
                'gaya_tanggal = "panjang"  # "bulan_tahun" prints "Februari 2025" (as the signed '
                "report);",
            ],
        )
    }
    settings = load_document(document).settings
    assert (settings.kertas, settings.tanda_tangan.tanggal) == ("F4", dt.date(2025, 2, 3))


def test_renstra_signature_added_and_pk_pihak_kedua_changed(tmp_path):
    renstra = copy_of(tmp_path, "renstra-2018-2023")
    xlsx = export(renstra, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    isian = wb["Isian Dokumen"]
    # the file has no signature block: its rows are there, empty, to be filled in
    assert isian.cell(row_of(isian, "Tanda tangan / Tempat", 1), 2).value is None
    set_isian(isian, "Tanda tangan / Tempat", "Magetan")
    set_isian(isian, "Tanda tangan / Tanggal", dt.datetime(2022, 12, 30))
    set_isian(isian, "Penetapan / Nomor", "188/12/Kept./403.107/2022")
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", renstra)
    assert code == 0, stderr
    text = (renstra / "document.toml").read_text()
    assert 'nomor = "188/12/Kept./403.107/2022"\n' in text
    assert text.endswith('\n[tanda_tangan]\ntempat = "Magetan"\ntanggal = 2022-12-30\n')
    assert "# No signature block survives in the seed" in text  # the comments stay
    assert load_document(renstra).settings.tanda_tangan.tempat == "Magetan"

    pk = copy_of(tmp_path / "pk", "pk-2024")
    xlsx = export(pk, tmp_path / "out-pk")
    wb = openpyxl.load_workbook(xlsx)
    isian = wb["Isian Dokumen"]
    set_isian(isian, "Pihak kedua / Nama", "Dr. NANIK ENDANG RUSMINIARTI")
    set_isian(isian, "Pihak kedua / Jabatan", "PJ. BUPATI MAGETAN")
    wb.save(xlsx)
    before = (pk / "document.toml").read_text()
    code, stdout, stderr = invoke_cli("import", calc_resave(xlsx, tmp_path / "pk"), "--into", pk)
    assert code == 0, stderr
    assert (pk / "document.toml").read_text() == before.replace(
        'nama = "SUPRAWOTO"', 'nama = "Dr. NANIK ENDANG RUSMINIARTI"'
    ).replace('jabatan = ["BUPATI MAGETAN"]', 'jabatan = ["PJ. BUPATI MAGETAN"]')


def test_a_bad_setting_is_named_by_its_cell_and_nothing_is_written(tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    before = snapshot(tmp_path / "magetan-dinsos")
    xlsx = export(document, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    isian = wb["Isian Dokumen"]
    r = row_of(isian, "Kertas", 1)
    isian.cell(r, 2).value = "Legal"
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 2
    assert (
        f"error: {xlsx.name}: Isian Dokumen!B{r}: expected one of A4, F4, got 'Legal'; pick it "
        "from the cell's list [import.cell]" in stderr.splitlines()
    )
    assert snapshot(tmp_path / "magetan-dinsos") == before


# ------------------------------------------------------------------------------ sums
def test_tc24_program_rows_are_protected_sums_of_their_rincian(tmp_path):
    document = copy_of(tmp_path, "renstra-2018-2023")
    xlsx = export(document, tmp_path / "out")
    tc24 = openpyxl.load_workbook(xlsx)["T-C.24"]
    assert [c.value for c in tc24[3]] == [
        "No",
        "Nama",
        "Anggaran 2019 (Rp)",
        "Anggaran 2020 (Rp)",
        "Realisasi 2019 (Rp)",
        "Realisasi 2020 (Rp)",
    ]
    cell = tc24["C4"]
    assert cell.value == "=SUMIF('T-C.24 Rincian'!$A$4:$A$5000,$A4,'T-C.24 Rincian'!D$4:D$5000)"
    assert cell.protection.locked and cell.fill.start_color.rgb.endswith("E7E6E6")
    assert cell.comment.text.startswith("Dihitung: jumlah rincian baris ini di lembar T-C.24")
    assert tc24["B4"].protection.locked is False  # the program's name is typed
    # Calc sums the rincian as the signed Renstra printed the program (seed 000 lines 1946-1963,
    # T-C.24: 450,000,000, 530,105,000; realisasi 2019 445,325,100)
    saved = openpyxl.load_workbook(calc_resave(xlsx, tmp_path), data_only=True)["T-C.24"]
    assert (saved["C4"].value, saved["D4"].value, saved["E4"].value) == (
        450000000,
        530105000,
        445325100,
    )


@pytest.mark.parametrize("client", ["openpyxl", "calc"])
def test_a_value_typed_over_a_sum_that_disagrees_is_named(client, tmp_path):
    document = copy_of(tmp_path, "renstra-2018-2023")
    before = snapshot(tmp_path / "magetan-dinsos")
    xlsx = export(document, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    wb["T-C.24"]["C4"] = 450000001
    wb["T-C.24"]["D4"] = 530105000  # 2020: what its rincian add up to, typed: agrees
    wb.save(xlsx)
    if client == "calc":
        xlsx = calc_resave(xlsx, tmp_path)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 2 and stdout == ""
    assert stderr.splitlines() == [
        f"error: {xlsx.name}: T-C.24!C4: 450000001 is typed over the sum of the rows under 1, "
        "450000000: this cell is computed; change the rows under 1 on the sheet T-C.24 Rincian "
        "(the cell sums them), or empty this cell [import.jumlah]",
    ]
    assert snapshot(tmp_path / "magetan-dinsos") == before


def test_a_program_pagu_typed_over_its_kegiatan_sum_is_named_not_dropped(tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    before = snapshot(tmp_path / "magetan-dinsos")
    xlsx = export(document, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    program = wb["Program"]
    p1 = row_of(program, "P1", 3)
    pagu = program.cell(p1, col(program, "Pagu (Rp)"))
    assert pagu.comment.text.startswith("Dihitung: jumlah baris di bawahnya")
    pagu.value = 5215862285
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", calc_resave(xlsx, tmp_path), "--into", document)
    assert code == 2
    # LKjIP 2024 Tabel 3.9: program penunjang, pagu Rp 5.215.862.284
    assert stderr.splitlines() == [
        f"error: {xlsx.name}: Program!{pagu.column_letter}{p1}: 5215862285 is typed over the sum "
        "of the rows under P1, 5215862284: this cell is computed; change the rows under P1 on the "
        "sheet Program (the cell sums them), or empty this cell [import.jumlah]"
    ]
    assert snapshot(tmp_path / "magetan-dinsos") == before


def test_a_sum_typed_as_its_rows_add_up_is_no_change_and_a_pk_program_pagu_is_checked(tmp_path):
    document = copy_of(tmp_path, "renstra-2018-2023")
    xlsx = export(document, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    wb["T-C.24 Rincian"]["D5"] = 150000001  # a rincian changed, its program's sum typed after it
    wb["T-C.24"]["C4"] = 450000001
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    assert stdout.splitlines()[0] == (
        "evaluasi.yaml anggaran_realisasi.uraian[0].anak[1].anggaran[2019] (1/2): 150000000 -> "
        "150000001"
    )
    assert len(stdout.splitlines()) == 2  # the line above and the count: the program gets none
    program = load_document(document).evaluasi.anggaran_realisasi.uraian[0]
    assert program.anggaran == {} and program.anak[1].anggaran[2019] == 150000001

    pk = copy_of(tmp_path / "pk", "pk-2024")
    xlsx = export(pk, tmp_path / "out-pk")
    wb = openpyxl.load_workbook(xlsx)
    program = wb["Program"]
    p2 = row_of(program, "P2", 3)
    pagu = program.cell(p2, col(program, "Pagu (Rp)"))
    assert pagu.value.startswith("=SUMIF(") and pagu.comment is not None
    pagu.value = 5  # a PK program has no pagu of its own: it is its kegiatan's sum
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", pk)
    assert code == 2
    assert (
        f"Program!{pagu.column_letter}{p2}: 5 is typed over the sum of the rows under P2" in stderr
    )


# ------------------------------------------------------------------------ perjanjian.yaml
def test_pk_perjanjian_is_made_from_the_workbook_then_updated(tmp_path):
    """The PK example has no perjanjian.yaml (it holds every sasaran indicator at the Renstra's
    targets): its sheets are there empty, with the plan's name, satuan and target looked up
    beside an id typed; filled, the import writes the file from the scaffold's text."""
    pk = copy_of(tmp_path, "pk-2024")
    assert not (pk / "perjanjian.yaml").exists()
    xlsx = export(pk, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    target = wb["PK Target"]
    assert [c.value for c in target[3]] == [
        "Indikator",
        "Target",
        "Nama Indikator",
        "Satuan",
        "Target Renstra 2024",
    ]
    assert target["E9"].value.startswith("=IFERROR(VLOOKUP($A9,Indikator!$B$4:")
    target["A4"], target["B4"] = "IS2.1", "0,3"
    indikator = wb["PK Indikator"]
    for r, key in enumerate(("IS1.1", "IS2.1", "IS3.1"), start=4):
        indikator.cell(r, 1).value = key
    wb.save(xlsx)
    saved = calc_resave(xlsx, tmp_path)
    shown = openpyxl.load_workbook(saved, data_only=True)["PK Target"]
    assert [shown.cell(4, c).value for c in range(1, 6)] == [
        "IS2.1",
        "0,3",  # typed as text: the import reads either decimal mark
        "Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial",
        "persen",
        0.28,
    ]
    code, stdout, stderr = invoke_cli("import", saved, "--into", pk)
    assert code == 0, stderr
    assert stdout.splitlines()[:4] == [
        "perjanjian.yaml indikator: new PK Indikator IS1.1",
        "perjanjian.yaml indikator: new PK Indikator IS2.1",
        "perjanjian.yaml indikator: new PK Indikator IS3.1",
        "perjanjian.yaml target: new PK Target IS2.1",
    ]
    text = (pk / "perjanjian.yaml").read_text()
    assert text == (
        "# Optional. Without `indikator` the PK holds every sasaran indicator of the plan; `target` "
        "records\n# an agreed target that differs from the plan's target of 2024 (`laporgen check` "
        "reports it).\nindikator:\n  - IS1.1\n  - IS2.1\n  - IS3.1\ntarget:\n  IS2.1: 0.3\n"
    )
    content = load_document(pk)
    assert content.perjanjian.indikator == ["IS1.1", "IS2.1", "IS3.1"]
    assert str(content.perjanjian.target["IS2.1"]) in ("0.3", "0.30")

    xlsx = export(pk, tmp_path / "again")
    wb = openpyxl.load_workbook(xlsx)
    target = wb["PK Target"]
    assert target["A4"].value == "IS2.1" and target["B4"].value == 0.3
    target["B4"] = "0,35"
    indikator = wb["PK Indikator"]
    indikator["A6"] = None  # IS3.1 leaves the agreement
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", pk)
    assert code == 0, stderr
    assert (pk / "perjanjian.yaml").read_text() == text.replace("  - IS3.1\n", "").replace(
        "IS2.1: 0.3\n", "IS2.1: 0.35\n"
    )
