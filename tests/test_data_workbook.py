"""The data workbook end to end: `laporgen export PATH --template data`, edited (by openpyxl and
re-saved by LibreOffice Calc, a real client), `laporgen import` back through the content editor:
unchanged → not a byte changed; a changed cell, an added row, a removed row → exactly those YAML
lines; a bad cell → its sheet and cell named and nothing written."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, invoke_cli
from libreoffice import soffice

from laporgen.errors import display_path
from laporgen.jenis import load_document

EXAMPLES = {
    "lkjip-2024": ("magetan-dinsos", "lkjip-2024"),
    "renstra-2024-2026": ("magetan-dinsos", "renstra-2024-2026"),
    "renstra-2018-2023": ("magetan-dinsos", "renstra-2018-2023"),
    "renstra-2021-2026": ("blitar-dinsos", "renstra-2021-2026"),
    "pk-2024": ("magetan-dinsos", "pk-2024"),
    "renstra-2025-2029": ("rekaan-dinsos", "renstra-2025-2029"),
    "pk-2025": ("rekaan-dinsos", "pk-2025"),  # a PK's sub kegiatan
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def copy_of(tmp_path: Path, example: str) -> Path:
    agency, document = EXAMPLES[example]
    shutil.copytree(ROOT / "content" / agency, tmp_path / agency)
    return tmp_path / agency / document


def export(document: Path, out: Path) -> Path:
    code, stdout, stderr = invoke_cli("export", document, "--template", "data", "--out", out)
    assert code == 0, stderr
    path = next(out.glob("*-data.xlsx"))
    assert stdout.strip() == f"wrote {path}" or stdout.strip().endswith(path.name)
    return path


def calc_resave(xlsx: Path, workdir: Path) -> Path:
    """The workbook as LibreOffice Calc saves it (opened, recalculated, written by Calc)."""
    profile = (workdir / "lo-profile").resolve().as_uri()
    outdir = workdir / "calc"
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(outdir),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    saved = outdir / xlsx.name
    assert result.returncode == 0 and saved.is_file(), result.stdout + result.stderr
    return saved


def diff_lines(
    before: dict[str, bytes], after: dict[str, bytes]
) -> dict[str, tuple[list[str], list[str]]]:
    """(removed lines, added lines) of each changed file."""
    import difflib

    out = {}
    for name in sorted(set(before) | set(after)):
        if before.get(name) != after.get(name):
            a = before.get(name, b"").decode().splitlines()
            b = after.get(name, b"").decode().splitlines()
            diff = list(difflib.unified_diff(a, b, lineterm="", n=0))
            out[name] = (
                [d[1:] for d in diff if d.startswith("-") and not d.startswith("---")],
                [d[1:] for d in diff if d.startswith("+") and not d.startswith("+++")],
            )
    return out


def row_of(sheet, key: str, column: int) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, column).value == key)


def first_empty(sheet, column: int) -> int:
    last = max(
        r for r in range(4, sheet.max_row + 1) if sheet.cell(r, column).value not in (None, "")
    )
    return last + 1


def col(sheet, header: str) -> int:
    return [c.value for c in sheet[3]].index(header) + 1


# ------------------------------------------------------------------------------ unchanged
@pytest.mark.parametrize("example", list(EXAMPLES))
def test_unchanged_workbook_leaves_every_byte(example, tmp_path):
    document = copy_of(tmp_path, example)
    before = snapshot(document.parent)
    xlsx = export(document, tmp_path / "out")
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert (code, stdout, stderr) == (0, "no changes\n", "")
    assert snapshot(document.parent) == before


@pytest.mark.parametrize("example", list(EXAMPLES))
def test_calc_resaved_workbook_imports_unchanged(example, tmp_path):
    document = copy_of(tmp_path, example)
    xlsx = export(document, tmp_path / "out")
    before = snapshot(document.parent)
    saved = calc_resave(xlsx, tmp_path)
    code, stdout, stderr = invoke_cli("import", saved, "--into", document)
    assert (code, stdout, stderr) == (0, "no changes\n", "")
    assert snapshot(document.parent) == before


def test_export_is_deterministic(tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    first = export(document, tmp_path / "a").read_bytes()
    assert export(document, tmp_path / "b").read_bytes() == first


# -------------------------------------------------------------------------------- the shape
def test_lkjip_workbook_has_plan_realisasi_program_sdm_sheets(tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    wb = openpyxl.load_workbook(export(document, tmp_path / "out"))
    names = wb.sheetnames  # every sheet: tests/test_data_workbook_sheets.py
    for sheet in ("Tujuan", "Realisasi", "Program", "Indikator Program", "SDM Formasi", "Aset"):
        assert sheet in names
    assert names[:4] == ["Petunjuk", "Tujuan", "Sasaran", "Indikator"] and names[-1] == "Daftar"
    assert wb["Daftar"].sheet_state == "hidden"
    assert "laporgen import FILE.xlsx --into" in wb["Petunjuk"]["A3"].value
    indikator = wb["Indikator"]
    assert [c.value for c in indikator[3]][:11] == [
        "Tujuan / Sasaran",
        "ID",
        "Nama",
        "Satuan",
        "Arah",
        "Rumus Negatif",
        "IKU",
        "Kondisi Awal",
        "Target 2024",
        "Target 2025",
        "Target 2026",
    ]
    r = row_of(indikator, "IS2.1", 2)
    assert indikator.cell(r, 1).value == "S2"
    lists = {
        str(dv.sqref).split(":")[0][:1]: dv.formula1
        for dv in indikator.data_validations.dataValidation
        if dv.type == "list"
    }
    assert lists["E"] == '"positif,negatif"'  # arah
    assert lists["D"].startswith("Daftar!$A$2")  # satuan in use
    assert indikator.protection.sheet and not indikator.protection.insertRows
    assert indikator.cell(r, 3).protection.locked is False
    program = wb["Program"]
    p1, k12 = row_of(program, "P1", 3), row_of(program, "K1.2", 3)
    pagu = col(program, "Pagu (Rp)")
    assert (
        program.cell(p1, pagu).value.startswith("=SUMIF(")
        and program.cell(p1, pagu).protection.locked
    )
    assert (
        program.cell(k12, pagu).value == 3360862284
        and program.cell(k12, pagu).protection.locked is False
    )
    assert program.cell(k12, pagu).number_format == "#,##0"
    assert (
        program.cell(k12, col(program, "Serapan (%)")).value == f'=IF(N(H{k12})=0,"",J{k12}/H{k12})'
    )
    realisasi = wb["Realisasi"]
    r = row_of(realisasi, "IS2.1", 1)
    assert [realisasi.cell(r, c).value for c in range(1, 7)][:2] == ["IS2.1", 0.259]


def test_calc_computes_the_protected_sums(tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    saved = calc_resave(export(document, tmp_path / "out"), tmp_path)
    program = openpyxl.load_workbook(saved, data_only=True)["Program"]
    p1 = row_of(program, "P1", 3)
    # LKjIP 2024 Tabel 3.9: program penunjang, pagu Rp 5.215.862.284
    assert program.cell(p1, col(program, "Pagu (Rp)")).value == 5215862284


# ---------------------------------------------------------------------------------- edits
def edit_blitar(xlsx: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    program = wb["Program"]
    r = first_empty(program, 3)
    program.cell(r, 1, "Sub Kegiatan")
    program.cell(r, 2, "K1.1")
    program.cell(r, 3, "SK-BARU")
    program.cell(r, 5, "Sub kegiatan baru <&>")
    program.cell(r, col(program, "Pagu 2024 (Rp)"), "1.500.000")
    program.cell(row_of(program, "SK1.1.2", 3), col(program, "Pagu 2022 (Rp)"), 123456)
    indikator = wb["Indikator"]
    indikator.cell(row_of(indikator, "IS1", 2), col(indikator, "Target 2023"), "92,5")
    r = first_empty(indikator, 2)
    for header, value in (
        ("Tujuan / Sasaran", "S1"),
        ("ID", "IS-BARU"),
        ("Nama", "Indikator baru"),
        ("Satuan", "persen"),
        ("Arah", "negatif"),
        ("Target 2024", 10),
    ):
        indikator.cell(r, col(indikator, header), value)
    aset = wb["Aset"]
    for cell in aset[row_of(aset, "Ambulans", 2)]:
        cell.value = None
    wb.save(xlsx)


BLITAR_EDITS = {
    "blitar-dinsos/renstra-2021-2026/program.yaml": (
        [
            "            pagu: {2021: 1086800, 2022: 1119000, 2023: 1152000, 2024: 1184000, 2025: 1217000, 2026: 1251000}"
        ],
        [
            "            pagu: {2021: 1086800, 2022: 123456, 2023: 1152000, 2024: 1184000, 2025: 1217000, 2026: 1251000}",
            "          - id: SK-BARU",
            "            nama: Sub kegiatan baru <&>",
            "            pagu: {2024: 1500000}",
        ],
    ),
    "blitar-dinsos/renstra-2021-2026/rencana.yaml": (
        ["            target: {2022: 100, 2023: 100, 2024: 100, 2025: 100, 2026: 100}"],
        [
            "            target: {2022: 100, 2023: 92.5, 2024: 100, 2025: 100, 2026: 100}",
            "          - id: IS-BARU",
            "            nama: Indikator baru",
            "            satuan: persen",
            "            arah: negatif",
            "            target: {2024: 10}",
        ],
    ),
    "blitar-dinsos/renstra-2021-2026/sumber_daya.yaml": (
        ["  - {nama: Ambulans, jumlah: 1, satuan: Buah}"],
        [],
    ),
}


@pytest.mark.parametrize("client", ["openpyxl", "calc"])
def test_changed_added_and_removed_rows_become_yaml_edits(client, tmp_path):
    document = copy_of(tmp_path, "renstra-2021-2026")
    before = snapshot(tmp_path / "blitar-dinsos")
    xlsx = export(document, tmp_path / "out")
    edit_blitar(xlsx)
    if client == "calc":
        xlsx = calc_resave(xlsx, tmp_path)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    assert stdout.splitlines() == [
        "rencana.yaml tujuan[0].sasaran[0].indikator[0].target[2023] (IS1): 100 -> 92.5",
        "rencana.yaml tujuan[0].sasaran[0].indikator: new Indikator IS-BARU",
        "program.yaml program[0].kegiatan[0].sub_kegiatan[1].pagu[2022] (SK1.1.2): 1119000 -> 123456",
        "program.yaml program[0].kegiatan[0].sub_kegiatan: new Sub Kegiatan SK-BARU",
        "sumber_daya.yaml aset[2]: Aset 3 removed",
        f"5 value(s) changed in {display_path(document)}",
    ]
    after = snapshot(tmp_path / "blitar-dinsos")
    assert {f"blitar-dinsos/{k}": v for k, v in diff_lines(before, after).items()} == BLITAR_EDITS
    content = load_document(document)
    sub = content.program.program[0].kegiatan[0].sub_kegiatan[-1]
    assert (sub.id, sub.nama, dict(sub.pagu)) == (
        "SK-BARU",
        "Sub kegiatan baru <&>",
        {2024: 1500000},
    )


def test_new_sasaran_with_its_indicator_is_one_node(tmp_path):
    document = copy_of(tmp_path, "renstra-2024-2026")
    xlsx = export(document, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    sasaran = wb["Sasaran"]
    r = first_empty(sasaran, 2)
    sasaran.cell(r, 1, "T1")
    sasaran.cell(r, 2, "S9")
    sasaran.cell(r, 3, "Meningkatnya layanan baru")
    indikator = wb["Indikator"]
    r = first_empty(indikator, 2)
    for header, value in (
        ("Tujuan / Sasaran", "S9"),
        ("ID", "IS9.1"),
        ("Nama", "Persentase layanan baru"),
        ("Satuan", "persen"),
        ("IKU", "ya"),
        ("Target 2025", "75,5"),
        ("Target 2026", 80),
    ):
        indikator.cell(r, col(indikator, header), value)
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    assert stdout.splitlines()[:2] == [
        "rencana.yaml tujuan[0].sasaran: new Sasaran S9",
        "rencana.yaml: new Indikator IS9.1 under the new S9",
    ]
    text = (document / "rencana.yaml").read_text()
    assert text.endswith("""      - id: S9
        uraian: Meningkatnya layanan baru
        indikator:
          - id: IS9.1
            nama: Persentase layanan baru
            satuan: persen
            iku: true
            target: {2025: 75.5, 2026: 80}
""")
    sasaran = load_document(document).rencana.tujuan[0].sasaran[-1]
    assert (sasaran.id, sasaran.indikator[0].id, sasaran.indikator[0].iku) == ("S9", "IS9.1", True)


def test_lkjip_writes_realisasi_to_its_folder_and_the_plan_to_its_renstra(tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    before = snapshot(tmp_path / "magetan-dinsos")
    xlsx = export(document, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    realisasi = wb["Realisasi"]
    realisasi.cell(row_of(realisasi, "IS2.1", 1), 2, "0,28")
    indikator = wb["Indikator"]
    indikator.cell(row_of(indikator, "IS2.1", 2), col(indikator, "Target 2026"), "0,31")
    wb.save(xlsx)
    code, _, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    changed = diff_lines(before, snapshot(tmp_path / "magetan-dinsos"))
    assert sorted(changed) == ["lkjip-2024/kinerja.yaml", "renstra-2024-2026/rencana.yaml"]
    assert any("0.28" in line for line in changed["lkjip-2024/kinerja.yaml"][1])
    assert changed["renstra-2024-2026/rencana.yaml"] == (
        ["            target: {2024: 0.28, 2025: 0.29, 2026: 0.30}"],
        ["            target: {2024: 0.28, 2025: 0.29, 2026: 0.31}"],
    )


# ------------------------------------------------------------------------------ bad cells
def test_bad_cells_are_named_and_nothing_is_written(tmp_path):
    document = copy_of(tmp_path, "renstra-2021-2026")
    xlsx = export(document, tmp_path / "out")
    before = snapshot(tmp_path / "blitar-dinsos")
    wb = openpyxl.load_workbook(xlsx)
    indikator = wb["Indikator"]
    r = row_of(indikator, "IS1", 2)
    indikator.cell(r, col(indikator, "Target 2023"), "sembilan puluh")
    indikator.cell(r, col(indikator, "Arah"), "naik")
    program = wb["Program"]
    program.cell(row_of(program, "SK1.1.2", 3), col(program, "Pagu 2022 (Rp)"), "1.500")
    n = first_empty(program, 3)
    program.cell(n, 1, "Sub Kegiatan")
    program.cell(n, 2, "K99")
    program.cell(n, 3, "SK-X")
    program.cell(n, 5, "Yatim")
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 2 and stdout == ""
    name = xlsx.name
    t2023, arah = col(indikator, "Target 2023"), col(indikator, "Arah")
    from openpyxl.utils import get_column_letter as L

    lines = stderr.splitlines()
    assert (
        f"error: {name}: Indikator!{L(arah)}{r}: expected one of positif, negatif, got 'naik'; pick it from "
        "the cell's list [import.cell]" in lines
    )
    assert (
        f'error: {name}: Indikator!{L(t2023)}{r}: expected a number, got "sembilan puluh"; type a number, '
        "n.a, a predikat of the declared scale (AA, A, BB, B, CC, C, D), or a note in double quotes "
        "[import.cell]" in lines
    )
    assert any(
        f"Program!{L(col(program, 'Pagu 2022 (Rp)'))}" in line and "ambiguous" in line
        for line in lines
    )
    assert (
        f"error: {name}: Program!B{n}: unknown Induk 'K99'; an ID of the sheet Program [import.id]"
        in lines
    )
    assert snapshot(tmp_path / "blitar-dinsos") == before


def test_a_document_the_edits_would_break_is_not_written(tmp_path):
    document = copy_of(tmp_path, "renstra-2021-2026")
    xlsx = export(document, tmp_path / "out")
    before = snapshot(tmp_path / "blitar-dinsos")
    wb = openpyxl.load_workbook(xlsx)
    sasaran = wb["Sasaran"]
    r = first_empty(sasaran, 2)
    sasaran.cell(r, 1, "T1")
    sasaran.cell(r, 2, "S9")
    sasaran.cell(r, 3, "Sasaran tanpa indikator")
    wb.save(xlsx)
    code, _, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 2
    assert "rencana.yaml" in stderr and "indikator" in stderr
    assert snapshot(tmp_path / "blitar-dinsos") == before


def test_lkjip_new_kegiatan_with_its_budget_and_a_new_formasi_row(tmp_path):
    document = copy_of(tmp_path, "lkjip-2024")
    xlsx = export(document, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    program = wb["Program"]
    r = first_empty(program, 3)
    for header, value in (
        ("Tingkat", "Kegiatan"),
        ("Induk", "P2"),
        ("ID", "K2.9"),
        ("Nama", "Kegiatan baru"),
        ("Bidang", "Bidang Pemberdayaan Sosial"),
        ("Pagu (Rp)", 1000000),
        ("Realisasi (Rp)", "1.950.000,50"),
    ):
        program.cell(r, col(program, header), value)
    formasi = wb["SDM Formasi"]
    r = first_empty(formasi, 2)
    for header, value in (("Jabatan", "JF Analis Kebijakan"), ("Kebutuhan", 2), ("Realisasi", 1)):
        formasi.cell(r, col(formasi, header), value)
    wb.save(xlsx)
    code, stdout, stderr = invoke_cli("import", xlsx, "--into", document)
    assert code == 0, stderr
    assert "program.yaml program[1].kegiatan: new Kegiatan K2.9" in stdout
    assert "sumber_daya.yaml pegawai.formasi: new SDM Formasi (row 27)" in stdout
    content = load_document(document)
    kegiatan = content.program.program[1].kegiatan[-1]
    assert (kegiatan.id, kegiatan.bidang, kegiatan.anggaran.pagu, kegiatan.anggaran.realisasi) == (
        "K2.9",
        "Bidang Pemberdayaan Sosial",
        1000000,
        Decimal("1950000.50"),
    )
    assert content.sumber_daya.pegawai.formasi[-1].jabatan == "JF Analis Kebijakan"
    assert (
        "    - {jabatan: JF Analis Kebijakan, kebutuhan: 2, realisasi: 1}\n"
        in (document / "sumber_daya.yaml").read_text()
    )
