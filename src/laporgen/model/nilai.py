"""A planned value that may carry its own unit: `48`, or `{nilai: 336, satuan: "Orang/Bulan"}`
where the unit changes between years (RENSTRA-SPEC §7 principle 3, MGT's "12 bulan" → "336
Orang/Bulan"), or null for "n.a"."""

from __future__ import annotations

from decimal import Decimal

from .fields import Angka, Model


class Nilai(Model):
    nilai: Angka | None = None
    satuan: str | None = None


NilaiTarget = Angka | Nilai | None
"""A target cell: a number in the indicator's unit, a number with its own unit, or nothing."""


def nilai_of(value: NilaiTarget) -> Decimal | None:
    """The number of a target cell."""
    if isinstance(value, Nilai):
        return value.nilai
    return value


def satuan_of(value: NilaiTarget, default: str) -> str:
    """The unit of a target cell: its own, else the indicator's."""
    if isinstance(value, Nilai) and value.satuan:
        return value.satuan
    return default
