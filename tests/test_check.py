"""`laporgen check` on the example reports exactly the data-detectable slips of the signed
report (LKJIP-SPEC §4), each with file, field, printed and computed value; a corrected copy is clean."""

from __future__ import annotations

from pathlib import Path

import yaml

from laporgen.build import check
from laporgen.errors import display_path

EXAMPLE = Path(__file__).resolve().parents[1] / "content" / "magetan-dinsos" / "lkjip-2024"

REGISTER = {
    # id: (file, field path, code, text the line must contain)
    "L-1 IS1.1": (
        "kinerja.yaml",
        "realisasi.IS1.1.tercetak.kategori",
        "kategori",
        'printed "Berhasil", the scale gives "Sangat Berhasil"',
    ),
    "L-1 IS4.1": (
        "kinerja.yaml",
        "realisasi.IS4.1.tercetak.kategori",
        "kategori",
        'printed "Berhasil", the scale gives "Sangat Berhasil"',
    ),
    "L-2": (
        "kinerja.yaml",
        "realisasi.IS3.1.tercetak.capaian",
        "capaian",
        "printed 96, computed 95,00",
    ),
    "L-2 efisiensi S3": (
        "kinerja.yaml",
        "realisasi.IS3.1.tercetak.efisiensi",
        "efisiensi",
        "printed 0,66, computed -0,39",
    ),
    "L-2 rata-rata": (
        "kinerja.yaml",
        "tercetak.rata_rata_capaian",
        "rata_rata",
        "printed 99,54, computed 99,37",
    ),
    "L-3": (
        "program.yaml",
        "program[0].kegiatan[1].tercetak.efisiensi",
        "efisiensi",
        "K1.2: printed 9,41, computed 9,42",
    ),
    "L-4": (
        "kinerja.yaml",
        "tercetak.efisiensi_total",
        "efisiensi_total",
        "printed 3,40, computed 3,31",
    ),
    "L-5": ("kinerja.yaml", "tercetak.efisiensi_kinerja", "efisiensi_total", "printed 1,93"),
    "L-6 Tabel 1.5": (
        "program.yaml",
        'program[4].tercetak.pagu."Tabel 1.5"',
        "rollup",
        "printed 75.000.000, computed 175.000.000",
    ),
    "L-6 Tabel 2.8": (
        "program.yaml",
        'program[4].tercetak.pagu."Tabel 2.8"',
        "rollup",
        "printed 75.000.000, computed 175.000.000",
    ),
    "L-10 K1.5": (
        "program.yaml",
        'program[0].kegiatan[4].indikator[0].tercetak.target."Tabel 1.5"',
        "target.tabel",
        "target printed 12, the Perjanjian Kinerja target is 36",
    ),
    "L-10 P3": (
        "program.yaml",
        'program[2].indikator[0].tercetak.target."Tabel 1.5"',
        "target.tabel",
        "target printed 0,94",
    ),
    "L-10 K3.1": (
        "program.yaml",
        'program[2].kegiatan[0].indikator[0].tercetak.target."Tabel 1.5"',
        "target.tabel",
        "target printed 0,94",
    ),
    "L-15": (
        "kinerja.yaml",
        "target_triwulan.IS1.1",
        "triwulan",
        "quarterly total 98,89 (jumlah) differs from the plan's target 99,89",
    ),
    "L-16": (
        "kinerja.yaml",
        "target_triwulan.IS4.1",
        "triwulan",
        "quarterly total 5,50 (jumlah) differs from the plan's target 5,40",
    ),
    "L-17": (
        "kinerja.yaml",
        "target_triwulan.IS5.1",
        "triwulan",
        "quarterly total 92,34 (akhir) differs from the plan's target 89",
    ),
    "L-21": ("rencana.yaml", "tujuan[0].sasaran[4].id", "strategi", "sasaran S5 has no strategi"),
}


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def test_example_reports_exactly_the_register():
    findings = check(EXAMPLE)
    found = {(Path(f.problem.file).name, f.problem.field, f.problem.code): f for f in findings}
    assert len(findings) == len(REGISTER)
    for case, (file, field, code, text) in REGISTER.items():
        finding = found.get((file, field, code))
        assert finding is not None, f"{case} not reported"
        assert text in finding.problem.message, case
        assert finding.problem.line is not None, case


def test_findings_point_at_the_printed_value_line():
    findings = {f.problem.field: f for f in check(EXAMPLE)}
    assert findings["tercetak.efisiensi_total"].problem.line == line_of(
        EXAMPLE / "kinerja.yaml", "efisiensi_total:"
    )
    line = line_of(EXAMPLE / "kinerja.yaml", "efisiensi_total:")
    assert str(findings["tercetak.efisiensi_total"]) == (
        f"E {display_path(EXAMPLE / 'kinerja.yaml')}:{line}: tercetak.efisiensi_total: printed 3,40, computed 3,31 "
        "(mean of the 6 rows' efisiensi) [efisiensi_total]"
    )


def _drop_tercetak(node):
    if isinstance(node, dict):
        return {k: _drop_tercetak(v) for k, v in node.items() if k != "tercetak"}
    if isinstance(node, list):
        return [_drop_tercetak(v) for v in node]
    return node


def test_corrected_copy_is_clean(example_copy, run_cli):
    for name in ("kinerja.yaml", "program.yaml"):
        path = example_copy / name
        data = _drop_tercetak(yaml.safe_load(path.read_text(encoding="utf-8")))
        if name == "kinerja.yaml":  # quarterly targets that add up to the plan's 2025 targets
            data["target_triwulan"]["IS1.1"] = [24.72, 24.72, 24.72, 25.73]
            data["target_triwulan"]["IS4.1"] = [1.37, 1.37, 1.37, 1.29]
            data["target_triwulan"]["IS5.1"] = [None, None, None, 89]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rencana = (
        example_copy.parent / "renstra-2024-2026" / "rencana.yaml"
    )  # the plan is the agency Renstra's
    plan = yaml.safe_load(rencana.read_text(encoding="utf-8"))
    plan["tujuan"][0]["sasaran"][4]["strategi"] = [
        {
            "uraian": "Penguatan akuntabilitas kinerja",
            "arah_kebijakan": ["Peningkatan kualitas SAKIP"],
        }
    ]
    rencana.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")

    assert check(example_copy) == []
    code, out, err = run_cli("check", str(example_copy))
    assert code == 0 and "no findings" in out


def test_check_exit_code_on_example(run_cli):
    code, out, err = run_cli("check", str(EXAMPLE))
    assert code == 1
    assert out.count("\n") == len(REGISTER)
    assert "Traceback" not in err
