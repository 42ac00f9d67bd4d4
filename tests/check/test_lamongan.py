"""The Lamongan slips (LKJIP-SPEC §3.16, register LM-1 … LM-4) read from the figures of seed 002
transcribed in `lamongan/` (a declared table with IKU rows one `tingkat` under their tujuan): each
is reported with its code, place and both figures, and a corrected copy has none of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from laporgen.build import check

LAMONGAN = Path(__file__).resolve().parent / "lamongan" / "renstra-2021-2026"
MISSING = "narasi.missing"  # the deck has no narrative chapters


def _findings(doc: Path) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in check(doc):
        if f.problem.code != MISSING:
            out.setdefault(f.problem.code, []).append(f)
    return out


def test_each_lamongan_slip_is_reported():
    found = _findings(LAMONGAN)
    assert sorted(found) == ["narasi.angka", "tabel.format", "tabel.rincian", "tabel.rumus"]
    assert all(len(v) == 1 for v in found.values()), found

    lm1 = found["tabel.rumus"][0]  # the tujuan's capaian anggaran
    assert (lm1.severity, lm1.problem.field) == ("E", "tabel[0].baris[0].capaian_anggaran")
    assert "capaian_anggaran printed 89,08, its formula gives 95,30" in lm1.problem.message

    lm2 = found["tabel.rincian"][0]  # Σ IKU pagu against the tujuan's
    assert (lm2.severity, lm2.problem.field) == ("E", "tabel[0].baris[0].pagu")
    assert (
        "pagu of \u201cTujuan\u201d is 3.460.500.000, the 3 rows under it add up to 3.487.500.000"
        in lm2.problem.message
    )
    assert "27.000.000" in (lm2.problem.hint or "")

    lm3 = found["narasi.angka"][0]  # IKU 1's capaian quoted as the tujuan's
    assert lm3.problem.file.endswith("kinerja-pelayanan.md") and lm3.problem.line == 3
    assert lm3.problem.message.startswith(
        "the text states 109,14%, the data give 120,32 (capaian of \u201cTujuan\u201d in "
        "capaian-tujuan-iku); 109,14% is another figure's: the capaian of \u201cIKU 1\u201d"
    )

    lm4 = found["tabel.format"][0]  # three decimals on Rupiah
    assert lm4.problem.field == "tabel[0].baris[2].realisasi_anggaran"
    assert 'malformed figure "2.421.000.000,000"' in lm4.problem.message
    assert "Rupiah have at most 2 decimals" in lm4.problem.message
    assert (lm4.problem.hint or "").startswith("write 2421000000 ")
    # the capaian anggaran of that row needs the malformed cell: not reported a second time
    assert not any(f.problem.field == "tabel[0].baris[2].capaian_anggaran" for f in check(LAMONGAN))


def test_corrected_lamongan_is_clean(tmp_path):
    shutil.copytree(LAMONGAN.parent, tmp_path / "lamongan")
    doc = tmp_path / "lamongan" / LAMONGAN.name
    path = doc / "tabel.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = data["tabel"][0]["baris"]
    rows[0]["pagu"] = 3487500000  # the IKU sum
    rows[0]["capaian_anggaran"] = 94.57  # 3.298.009.800 / 3.487.500.000
    rows[2]["realisasi_anggaran"] = 2421000000
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    narasi = doc / "narasi" / "kinerja-pelayanan.md"
    narasi.write_text(
        narasi.read_text(encoding="utf-8").replace("menunjukkan 109,14%", "menunjukkan 120,32%"),
        encoding="utf-8",
    )
    assert _findings(doc) == {}


def test_rows_under_a_row_are_only_the_next_tingkat(tmp_path):
    """A row two levels down counts toward its own parent, not the tujuan; a row back at the top
    ends the rincian."""
    shutil.copytree(LAMONGAN.parent, tmp_path / "lamongan")
    doc = tmp_path / "lamongan" / LAMONGAN.name
    path = doc / "tabel.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = data["tabel"][0]["baris"]
    rows[0]["pagu"] = 3487500000
    rows[2]["realisasi_anggaran"] = 2421000000
    rows.insert(2, {"tingkat": 2, "jenis": "Kegiatan", "pagu": 1, "realisasi_anggaran": 1})
    rows.append({"jenis": "Tujuan 2", "pagu": 5, "realisasi_anggaran": 5})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rincian = [f for f in check(doc) if f.problem.code == "tabel.rincian"]
    # only IKU 1 (574.500.000) against its one kegiatan row (1)
    assert [f.problem.field for f in rincian] == [
        "tabel[0].baris[1].pagu",
        "tabel[0].baris[1].realisasi_anggaran",
    ]


def test_a_malformed_rupiah_in_the_prose_is_reported(tmp_path):
    shutil.copytree(LAMONGAN.parent, tmp_path / "lamongan")
    doc = tmp_path / "lamongan" / LAMONGAN.name
    narasi = doc / "narasi" / "kinerja-pelayanan.md"
    narasi.write_text(
        narasi.read_text(encoding="utf-8")
        + "\nDana bagi LKS yang berkompeten tercatat Rp 2.421.000.000,000 dan Rp 2.421.000.000,00.\n",
        encoding="utf-8",
    )
    found = _findings(doc)["narasi.format"]
    assert [(f.problem.line, f.problem.message, f.problem.hint) for f in found] == [
        (
            5,
            'malformed Rupiah "Rp 2.421.000.000,000": Rupiah have at most 2 decimals (sen)',
            "write Rp 2.421.000.000, or take the amount from the data with its placeholder",
        )
    ]


def test_rows_under_the_tujuan_are_indented_and_keep_their_printed_cells():
    """The built table: IKU rows one level in (their first text cell), formula cells computed
    (the tujuan's capaian anggaran 95,30, not the 89,08 the deck printed), the malformed cell
    printed as typed."""
    from laporgen.build import document_for
    from laporgen.document.nodes import Table
    from laporgen.document.numbering import walk
    from laporgen.jenis import load_document

    d = document_for(load_document(LAMONGAN), charts=False)
    (t,) = [b for b in walk(d.body) if isinstance(b, Table) and b.id == "capaian-tujuan-iku"]
    texts = [
        ["".join(getattr(i, "text", "") for b in c.blocks for i in b.inlines) for c in r]
        for r in t.body
    ]
    assert [r[0] for r in texts] == ["Tujuan", "IKU 1", "IKU 2", "IKU 3"]
    assert [r[0].level for r in t.body] == [0, 1, 1, 1]
    assert [r[1].level for r in t.body] == [0, 0, 0, 0]
    assert texts[0][2:] == ["3,15", "3,79", "120,32", "3.460.500.000", "3.298.009.800", "95,30"]
    assert texts[2][6:] == ["2.421.000.000,000", "-"]
