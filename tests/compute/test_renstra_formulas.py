"""RENSTRA-SPEC §3, formula by formula, on the seeds' own rows (MGT = Magetan 2018-2023,
BLT = Blitar 2021-2026)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from laporgen.compute.anggaran import serapan_persen
from laporgen.compute.capaian import capaian_persen
from laporgen.compute.pertumbuhan import pertumbuhan_persen
from laporgen.compute.renstra import NodeRencana, renstra_figures, kondisi_akhir
from laporgen.model.folder import load_renstra
from laporgen.model.rencana_program import IndikatorRencana
from laporgen.numbers import bulatkan

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.mark.parametrize(
    "target, realisasi, expected",
    [
        ("16.75", "16.71", "99.76"),
        ("43.75", "43.73", "99.95"),
        ("38.5", "38.2", "99.22"),
        ("40.5", "40.4", "99.75"),
    ],
    ids=[
        "MGT T-C.23 disabilitas 2019",
        "MGT disabilitas 2020",
        "MGT lansia 2019",
        "MGT lansia 2020",
    ],
)
def test_f1_rasio_capaian(target, realisasi, expected):
    assert bulatkan(capaian_persen(D(target), D(realisasi))) == D(expected)


@pytest.mark.parametrize(
    "target, realisasi, expected",
    [("5", "4.44", "89"), ("5", "7.18", "144"), ("22.02", "29.14", "132"), ("20.58", "5.90", "29")],
    ids=[
        "BLT 2.6 2016 (printed 88: truncated, B-1)",
        "BLT 2.6 2017 (printed 143)",
        "BLT 2.7",
        "BLT 2.7 28,67",
    ],
)
def test_f1_rasio_whole_numbers_round_half_up(target, realisasi, expected):
    assert bulatkan(capaian_persen(D(target), D(realisasi)), 0) == D(expected)


def test_f1_no_realisasi_gives_no_rasio():
    assert capaian_persen(D("0.26"), None) is None  # MGT KUBE 2019: "-", not 0


@pytest.mark.parametrize(
    "anggaran, realisasi, expected",
    [
        (450000000, 445325100, "98.96"),
        (530105000, 463940350, "87.52"),
        (5018500000, 4420891870, "88.09"),
        (9677403097, 8836871162, "91.31"),
        (5375000, 0, "0.00"),
    ],
    ids=[
        "MGT Pemberdayaan 2019",
        "MGT Pemberdayaan 2020",
        "MGT Total 2019",
        "BLT year 4 (printed 91.1, B-2)",
        "MGT Kapasitas SDA 2020: realisasi 0",
    ],
)
def test_f2_rasio_anggaran(anggaran, realisasi, expected):
    assert bulatkan(serapan_persen(D(anggaran), D(realisasi))) == D(expected)


def test_f2_zero_anggaran_has_no_rasio():
    assert serapan_persen(D(0), D(0)) is None


@pytest.mark.parametrize(
    "series, expected",
    [
        ((450000000, 530105000), "15.11"),
        ((445325100, 463940350), "4.01"),
        ((300000000, 100000000), "-200.00"),
        ((299637800, 93517000), "-220.41"),
        ((260000000, 59800000), "-334.78"),
        ((5018500000, 5481605000), "8.45"),
        ((None, 150000000), "100.00"),
        ((10000000, 5375000), "-86.05"),
    ],
    ids=[
        "MGT Pemberdayaan anggaran",
        "realisasi",
        "Pemberdayaan Fakir Miskin",
        "realisasi",
        "TMP",
        "Total",
        "first year 0",
        "Kapasitas SDA",
    ],
)
def test_f3_relatif_akhir_reproduces_magetan(series, expected):
    values = [None if v is None else D(v) for v in series]
    assert bulatkan(pertumbuhan_persen(values, "relatif_akhir")) == D(expected)


def test_f3_relatif_akhir_last_year_zero_has_no_number():
    assert pertumbuhan_persen([D(10000000), D(0)], "relatif_akhir") is None  # MGT: empty cell


BLT_ANGGARAN = [D(x) for x in (7613661150, 8857944300, 8949839250, 9677403097, 6579168248)]
BLT_REALISASI = [D(x) for x in (6732091706, 7657235132, 7899361316, 8836871162, 6270884130)]


@pytest.mark.parametrize(
    "metode, anggaran, realisasi",
    [
        ("yoy_mean", "-1.63", "-0.07"),
        ("cagr", "-3.59", "-1.76"),
        ("relatif_akhir", "-15.72", "-7.35"),
    ],
)
def test_f3_methods_on_blitar(metode, anggaran, realisasi):
    """BLT prints "0.1%" for both; no method reproduces it (B-3)."""
    assert bulatkan(pertumbuhan_persen(BLT_ANGGARAN, metode)) == D(anggaran)
    assert bulatkan(pertumbuhan_persen(BLT_REALISASI, metode)) == D(realisasi)


def test_f3_relatif_awal_is_the_textbook_formula():
    assert bulatkan(pertumbuhan_persen([D(450000000), D(530105000)], "relatif_awal")) == D("17.80")


def _leaf(pagu: dict[int, int]) -> NodeRencana:
    return NodeRencana("sub_kegiatan", None, {y: D(v) for y, v in pagu.items()}, ())  # type: ignore[arg-type]


def test_f5_pagu_akhir_is_the_sum_of_the_years():
    gaji = _leaf(
        {2022: 3966449000, 2023: 4081977000, 2024: 4197505000, 2025: 4313032000, 2026: 4435100000}
    )
    assert gaji.pagu_akhir([2022, 2023, 2024, 2025, 2026]) == D(20994063000)  # BLT Gaji


def _ind(target: dict, akhir="last", satuan="%") -> IndikatorRencana:
    return IndikatorRencana(nama="x", satuan=satuan, target=target, akhir=akhir)


YEARS = [2022, 2023, 2024, 2025, 2026]


@pytest.mark.parametrize(
    "indikator, nilai, satuan",
    [
        (_ind(dict.fromkeys(YEARS, 38), satuan="orang"), "38", "orang"),
        (_ind(dict.fromkeys(YEARS, 20), akhir="sum"), "100", "%"),
        (_ind({2022: 1, 2023: 5, 2024: 3}, akhir="max"), "5", "%"),
        (_ind(dict.fromkeys(YEARS, 100), akhir="85"), "85", "%"),
        (
            _ind({2022: 12, 2023: {"nilai": 336, "satuan": "Orang/Bulan"}}, satuan="bulan"),
            "336",
            "Orang/Bulan",
        ),
    ],
    ids=[
        "BLT last (38 orang)",
        "BLT sum of 5 × 20% (B-18)",
        "max",
        "an explicit nilai",
        "MGT unit of the last year",
    ],
)
def test_f6_kondisi_akhir_rules(indikator, nilai, satuan):
    akhir = kondisi_akhir(indikator, YEARS)
    assert (akhir.nilai, akhir.satuan) == (D(nilai), satuan)


@pytest.fixture(scope="module")
def magetan():
    c = load_renstra(CONTENT / "magetan-dinsos" / "renstra-2018-2023")
    return c, renstra_figures(c)


def test_f4_parents_and_total_in_magetan_tc24(magetan):
    _, f = magetan
    program = f.anggaran[0]
    assert (
        program.anggaran[2020]
        == sum(ch.anggaran[2020] or 0 for ch in program.children)
        == D(530105000)
    )
    assert f.anggaran_total.anggaran == {2019: D(5018500000), 2020: D(5481605000)}
    assert f.anggaran_total.realisasi == {2019: D(4420891870), 2020: D(4778861769)}


def test_f4_magetan_tc27_new_program_totals(magetan):
    """MGT prints no TOTAL row in T-C.27; the computed totals of the new programs (§3 F4), the
    only ones funded in 2021-2023 of its one matrix."""
    _, f = magetan
    (matriks,) = f.matriks
    assert {y: matriks.total[y] for y in (2021, 2022, 2023)} == {
        2021: D(9615184520),
        2022: D(13904061272),
        2023: D(17179267399),
    }


def test_f9_old_program_pagu_equals_tc24_anggaran(magetan):
    """The old programs, the only ones funded in 2019-2020, sum to T-C.24's anggaran."""
    _, f = magetan
    (matriks,) = f.matriks
    assert {y: matriks.total[y] for y in (2019, 2020)} == {2019: D(5018500000), 2020: D(5481605000)}


def test_f10_sdm_breakdowns_agree_in_magetan(magetan):
    _, f = magetan
    assert f.sdm.golongan == f.sdm.jabatan == f.sdm.pendidikan == 26
