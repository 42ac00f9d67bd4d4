"""The program penunjang known by its Permendagri 90/2019 code (X.XX.01, REGULATIONS §6.1) or its
name, not only by `penunjang: true`; the flag wins both ways. BAB VI's count follows, and
`laporgen check` says when the count rests on the code or the name alone (`program.penunjang`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from laporgen.build import check, document_for
from laporgen.document.nodes import Paragraph, Section, Text
from laporgen.document.numbering import walk
from laporgen.model.folder import load_renstra
from laporgen.model.penunjang import dasar_penunjang

REKAAN = Path(__file__).resolve().parents[2] / "content" / "rekaan-dinsos" / "renstra-2025-2029"
PENUNJANG = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"


@pytest.mark.parametrize(
    ("penunjang", "kode", "nama", "baru", "dasar"),
    [
        (None, "1.06.01", "PROGRAM X", True, "kode"),
        (None, "1 06 01", "PROGRAM X", True, "kode"),
        (None, "X.XX.01", "[ISI] PROGRAM ...", True, None),  # the scaffold's placeholder
        (None, None, PENUNJANG, True, "nama"),
        (None, None, "Program penunjang urusan  pemerintahan daerah provinsi", True, "nama"),
        (None, "1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", True, None),
        (None, "1.06.01.2.01", "Perencanaan", True, None),  # a kegiatan's code
        (None, "1.06.01", "Program Pelayanan Administrasi Perkantoran", False, None),  # 13/2006
        (False, "1.06.01", PENUNJANG, True, None),  # the flag wins
        (True, "1.06.04", "PROGRAM REHABILITASI SOSIAL", True, "penunjang"),
    ],
)
def test_dasar_penunjang(penunjang, kode, nama, baru, dasar):
    assert dasar_penunjang(penunjang, kode, nama, baru) == dasar


@pytest.fixture
def rekaan(tmp_path) -> Path:
    shutil.copytree(REKAAN.parent, tmp_path / "rekaan-dinsos")
    return tmp_path / "rekaan-dinsos" / REKAAN.name


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _bab_vi(folder: Path) -> str:
    section = next(
        b
        for b in walk(document_for(load_renstra(folder)).body)
        if isinstance(b, Section) and b.id == "rencana-program"
    )
    first = next(b for b in section.children if isinstance(b, Paragraph))
    return "".join(i.text for i in first.inlines if isinstance(i, Text))


TWO = "melaksanakan 2 (dua) program di luar program penunjang, dengan 3 (tiga) kegiatan dan 4 (empat) sub kegiatan."
THREE = "melaksanakan 3 (tiga) program di luar program penunjang, dengan 5 (lima) kegiatan dan 7 (tujuh) sub kegiatan."


def test_the_penunjang_is_known_by_its_code_without_the_flag(rekaan):
    _edit(rekaan / "program.yaml", "    penunjang: true\n", "")
    assert _bab_vi(rekaan).endswith(TWO)
    found = [f for f in check(rekaan) if f.problem.code == "program.penunjang"]
    assert [(f.severity, f.problem.field, f.problem.message) for f in found] == [
        (
            "I",
            "program[0].kode",
            "P1 is taken as the program penunjang by its code \u201c1.06.01\u201d, so BAB VI "
            "counts 2 programs outside it; write penunjang: false if it is not",
        )
    ]
    assert found[0].problem.file.endswith("program.yaml")


def test_the_penunjang_is_known_by_its_name_without_code_or_flag(rekaan):
    _edit(
        rekaan / "program.yaml",
        '    kode: "1.06.01"\n    nama: PROGRAM PENUNJANG',
        "    nama: PROGRAM PENUNJANG",
    )
    _edit(rekaan / "program.yaml", "    penunjang: true\n", "")
    assert _bab_vi(rekaan).endswith(TWO)
    said = [f.problem for f in check(rekaan) if f.problem.code == "program.penunjang"]
    assert [p.field for p in said] == ["program[0].nama"]


def test_penunjang_false_overrides_code_and_name(rekaan):
    _edit(rekaan / "program.yaml", "    penunjang: true\n", "    penunjang: false\n")
    assert _bab_vi(rekaan).endswith(THREE)
    assert not [f for f in check(rekaan) if f.problem.code == "program.penunjang"]


def test_the_flag_on_another_programs_code_is_a_warning(rekaan):
    _edit(rekaan / "program.yaml", '    kode: "1.06.01"\n', '    kode: "1.06.04"\n')
    found = [f for f in check(rekaan) if f.problem.code == "program.penunjang"]
    assert [(f.severity, f.problem.field) for f in found] == [("W", "program[0].penunjang")]
    assert "1.06.04 is not the program penunjang's (X.XX.01" in found[0].problem.message
