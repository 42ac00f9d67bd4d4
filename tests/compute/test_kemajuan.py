"""Target akhir, tingkat kemajuan and quarterly totals (DOMAIN.md §4, LKJIP-SPEC F7, F12)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laporgen.compute.kemajuan import target_akhir, tingkat_kemajuan, total_triwulan
from laporgen.numbers import bulatkan, persen

T34 = "LKjIP Magetan 2024 Tabel 3.4"
T43 = "LKjIP Magetan 2024 Tabel 4.3"


# -------------------------------------------------------------------------- tingkat kemajuan
@pytest.mark.parametrize(
    ("realisasi", "akhir", "expected"),
    [
        pytest.param("99.88", "99.90", "99.98", id=f"{T34} IS1.1"),
        pytest.param("0.259", "0.30", "86.33", id=f"{T34} IS2.1"),
        pytest.param("0.038", "0.06", "63.33", id=f"{T34} IS3.1"),
        pytest.param("5.30", "5.50", "96.36", id=f"{T34} IS4.1"),
        pytest.param("92.33", "90.50", "102.02", id=f"{T34} IS5.1"),
        pytest.param("87.45", "88.00", "99.38", id=f"{T34} IS5.2 half-up tie 99,375"),
    ],
)
def test_tingkat_kemajuan_is_realisasi_over_target_akhir(realisasi, akhir, expected):
    result = tingkat_kemajuan(Decimal(realisasi), Decimal(akhir))
    assert bulatkan(result) == Decimal(expected)
    assert persen(result) == expected.replace(".", ",")


def test_tingkat_kemajuan_tie_is_exact_before_rounding():
    """LKJIP-SPEC F7.tie: the unrounded value is exactly 99,375; only display rounds."""
    assert tingkat_kemajuan(Decimal("87.45"), Decimal("88.00")) == Decimal("99.375")


@pytest.mark.parametrize(
    ("realisasi", "akhir", "expected"),
    [
        pytest.param(None, Decimal("99.90"), None, id="no realisasi"),
        pytest.param(Decimal("99.88"), None, None, id="no target akhir"),
        pytest.param(Decimal("0"), Decimal("0"), Decimal("100"), id="both zero"),
    ],
)
def test_tingkat_kemajuan_edge_cases(realisasi, akhir, expected):
    assert tingkat_kemajuan(realisasi, akhir) == expected


def test_tingkat_kemajuan_negatif_uses_rumus2():
    assert tingkat_kemajuan(Decimal("12"), Decimal("10"), "negatif") == Decimal("80")
    assert bulatkan(
        tingkat_kemajuan(Decimal("12"), Decimal("10"), "negatif", "inverse")
    ) == Decimal("83.33")


# ------------------------------------------------------------------------------ target akhir
# Renstra 2024–2026 targets of IS4.1 (LKjIP Magetan 2024 Tabel 2.2: 5,30 · 5,40 · 5,50)
IS41 = {2024: Decimal("5.30"), 2025: Decimal("5.40"), 2026: Decimal("5.50")}


def test_target_akhir_last_is_the_last_plan_year():
    """LKJIP-SPEC F7.x.xa: target akhir = Renstra 2026."""
    assert target_akhir(IS41, "last") == Decimal("5.50")


def test_target_akhir_default_rule_is_last():
    assert target_akhir(IS41) == Decimal("5.50")


def test_target_akhir_last_means_the_latest_year_not_the_last_key_written():
    unordered = {2026: Decimal("0.06"), 2024: Decimal("0.04"), 2025: Decimal("0.05")}
    assert target_akhir(unordered, "last") == Decimal("0.06")


def test_target_akhir_sum_adds_every_year():
    flow = {2024: Decimal("100"), 2025: Decimal("120"), 2026: Decimal("150")}
    assert target_akhir(flow, "sum") == Decimal("370")


def test_target_akhir_max_is_the_largest_target():
    falling_last = {2024: Decimal("90"), 2025: Decimal("95"), 2026: Decimal("92")}
    assert target_akhir(falling_last, "max") == Decimal("95")
    assert target_akhir(falling_last, "last") == Decimal("92")


def test_target_akhir_explicit_value_wins_over_the_years():
    assert target_akhir(IS41, Decimal("6.00")) == Decimal("6.00")
    assert target_akhir({}, Decimal("6.00")) == Decimal("6.00")


@pytest.mark.parametrize("aturan", ["last", "sum", "max"])
def test_target_akhir_without_targets_is_none(aturan):
    assert target_akhir({}, aturan) is None


# ---------------------------------------------------------------------------- target triwulan
@pytest.mark.parametrize(
    ("nilai", "agregasi", "expected"),
    [
        pytest.param(["24.72", "24.72", "24.72", "24.73"], "jumlah", "98.89", id=f"{T43} IS1.1"),
        pytest.param(["0.07", "0.07", "0.07", "0.08"], "jumlah", "0.29", id=f"{T43} IS2.1"),
        pytest.param(
            [None, None, "0.04", "0.01"],
            "jumlah",
            "0.05",
            id=f"{T43} IS3.1 quarters without target",
        ),
        pytest.param(["1.37", "1.37", "1.37", "1.39"], "jumlah", "5.50", id=f"{T43} IS4.1"),
        pytest.param([None, None, None, "92.34"], "akhir", "92.34", id=f"{T43} IS5.1 Nilai SAKIP"),
        pytest.param([None, None, None, "87.50"], "akhir", "87.50", id=f"{T43} IS5.2 IKM"),
        pytest.param(["80", "82", "84", "86"], "akhir", "86", id="akhir is TW IV, not the sum"),
        pytest.param(
            ["80", "82", "84", None], "akhir", "84", id="akhir falls back to the last quarter given"
        ),
        pytest.param(["80", "82", "84", "86"], "rata", "83", id="rata of four quarters"),
        pytest.param(
            ["86", None, None, "88"], "rata", "87", id="rata skips quarters without target"
        ),
    ],
)
def test_total_triwulan(nilai, agregasi, expected):
    values = [None if v is None else Decimal(v) for v in nilai]
    assert total_triwulan(values, agregasi) == Decimal(expected)


def test_total_triwulan_default_is_jumlah():
    assert total_triwulan(
        [Decimal("1.37"), Decimal("1.37"), Decimal("1.37"), Decimal("1.39")]
    ) == Decimal("5.50")


@pytest.mark.parametrize("agregasi", ["jumlah", "akhir", "rata"])
@pytest.mark.parametrize("nilai", [[None, None, None, None], []], ids=["all dash", "empty"])
def test_total_triwulan_without_any_quarter_is_none(nilai, agregasi):
    assert total_triwulan(nilai, agregasi) is None


QUARTER = st.none() | st.decimals(min_value=Decimal("0"), max_value=Decimal("1000"), places=2)


@given(st.lists(QUARTER, min_size=4, max_size=4))
def test_total_triwulan_rata_lies_between_the_smallest_and_largest_quarter(nilai):
    present = [v for v in nilai if v is not None]
    result = total_triwulan(nilai, "rata")
    if not present:
        assert result is None
    else:
        assert min(present) <= result <= max(present)


def test_target_akhir_is_the_final_year_target_or_none():
    """Tabel 3.4's "Target Akhir Renstra (2026)" with a plan that set 2024 only: none, not 2024's."""
    target = {2024: Decimal(85)}
    assert target_akhir(target, "last", 2026) is None
    assert target_akhir({**target, 2026: Decimal("90.50")}, "last", 2026) == Decimal("90.50")
    assert target_akhir(target, "last") == Decimal(85)
