"""The Perjanjian Kinerja with sub kegiatan: since Permendagri 90/2019 the DPA holds the budget at
sub kegiatan level, so a PK kegiatan lists its sub kegiatan with their pagu and the lampiran's
program table shows them under it (numbered 1.1.1, indented), the kegiatan's and program's pagu
and the JUMLAH computed. Shown in the invented content/rekaan-dinsos/pk-2025; `check` warns of a
kegiatan listed without the sub kegiatan the Renstra plans under it, and compares sub kegiatan
pagu with the LKjIP's."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from docx_reading import docx_tables, table_captions
from laporgen.build import build, check, document_for
from laporgen.compute.pk import pk_figures
from laporgen.document.nodes import Table
from laporgen.document.numbering import walk
from laporgen.jenis import load_document

ROOT = Path(__file__).resolve().parents[1]
REKAAN = ROOT / "content" / "rekaan-dinsos"
MAGETAN = ROOT / "content" / "magetan-dinsos"

# (No., Target, Anggaran (Rp)) of the rekaan PK's program table: the sub kegiatan's pagu as typed,
# every kegiatan's and program's the sum of the rows under it.
ROWS = [
    ("1", "100 %", "3.225.250.000"),
    ("1.1", "4 dokumen", "39.500.000"),
    ("1.1.1", "2 dokumen", "24.500.000"),
    ("1.1.2", "2 laporan", "15.000.000"),
    ("1.2", "12 bulan", "3.185.750.000"),
    ("1.2.1", "48 orang", "3.185.750.000"),
    ("2", "82 %", "508.200.000"),
    ("2.1", "120 orang", "208.200.000"),
    ("2.1.1", "120 orang", "178.200.000"),
    ("2.1.2", "20 orang", "30.000.000"),
    ("2.2", "200 orang", "300.000.000"),
    ("2.2.1", "200 orang", "300.000.000"),
    ("3", "BB", "150.000.000"),
    ("3.1", "500 orang", "150.000.000"),
    ("3.1.1", "500 orang", "150.000.000"),
]


@pytest.fixture
def rekaan(tmp_path) -> Path:
    shutil.copytree(REKAAN, tmp_path / REKAAN.name)
    return tmp_path / REKAAN.name / "pk-2025"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_figures_sum_the_sub_kegiatan_into_kegiatan_program_and_total():
    f = pk_figures(load_document(REKAAN / "pk-2025"))
    assert [(r.nomor, r.tingkat, r.pagu) for r in f.program][:5] == [
        ("1", 0, Decimal("3225250000")),
        ("1.1", 1, Decimal("39500000")),
        ("1.1.1", 2, Decimal("24500000")),
        ("1.1.2", 2, Decimal("15000000")),
        ("1.2", 1, Decimal("3185750000")),
    ]
    assert f.total_pagu == Decimal("3883450000") and f.sub_kegiatan


def test_the_program_table_lists_the_sub_kegiatan(tmp_path):
    (docx,) = build(REKAAN / "pk-2025", tmp_path).outputs
    captions = [c.split("\n")[0] for c in table_captions(docx)]
    assert captions[1] == "Tabel 2 Program, Kegiatan, Sub Kegiatan, dan Pagu Anggaran"
    program = docx_tables(docx)[1]
    assert program[0] == [
        "No.",
        "Program/Kegiatan/Sub Kegiatan",
        "Indikator Kinerja",
        "Target",
        "Anggaran (Rp)",
    ]
    assert [(r[0], r[3], r[4]) for r in program[2:-1]] == ROWS
    assert program[-1][-1] == "3.883.450.000"
    assert program[4][1] == "Penyusunan Dokumen Perencanaan Perangkat Daerah"


def test_the_pk_tables_are_laid_out_so_no_number_breaks():
    """The PK's tables get the least widths every type's tables get: the No. column holds
    "1.1.1" on one line (it broke as "1.1." / "1" before)."""
    tables = [
        b
        for b in walk(document_for(load_document(REKAAN / "pk-2025")).body)
        if isinstance(b, Table)
    ]
    assert [t.id for t in tables] == ["pk-target", "pk-program"]
    assert all(c.min_width > 0 for t in tables for c in t.columns)


def test_a_pk_without_sub_kegiatan_keeps_its_table_and_caption():
    f = pk_figures(load_document(MAGETAN / "pk-2024"))
    assert not f.sub_kegiatan and {r.tingkat for r in f.program} == {0, 1}


def test_check_warns_of_a_kegiatan_without_the_sub_kegiatan_the_renstra_plans(rekaan):
    anggaran = rekaan / "anggaran.yaml"
    _edit(
        anggaran,
        '        sub_kegiatan:\n          - id: SK3.1.1\n            kode: "1.06.06.2.01.0001"\n'
        "            nama: Penyediaan Makanan\n            indikator:\n"
        "              - {nama: Jumlah korban bencana yang menerima makanan, satuan: orang, target: 500}\n"
        "            pagu: 150000000\n",
        "        pagu: 150000000\n",
    )
    found = [
        (f.severity, f.problem.code, f.problem.field, f.problem.message) for f in check(rekaan)
    ]
    assert found == [
        (
            "W",
            "pk.sub_kegiatan",
            "program[2].kegiatan[0].pagu",
            "K3.1 lists no sub kegiatan, but the Renstra plans SK3.1.1 under it: the PK's "
            "program table shows none",
        )
    ]


@pytest.mark.parametrize(
    ("pagu", "found"),
    [
        ((30000000, 9845000), []),
        (
            (30000000, 9845001),
            [
                (
                    "program[0].kegiatan[0].sub_kegiatan",
                    "pagu Rp 39.845.001 of K1.1 differs from the LKjIP's Rp 39.845.000",
                )
            ],
        ),
    ],
)
def test_check_compares_a_kegiatan_of_sub_kegiatan_with_the_lkjip(tmp_path, pagu, found):
    """Magetan's LKjIP records K1.1 without sub kegiatan: the PK's K1.1 split in two is
    compared by its sum."""
    shutil.copytree(MAGETAN, tmp_path / MAGETAN.name)
    pk = tmp_path / MAGETAN.name / "pk-2024"
    _edit(
        pk / "anggaran.yaml",
        "        pagu: 39845000\n",
        "        sub_kegiatan:\n"
        f"          - {{id: SK1.1.1, nama: Penyusunan Dokumen Perencanaan, pagu: {pagu[0]}}}\n"
        f"          - {{id: SK1.1.2, nama: Evaluasi Kinerja Perangkat Daerah, pagu: {pagu[1]}}}\n",
    )
    assert [
        (f.problem.field, f.problem.message) for f in check(pk) if f.problem.code == "pk.pagu.lkjip"
    ] == found
