"""Rata-rata pertumbuhan of a yearly series (T-C.24), by the method the document names
(RENSTRA-SPEC F3: the method varies by document, so it is a setting printed in a table note)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

Metode = Literal["relatif_akhir", "yoy_mean", "cagr", "relatif_awal"]
HUNDRED = Decimal(100)

NAMA_METODE: dict[str, str] = {
    "relatif_akhir": "(nilai tahun terakhir - nilai tahun pertama) / nilai tahun terakhir x 100%",
    "yoy_mean": "rata-rata pertumbuhan tahunan, (nilai tahun n - nilai tahun n-1) / nilai tahun n-1 x 100%",
    "cagr": "pertumbuhan majemuk tahunan, ((nilai tahun terakhir / nilai tahun pertama)^(1/(n-1)) - 1) x 100%",
    "relatif_awal": "(nilai tahun terakhir - nilai tahun pertama) / nilai tahun pertama x 100%",
}
"""How each method reads in the table note."""


def pertumbuhan_persen(
    series: Sequence[Decimal | None], metode: Metode = "yoy_mean"
) -> Decimal | None:
    """The growth of `series` (oldest first; a missing year counts as 0) in percent, or None
    where the method divides by zero. relatif_akhir with a first value of 0 gives 100 (F3)."""
    values = [Decimal(0) if v is None else v for v in series]
    if len(values) < 2:
        return None
    first, last = values[0], values[-1]
    if metode == "relatif_akhir":
        return None if last == 0 else (last - first) / last * HUNDRED
    if metode == "relatif_awal":
        return None if first == 0 else (last - first) / first * HUNDRED
    if metode == "cagr":
        if first <= 0 or last < 0:
            return None
        return ((last / first) ** (Decimal(1) / (len(values) - 1)) - 1) * HUNDRED
    rates = [(b - a) / a * HUNDRED for a, b in zip(values, values[1:]) if a != 0]
    return sum(rates, Decimal(0)) / len(rates) if rates else None
