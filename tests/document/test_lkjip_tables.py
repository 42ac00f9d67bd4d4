"""LKjIP tables as the tree gives them (document/lkjip_tables.py): cells a reader sees."""

from __future__ import annotations

import shutil
from pathlib import Path

from laporgen.build import document_for
from laporgen.document.nodes import Landscape, Paragraph, Section, Table, Text
from laporgen.jenis import load_document

ROOT = Path(__file__).resolve().parents[2]
DIKBUD = ROOT / "tests" / "lkjip_rekaan" / "dikbud-sukamaju" / "lkjip-2025"


def _tables(blocks):
    for b in blocks:
        if isinstance(b, Table):
            yield b
        elif isinstance(b, (Section, Landscape)):
            yield from _tables(b.children)


def _text(cell) -> str:
    return "".join(
        i.text
        for b in cell.blocks
        if isinstance(b, Paragraph)
        for i in b.inlines
        if isinstance(i, Text)
    )


def test_a_sub_kegiatan_without_indicators_has_one_dash_not_two(tmp_path):
    """Tabel 3.12 (Dinas Perhubungan trial): a sub kegiatan with no indicator has no efisiensi;
    its Tingkat Efisiensi shows "-" and its Keterangan is empty, not a second "-" ("- -")."""
    shutil.copytree(DIKBUD.parent, tmp_path / DIKBUD.parent.name)
    folder = tmp_path / DIKBUD.parent.name / DIKBUD.name
    program = folder / "program.yaml"
    text = program.read_text(encoding="utf-8")
    old = "indikator: [{nama: Jumlah ruang direhab, satuan: unit, target: 70, realisasi: 66}], "
    assert old in text
    program.write_text(text.replace(old, ""), encoding="utf-8")
    table = next(
        t
        for t in _tables(document_for(load_document(folder), charts=False).body)
        if t.id == "efisiensi-program"
    )
    row = next(r for r in table.body if "Rehabilitasi Ruang Kelas" in _text(r[1]))
    assert [_text(c) for c in row[-2:]] == ["-", ""]


MAGETAN = ROOT / "content" / "magetan-dinsos" / "lkjip-2024"


def _source(folder: Path, table_id: str) -> str | None:
    document = document_for(load_document(folder), charts=False)
    return next(t for t in _tables(document.front + document.body) if t.id == table_id).source


def test_anggaran_belanja_names_the_dpa_perubahan_only_after_a_perubahan():
    """Tabel 1.6 (Dinas Perhubungan trial): no `pagu_murni` anywhere, no APBD-Perubahan, so the
    source is the DPA itself; Magetan's pagu changed in 2024 (the seed's Tabel 1.5)."""
    assert _source(DIKBUD, "anggaran-belanja") == (
        "Sumber : Dokumen Pelaksanaan Anggaran Tahun 2025"
    )
    assert _source(MAGETAN, "anggaran-belanja") == (
        "Sumber : Dokumen Pelaksanaan Anggaran Perubahan Tahun 2024"
    )
