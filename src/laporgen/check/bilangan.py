"""A number as the narrative typed it, read the Indonesian way and, where it cannot be meant so,
the way Excel pastes it.

Indonesian writes the decimal comma and the thousands dot (`1.234.567,89`, `92,50%`); staff paste
figures from Excel with the decimal dot (`5.90%`, `92.5 persen`). A dot followed by exactly three
digits may be either ("1.234"), so the context decides: a percentage with one or two digits after
a single dot is a decimal ("5.90%"); a percentage with three ("1.234%") is ambiguous and not read
at all, so it can never give a false finding; elsewhere a dot group of three digits is the
thousands dot, as before. Where both marks stand, the last is the decimal ("1,234.56" from Excel,
"1.234,56" Indonesian). Read values keep the decimals typed, so `findings.differs` compares at the
precision printed ("5.90" at two decimals).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

ANGKA = r"-?\d+(?:[.,]\d+)*"
"""A typed number in a claim's pattern: digits with dots and commas between them; `bilangan`
decides what they mean."""

_RIBUAN_TITIK = re.compile(r"-?\d{1,3}(?:\.\d{3})+")
_RIBUAN_KOMA = re.compile(r"-?\d{1,3}(?:,\d{3}){2,}")
_DESIMAL_TITIK = re.compile(r"-?\d+\.\d{1,2}")


def bilangan(text: str, persen: bool = False) -> Decimal | None:
    """The value of a typed number (`text` its digits and marks, "5.90", "1.234,5"), `persen`
    when a % or "persen" follows it; None when it is no number or its meaning is ambiguous."""
    dot, comma = text.rfind("."), text.rfind(",")
    try:
        if dot >= 0 and comma >= 0:  # both marks: the last one is the decimal
            decimal, grouping = (".", ",") if dot > comma else (",", ".")
            whole, _, fraction = text.rpartition(decimal)
            if grouping in fraction or not re.fullmatch(
                r"-?\d{1,3}(?:" + re.escape(grouping) + r"\d{3})*", whole
            ):
                return None
            return Decimal(whole.replace(grouping, "") + "." + fraction)
        if comma >= 0:
            if _RIBUAN_KOMA.fullmatch(text):  # "24,175,862,284": Excel's grouping
                return Decimal(text.replace(",", ""))
            return Decimal(text.replace(",", ".")) if text.count(",") == 1 else None
        if dot >= 0:
            if _RIBUAN_TITIK.fullmatch(text):
                # "1.234%" could be 1,234% or 1.234%: not read
                return None if persen and text.count(".") == 1 else Decimal(text.replace(".", ""))
            # "5.90%", "92.5 persen": a percentage pasted from Excel; without the unit a dotted
            # number is as likely a section ("3.1") and is not read
            return Decimal(text) if persen and _DESIMAL_TITIK.fullmatch(text) else None
        return Decimal(text)
    except InvalidOperation:
        return None
