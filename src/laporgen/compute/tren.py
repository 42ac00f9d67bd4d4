"""The direction of a yearly series (LKJIP-SPEC §5.2, hitung/riwayat `tren`): what "mengalami
kenaikan setiap tahun" must be true of. Realisasi and capaian are separate series, each judged on
its own (L-18: the IKM realisasi rises every year while its capaian falls in 2024)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

Tren = Literal["naik", "turun", "tetap", "fluktuatif"]

KATA: dict[str, str] = {
    "naik": "naik setiap tahun",
    "turun": "turun setiap tahun",
    "tetap": "tetap setiap tahun",
    "fluktuatif": "berfluktuasi",
}
"""How a generated sentence says each direction."""


def tren(values: Sequence[Decimal]) -> Tren | None:
    """naik when every value is above the one before, turun when every one is below, tetap when
    all are equal, fluktuatif otherwise; None for fewer than two values (no direction)."""
    if len(values) < 2:
        return None
    steps = {(b > a) - (b < a) for a, b in zip(values, values[1:], strict=False)}
    if steps == {1}:
        return "naik"
    if steps == {-1}:
        return "turun"
    if steps == {0}:
        return "tetap"
    return "fluktuatif"
