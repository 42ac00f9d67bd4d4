"""The direction of a series (compute/tren.py) on the seed's IKM figures (LKJIP-SPEC F11, L-18)."""

from decimal import Decimal as D

import pytest

from laporgen.compute.tren import tren


@pytest.mark.parametrize(
    "values, expected",
    [
        ([D("84.47"), D("87.33"), D("87.45")], "naik"),  # IKM realisasi 2022-2024
        ([D("100.56"), D("103.96"), D("100.11")], "fluktuatif"),  # IKM capaian 2022-2024
        ([D("5"), D("4"), D("3")], "turun"),
        ([D("100"), D("100")], "tetap"),
        ([D("100"), D("100"), D("101")], "cenderung_naik"),  # a flat step is no rise, nor a fall
        ([D("101"), D("100"), D("100")], "cenderung_turun"),
        ([D("100"), D("101"), D("101"), D("100")], "fluktuatif"),  # rises and falls
        ([D("92.33")], None),
        ([], None),
    ],
)
def test_tren(values, expected):
    assert tren(values) == expected


def test_a_series_with_a_flat_step_reads_cenderung():
    """100, 100, 101 never falls: the generated sentence says "cenderung naik", the seeds' word
    ("kecenderungan meningkatnya jumlah anggaran", 003 line 872), not "berfluktuasi"."""
    from laporgen.compute.tren import KATA

    assert KATA[tren([D("100"), D("100"), D("101")])] == "cenderung naik"
    assert KATA[tren([D("5"), D("4"), D("4")])] == "cenderung turun"
