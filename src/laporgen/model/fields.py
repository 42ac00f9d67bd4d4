"""Field types shared by the content models: numbers as Decimal, ids, years.

Numbers are read as `Decimal` from their literal text (the loaders never produce floats), so
`0.259` keeps its three decimals for display. A string such as "92,5" or "Rp 1.000" is refused
with a hint, because silently guessing the decimal convention would corrupt figures.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise PydanticCustomError("number", "expected a number, got {got}", {"got": str(value).lower()})
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip()
        if _PLAIN_NUMBER.fullmatch(text):
            return Decimal(text)
        raise PydanticCustomError(
            "number", "expected a number, got {got}; {hint}",
            {"got": f'"{value}"', "hint": _number_hint(text)},
        )
    raise PydanticCustomError("number", "expected a number, got {got}", {"got": type(value).__name__})


def _number_hint(text: str) -> str:
    """A fix for a number typed the Indonesian way or with a unit."""
    bare = re.sub(r"(?i)^rp\.?\s*|\s*(%|persen)$", "", text)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+,\d+", bare):
        return f"write {bare.replace('.', '').replace(',', '.')} (a dot for decimals, no thousands separators, no unit)"
    return "write the number alone, with a dot for decimals (e.g. 92.5)"


def _finite(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise PydanticCustomError("number", "expected a finite number, got {got}", {"got": str(value)})
    return value


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError("number", "must not be negative, got {got}", {"got": str(value)})
    return value


Angka = Annotated[Decimal, BeforeValidator(_to_decimal), AfterValidator(_finite)]
"""A measured or planned value in the indicator's unit (may be negative)."""

Rupiah = Annotated[Decimal, BeforeValidator(_to_decimal), AfterValidator(_finite), AfterValidator(_non_negative)]
"""An amount of money in Rupiah; never negative."""

Jumlah = Annotated[int, Field(ge=0, strict=False)]
"""A head count or item count."""

Id = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._\-]*$")]
"""A stable identifier (IS1.1, P4, K4.1): letters, digits, '.', '_' or '-'."""

Tahun = Annotated[int, Field(ge=1900, le=2200)]


class Model(BaseModel):
    """Base of every content model: unknown keys are errors (a typo like `realiasi` must not be
    silently ignored), values are immutable after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
