"""Indonesian display of numbers, money, percentages, counts in words and dates.

The only module that rounds: ROUND_HALF_UP on the exact Decimal (87,45 / 88 × 100 = 99,375 must
print 99,38; Python's round() and Babel round half-even). Thousands ".", decimals ",".
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

KOSONG = "-"
"""What a cell shows where there is no number (no target, division by zero, not measured)."""

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ORDINAL_KATA = (
    "pertama",
    "kedua",
    "ketiga",
    "keempat",
    "kelima",
    "keenam",
    "ketujuh",
    "kedelapan",
    "kesembilan",
    "kesepuluh",
)


def bulatkan(value: Decimal, desimal: int = 2) -> Decimal:
    """`value` rounded half-up to `desimal` places: the figure as the document prints it."""
    return value.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def _group(digits: str) -> str:
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return ".".join(reversed(out))


def angka(value: Decimal | int | None, desimal: int | None = None) -> str:
    """ "1.234.567,89". With `desimal` None the value keeps its own decimals (an input as typed:
    0,259 stays 0,259); otherwise it is rounded half-up to that many. None gives "-"."""
    if value is None:
        return KOSONG
    d = Decimal(value)
    if desimal is not None:
        d = bulatkan(d, desimal)
    sign = "-" if d < 0 else ""
    text = f"{abs(d):f}"
    whole, _, frac = text.partition(".")
    return f"{sign}{_group(whole)}" + (f",{frac}" if frac else "")


def persen(value: Decimal | None, tanda: bool = False) -> str:
    """A computed percentage, two decimals: "92,50" (or "92,50%" with `tanda`)."""
    if value is None:
        return KOSONG
    return angka(value, 2) + ("%" if tanda else "")


def rupiah(value: Decimal | int | None, awalan: bool = True) -> str:
    """ "Rp 24.175.862.284" (decimals only where the amount has them); `awalan` False gives
    the bare figure for a table cell under an "(Rp)" header."""
    if value is None:
        return KOSONG
    d = Decimal(value)
    text = angka(
        d.normalize() if d == d.to_integral_value() else d, 0 if d == d.to_integral_value() else 2
    )
    return f"Rp {text}" if awalan else text


def nilai(value: Decimal | None, satuan: str) -> str:
    """An input value with its unit as a sentence shows it: "99,88%", "92,33", "54 Dokumen"."""
    if value is None:
        return KOSONG
    unit = satuan.strip()
    if unit.lower() in ("persen", "%"):
        return f"{angka(value)}%"
    if unit.lower() in ("angka", "nilai", "indeks", "skor", ""):
        return angka(value)
    return f"{angka(value)} {unit}"


def terbilang(n: int) -> str:
    """The integer in Indonesian words: 67 → "enam puluh tujuh"."""
    if n < 0:
        return "minus " + terbilang(-n)
    from num2words import (
        num2words,
    )  # imports every language it has (25 ms): only when a count is spelled

    return num2words(n, lang="id")


def angka_terbilang(n: int) -> str:
    """ "6 (enam)": a count in figures with its words (DOMAIN §4; integers only)."""
    return f"{angka(n)} ({terbilang(n)})"


def ordinal(n: int) -> str:
    """ "ke-3"."""
    return f"ke-{n}"


def ordinal_kata(n: int) -> str:
    """ "pertama", "kedua", …; beyond ten "ke-11"."""
    return ORDINAL_KATA[n - 1] if 1 <= n <= len(ORDINAL_KATA) else ordinal(n)


def tanggal(d: dt.date, gaya: str = "panjang") -> str:
    """ "31 Desember 2024" (panjang) or "Februari 2025" (bulan_tahun)."""
    if gaya == "bulan_tahun":
        return f"{BULAN[d.month - 1]} {d.year}"
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def parse_angka(text: str) -> Decimal:
    """The inverse of `angka`: "1.234.567,89" → Decimal("1234567.89")."""
    return Decimal(text.strip().replace(".", "").replace(",", "."))
