"""The isu strategis a Renstra prints (BAB III.5): one rule for the two files that may hold them.
The Renstra prints analisis.yaml's list where given, else rencana.yaml's (the plan's, which an
LKjIP reading that plan prints too); two different lists are an input error naming both files,
so neither list vanishes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from laporgen.build import document_for
from laporgen.document.nodes import ListBlock, Paragraph, Section
from laporgen.document.numbering import walk
from laporgen.errors import LaporgenError
from laporgen.jenis import load_document

ROOT = Path(__file__).resolve().parents[2]
MAGETAN = ROOT / "content" / "magetan-dinsos"
BLITAR = ROOT / "content" / "blitar-dinsos"


def isu_printed(folder: Path, section: str = "isu-strategis") -> list[str]:
    """The items of the list the section prints (its own blocks, not its subsections')."""
    tree = document_for(load_document(folder), charts=False)
    (s,) = [b for b in walk(tree.body) if isinstance(b, Section) and b.id == section]
    lists = [b for b in s.children if isinstance(b, ListBlock)]
    return [
        "".join(i.text for i in item[0].inlines)
        for block in lists
        for item in block.items
        if isinstance(item[0], Paragraph)
    ]


def test_a_renstra_prints_rencana_yamls_isu_when_analisis_has_none():
    """Magetan's Renstra 2024-2026 writes its five isu in rencana.yaml only (no analisis.yaml):
    they used to vanish from its BAB III."""
    isu = isu_printed(MAGETAN / "renstra-2024-2026")
    assert len(isu) == 5
    assert isu[0].startswith("Masih tingginya disparitas angka pertumbuhan ekonomi")
    assert isu[4] == (
        "Keterbatasan daya tampung dan kapasitas Rumah Singgah di lingkungan Dinas Sosial "
        "Kabupaten Magetan belum sebanding dengan jumlah PMKS"
    )


def test_the_lkjip_reading_that_plan_prints_the_same_isu():
    assert isu_printed(MAGETAN / "lkjip-2024") == isu_printed(MAGETAN / "renstra-2024-2026")


def test_analisis_yamls_list_is_printed_where_given():
    isu = isu_printed(BLITAR / "renstra-2021-2026")
    assert len(isu) == 11 and isu[0].startswith("Jumlah penambahan PMKS")


@pytest.fixture
def blitar(tmp_path: Path) -> Path:
    shutil.copytree(BLITAR, tmp_path / "blitar-dinsos")
    return tmp_path / "blitar-dinsos" / "renstra-2021-2026"


def test_two_different_lists_are_an_error_naming_both_files(blitar):
    plan = blitar / "rencana.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("tujuan:\n", "isu_strategis:\n  - Isu yang lain\ntujuan:\n", 1),
        encoding="utf-8",
    )
    plan_line = plan.read_text(encoding="utf-8").split("\n").index("isu_strategis:") + 1
    analisis = blitar / "analisis.yaml"
    line = analisis.read_text(encoding="utf-8").split("\n").index("isu_strategis:") + 1
    with pytest.raises(LaporgenError) as exc:
        load_document(blitar)
    (problem,) = exc.value.problems
    assert str(problem) == (
        f"{analisis}:{line}: isu_strategis: isu strategis are listed here and in "
        f"{plan}:{plan_line}, and the lists differ; the Renstra prints one list; keep one list "
        "and delete the other: rencana.yaml's (an LKjIP reading this plan prints it too) or "
        "this one [ref.isu]"
    )


def test_the_same_list_in_both_files_is_printed_once(blitar):
    analisis = (blitar / "analisis.yaml").read_text(encoding="utf-8")
    block = analisis[analisis.index("isu_strategis:\n") :].split("\n\n")[0]
    plan = blitar / "rencana.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("tujuan:\n", block.rstrip("\n") + "\ntujuan:\n", 1), "utf-8")
    assert isu_printed(blitar) == isu_printed(BLITAR / "renstra-2021-2026")
