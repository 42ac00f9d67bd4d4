"""The plan's tables as a new user writes the plan: a tujuan with no indicator of its own
(Tabel 2.1 of the LKjIP), tujuan grouped under their misi (Renstra T-C.26)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from laporgen.build import check, document_for
from laporgen.document.nodes import Table
from laporgen.document.numbering import walk
from laporgen.errors import LaporgenError
from laporgen.jenis import load_document


def table(folder, table_id: str) -> Table:
    (found,) = [
        b
        for b in walk(document_for(load_document(folder)).body)
        if isinstance(b, Table) and b.id == table_id
    ]
    return found


def texts(row) -> list[str]:
    return [
        "".join(i.text for i in getattr(c.blocks[0], "inlines", ()) if hasattr(i, "text"))
        if c.blocks
        else ""
        for c in row
    ]


def test_a_tujuan_without_its_own_indicator_spans_its_sasaran_rows(example_copy):
    rencana = example_copy.parent / "renstra-2024-2026" / "rencana.yaml"
    text = rencana.read_text(encoding="utf-8")
    start = text.index("    indikator:\n      # Tabel 2.2 row 1")
    end = text.index("    sasaran:\n", start)
    rencana.write_text(text[:start] + text[end:], encoding="utf-8")
    kinerja = example_copy / "kinerja.yaml"
    kinerja.write_text(
        kinerja.read_text(encoding="utf-8").replace("renja: [IT1, ", "renja: ["), encoding="utf-8"
    )
    body = table(example_copy, "tujuan-sasaran").body
    first = body[0]
    assert texts(first)[:3] == [
        "1",
        "Meningkatnya kesejahteraan PPKS",
        "1.1 Meningkatnya Kualitas Perlindungan dan Jaminan Sosial",
    ]
    assert first[0].rowspan == first[1].rowspan == 6  # the six indicators of T1's sasaran
    assert len(body[1]) == len(first) - 2  # the rows it spans leave No. and Tujuan out


BLITAR = Path(__file__).resolve().parent.parent / "content" / "blitar-dinsos"
T2 = """
  - id: T2
    uraian: Meningkatnya taraf hidup keluarga miskin
    misi: 2
    sasaran:
      - id: S9
        uraian: Meningkatnya kemandirian keluarga miskin
        indikator:
          - {id: IS9, nama: Persentase keluarga miskin yang mandiri, satuan: "%", target: {2022: 1, 2023: 2, 2024: 3, 2025: 4, 2026: 5}}
        strategi:
          - {uraian: Pendampingan keluarga miskin, arah_kebijakan: [Meningkatkan pendampingan]}
      - id: S10
        uraian: Meningkatnya usaha ekonomi produktif
        indikator:
          - {id: IS10, nama: Jumlah KUBE yang aktif, satuan: kelompok, target: {2022: 1, 2023: 2, 2024: 3, 2025: 4, 2026: 5}}
"""


def test_tc26_groups_each_tujuan_under_its_misi_and_check_names_a_sasaran_left_out(tmp_path):
    agency = tmp_path / "blitar-dinsos"
    shutil.copytree(BLITAR, agency)
    folder = agency / "renstra-2021-2026"
    rencana = folder / "rencana.yaml"
    rencana.write_text(
        rencana.read_text(encoding="utf-8").rstrip("\n") + "\n" + T2, encoding="utf-8"
    )
    rows = [texts(r) for r in table(folder, "tc26").body]
    firsts = [r[0] for r in rows]
    m1 = next(n for n, t in enumerate(firsts) if t.startswith("MISI 1 :"))
    m2 = next(n for n, t in enumerate(firsts) if t.startswith("MISI 2 :"))
    assert firsts[m1 + 1] == "Menurunnya angka PMKS"
    assert firsts[m2 + 1 :] == [
        "Meningkatnya taraf hidup keluarga miskin"
    ]  # S10 has no strategi: no row
    assert m1 < m2 and len(rows) == m2 + 2
    line = 1 + rencana.read_text(encoding="utf-8").split("\n").index("      - id: S10")
    (found,) = [f for f in check(folder) if f.problem.code == "strategi"]
    assert (found.severity, found.problem.line) == ("W", line)
    assert str(found.problem) == (
        f"{found.problem.file}:{line}: tujuan[1].sasaran[1]: sasaran S10 has no strategi, so "
        "T-C.26 leaves it out; add `strategi:` (uraian, arah_kebijakan) to show it [strategi]"
    )


def test_a_kebijakan_program_given_by_id_prints_its_name(tmp_path):
    agency = tmp_path / "blitar-dinsos"
    shutil.copytree(BLITAR, agency)
    folder = agency / "renstra-2021-2026"
    analisis = folder / "analisis.yaml"
    text = analisis.read_text(encoding="utf-8")
    analisis.write_text(
        text.replace("program: [Program Pemberdayaan Sosial]", "program: [P2]"), encoding="utf-8"
    )
    body = table(folder, "kebijakan").body
    (cells,) = [
        r[4] for r in body if texts(r)[3] == "Meningkatkan Pemberdayaan Sosial di Masyarakat"
    ]
    assert "PROGRAM PEMBERDAYAAN SOSIAL" in str(cells) and "'P2'" not in str(cells)
    assert "Program Penanganan Bencana" in str(body[1][4])  # a name stays as written
    analisis.write_text(
        text.replace("program: [Program Pemberdayaan Sosial]", "program: [P9]"), encoding="utf-8"
    )
    with pytest.raises(LaporgenError) as e:
        load_document(folder)
    (problem,) = e.value.problems
    assert str(problem) == (
        f"{tmp_path}/blitar-dinsos/renstra-2021-2026/analisis.yaml:119: kebijakan[0].program[0]: 'P9' is not a "
        "program in program.yaml; write a program id or the program's name; known: P1, P2, P3, P4, P5, "
        "P6 [ref.unknown]"
    )
