"""Capaian (achievement %) of an indicator, its kategori, and averages (DOMAIN.md §4)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal, Protocol

from ..model.nilai import Tertulis

HUNDRED = Decimal(100)


def capaian_persen(
    target: Decimal | None,
    realisasi: Decimal | None,
    arah: Literal["positif", "negatif"] = "positif",
    rumus_negatif: Literal["lan", "inverse"] = "lan",
) -> Decimal | None:
    """Capaian in percent, unrounded; None where there is no number.

    positif (rumus 1): R / T × 100. negatif (rumus 2, LAN): (2T − R) / T × 100, floored at 0
    (DOMAIN §4); `inverse`: T / R × 100. REGULATIONS §4.3: T = 0 and R = 0 gives 100; T = 0
    with R ≠ 0 has no meaningful ratio (None, and `check` warns).
    """
    if target is None or realisasi is None:
        return None
    if target == 0:
        return HUNDRED if realisasi == 0 else None
    if arah == "positif":
        return realisasi / target * HUNDRED
    if rumus_negatif == "inverse":
        return target / realisasi * HUNDRED if realisasi != 0 else None
    return max(Decimal(0), (2 * target - realisasi) / target * HUNDRED)


class Tingkat(Protocol):
    """A kategori level: `min` ≤ capaian ≤ `max` gets `label` (None: unbounded on that side)."""

    @property
    def min(self) -> Decimal | None: ...

    @property
    def max(self) -> Decimal | None: ...

    @property
    def label(self) -> str: ...


def kategori_for(capaian: Decimal | None, skala: Sequence[Tingkat]) -> str | None:
    """The label of the first level (highest first) whose range holds `capaian`; None when it
    falls in none (a gap or beyond the ends of a scale of ranges: `check` reports it)."""
    if capaian is None:
        return None
    for tingkat in skala:
        if (tingkat.min is None or capaian >= tingkat.min) and (
            tingkat.max is None or capaian <= tingkat.max
        ):
            return tingkat.label
    return None


def celah(
    skala: Sequence[Tingkat], desimal: int = 2
) -> list[tuple[Decimal | None, Decimal | None]]:
    """The ranges of capaian (as printed, `desimal` places) no level holds: (above, below) open
    bounds, None for unbounded. A scale listed highest first with only mins has none."""
    step = Decimal(1).scaleb(-desimal)
    out: list[tuple[Decimal | None, Decimal | None]] = []
    if skala and skala[0].max is not None:
        out.append((skala[0].max, None))
    for upper, lower in zip(skala, skala[1:]):
        if lower.max is not None and upper.min is not None and upper.min - lower.max > step:
            out.append((lower.max, upper.min))
    if skala and skala[-1].min is not None:
        out.append((None, skala[-1].min))
    return out


def batasi(capaian: Decimal | None, batas: Decimal | None) -> Decimal | None:
    """Capaian capped at `batas` (the `batas_capaian` setting), unchanged when None."""
    if capaian is None or batas is None:
        return capaian
    return min(capaian, batas)


def rata_rata(values: Iterable[Decimal | None]) -> Decimal | None:
    """The mean of the values that exist; None when none does (a missing realisasi is
    excluded from averages, DOMAIN §4)."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return sum(present, Decimal(0)) / len(present)


def tercapai_predikat(
    target: object, realisasi: object, skala: Mapping[str, Sequence[str]]
) -> bool | None:
    """Whether a predikat realisasi reached a predikat target, by the order of the declared scale
    that holds both (best first: "BB" reaches "BB" and "B", not "A"). None when either is not a
    predikat or no one scale holds both. The order decides only tercapai: no capaian number is
    made of it (REGULATIONS §4.5: no regulation converts a predikat to a number)."""
    if not (_predikat(target) and _predikat(realisasi)):
        return None
    for values in skala.values():
        order = list(values)
        if str(target) in order and str(realisasi) in order:
            return order.index(str(realisasi)) <= order.index(str(target))
    return None


def _predikat(value: object) -> bool:
    return isinstance(value, Tertulis) and value.jenis == "predikat"


def tercapai(capaian: Decimal | None) -> bool:
    """Whether an indicator met its target (capaian ≥ 100)."""
    return capaian is not None and capaian >= HUNDRED
