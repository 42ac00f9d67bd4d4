"""The data workbook's sheets beyond the plan and the program tree: every collection of every
content file (riwayat, PK, renja, dukungan/alokasi, rencana aksi, target triwulan, strategi with
its ✓ years, T-C.23/24/28, permasalahan, the PK's DPA) and each file's own values (Isian sheets),
edited in the workbook (by openpyxl and re-saved by LibreOffice Calc) and imported back as
exactly those YAML lines; a bad cell in them is named by sheet and cell and nothing is written."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from test_data_workbook import (
    calc_resave,
    col,
    copy_of,
    diff_lines,
    export,
    first_empty,
    row_of,
    snapshot,
)

from laporgen.commands.data_workbook import sheets_of
from laporgen.jenis import load_document


def test_lkjip_workbook_has_a_sheet_for_every_collection(tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    wb = openpyxl.load_workbook(export(document, tmp_path / "out"))
    assert wb.sheetnames == [
        "Petunjuk",
        "Tujuan",
        "Sasaran",
        "Indikator",
        "Strategi",
        "Keterkaitan",
        "Realisasi",
        "Riwayat",
        "PK",
        "PK Target",
        "PK Baris Lain",
        "Renja",
        "Dukungan",
        "Alokasi",
        "Analisis Sasaran",
        "Standar",
        "Rencana Aksi",
        "Target Triwulan",
        "Inovasi",
        "Prestasi",
        "Program",
        "Indikator Program",
        "SDM Formasi",
        "SDM Golongan",
        "SDM Pendidikan",
        "SDM Jenis Kelamin",
        "Aset",
        "Isian Dokumen",
        "Isian Perangkat Daerah",
        "Isian Rencana",
        "Isian Kinerja",
        "Isian Sumber Daya",
        "Daftar",
    ]
    triwulan = wb["Target Triwulan"]
    assert [c.value for c in triwulan[3]] == [
        "Indikator",
        "TW I",
        "TW II",
        "TW III",
        "TW IV",
        "Target Tahunan",
    ]
    # LKjIP 2024 Tabel 4.3: IS3.1 has no target in TW I and II; percentages add up
    r = row_of(triwulan, "IS3.1", 1)
    assert [c.value for c in triwulan[r]] == [
        "IS3.1",
        None,
        None,
        0.04,
        0.01,
        f'=IF(COUNT(B{r}:E{r})=0,"",SUM(B{r}:E{r}))',
    ]
    assert triwulan.cell(r, 6).protection.locked is not False
    r = row_of(triwulan, "IS5.1", 1)  # an index: the TW IV value
    assert triwulan.cell(r, 6).value == f'=IF(ISBLANK(E{r}),"",E{r})'
    alokasi = wb["Alokasi"]
    assert [c.value for c in alokasi[3]] == [
        "Sasaran",
        "Program / Kegiatan",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        "Serapan (%)",
    ]
    assert [c.value for c in alokasi[4]] == [
        "S3",
        "K2.1",
        145000000,
        138280100,
        '=IF(N(C4)=0,"",D4/C4)',
    ]
    lists = {
        str(dv.sqref).split(":")[0][:1]: dv.formula1
        for dv in alokasi.data_validations.dataValidation
    }
    assert lists["A"] == "'Dukungan'!$A$4:$A$5000" and lists["B"] == "'Program'!$C$4:$C$5000"
    assert alokasi["C4"].number_format == "#,##0" and alokasi["C4"].protection.locked is False
    strategi = wb["Strategi"]
    assert [c.value for c in strategi[3]] == [
        "Sasaran",
        "No",
        "Uraian",
        "Arah Kebijakan",
        "2024",
        "2025",
        "2026",
    ]
    assert strategi["D4"].value.split("\n")[0] == "Peningkatan Jaminan Kesehatan"
    riwayat = wb["Riwayat"]
    # the row's own arah (blank: the plan indicator's) before the years
    assert [c.value for c in riwayat[3]][5:10] == [
        "Arah",
        "Target 2022",
        "Realisasi 2022",
        "Target 2023",
        "Realisasi 2023",
    ]
    renja = wb["Renja"]
    assert [renja.cell(r, 1).value for r in range(4, 11)] == [
        "IT1",
        "IS1.1",
        "IS2.1",
        "IS3.1",
        "IS4.1",
        "IS5.1",
        "IS5.2",
    ]
    isian = wb["Isian Sumber Daya"]
    assert [c.value for c in isian[3]] == ["Isian", "Nilai"]
    assert isian["A6"].value == "Aset / Keterangan" and isian["B6"].value == "Sebelum Penyusutan"
    assert isian["A6"].protection.locked is not False and isian["B6"].protection.locked is False


def test_every_content_field_of_every_example_has_a_column(tmp_path):
    """Each value a content file writes is in some sheet, except what a signed document printed
    (`tercetak…`, for `check`), the ids of the plan and program rows (their key column), a plan's
    `periode` (the folder's name), document.toml (settings) and a declared table's definition
    (its rows are)."""
    from laporgen.model.source import format_path

    examples = [
        "magetan-dinsos/lkjip-2024",
        "magetan-dinsos/renstra-2018-2023",
        "blitar-dinsos/renstra-2021-2026",
        "magetan-dinsos/pk-2024",
        "rekaan-dinsos/renstra-2025-2029",
        "magetan-dinsos/renstra-2024-2026",
    ]
    from conftest import ROOT

    for example in examples:
        content = load_document(ROOT / "content" / example)
        shown: set[tuple[str, str]] = set()
        for lembar in sheets_of(content):
            for baris in lembar.rows:
                for kolom in lembar.fields():
                    path = (*baris.path, *kolom.field)
                    shown.add((lembar.stem, _shape(path)))
                shown.add((lembar.stem, _shape(baris.path)))
        missing = []
        for stem in content.sources:
            if stem == "document":
                continue
            for path in _leaves(getattr(content, stem)):
                shape = _shape(path)
                if stem == "tabel" and "baris" not in path:
                    continue  # a declared table's definition: its rows are the data
                if any(str(p).startswith("tercetak") for p in path) or path == ("periode",):
                    continue
                if path[-1] == "id" and path[0] in ("program", "tujuan"):
                    continue  # the key column
                if not any(
                    shape == s or shape.startswith(s + ".") for st, s in shown if st == stem
                ):
                    missing.append(f"{stem}: {format_path(path)}")
        assert missing == [], example


def _shape(path: tuple) -> str:
    return ".".join(str(p) for p in path if isinstance(p, str))


def _leaves(node, path: tuple = ()):
    """The field paths of every value a loaded node writes."""
    from pydantic import BaseModel

    if isinstance(node, BaseModel):
        for name in node.model_fields_set:
            yield from _leaves(getattr(node, name), (*path, name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list) and node and isinstance(node[0], BaseModel | dict | list):
        for n, value in enumerate(node):
            yield from _leaves(value, (*path, n))
    elif node != [] and node != {}:  # an empty list holds no value
        yield path


# ---------------------------------------------------------------------------------- edits
def edit_lkjip(xlsx) -> None:
    wb = openpyxl.load_workbook(xlsx)
    triwulan = wb["Target Triwulan"]
    triwulan.cell(row_of(triwulan, "IS3.1", 1), 2, "0,01")
    alokasi = wb["Alokasi"]
    alokasi.cell(4, 3, 150000000)
    r = first_empty(alokasi, 1)
    for c, value in enumerate(("S1", "P4", 2000000, "1.500.000"), start=1):
        alokasi.cell(r, c, value)
    riwayat = wb["Riwayat"]
    riwayat.cell(4, col(riwayat, "Realisasi 2023"), 99)
    renja = wb["Renja"]
    renja.cell(row_of(renja, "IS5.2", 1), 1).value = None
    pk = wb["PK Target"]
    for c, value in enumerate(("2", "IS2.1", "0,3"), start=1):
        pk.cell(4, c, value)  # the sheet is empty: the example agrees every plan target
    strategi = wb["Strategi"]
    strategi.cell(row_of(strategi, "S3", 1), col(strategi, "2025"), "✓")
    aksi = wb["Rencana Aksi"]
    r = row_of(aksi, "IS3.1", 1)
    aksi.cell(r, 2, aksi.cell(r, 2).value + "\nMelaksanakan verifikasi data WRSE")
    isian = wb["Isian Kinerja"]
    isian.cell(row_of(isian, "Tahun lalu / Serapan", 1), 2, "97,5")
    wb.save(xlsx)


@pytest.mark.parametrize("client", ["openpyxl", "calc"])
def test_lkjip_edits_in_the_new_sheets_become_yaml_lines(client, tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    before = snapshot(tmp_path / "magetan-dinsos")
    xlsx = export(document, tmp_path / "out")
    edit_lkjip(xlsx)
    if client == "calc":
        xlsx = calc_resave(xlsx, tmp_path)
    from conftest import invoke_cli

    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    changed = diff_lines(before, snapshot(tmp_path / "magetan-dinsos"))
    assert changed == LKJIP_EDITS
    kinerja = load_document(document).kinerja
    assert kinerja.target_triwulan["IS3.1"][0] == Decimal("0.01")
    assert kinerja.dukungan["S1"].alokasi["P4"].realisasi == 1500000
    assert kinerja.tahun_lalu.serapan == Decimal("97.5")


LKJIP_EDITS = {
    "lkjip-2024/kinerja.yaml": (
        [
            "      2023: {target: 100, realisasi: 100}",
            "renja: [IT1, IS1.1, IS2.1, IS3.1, IS4.1, IS5.1, IS5.2]",
            "      K2.1: {pagu: 145000000, realisasi: 138280100}",
            "  IS3.1: [null, null, 0.04, 0.01]",
            "tahun_lalu: {}",
        ],
        [
            "      2023: {target: 100, realisasi: 99}",
            "    target:",
            "      IS2.1: 0.3",
            "renja: [IT1, IS1.1, IS2.1, IS3.1, IS4.1, IS5.1]",
            "    alokasi:",
            "      P4: {pagu: 2000000, realisasi: 1500000}",
            "      K2.1: {pagu: 150000000, realisasi: 138280100}",
            "    - Melaksanakan verifikasi data WRSE",
            "  IS3.1: [0.01, null, 0.04, 0.01]",
            "tahun_lalu:",
            "  serapan: 97.5",
        ],
    ),
    # the plan is the Renstra's: the ✓ under 2025 of S3's strategy
    "renstra-2024-2026/rencana.yaml": ([], ["            tahun:", "              - 2025"]),
}


# ------------------------------------------------------------------------------ bad cells
def test_bad_cells_of_the_new_sheets_are_named_and_nothing_is_written(tmp_path):
    from conftest import invoke_cli

    document = copy_of(tmp_path, "lkjip-2024")
    xlsx = export(document, tmp_path / "out")
    before = snapshot(tmp_path / "magetan-dinsos")
    wb = openpyxl.load_workbook(xlsx)
    triwulan = wb["Target Triwulan"]
    r = row_of(triwulan, "IS2.1", 1)
    triwulan.cell(r, 3, "naik")
    strategi = wb["Strategi"]
    s = row_of(strategi, "S2", 1)
    strategi.cell(s, col(strategi, "2026"), "mungkin")
    isian = wb["Isian Kinerja"]
    isian.cell(4, 1, "Tahun lalu")
    alokasi = wb["Alokasi"]
    a = first_empty(alokasi, 1)
    alokasi.cell(a, 2, "P4")
    alokasi.cell(a, 3, 1000)
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 2 and stdout == ""
    name = xlsx.name
    lines = stderr.splitlines()
    assert (
        f'error: {name}: Target Triwulan!C{r}: expected a number, got "naik"; type a number, '
        'e.g. 92,5 or 92.5 ("-" or an empty cell for no value) [import.cell]' in lines
    )
    assert (
        f"error: {name}: Strategi!G{s}: expected ✓ or an empty cell, got 'mungkin'; pick it from "
        "the cell's list [import.cell]" in lines
    )
    assert (
        f"error: {name}: Isian Kinerja!A4: 'Tahun lalu' is not one of the exported rows; keep the "
        "labels of column A as exported [import.id]" in lines
    )
    assert any(f"Alokasi!A{a}" in line and "no Sasaran" in line for line in lines), lines
    assert snapshot(tmp_path / "magetan-dinsos") == before


def test_pk_dpa_and_invented_permasalahan_rows_added(tmp_path):
    from conftest import invoke_cli

    pk = copy_of(tmp_path, "pk-2024")
    xlsx = export(pk, tmp_path / "out-pk")
    wb = openpyxl.load_workbook(xlsx)
    program = wb["Program"]
    r = first_empty(program, 3)
    for header, value in (
        ("Tingkat", "Kegiatan"),
        ("Induk", "P2"),
        ("ID", "K2.9"),
        ("Nama", "Kegiatan baru"),
        ("Pagu (Rp)", 2500000),
    ):
        program.cell(r, col(program, header), value)
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", pk)
    assert code == 0, stderr
    kegiatan = load_document(pk).anggaran.program[1].kegiatan[-1]
    assert (kegiatan.id, kegiatan.nama, kegiatan.pagu) == ("K2.9", "Kegiatan baru", 2500000)

    rekaan = copy_of(tmp_path, "renstra-2025-2029")
    xlsx = export(rekaan, tmp_path / "out-rekaan")
    wb = openpyxl.load_workbook(xlsx)
    masalah = wb["Masalah"]
    assert [c.value for c in masalah[3]] == ["Permasalahan", "No", "Uraian", "Akar Masalah"]
    r = first_empty(masalah, 1)
    masalah.cell(r, 1, "2")
    masalah.cell(r, 3, "Relawan bencana belum terlatih")
    masalah.cell(r, 4, "Pelatihan hanya sekali setahun\nAnggaran pelatihan kecil")
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", rekaan)
    assert code == 0, stderr
    assert stdout.splitlines()[0] == "analisis.yaml permasalahan[1].masalah: new Masalah (row 7)"
    assert (
        (rekaan / "analisis.yaml")
        .read_text()
        .endswith(
            """          - Gudang logistik belum tersedia di setiap kecamatan
      - uraian: Relawan bencana belum terlatih
        akar_masalah:
          - Pelatihan hanya sekali setahun
          - Anggaran pelatihan kecil
"""
        )
    )


def test_declared_table_rows_edited_and_added(tmp_path):
    from conftest import invoke_cli

    rekaan = copy_of(tmp_path, "renstra-2025-2029")
    xlsx = export(rekaan, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    tabel = wb["Tabel sasaran-provinsi"]
    assert tabel["E6"].value == "N.a"  # text in a number column stays text
    tabel["E6"] = "3,1"
    gudang = wb["Tabel gudang-logistik"]
    for c, value in enumerate((None, "Selatan", "Kecamatan D", "6,5", None, None, "ya"), start=1):
        gudang.cell(7, c, value)
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", rekaan)
    assert code == 0, stderr
    text = (rekaan / "tabel.yaml").read_text()
    assert (
        "- {sasaran: Meningkatnya perlindungan sosial, indikator: Indeks ketahanan sosial" in text
    )
    assert ", t2025: 3.1, t2029: 3.25}" in text
    assert (
        "      - {wilayah: Selatan, kecamatan: Kecamatan C, kapasitas: 10, t2026: true, t2027: true}\n"
        "      - {wilayah: Selatan, kecamatan: Kecamatan D, kapasitas: 6.5, t2027: true}\n" in text
    )


def test_new_strategies_under_a_sasaran_without_any_and_a_new_history_row(tmp_path):
    """S5 has no `strategi:` yet: the first new row writes the list, the second joins it; a
    new riwayat row writes its years as the per-year mapping."""
    from conftest import invoke_cli

    document = copy_of(tmp_path, "lkjip-2024")
    xlsx = export(document, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    strategi = wb["Strategi"]
    r = first_empty(strategi, 1)
    strategi.cell(r, 1, "S5")
    strategi.cell(r, 3, "Strategi S5 satu")
    strategi.cell(r, col(strategi, "2025"), "✓")
    strategi.cell(r + 1, 1, "S5")
    strategi.cell(r + 1, 3, "Strategi S5 dua")
    riwayat = wb["Riwayat"]
    r = first_empty(riwayat, 2)
    for header, value in (
        ("Sasaran", "Sasaran lama"),
        ("Indikator", "Indikator lama"),
        ("Satuan", "persen"),
        ("Target 2022", 10),
        ("Realisasi 2023", "9,5"),
    ):
        riwayat.cell(r, col(riwayat, header), value)
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    assert stdout.splitlines()[:3] == [
        "rencana.yaml tujuan[0].sasaran[4].strategi: new Strategi (row 8)",
        "rencana.yaml tujuan[0].sasaran[4].strategi: new Strategi (row 9)",
        "kinerja.yaml riwayat: new Riwayat (row 16)",
    ]
    plan = (document.parent / "renstra-2024-2026" / "rencana.yaml").read_text()
    assert plan.endswith(
        "            agregasi_triwulan: akhir\n"
        "        strategi:\n"
        "          - uraian: Strategi S5 satu\n"
        "            tahun: [2025]\n"
        "          - {uraian: Strategi S5 dua}\n"
    )
    assert (
        "  - sasaran: Sasaran lama\n"
        "    indikator: Indikator lama\n"
        "    satuan: persen\n"
        "    tahun:\n"
        "      2022: {target: 10}\n"
        "      2023: {realisasi: 9.5}\n" in (document / "kinerja.yaml").read_text()
    )


def test_calc_computes_the_year_target_of_the_quarters(tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    saved = calc_resave(export(document, tmp_path / "out"), tmp_path)
    triwulan = openpyxl.load_workbook(saved, data_only=True)["Target Triwulan"]
    # LKjIP 2024 Tabel 4.3 TOTAL column: IS1.1 98,89 (24,72 x 3 + 24,73), IS5.2 87,50 (TW IV)
    assert round(triwulan.cell(row_of(triwulan, "IS1.1", 1), 6).value, 2) == 98.89
    assert triwulan.cell(row_of(triwulan, "IS5.2", 1), 6).value == 87.5


def test_declared_tables_with_hierarchy_and_malformed_figures_round_trip(tmp_path):
    """The Lamongan fixture (seed 002): rows with `tingkat`, a figure typed malformed
    ("2.421.000.000,000", which `check` reports) stays the text the file holds, also after
    Calc re-saves the workbook."""
    import shutil

    from conftest import ROOT, invoke_cli

    shutil.copytree(ROOT / "tests" / "check" / "lamongan", tmp_path / "lamongan")
    document = tmp_path / "lamongan" / "renstra-2021-2026"
    before = snapshot(tmp_path / "lamongan")
    xlsx = export(document, tmp_path / "out")
    sheet = next(
        ws for ws in openpyxl.load_workbook(xlsx).worksheets if ws.title.startswith("Tabel ")
    )
    assert "Tingkat Baris" in [c.value for c in sheet[3]]
    saved = calc_resave(xlsx, tmp_path)
    for workbook in (xlsx, saved):
        code, stdout, stderr = invoke_cli("import", workbook, "--into", document)
        assert (code, stdout, stderr) == (0, "no changes\n", "")
    assert snapshot(tmp_path / "lamongan") == before


def test_the_spm_sheets_say_spm(tmp_path):
    """spm.yaml's collections are sheets named and titled as the SPM's, never as another
    file's (its indicators once landed in a sheet titled as the Perjanjian Kinerja's)."""
    xlsx = export(copy_of(tmp_path, "renstra-2025-2029"), tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    spm = [name for name in wb.sheetnames if "SPM" in name or "Spm" in name]
    assert spm == ["SPM", "SPM Indikator", "SPM Rincian", "SPM Rincian Baris", "Isian SPM"]
    indikator = wb["SPM Indikator"]
    assert indikator["A1"].value == (
        "Indikator SPM: target, jumlah sasaran, terlayani (atau realisasi) per tahun"
    )
    assert "PK Indikator" not in wb.sheetnames
    year = ["Target", "Sasaran", "Terlayani", "Realisasi", "Capaian"]
    assert [c.value for c in indikator[3]] == [
        *("SPM", "No", "ID", "Nama", "Satuan"),
        *(f"{h} {y}" for y in (2022, 2023, 2024) for h in year),
    ]
    # SPM1.2: the sasaran of 2022 is "N.a" (text stays text), the capaian printed only in 2024
    assert [c.value for c in indikator[row_of(indikator, "SPM1.1", 3)]][5:] == [
        *(100, 40, 36, None, None),
        *(100, 45, 45, None, None),
        *(100, 48, 46, None, 95.83),
    ]
    assert indikator.cell(row_of(indikator, "SPM1.2", 3), 7).value == "N.a"


def test_spm_sasaran_and_terlayani_edited_in_the_workbook(tmp_path):
    """A changed jumlah terlayani and a changed jumlah sasaran are written back to
    spm.yaml as those values, nothing else."""
    from conftest import invoke_cli

    rekaan = copy_of(tmp_path, "renstra-2025-2029")
    before = snapshot(rekaan)
    xlsx = export(rekaan, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    indikator = wb["SPM Indikator"]
    r = row_of(indikator, "SPM1.3", 3)
    indikator.cell(r, col(indikator, "Terlayani 2023"), 121)
    indikator.cell(r, col(indikator, "Sasaran 2024"), 1300)
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", rekaan)
    assert code == 0, stderr
    assert diff_lines(before, snapshot(rekaan)) == {
        "spm.yaml": (
            [
                "          2023: {target: 100, sasaran: 125, terlayani: 118}",
                "          2024: {target: 100, sasaran: 130, terlayani: 127}",
            ],
            [
                "          2023: {target: 100, sasaran: 125, terlayani: 121}",
                "          2024: {target: 100, sasaran: 1300, terlayani: 127}",
            ],
        )
    }
