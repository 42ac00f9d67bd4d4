"""A predikat indicator (Nilai SAKIP, target BB, realisasi BB, Renstra's end target A) in the
sentences and in `check` (issue 14's new user): it has no capaian number (REGULATIONS §4.5), but
whether it reached its target is known by the declared scale's order, and every sentence says so
the same way `check` counts it. The fixture is the invented Dinas Pendidikan
(`tests/lkjip_rekaan/`, REKAAN); the old sentences are quoted in each test's docstring."""

from __future__ import annotations

import dataclasses
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from laporgen.build import check, document_for
from laporgen.compute.capaian import tercapai_predikat
from laporgen.compute.lkjip import lkjip_figures
from laporgen.jenis import load_document
from laporgen.model.folder import load_lkjip
from laporgen.model.nilai import SAKIP, Tertulis

from laporgen.document.nodes import Landscape, ListBlock, Paragraph, Section, Table, Text
from tests.document.test_kalimat import sentences

FOLDER = Path(__file__).parent / "lkjip_rekaan" / "dikbud-sukamaju" / "lkjip-2025"


def _texts(folder: Path) -> list[str]:
    c = dataclasses.replace(load_document(folder), narasi={})
    d = document_for(c, charts=False)
    return [whole for _plain, whole, _opens in sentences(d.front + d.body)]


@pytest.fixture(scope="module")
def met() -> list[str]:
    return _texts(FOLDER)


@pytest.fixture(scope="module")
def missed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture with the SAKIP realisasi one step below its target: B against BB."""
    root = tmp_path_factory.mktemp("predikat") / "dikbud-sukamaju"
    shutil.copytree(FOLDER.parent, root)
    kinerja = root / "lkjip-2025" / "kinerja.yaml"
    text = kinerja.read_text(encoding="utf-8")
    assert "IS2.1: {nilai: BB," in text
    kinerja.write_text(text.replace("IS2.1: {nilai: BB,", "IS2.1: {nilai: B,"), encoding="utf-8")
    return root / "lkjip-2025"


def P(teks: str) -> Tertulis:
    return Tertulis(teks, "predikat")


@pytest.mark.parametrize(
    "target, realisasi, expected",
    [
        (P("BB"), P("BB"), True),
        (P("BB"), P("A"), True),
        (P("BB"), P("B"), False),
        (P("A"), P("BB"), False),
        (P("BB"), Decimal(80), None),  # a number against a predikat: not comparable
        (P("BB"), Tertulis("n.a", "na"), None),
        (P("BB"), None, None),
    ],
)
def test_the_scale_order_decides_tercapai(target, realisasi, expected):
    assert tercapai_predikat(target, realisasi, {"SAKIP": list(SAKIP)}) is expected


def test_a_predikat_of_two_scales_is_compared_only_within_one():
    skala = {"SAKIP": list(SAKIP), "Mutu": ["Sangat Baik", "Baik"]}
    assert tercapai_predikat(P("Baik"), P("Sangat Baik"), skala) is True
    assert tercapai_predikat(P("BB"), P("Baik"), skala) is None


def test_the_figures_hold_the_verdict_and_the_end_target_as_written():
    f = lkjip_figures(load_lkjip(FOLDER))
    (sakip,) = [i for i in f.indikator if i.indikator.id == "IS2.1"]
    assert (sakip.capaian, sakip.tercapai_predikat, sakip.tercapai) == (None, True, True)
    assert sakip.target_akhir == P("A") and sakip.kemajuan is None
    assert [s.tercapai for s in f.sasaran] == [True, True]


def test_capaian_sentence_gives_realisasi_against_target(met):
    """Old: "… belum dapat diukur capaiannya karena realisasi atau target belum tersedia"."""
    assert (
        "Pada tahun 2025 sasaran strategis ini mempunyai target kinerja BB yang terealisasi BB "
        "(tercapai). Predikat tidak dikonversi menjadi angka, sehingga capaiannya tidak dinyatakan "
        "dalam persen."
    ) in met
    assert not [t for t in met if "belum dapat diukur" in t]


def test_kemajuan_gives_the_end_target_as_written(met):
    """Old: "… belum memiliki target akhir Renstra (tahun 2026)", though 2026 holds A."""
    assert (
        "Indikator Nilai SAKIP Dinas Pendidikan memiliki target akhir Renstra (tahun 2026) berupa "
        "predikat A dan realisasi BB; predikat tidak dikonversi menjadi angka, sehingga tingkat "
        "kemajuannya tidak dinyatakan dalam persen."
    ) in met
    assert not [t for t in met if "belum memiliki target akhir" in t]


def test_tabel_3_4_prints_the_end_target_as_written():
    """Old: the Target Akhir cell of IS2.1 was "-"."""
    d = document_for(load_document(FOLDER), charts=False)
    (table,) = [t for t in _tables(d.front + d.body) if "Tingkat Kemajuan" in t.title]
    (row,) = [r for r in table.body if any(_cell(c) == "Nilai SAKIP Dinas Pendidikan" for c in r)]
    assert [_cell(c) for c in row][-3:] == ["BB", "A", "-"]


def test_sasaran_counts_and_causes_when_the_predikat_is_met(met):
    """Old: "belum ada sasaran yang mencapai target" and "Kegagalan … sasaran strategis kedua"."""
    assert (
        "Pada tahun 2025 dari 2 (dua) sasaran Dinas Pendidikan, seluruhnya telah mencapai target "
        "yang telah ditentukan."
    ) in met
    assert (
        "Keberhasilan dalam mencapai target kinerja sasaran strategis kedua yaitu Meningkatnya "
        "akuntabilitas kinerja dipengaruhi oleh faktor-faktor berikut:"
    ) in met


def test_simpulan_says_the_predikat_not_a_dash(met):
    """Old: "capaian Nilai SAKIP Dinas Pendidikan sebesar - (kategori -)"."""
    assert (
        "Sasaran ke-2 terdiri dari 1 (satu) indikator kinerja dengan capaian Nilai SAKIP Dinas "
        "Pendidikan berupa realisasi BB dari target BB (tercapai);"
    ) in met
    i = met.index(
        "Sasaran ke-2 terdiri dari 1 (satu) indikator kinerja dengan capaian Nilai SAKIP Dinas "
        "Pendidikan berupa realisasi BB dari target BB (tercapai);"
    )
    assert met[i + 1] == "Sebanyak 1 (satu) indikator kinerja telah mencapai target;"


def test_the_mean_says_over_which_indicators(met):
    """Old: "rata-rata 5 (lima) indikator sebesar 103,55%", a mean over 4 (IS2.1 has no number)."""
    assert (
        met.count(
            "Dari hasil pengukuran terhadap 2 (dua) sasaran strategis tahun 2025, capaian kinerja "
            "rata-rata 4 (empat) indikator yang terukur dengan angka sebesar 103,55% (kategori sangat "
            "berhasil) dan secara umum telah mencapai target, dengan realisasi anggaran sebesar "
            "Rp 47.718.400.000 dari pagu Rp 49.590.000.000 (96,23%) dan tingkat efisiensi kinerja "
            "sebesar 6,71% (efisien)."
        )
        == 2
    )  # the Ikhtisar and the Simpulan
    assert (
        "Dari 4 (empat) indikator kinerja yang terukur dengan angka, 2 (dua) indikator berkategori "
        "sangat berhasil dan 2 (dua) indikator berkategori berhasil."
    ) in met


def test_a_missed_predikat_is_said_missed(missed):
    texts = _texts(missed)
    assert (
        "Pada tahun 2025 sasaran strategis ini mempunyai target kinerja BB yang terealisasi B "
        "(belum tercapai). Predikat tidak dikonversi menjadi angka, sehingga capaiannya tidak "
        "dinyatakan dalam persen."
    ) in texts
    assert (
        "Pada tahun 2025 dari 2 (dua) sasaran Dinas Pendidikan, terdapat 1 (satu) sasaran yang "
        "mencapai target yang telah ditentukan dan 1 (satu) sasaran yang belum mencapai target."
    ) in texts
    assert (
        "Kegagalan dalam mencapai target kinerja sasaran strategis kedua yaitu Meningkatnya "
        "akuntabilitas kinerja dipengaruhi oleh faktor-faktor berikut:"
    ) in texts
    # the cause names the predikat, not another indicator's capaian above 100%
    assert (
        "Indikator Nilai SAKIP Dinas Pendidikan belum mencapai target: realisasinya B berada di "
        "bawah target BB pada skala predikat."
    ) in texts
    assert not [t for t in texts if t.startswith("Meskipun target belum tercapai")]
    assert (
        "Sasaran ke-2 terdiri dari 1 (satu) indikator kinerja dengan capaian Nilai SAKIP Dinas "
        "Pendidikan berupa realisasi B dari target BB (belum tercapai);"
    ) in texts


def _tercapai_findings(folder: Path, sentence: str) -> list[str]:
    path = folder / "narasi" / "simpulan.akhir.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(sentence + "\n", encoding="utf-8")
    return [f.problem.message for f in check(folder) if f.problem.code == "narasi.tercapai"]


def test_check_counts_the_predikat_as_the_sentences_do(tmp_path, missed):
    """`check` and III.A.5 share the rule: with BB = BB both sasaran reached their target; with B
    against BB one did."""
    shutil.copytree(FOLDER.parent, tmp_path / "met")
    met_copy = tmp_path / "met" / FOLDER.name
    assert _tercapai_findings(met_copy, "Terdapat 2 sasaran mencapai target.") == []
    (found,) = _tercapai_findings(met_copy, "Terdapat 1 sasaran mencapai target.")
    assert found.startswith(
        "the text counts 1 sasaran reached the target, the data give 2 (S1, S2)"
    )
    assert (
        _tercapai_findings(
            missed, "Terdapat 1 sasaran mencapai target dan 1 sasaran belum mencapai target."
        )
        == []
    )
    (found,) = _tercapai_findings(missed, "Terdapat 2 sasaran mencapai target.")
    assert found.startswith("the text counts 2 sasaran reached the target, the data give 1 (S1)")


def test_check_reports_a_missed_predikat_under_a_claim_of_all(missed):
    """narasi.target: "seluruh sasaran telah mencapai target" while S2's SAKIP is B against BB
    (old: not reported, a predikat having no capaian below 100)."""
    path = missed / "narasi" / "simpulan.akhir.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text("Pada tahun 2025 seluruh sasaran telah mencapai target.\n", encoding="utf-8")
    (found,) = [f.problem.message for f in check(missed) if f.problem.code == "narasi.target"]
    assert found.startswith(
        "the text says the target was reached, but 1 of 2 sasaran missed it (S2 IS2.1 B)"
    )


def _tables(blocks):
    for b in blocks:
        if isinstance(b, Table):
            yield b
        elif isinstance(b, (Section, Landscape)):
            yield from _tables(b.children)
        elif isinstance(b, ListBlock):
            for item in b.items:
                yield from _tables(item)


def _cell(c) -> str:
    return " ".join(
        i.text
        for p in c.blocks
        if isinstance(p, Paragraph)
        for i in p.inlines
        if isinstance(i, Text)
    ).strip()


# ------------------------------------------------------------------------------ history rows
SAKIP_RIWAYAT = (
    "  - {sasaran: Meningkatnya akuntabilitas kinerja, indikator: Nilai SAKIP Dinas Pendidikan, "
    "satuan: predikat, id: IS2.1, tahun: {2024: {target: BB, realisasi: %s}}}\n"
)


def _with_riwayat(tmp_path: Path, realisasi: str) -> Path:
    """A copy of the fixture with a history row of IS2.1: 2024 target BB, its realisasi given."""
    shutil.copytree(FOLDER.parent, tmp_path / "dikbud")
    doc = tmp_path / "dikbud" / FOLDER.name
    kinerja = doc / "kinerja.yaml"
    text = kinerja.read_text(encoding="utf-8")
    kinerja.write_text(
        text.replace("perjanjian_kinerja:", SAKIP_RIWAYAT % realisasi + "perjanjian_kinerja:", 1),
        encoding="utf-8",
    )
    return doc


def test_a_history_row_takes_a_predikat_realisasi(tmp_path):
    """Old: 2024's realisasi B refused ("expected a number … tulis angkanya saja") though the
    target BB beside it was taken. Now the row prints as written, with no capaian number; the
    schema an editor checks and the loader agree on the file."""
    from tests.test_schema_agrees import verdicts

    doc = _with_riwayat(tmp_path, "B")
    f = lkjip_figures(load_lkjip(doc))
    (row,) = [r for r in f.riwayat if r.indikator == "Nilai SAKIP Dinas Pendidikan"]
    assert row.tahun[2024].target == P("BB") and row.tahun[2024].realisasi == P("B")
    assert row.tahun[2024].capaian is None
    assert row.tahun[2025].realisasi == P("BB")
    assert verdicts(doc / "kinerja.yaml", "lkjip-kinerja") == (True, True)


def test_the_riwayat_sheet_takes_a_predikat_realisasi(tmp_path):
    """The data workbook's Riwayat sheet reads "B" in a Realisasi column as the loader does
    (old: "expected a number … tulis angkanya saja")."""
    import openpyxl
    from conftest import invoke_cli
    from test_data_workbook import col, export, row_of

    doc = _with_riwayat(tmp_path, "BB")
    xlsx = export(doc, tmp_path / "out")
    wb = openpyxl.load_workbook(xlsx)
    riwayat = wb["Riwayat"]
    r = row_of(riwayat, "IS2.1", col(riwayat, "ID"))
    assert riwayat.cell(r, col(riwayat, "Realisasi 2024")).value == "BB"
    riwayat.cell(r, col(riwayat, "Realisasi 2024"), "B")
    wb.save(xlsx)
    code, _stdout, stderr = invoke_cli("import", xlsx, "--into", doc)
    assert code == 0, stderr
    assert SAKIP_RIWAYAT % "B" in (doc / "kinerja.yaml").read_text(encoding="utf-8")
