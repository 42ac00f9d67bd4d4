"""A PK reads its programs from the plan: "no figure typed twice". The trial's PK retyped the
Renstra's programs, kegiatan, indicators and pagu in anggaran.yaml, and a changed pagu, a renamed
program or a lower target passed `check` silently. A PK that names a Renstra with a program.yaml
takes them from there (anggaran.yaml left out, or stating only the DPA's pagu where it differs),
and `check` reports every typed value that disagrees with the plan, naming both."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from laporgen.build import build, check
from laporgen.compute.pk import pk_figures
from laporgen.jenis import load_document

ROOT = Path(__file__).resolve().parents[1]
AGENCY = ROOT / "content" / "rekaan-dinsos"

DOCUMENT = """\
jenis = "pk"
tahun = 2026
renstra = "../renstra-2025-2029"

[tanda_tangan]
tempat = "Rekaan"
tanggal = 2026-01-05

[pihak_kedua]
nama = "BUPATI REKAAN"
jabatan = ["BUPATI REKAAN"]
"""

# The plan's 2026 column of program.yaml (rekaan-dinsos/renstra-2025-2029): every program,
# kegiatan and sub kegiatan, a kegiatan's pagu the sum of its sub kegiatan's pagu indikatif.
ROWS_2026 = [
    ("1", Decimal("3341000000")),
    ("1.1", Decimal("41000000")),
    ("1.1.1", Decimal("26000000")),
    ("1.1.2", Decimal("15000000")),
    ("1.2", Decimal("3300000000")),
    ("1.2.1", Decimal("3300000000")),
    ("2", Decimal("535000000")),
    ("2.1", Decimal("220000000")),
    ("2.1.1", Decimal("190000000")),
    ("2.1.2", Decimal("30000000")),
    ("2.2", Decimal("315000000")),
    ("2.2.1", Decimal("315000000")),
    ("3", Decimal("150000000")),
    ("3.1", Decimal("150000000")),
    ("3.1.1", Decimal("150000000")),
]


@pytest.fixture
def pk(tmp_path) -> Path:
    shutil.copytree(AGENCY, tmp_path / AGENCY.name)
    folder = tmp_path / AGENCY.name / "pk-2026"
    folder.mkdir()
    (folder / "document.toml").write_text(DOCUMENT, encoding="utf-8")
    return folder


def test_without_anggaran_the_programs_and_pagu_are_the_plans(pk, tmp_path):
    f = pk_figures(load_document(pk))  # type: ignore[arg-type]
    assert [(r.nomor, r.pagu) for r in f.program] == ROWS_2026
    assert f.program[0].nama == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    assert f.total_pagu == Decimal("4026000000")
    targets = [(r.nomor, [(i.satuan, str(i.target)) for i in r.indikator]) for r in f.program]
    assert targets[0] == ("1", [("%", "100")]) and targets[12] == ("3", [("predikat", "BB")])
    assert [str(x) for x in check(pk) if x.severity != "I"] == []
    from docx_reading import docx_tables

    (docx,) = build(pk, tmp_path / "out", ("docx",)).outputs
    program = [t for t in docx_tables(docx) if t[0][0] == "No."][1]
    assert program[-1] == ["JUMLAH", "4.026.000.000"]
    assert program[2][3:] == ["100 %", "3.341.000.000"]


def test_a_dpa_pagu_that_differs_is_stated_alone_and_warned_naming_both(pk):
    (pk / "anggaran.yaml").write_text(
        "sumber: DPA Dinas Sosial Tahun 2026\npagu:\n  SK1.1.1: 30000000\n", encoding="utf-8"
    )
    f = pk_figures(load_document(pk))  # type: ignore[arg-type]
    assert [r.pagu for r in f.program][:3] == [
        Decimal("3345000000"),
        Decimal("45000000"),
        Decimal("30000000"),
    ]
    assert [
        (x.severity, x.problem.line, x.problem.message) for x in check(pk) if x.severity != "I"
    ] == [
        (
            "W",
            3,
            "pagu Rp 30.000.000 of SK1.1.1 differs from the Renstra's pagu indikatif Rp 26.000.000 for 2026",
        )
    ]


def test_a_pagu_for_an_unknown_kegiatan_is_an_input_error(pk, run_cli):
    (pk / "anggaran.yaml").write_text("pagu:\n  K9.9: 45000000\n", encoding="utf-8")
    code, _, err = run_cli("check", pk)
    assert code == 2
    assert "anggaran.yaml:2: pagu.K9.9: no kegiatan 'K9.9' in the PK's programs of 2026" in err


TYPED = """\
program:
  - id: P3
    nama: PROGRAM PENANGANAN BENCANA ALAM
    indikator:
      - {nama: Predikat evaluasi kinerja program penanganan bencana, satuan: predikat, target: B}
    kegiatan:
      - id: K3.1
        nama: Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota
        indikator:
          - {nama: Jumlah korban bencana yang terpenuhi kebutuhan dasarnya, satuan: jiwa, target: 400}
        pagu: 175000000
"""


def test_typed_programs_that_disagree_with_the_plan_are_reported(pk):
    """The trial's case: a renamed program, a lower target and another pagu, typed in
    anggaran.yaml over the plan's, each reported with the plan's value."""
    (pk / "anggaran.yaml").write_text(TYPED, encoding="utf-8")
    findings = [
        (x.problem.line, x.problem.code, x.problem.message)
        for x in check(pk)
        if x.problem.code.startswith(("pk.program", "pk.pagu"))  # not pk.sub_kegiatan
    ]
    assert findings == [
        (
            3,
            "pk.program.renstra",
            "P3 is named 'PROGRAM PENANGANAN BENCANA ALAM' here and 'PROGRAM PENANGANAN BENCANA' "
            "in the Renstra",
        ),
        (
            5,
            "pk.program.renstra",
            "target B of P3's indicator 'Predikat evaluasi kinerja program penanganan bencana' "
            "differs from the Renstra's BB for 2026",
        ),
        (
            10,
            "pk.program.renstra",
            "target 400 of K3.1's indicator 'Jumlah korban bencana yang terpenuhi kebutuhan "
            "dasarnya' differs from the Renstra's 500 for 2026",
        ),
        (
            11,
            "pk.pagu.renstra",
            "pagu Rp 175.000.000 of K3.1 differs from the Renstra's pagu indikatif Rp 150.000.000 "
            "for 2026",
        ),
    ]
