"""The direction of a yearly series (LKJIP-SPEC §5.2, hitung/riwayat `tren`): what "mengalami
kenaikan setiap tahun" must be true of. Realisasi and capaian are separate series, each judged on
its own (L-18: the IKM realisasi rises every year while its capaian falls in 2024)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

Tren = Literal["naik", "turun", "tetap", "cenderung_naik", "cenderung_turun", "fluktuatif"]

KATA: dict[str, str] = {
    "naik": "naik setiap tahun",
    "turun": "turun setiap tahun",
    "tetap": "tetap setiap tahun",
    "cenderung_naik": "cenderung naik",
    "cenderung_turun": "cenderung turun",
    "fluktuatif": "berfluktuasi",
}
"""How a generated sentence says each direction. A series that rises with a flat year (100, 100,
101) never falls: "cenderung naik", the seeds' word for it ("kecenderungan meningkatnya jumlah
anggaran", 003 line 872), not "naik setiap tahun" (a flat step is no rise) nor "berfluktuasi"."""


def tren(values: Sequence[Decimal]) -> Tren | None:
    """naik when every value is above the one before, turun when every one is below, tetap when
    all are equal, cenderung_naik/cenderung_turun when the steps only rise/fall or stay flat,
    fluktuatif when it both rises and falls; None for fewer than two values (no direction)."""
    if len(values) < 2:
        return None
    steps = {(b > a) - (b < a) for a, b in zip(values, values[1:], strict=False)}
    if steps == {1}:
        return "naik"
    if steps == {-1}:
        return "turun"
    if steps == {0}:
        return "tetap"
    if steps == {0, 1}:
        return "cenderung_naik"
    if steps == {0, -1}:
        return "cenderung_turun"
    return "fluktuatif"
