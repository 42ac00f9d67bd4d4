"""Settings carried through to every table and sentence they touch (issue 15 item 5): the
efisiensi verdict per method, Tabel 3.4's end target and formula, batas_capaian in the column
with a note, a budget not reported, kategori scales as ranges."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from laporgen.build import check, document_for
from laporgen.document.nodes import Landscape, ListBlock, Paragraph, Section, Table, Text
from laporgen.jenis import load_document

ROOT = Path(__file__).resolve().parents[2]
AGENCY = ROOT / "content" / "magetan-dinsos"


@pytest.fixture
def doc(tmp_path) -> Path:
    shutil.copytree(AGENCY, tmp_path / AGENCY.name)
    return tmp_path / AGENCY.name / "lkjip-2024"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _blocks(blocks):
    for b in blocks:
        yield b
        if isinstance(b, Section):
            yield from _blocks(b.children)
        elif isinstance(b, ListBlock):
            for item in b.items:
                yield from _blocks(item)
        elif isinstance(b, Landscape):
            yield from _blocks(b.children)


def _tree(doc: Path):
    d = document_for(load_document(doc), charts=False)
    return list(_blocks(d.front + d.body))


def _table(blocks, table_id: str) -> Table:
    return next(b for b in blocks if isinstance(b, Table) and b.id == table_id)


def _cells(row) -> list[str]:
    return [
        "".join(
            i.text
            for p in c.blocks
            if isinstance(p, Paragraph)
            for i in p.inlines
            if isinstance(i, Text)
        )
        for c in row
    ]


def _paragraphs(blocks) -> list[str]:
    return [
        "".join(i.text for i in b.inlines if isinstance(i, Text))
        for b in blocks
        if isinstance(b, Paragraph)
    ]


def _row(table: Table, text: str) -> list[str]:
    return next(_cells(r) for r in table.body if any(text in c for c in _cells(r)))


def test_sisa_anggaran_calls_a_half_met_target_not_efisien(doc):
    """IS2.1 at 0,14 of 0,28: capaian 50,00; with sisa_anggaran its efisiensi 100 − serapan is
    positive, yet the row and the sentence say "tidak efisien" (capaian below serapan)."""
    _edit(doc / "document.toml", 'efisiensi = "pmk214"', 'efisiensi = "sisa_anggaran"')
    _edit(doc / "kinerja.yaml", "nilai: 0.259", "nilai: 0.14")
    blocks = _tree(doc)
    row = _row(
        _table(blocks, "efisiensi-sasaran"),
        "Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial",
    )
    assert row[4] == "50,00" and float(row[-2].replace(",", ".")) > 0 and row[-1] == "Tidak efisien"
    sentence = next(
        p for p in _paragraphs(blocks) if p.startswith("Dari 6 (enam) indikator sasaran")
    )
    assert (
        "4 (empat) indikator memiliki capaian kinerja lebih tinggi dari penggunaan anggarannya (efisien) dan 2 (dua) indikator tidak efisien"
        in sentence
    )
    assert sentence.endswith("(efisiensi total) sebesar 4,04% (tidak efisien).")
    assert (
        "efisien bila ada sisa anggaran dan capaian kinerja lebih tinggi"
        in _table(blocks, "efisiensi-sasaran").notes[0]
    )


def test_pmk214_labels_follow_the_sign(doc):
    table = _table(_tree(doc), "efisiensi-sasaran")
    for row in map(_cells, table.body):
        value = float(row[-2].replace(".", "").replace(",", "."))
        assert row[-1] == ("Efisien" if value > 0 else "Tidak efisien")


def test_tabel_3_4_takes_the_final_year_target_or_warns(doc):
    """IS5.1 with a 2024 target only: no "target akhir" is made up from another year."""
    _edit(
        doc.parent / "renstra-2024-2026" / "rencana.yaml",
        "target: {2024: 85, 2025: 89, 2026: 90.50}",
        "target: {2024: 85}",
    )
    blocks = _tree(doc)
    row = _row(_table(blocks, "perbandingan-renstra"), "Nilai SAKIP")
    assert row[-2:] == ["-", "-"]
    assert (
        "Indikator Nilai SAKIP Dinas Sosial belum memiliki target akhir Renstra (tahun 2026), sehingga tingkat "
        "kemajuannya belum dapat dihitung." in _paragraphs(blocks)
    )
    (finding,) = [f for f in check(doc) if f.problem.code == "kemajuan.target_akhir"]
    assert (
        finding.problem.message
        == "IS5.1 has no 2026 target: Tabel 3.4 (target akhir Renstra) cannot show its tingkat kemajuan"
    )


def test_tabel_3_4_formula_follows_arah(doc):
    table = _table(_tree(doc), "perbandingan-renstra")
    assert _cells(table.head[-1])[-1] == "6=4/5x100" and table.notes == ()
    _edit(
        doc.parent / "renstra-2024-2026" / "rencana.yaml",
        "            satuan: persen\n            arah: positif",
        "            satuan: persen\n            arah: negatif",
    )
    table = _table(_tree(doc), "perbandingan-renstra")
    assert _cells(table.head[-1])[-1] == "6"
    assert table.notes == (
        (
            "Kolom 6 = (2 x 5 - 4)/5 x 100 untuk indikator negatif (semakin rendah semakin baik); 4/5 x 100 "
            "untuk indikator positif (semakin tinggi semakin baik)."
        ),
    )


def test_batas_capaian_caps_the_column_with_a_note(doc):
    _edit(doc / "document.toml", 'batas_capaian = "none"', 'batas_capaian = "100"')
    table = _table(_tree(doc), "capaian")
    assert _row(table, "Nilai SAKIP")[4] == "100,00"  # 92,33 / 85 = 108,62, capped
    assert table.notes == (
        (
            "Capaian di atas 100% dicatat 100% (batas capaian), juga dalam rata-rata dan efisiensi; capaian "
            "sebelum dibatasi: Nilai SAKIP Dinas Sosial 108,62%; Indeks Kepuasan Masyarakat Dinas Sosial 100,11%."
        ),
    )


def test_a_budget_not_reported_reads_so(doc):
    data = yaml.safe_load((doc / "program.yaml").read_text(encoding="utf-8"))
    for p in data["program"]:
        p.pop("tercetak", None)
        for k in p["kegiatan"]:
            k.pop("tercetak", None)
            for leaf in k.get("sub_kegiatan") or [k]:
                leaf["anggaran"] = {"pagu": 0, "realisasi": 0}
    (doc / "program.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    kinerja = yaml.safe_load((doc / "kinerja.yaml").read_text(encoding="utf-8"))
    for d in kinerja["dukungan"].values():
        d["alokasi"] = {}
    (doc / "kinerja.yaml").write_text(
        yaml.safe_dump(kinerja, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    texts = _paragraphs(_tree(doc))
    summary = next(t for t in texts if t.startswith("Dari hasil pengukuran"))
    assert summary.endswith(
        "(kategori berhasil) dan 3 (tiga) dari 5 (lima) sasaran telah mencapai target, sedangkan "
        "realisasi anggaran belum dilaporkan."
    )
    assert not any("Rp 0 dari pagu Rp 0" in t for t in texts)


def test_kategori_ranges_in_the_criteria_table(doc):
    _edit(
        doc / "document.toml",
        "[perhitungan]",
        '[kategori]\nskala = [{min = 86, max = 100, label = "Baik"}, '
        '{min = 71, max = 85, label = "Sedang"}, {max = 70, label = "Kurang"}]\n\n[perhitungan]',
    )
    blocks = _tree(doc)
    rows = [_cells(r) for r in _table(blocks, "kriteria").body]
    assert rows == [
        ["1.", "86% s.d. 100%", "Delapan puluh enam persen sampai dengan seratus persen", "Baik"],
        [
            "2.",
            "71% s.d. 85%",
            "Tujuh puluh satu persen sampai dengan delapan puluh lima persen",
            "Sedang",
        ],
        ["3.", "≤ 70%", "Sampai dengan tujuh puluh persen", "Kurang"],
    ]
    assert (
        _row(_table(blocks, "capaian"), "Nilai SAKIP")[5] == "-"
    )  # 108,62: in no level, reported by check


def test_check_json_gives_the_findings(run_cli):
    code, out, _ = run_cli("check", "--format", "json", str(AGENCY / "lkjip-2024"))
    findings = json.loads(out)
    assert code == 1 and len(findings) == 17
    assert findings[0] == {
        "severity": "W",
        "code": "kategori",
        "file": findings[0]["file"],
        "line": 17,
        "field": "realisasi.IS1.1.tercetak.kategori",
        "message": 'printed "Berhasil", the scale gives "Sangat Berhasil" for capaian 100,00',
        "hint": None,
    }
    assert findings[0]["file"].endswith("lkjip-2024/kinerja.yaml")
