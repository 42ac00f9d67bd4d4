"""Staff and fixed-asset figures (LKJIP-SPEC F1, F2)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from laporgen.compute.anggaran import jumlah
from laporgen.compute.sumber_daya import saldo_akhir, selisih_formasi
from laporgen.numbers import angka

T11 = "LKjIP Magetan 2024 Tabel 1.1"
T14 = "LKjIP Magetan 2024 Tabel 1.4"


@pytest.mark.parametrize(
    ("kebutuhan", "realisasi", "expected"),
    [
        pytest.param(16, 4, -12, id=f"{T11} Penelaah Teknis Kebijakan"),
        pytest.param(13, 1, -12, id=f"{T11} Pengolah Data Dan Informasi"),
        pytest.param(6, 0, -6, id=f"{T11} JF Pekerja Sosial Ahli Pertama"),
        pytest.param(1, 1, 0, id=f"{T11} filled position"),
        pytest.param(67, 24, -43, id=f"{T11} Jumlah"),
        pytest.param(1, 3, 2, id="surplus is positive"),
    ],
)
def test_selisih_formasi_is_realisasi_minus_kebutuhan(kebutuhan, realisasi, expected):
    assert selisih_formasi(kebutuhan, realisasi) == expected


def test_selisih_formasi_shortage_prints_with_a_hyphen():
    assert angka(selisih_formasi(16, 4)) == "-12"


# LKjIP Magetan 2024 Tabel 1.1 (001 lines 149–176): (kebutuhan, realisasi, printed kekurangan)
TABEL_1_1 = [
    (1, 1, 0),
    (1, 1, 0),
    (1, 1, 0),
    (1, 1, 0),
    (1, 1, 0),
    (1, 1, 0),
    (16, 4, -12),
    (13, 1, -12),
    (4, 2, -2),
    (1, 1, 0),
    (1, 1, 0),
    (8, 8, 0),
    (1, 1, 0),
    (1, 0, -1),
    (3, 0, -3),
    (6, 0, -6),
    (1, 0, -1),
    (1, 0, -1),
    (1, 0, -1),
    (1, 0, -1),
    (1, 0, -1),
    (1, 0, -1),
    (1, 0, -1),
]


def test_selisih_formasi_every_row_of_tabel_1_1_matches_the_print():
    """LKJIP-SPEC F1.1: rows wrong: 0."""
    assert [selisih_formasi(k, r) for k, r, _ in TABEL_1_1] == [p for _, _, p in TABEL_1_1]


def test_selisih_formasi_sum_of_rows_equals_difference_of_totals():
    """LKJIP-SPEC F1.2–F1.5: Σ kebutuhan 67, Σ realisasi 24, Σ rows = 24 − 67 = −43."""
    kebutuhan = sum(k for k, _, _ in TABEL_1_1)
    realisasi = sum(r for _, r, _ in TABEL_1_1)
    assert (kebutuhan, realisasi) == (67, 24)
    assert (
        sum(selisih_formasi(k, r) for k, r, _ in TABEL_1_1)
        == selisih_formasi(kebutuhan, realisasi)
        == -43
    )


@pytest.mark.parametrize(
    ("awal", "bertambah", "berkurang", "expected"),
    [
        pytest.param("84093652", "0", "0", "84093652", id=f"{T14} Tanah"),
        pytest.param("2596107062", "281832257", "0", "2877939319", id=f"{T14} Peralatan dan Mesin"),
        pytest.param("21487432582", "0", "0", "21487432582", id=f"{T14} Gedung dan Bangunan"),
        pytest.param("24167633296", "281832257", "0", "24449465553", id=f"{T14} Jumlah (F2.7)"),
        pytest.param("1000000", "0", "250000", "750000", id="berkurang subtracts"),
    ],
)
def test_saldo_akhir_is_awal_plus_bertambah_minus_berkurang(awal, bertambah, berkurang, expected):
    assert saldo_akhir(Decimal(awal), Decimal(bertambah), Decimal(berkurang)) == Decimal(expected)


def test_saldo_akhir_jumlah_of_rows_equals_jumlah_2024():
    """LKJIP-SPEC F2.4 / F2.6."""
    rows = [("84093652", "0"), ("2596107062", "281832257"), ("21487432582", "0")]
    awal = jumlah(Decimal(a) for a, _ in rows)
    akhir = jumlah(saldo_akhir(Decimal(a), Decimal(b), Decimal(0)) for a, b in rows)
    assert awal == Decimal("24167633296")
    assert akhir == Decimal("24449465553")
