"""Capaian, kategori and rata-rata (DOMAIN.md §4, LKJIP-SPEC F3–F6, REGULATIONS.md §4.3, §5.2)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laporgen.compute.capaian import (
    batasi,
    capaian_persen,
    celah,
    kategori_for,
    rata_rata,
    tercapai,
)
from laporgen.model.settings import LKJIP4, Kategori, Tingkat
from laporgen.numbers import bulatkan

POSITIVE = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=3)
NON_NEGATIVE = st.decimals(min_value=Decimal("0"), max_value=Decimal("100000"), places=3)
NONZERO = POSITIVE | POSITIVE.map(lambda d: -d)
CAPAIAN = st.decimals(min_value=Decimal("-50"), max_value=Decimal("300"), places=4)


# ------------------------------------------------------------------------------ rumus 1
@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        pytest.param(
            Decimal("99.88"),
            Decimal("99.88"),
            Decimal("100.00"),
            id="LKjIP Magetan 2024 Tabel 3.2 IS1.1",
        ),
        pytest.param(
            Decimal("0.28"),
            Decimal("0.259"),
            Decimal("92.50"),
            id="LKjIP Magetan 2024 Tabel 3.2 IS2.1",
        ),
        pytest.param(
            Decimal("0.04"),
            Decimal("0.038"),
            Decimal("95.00"),
            id="LKjIP Magetan 2024 Tabel 3.2 IS3.1 (seed 96, L-2)",
        ),
        pytest.param(
            Decimal("5.30"),
            Decimal("5.30"),
            Decimal("100.00"),
            id="LKjIP Magetan 2024 Tabel 3.2 IS4.1",
        ),
        pytest.param(
            Decimal("85"),
            Decimal("92.33"),
            Decimal("108.62"),
            id="LKjIP Magetan 2024 Tabel 3.2 IS5.1",
        ),
        pytest.param(
            Decimal("87.35"),
            Decimal("87.45"),
            Decimal("100.11"),
            id="LKjIP Magetan 2024 Tabel 3.2 IS5.2",
        ),
        pytest.param(
            Decimal("90"),
            Decimal("97.60"),
            Decimal("108.44"),
            id="LKjIP Magetan 2024 Tabel 3.10 K1.2",
        ),
        pytest.param(
            Decimal("84"),
            Decimal("87.33"),
            Decimal("103.96"),
            id="LKjIP Magetan 2024 Tabel 3.3 IKM 2023",
        ),
        pytest.param(
            Decimal("3.15"), Decimal("3.79"), Decimal("120.32"), id="Lamongan IKU 2021 tujuan F16"
        ),
    ],
)
def test_capaian_rumus1_is_realisasi_over_target(target, realisasi, expected):
    assert bulatkan(capaian_persen(target, realisasi)) == expected


def test_capaian_rumus1_is_unrounded():
    # 92,33 / 85 is not a 2-decimal number: the figure keeps Decimal's 28 digits, rounded only
    # for display (numbers.py)
    assert capaian_persen(Decimal("85"), Decimal("92.33")) == Decimal(
        "108.6235294117647058823529412"
    )


def test_capaian_rumus1_seed_96_needs_a_different_realisasi():
    """L-2: the printed 96 for IS3.1 would need R = 0,0384, not the data's 0,038."""
    assert capaian_persen(Decimal("0.04"), Decimal("0.0384")) == Decimal("96")
    assert capaian_persen(Decimal("0.04"), Decimal("0.038")) == Decimal("95")


# ------------------------------------------------------------------------------ rumus 2
@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        pytest.param(
            Decimal("10"), Decimal("12"), Decimal("80.00"), id="LKJIP-SPEC F4 (SYN) T=10 R=12"
        ),
        pytest.param(
            Decimal("10"), Decimal("5"), Decimal("150.00"), id="LKJIP-SPEC F4 (SYN) T=10 R=5"
        ),
        pytest.param(
            Decimal("10"), Decimal("10"), Decimal("100.00"), id="LKJIP-SPEC F4 (SYN) T=10 R=10"
        ),
        pytest.param(
            Decimal("10"), Decimal("0"), Decimal("200.00"), id="LKJIP-SPEC F4 (SYN) T=10 R=0"
        ),
        pytest.param(
            Decimal("10"),
            Decimal("25"),
            Decimal("0.00"),
            id="LKJIP-SPEC F4 (SYN) T=10 R=25 floored, not -50",
        ),
        pytest.param(
            Decimal("7"), Decimal("6.5"), Decimal("107.14"), id="LKJIP-SPEC F4 (SYN) T=7 R=6,5"
        ),
        pytest.param(Decimal("10"), Decimal("20"), Decimal("0.00"), id="R = 2T is exactly 0"),
    ],
)
def test_capaian_rumus2_lan_is_two_t_minus_r_over_t(target, realisasi, expected):
    assert bulatkan(capaian_persen(target, realisasi, "negatif")) == expected


def test_capaian_rumus2_default_is_lan():
    assert capaian_persen(Decimal("10"), Decimal("12"), "negatif") == capaian_persen(
        Decimal("10"), Decimal("12"), "negatif", "lan"
    )
    assert capaian_persen(Decimal("10"), Decimal("12"), "negatif") == Decimal("80")


@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        pytest.param(Decimal("10"), Decimal("12"), Decimal("83.33"), id="(SYN) T=10 R=12"),
        pytest.param(Decimal("10"), Decimal("5"), Decimal("200.00"), id="(SYN) T=10 R=5"),
        pytest.param(Decimal("10"), Decimal("25"), Decimal("40.00"), id="(SYN) T=10 R=25"),
        pytest.param(Decimal("7"), Decimal("6.5"), Decimal("107.69"), id="(SYN) T=7 R=6,5"),
    ],
)
def test_capaian_rumus2_inverse_is_target_over_realisasi(target, realisasi, expected):
    assert bulatkan(capaian_persen(target, realisasi, "negatif", "inverse")) == expected


def test_capaian_rumus2_inverse_with_zero_realisasi_has_no_number():
    assert capaian_persen(Decimal("10"), Decimal("0"), "negatif", "inverse") is None


def test_capaian_rumus_negatif_is_ignored_for_positif():
    assert capaian_persen(Decimal("10"), Decimal("12"), "positif", "inverse") == Decimal("120")


# ---------------------------------------------------------------------------- edge cases
@pytest.mark.parametrize("arah", ["positif", "negatif"])
@pytest.mark.parametrize("rumus", ["lan", "inverse"])
def test_capaian_target_zero_realisasi_zero_is_100(arah, rumus):
    assert capaian_persen(Decimal("0"), Decimal("0"), arah, rumus) == Decimal("100")


@pytest.mark.parametrize(
    ("target", "realisasi", "arah"),
    [
        pytest.param(Decimal("0"), Decimal("3"), "positif", id="T=0 R>0 positif"),
        pytest.param(Decimal("0"), Decimal("3"), "negatif", id="T=0 R>0 negatif"),
        pytest.param(Decimal("10"), None, "positif", id="R missing positif"),
        pytest.param(Decimal("10"), None, "negatif", id="R missing negatif"),
        pytest.param(
            None,
            Decimal("77.70"),
            "positif",
            id="LKjIP Magetan 2024 Tabel 3.3 SAKIP 2022 no target",
        ),
        pytest.param(None, None, "positif", id="neither"),
    ],
)
def test_capaian_without_a_meaningful_ratio_is_none(target, realisasi, arah):
    assert capaian_persen(target, realisasi, arah) is None


def test_capaian_positif_realisasi_zero_is_zero():
    assert capaian_persen(Decimal("10"), Decimal("0")) == Decimal("0")


# ------------------------------------------------------------------------------ kategori
@pytest.mark.parametrize(
    ("capaian", "expected"),
    [
        pytest.param(Decimal("108.62"), "Sangat Berhasil", id="LKjIP Magetan 2024 Tabel 3.2 IS5.1"),
        pytest.param(Decimal("100.11"), "Sangat Berhasil", id="LKjIP Magetan 2024 Tabel 3.2 IS5.2"),
        pytest.param(
            Decimal("100"), "Sangat Berhasil", id="exactly 100 (seed prints Berhasil, L-1)"
        ),
        pytest.param(Decimal("100.00"), "Sangat Berhasil", id="100,00"),
        pytest.param(Decimal("99.99"), "Berhasil", id="99,99"),
        pytest.param(Decimal("99.54"), "Berhasil", id="LKjIP Magetan 2024 F5.avg rata-rata 99,54"),
        pytest.param(Decimal("95.00"), "Berhasil", id="LKjIP Magetan 2024 Tabel 3.2 IS3.1 95,00"),
        pytest.param(Decimal("92.5"), "Berhasil", id="LKjIP Magetan 2024 Tabel 3.2 IS2.1"),
        pytest.param(Decimal("75"), "Berhasil", id="75"),
        pytest.param(Decimal("74.99"), "Cukup Berhasil", id="74,99"),
        pytest.param(Decimal("63.33"), "Cukup Berhasil", id="63,33"),
        pytest.param(Decimal("55"), "Cukup Berhasil", id="55"),
        pytest.param(Decimal("54.99"), "Kurang Berhasil", id="54,99"),
        pytest.param(Decimal("0"), "Kurang Berhasil", id="0"),
        pytest.param(Decimal("-5"), "Kurang Berhasil", id="negative"),
    ],
)
def test_kategori_lkjip4_boundaries_are_inclusive_lower_bounds(capaian, expected):
    assert kategori_for(capaian, LKJIP4) == expected


def test_kategori_of_no_capaian_is_none():
    assert kategori_for(None, LKJIP4) is None


PERMENDAGRI86 = Kategori(
    skala=(
        Tingkat(min=Decimal(91), label="Sangat Tinggi"),
        Tingkat(min=Decimal(76), label="Tinggi"),
        Tingkat(min=Decimal(66), label="Sedang"),
        Tingkat(min=Decimal(51), label="Rendah"),
        Tingkat(min=None, label="Sangat Rendah"),
    )
).skala
"""REGULATIONS.md §5.2, as the half-open bands it recommends (the gaps 90–91 etc. closed)."""


@pytest.mark.parametrize(
    ("capaian", "expected"),
    [
        pytest.param(Decimal("108.62"), "Sangat Tinggi", id="above 100"),
        pytest.param(Decimal("91"), "Sangat Tinggi", id="91"),
        pytest.param(Decimal("90.99"), "Tinggi", id="90,99 in the regulation's gap"),
        pytest.param(Decimal("76"), "Tinggi", id="76"),
        pytest.param(Decimal("75.5"), "Sedang", id="75,5 in the gap"),
        pytest.param(Decimal("66"), "Sedang", id="66"),
        pytest.param(Decimal("65.99"), "Rendah", id="65,99"),
        pytest.param(Decimal("51"), "Rendah", id="51"),
        pytest.param(Decimal("50.99"), "Sangat Rendah", id="50,99"),
        pytest.param(Decimal("0"), "Sangat Rendah", id="0"),
    ],
)
def test_kategori_permendagri86_five_levels_as_configuration(capaian, expected):
    assert kategori_for(capaian, PERMENDAGRI86) == expected


# ------------------------------------------------------------------------------ rata-rata
PRINTED_CAPAIAN = [
    Decimal("100.00"),
    Decimal("92.50"),
    Decimal("95.00"),
    Decimal("100.00"),
    Decimal("108.62"),
    Decimal("100.11"),
]


def test_rata_rata_of_the_six_capaian_with_is31_95_is_99_37():
    """LKJIP-SPEC F6.2: the data's IS3.1 = 95,00."""
    assert bulatkan(rata_rata(PRINTED_CAPAIAN)) == Decimal("99.37")


def test_rata_rata_of_the_six_printed_capaian_with_is31_96_is_99_54():
    """LKJIP-SPEC F6.1: the seed's printed values (IS3.1 = 96)."""
    printed = [
        Decimal("100"),
        Decimal("92.5"),
        Decimal("96"),
        Decimal("100"),
        Decimal("108.62"),
        Decimal("100.11"),
    ]
    assert bulatkan(rata_rata(printed)) == Decimal("99.54")


def test_rata_rata_of_the_unrounded_capaian_is_99_37():
    """LKJIP-SPEC F6.3: from the unrounded values too."""
    rows = [
        ("99.88", "99.88"),
        ("0.28", "0.259"),
        ("0.04", "0.038"),
        ("5.30", "5.30"),
        ("85", "92.33"),
        ("87.35", "87.45"),
    ]
    values = [capaian_persen(Decimal(t), Decimal(r)) for t, r in rows]
    assert bulatkan(rata_rata(values)) == Decimal("99.37")


def test_rata_rata_excludes_missing_values():
    assert rata_rata([Decimal("100"), None, Decimal("90")]) == Decimal("95")


@pytest.mark.parametrize("values", [[], [None, None]], ids=["empty", "all missing"])
def test_rata_rata_of_nothing_is_none(values):
    assert rata_rata(values) is None


def test_rata_rata_kategori_of_the_seed_average_is_berhasil():
    """LKJIP-SPEC F5.avg: 99,54 → BERHASIL; 99,37 too."""
    assert kategori_for(bulatkan(rata_rata(PRINTED_CAPAIAN)), LKJIP4) == "Berhasil"


# -------------------------------------------------------------------------- batasi / tercapai
@pytest.mark.parametrize(
    ("capaian", "batas", "expected"),
    [
        pytest.param(
            Decimal("108.62"), None, Decimal("108.62"), id="no cap: 108,62 stays (Magetan)"
        ),
        pytest.param(Decimal("108.62"), Decimal("100"), Decimal("100"), id="cap 100"),
        pytest.param(Decimal("140"), Decimal("120"), Decimal("120"), id="cap 120"),
        pytest.param(
            Decimal("92.5"), Decimal("100"), Decimal("92.5"), id="below the cap unchanged"
        ),
        pytest.param(None, Decimal("100"), None, id="no capaian"),
    ],
)
def test_batasi_caps_capaian(capaian, batas, expected):
    assert batasi(capaian, batas) == expected


@pytest.mark.parametrize(
    ("capaian", "expected"),
    [
        pytest.param(Decimal("100"), True, id="exactly 100"),
        pytest.param(Decimal("108.44"), True, id="LKjIP Magetan 2024 K1.2"),
        pytest.param(Decimal("99.99"), False, id="99,99"),
        pytest.param(Decimal("92.5"), False, id="LKjIP Magetan 2024 IS2.1"),
        pytest.param(None, False, id="no capaian"),
    ],
)
def test_tercapai_means_capaian_at_least_100(capaian, expected):
    assert tercapai(capaian) is expected


# ----------------------------------------------------------------------------- properties
@given(NONZERO, st.sampled_from(["positif", "negatif"]), st.sampled_from(["lan", "inverse"]))
def test_capaian_realisasi_equal_to_target_is_exactly_100(target, arah, rumus):
    assert capaian_persen(target, target, arah, rumus) == Decimal("100")


@given(POSITIVE, NON_NEGATIVE, NON_NEGATIVE)
def test_capaian_positif_is_monotone_non_decreasing_in_realisasi(target, r1, r2):
    low, high = sorted((r1, r2))
    assert capaian_persen(target, low) <= capaian_persen(target, high)


@given(POSITIVE, NON_NEGATIVE, NON_NEGATIVE)
def test_capaian_rumus2_lan_is_monotone_non_increasing_and_never_negative(target, r1, r2):
    low, high = sorted((r1, r2))
    c_low = capaian_persen(target, low, "negatif")
    c_high = capaian_persen(target, high, "negatif")
    assert c_low >= c_high
    assert c_high >= 0


@given(POSITIVE, POSITIVE, POSITIVE)
def test_capaian_rumus2_inverse_is_monotone_non_increasing(target, r1, r2):
    low, high = sorted((r1, r2))
    assert capaian_persen(target, low, "negatif", "inverse") >= capaian_persen(
        target, high, "negatif", "inverse"
    )


LEVELS = [t.label for t in LKJIP4]


@given(CAPAIAN, CAPAIAN)
def test_kategori_is_monotone_in_capaian(c1, c2):
    low, high = sorted((c1, c2))
    assert LEVELS.index(kategori_for(low, LKJIP4)) >= LEVELS.index(kategori_for(high, LKJIP4))


RANGES = (
    Tingkat(min=Decimal(86), max=Decimal(100), label="Baik"),
    Tingkat(min=Decimal(71), max=Decimal(85), label="Sedang"),
    Tingkat(min=None, max=Decimal(70), label="Kurang"),
)
"""A scale of ranges with upper bounds (issue 15: Baik 86–100, Sedang 71–85)."""


@pytest.mark.parametrize(
    "capaian, expected",
    [
        ("100", "Baik"),
        ("86", "Baik"),
        ("85", "Sedang"),
        ("85.50", None),
        ("70", "Kurang"),
        ("70.01", None),
        ("108.62", None),
        ("-3", "Kurang"),
    ],
)
def test_kategori_for_a_scale_of_ranges(capaian, expected):
    assert kategori_for(Decimal(capaian), RANGES) == expected


def test_celah_of_a_scale_of_ranges():
    assert celah(RANGES) == [
        (Decimal(100), None),
        (Decimal(85), Decimal(86)),
        (Decimal(70), Decimal(71)),
    ]
    assert celah(LKJIP4) == []
    assert celah(
        (
            Tingkat(min=Decimal(50), max=Decimal(100), label="A"),
            Tingkat(min=Decimal(0), max=Decimal("49.99"), label="B"),
        )
    ) == [(Decimal(100), None), (None, Decimal(0))]


def test_a_scale_of_ranges_validates_and_lower_bounds_stay_valid():
    assert Kategori(skala=RANGES).skala == RANGES
    with pytest.raises(ValueError):
        Kategori(
            skala=(
                Tingkat(min=Decimal(86), max=Decimal(80), label="Baik"),
                Tingkat(min=None, label="Kurang"),
            )
        )
