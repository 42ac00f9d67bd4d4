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


SATUAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
KELOMPOK = ((10**15, "kuadriliun"), (10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))


def terbilang(n: int) -> str:
    """The integer in Indonesian words: 67 → "enam puluh tujuh", 1000 → "seribu", 1 001 000 →
    "satu juta satu ribu" (word for word what num2words writes, which laporgen used before:
    importing it loads every language it has, a tenth of `laporgen check`'s time)."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n == 0:
        return SATUAN[0]
    return " ".join(_words(n, leading=True))


def _words(n: int, leading: bool) -> list[str]:
    """The words of 0 ≤ n < 10^18 (none for 0); `leading`: nothing larger is said before it
    (only then is 1 000 "seribu")."""
    for size, name in KELOMPOK:
        if n >= size:
            return [*_words(n // size, leading), name, *_words(n % size, False)]
    if n >= 1000:
        ribu = ["seribu"] if n // 1000 == 1 and leading else [*_words(n // 1000, leading), "ribu"]
        return [*ribu, *_words(n % 1000, False)]
    if n >= 100:
        ratus = ["seratus"] if n // 100 == 1 else [SATUAN[n // 100], "ratus"]
        return [*ratus, *_words(n % 100, False)]
    if n >= 20:
        return [SATUAN[n // 10], "puluh", *_words(n % 10, False)]
    if n >= 12:
        return [SATUAN[n - 10], "belas"]
    if n >= 10:
        return ["sepuluh" if n == 10 else "sebelas"]
    return [SATUAN[n]] if n else []


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
