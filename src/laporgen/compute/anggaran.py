"""Budget figures: serapan, efisiensi, and sums up the program tree (LKJIP-SPEC F8–F10)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

HUNDRED = Decimal(100)


def serapan_persen(pagu: Decimal, realisasi: Decimal) -> Decimal | None:
    """Realisasi anggaran ÷ pagu × 100, unrounded; None for a zero pagu."""
    if pagu == 0:
        return None
    return realisasi / pagu * HUNDRED


def efisiensi_persen(
    serapan: Decimal | None,
    capaian: Decimal | None,
    metode: Literal["pmk214", "sisa_anggaran"] = "pmk214",
) -> Decimal | None:
    """Tingkat efisiensi in percent. pmk214: (1 − serapan / capaian) × 100, > 0 means the
    result cost proportionally less than planned (LKJIP-SPEC F10); sisa_anggaran: 100 − serapan.
    None where serapan is missing, or capaian is missing or 0 (pmk214)."""
    if serapan is None:
        return None
    if metode == "sisa_anggaran":
        return HUNDRED - serapan
    if capaian is None or capaian == 0:
        return None
    return (1 - serapan / capaian) * HUNDRED


def efisien(
    serapan: Decimal | None, capaian: Decimal | None, efisiensi: Decimal | None
) -> bool | None:
    """Whether a row used its budget efficiently, by either method: a positive efisiensi, and,
    where both are known, a capaian above the serapan (sisa_anggaran's 100 − serapan is positive
    for any unspent budget, even when half the target was missed). None without an efisiensi."""
    if efisiensi is None:
        return None
    if serapan is None or capaian is None:
        return efisiensi > 0
    return efisiensi > 0 and capaian > serapan


def jumlah(values: Iterable[Decimal]) -> Decimal:
    """The sum of amounts (Decimal, exact)."""
    return sum(values, Decimal(0))
