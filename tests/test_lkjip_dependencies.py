"""Change one realisasi in a copy of the example: every figure that depends on it changes, and
nothing else does (the issue's "numbers are computed, never copied")."""

from __future__ import annotations

from pathlib import Path

from laporgen.compute.lkjip import lkjip_figures
from laporgen.document.lkjip import lkjip_document
from laporgen.document.nodes import Cell, ListBlock, Paragraph, Section, Table, Text
from laporgen.document.numbering import walk
from laporgen.model.folder import load_lkjip


def tree_texts(folder: Path) -> dict[tuple, str]:
    """Every text of the built tree, keyed by where it stands: (table id, row, cell) for table
    cells, (section id,) for the prose of a section (its paragraphs and lists, joined: a
    conclusion may gain or lose a sentence)."""
    c = load_lkjip(folder)
    doc = lkjip_document(c, lkjip_figures(c))
    out: dict[tuple, str] = {}
    for block in walk(doc.front + doc.body):
        if isinstance(block, Table):
            for r, row in enumerate(block.head + block.body + block.foot):
                for k, cell in enumerate(row):
                    out[(block.id, r, k)] = cell_text(cell)
        elif isinstance(block, Section):
            prose = [b for b in block.children if isinstance(b, (Paragraph, ListBlock))]
            out[(block.id,)] = "\n".join(block_text(p) for p in prose)
    return out


def block_text(block) -> str:
    if isinstance(block, Paragraph):
        return "".join(i.text if isinstance(i, Text) else "\n" for i in block.inlines)
    if isinstance(block, ListBlock):
        return "\n".join(block_text(b) for item in block.items for b in item)
    return ""


def cell_text(cell: Cell) -> str:
    return "\n".join(block_text(b) for b in cell.blocks)


def set_realisasi(folder: Path, old: str, new: str) -> None:
    path = folder / "kinerja.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(f"nilai: {old}") == 1
    path.write_text(text.replace(f"nilai: {old}", f"nilai: {new}"), encoding="utf-8")


def test_one_realisasi_changes_exactly_its_dependents(example_copy):
    before = tree_texts(example_copy)
    set_realisasi(example_copy, "0.259", "0.28")  # IS2.1 reaches its target: 92,50 → 100,00
    after = tree_texts(example_copy)
    assert before.keys() == after.keys()
    changed = {k for k in before if before[k] != after[k]}

    def cells(table: str) -> set[tuple]:
        return {k for k in changed if k[0] == table and len(k) == 3}

    # Tabel 3.2: only the IS2.1 row (row 2): realisasi, capaian, kategori.
    assert {(r, before[k], after[k]) for k in cells("capaian") for r in [k[1]]} == {
        (2, "0,259", "0,28"),
        (2, "92,50", "100,00"),
        (2, "Berhasil", "Sangat Berhasil"),
    }
    # Tabel 3.4: realisasi and tingkat kemajuan of IS2.1 (86,33 → 93,33).
    assert sorted(after[k] for k in cells("perbandingan-renstra")) == ["0,28", "93,33"]
    # Efisiensi S2: capaian, efisiensi 4,85 → 11,99, and the total.
    eff = {before[k]: after[k] for k in cells("efisiensi-sasaran")}
    assert eff["92,50"] == "100,00" and eff["4,85"] == "11,99" and eff["3,31"] == "4,50"
    # Tabel 4.1: the row, the rata-rata 99,37 → 100,62 and its kategori.
    summary = {before[k]: after[k] for k in cells("ringkasan")}
    assert summary["99,37"] == "100,62" and summary["BERHASIL"] == "SANGAT BERHASIL"
    # Tables that do not depend on the indicator's realisasi do not change.
    untouched = {
        "formasi",
        "golongan",
        "pendidikan",
        "jenis-kelamin",
        "aset",
        "anggaran-belanja",
        "tujuan-sasaran",
        "strategi",
        "iku",
        "renja",
        "pk-murni",
        "pk-perubahan",
        "program-murni",
        "program-perubahan",
        "kriteria",
        "realisasi-anggaran",
        "efisiensi-program",
        "rencana-aksi",
        "triwulan",
        "permasalahan",
    }
    assert not {k for k in changed if k[0] in untouched}
    # The conclusion sentences follow: the count of sasaran that met their target goes 3 → 4.
    simpulan = " ".join(after[k] for k in changed if k[0] == "analisis-penyebab")
    assert "terdapat 4 (empat) sasaran yang mencapai target" in simpulan
    ikhtisar = " ".join(after[k] for k in changed if k[0] == "ikhtisar-eksekutif")
    assert "sebesar 100,62% (kategori sangat berhasil)" in ikhtisar
    # Nothing outside the dependent tables and the sentences about capaian changed.
    allowed = {
        "capaian",
        "perbandingan-tahun",
        "perbandingan-renstra",
        "penyebab",
        "dukungan",
        "efisiensi-sasaran",
        "ringkasan",
        "ikhtisar-eksekutif",
        "target-realisasi",
        "analisis-penyebab",
        "efisiensi",
        "simpulan",
    }
    assert {k[0] for k in changed} <= allowed
