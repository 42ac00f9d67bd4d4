"""Field types shared by the content models: numbers as Decimal, ids, years.

Numbers are read as `Decimal` from their literal text (the loaders never produce floats), so
`0.259` keeps its three decimals for display. A string such as "92,5" or "Rp 1.000" is refused
with a hint, because silently guessing the decimal convention would corrupt figures; so are a
Rupiah amount with three decimals (`1.500`, a thousands dot YAML reads as 1,5), `true` as a count,
and numbers beyond 16 digits or 6 decimals (a slip, and more than the formulas' 28 digits hold).
Each refusal carries its fix in the error's context (`hint`), which `validate.py` prints after "; ".
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from ..i18n import _

_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")

MAX_DIGITS = 16
"""Digits before the decimal point a number may have: 10^15 Rupiah fits; more is surely a slip
(and would overflow the 28 significant digits every formula computes with)."""
MAX_DECIMALS = 6
"""Decimal places a measured value may have."""


def shown(value: Any) -> str:
    """The value as the user typed it, for a message: text quoted, null as "nothing"."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return str(value)


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str) and _PLAIN_NUMBER.fullmatch(value.strip()):
        return Decimal(value.strip())
    hint = (
        _number_hint(value.strip())
        if isinstance(value, str)
        else (
            _("write the number after the colon")
            if value is None
            else _("write the number alone, e.g. 92.5")
        )
    )
    raise PydanticCustomError(
        "number", _("expected a number, got {got}; {hint}"), {"got": shown(value), "hint": hint}
    )


def _number_hint(text: str) -> str:
    """A fix for a number typed the Indonesian way or with a unit."""
    bare = re.sub(r"(?i)^rp\.?\s*|\s*(%|persen)$", "", text)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+,\d+", bare):
        return _("write {number} (a dot for decimals, no thousands separators, no unit)").format(
            number=bare.replace(".", "").replace(",", ".")
        )
    return _("write the number alone, with a dot for decimals (e.g. 92.5)")


def _finite(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise PydanticCustomError(
            "number",
            _("expected a finite number, got {got}; {hint}"),
            {"got": str(value), "hint": _("write an ordinary number, e.g. 92.5")},
        )
    if value.adjusted() >= MAX_DIGITS:
        raise PydanticCustomError(
            "number",
            _("the number {got} is too large; {hint}"),
            {
                "got": str(value),
                "hint": _(
                    "numbers have at most {digits} digits before the decimal point: check for extra zeros"
                ).format(digits=MAX_DIGITS),
                "code": "input.value",
            },
        )
    if _exponent(value) < -MAX_DECIMALS and value != value.quantize(
        Decimal(1).scaleb(-MAX_DECIMALS)
    ):
        raise PydanticCustomError(
            "number",
            _("the number {got} has too many decimal places; {hint}"),
            {
                "got": str(value),
                "hint": _("round it to at most {decimals} decimals").format(decimals=MAX_DECIMALS),
                "code": "input.value",
            },
        )
    return value


def _exponent(value: Decimal) -> int:
    """The power of ten of the last digit typed (-2 for 92.50); 0 for a value that is not finite
    (`_finite` refuses those first)."""
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError(
            "number",
            _("must not be negative, got {got}; {hint}"),
            {
                "got": str(value),
                "hint": _("write the amount without a minus sign"),
                "code": "input.value",
            },
        )
    return value


def _sen(value: Decimal) -> Decimal:
    """Rupiah have at most 2 decimals (sen): 3 decimals is a thousands dot typed the Indonesian
    way (`1.500` for 1500), which YAML silently reads as one and a half."""
    if _exponent(value) < -2:
        whole = f"{value:f}".replace(".", "")
        hint = (
            _("if the dot separates thousands, write {number} (no thousands separators)").format(
                number=whole.lstrip("0") or "0"
            )
            if value.as_tuple().exponent == -3
            else _("Rupiah have at most 2 decimals (sen)")
        )
        raise PydanticCustomError(
            "number",
            _("expected Rupiah with at most 2 decimals, got {got}; {hint}"),
            {"got": str(value), "hint": hint},
        )
    return value


def _whole(value: Any) -> Any:
    """A count: digits only. `true` would be read as 1, `1.600` (a thousands dot) as 1.6."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise PydanticCustomError(
            "whole_number",
            _("expected a whole number, got {got}; {hint}"),
            {"got": shown(value), "hint": _("write the count in digits, e.g. 12")},
        )
    if isinstance(value, Decimal) and value != value.to_integral_value():
        thousands = value.as_tuple().exponent == -3
        hint = (
            _("if the dot separates thousands, write {number}").format(
                number=f"{value:f}".replace(".", "")
            )
            if thousands
            else _("a count has no decimals")
        )
        raise PydanticCustomError(
            "whole_number",
            _("expected a whole number, got {got}; {hint}"),
            {"got": str(value), "hint": hint},
        )
    return value


# The bounds the validators enforce, stated in the JSON Schema too, so an editor refuses what
# the loader refuses (a NaN or infinite number fails both comparisons).
_BOUNDS = {"exclusiveMaximum": 10**MAX_DIGITS, "exclusiveMinimum": -(10**MAX_DIGITS)}

Angka = Annotated[
    Decimal, BeforeValidator(_to_decimal), AfterValidator(_finite), Field(json_schema_extra=_BOUNDS)
]
"""A measured or planned value in the indicator's unit (may be negative)."""

Rupiah = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    AfterValidator(_finite),
    AfterValidator(_non_negative),
    AfterValidator(_sen),
    Field(json_schema_extra={**_BOUNDS, "minimum": 0}),
]
"""An amount of money in Rupiah; never negative."""


def is_rupiah(annotation: object) -> bool:
    """Whether a field's annotation is `Rupiah`, as pydantic hands it on (its own Field folded
    into the field's, so the metadata is not Rupiah's to the letter): known by its `_sen` check."""
    return any(getattr(m, "func", None) is _sen for m in getattr(annotation, "__metadata__", ()))


Jumlah = Annotated[
    int, BeforeValidator(_whole), Field(ge=0, strict=False, json_schema_extra={"minimum": 0})
]
"""A head count or item count."""

Id = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._\-]*$")]
"""A stable identifier (IS1.1, P4, K4.1): letters, digits, '.', '_' or '-'."""

Tahun = Annotated[int, Field(ge=1900, le=2200)]


def given(field: str, empty: bool = True) -> dict[str, Any]:
    """JSON Schema: `field` is written with a value: not null and, with `empty`, not an empty list,
    mapping or text (what a model validator's `if self.field` sees, against `is not None`), for
    either/or rules stated to the editor."""
    nothing: list[dict[str, Any]] = [{"type": "null"}]
    if empty:
        nothing += [
            {"type": "array", "maxItems": 0},
            {"type": "object", "maxProperties": 0},
            {"type": "string", "pattern": r"^\s*$"},
        ]
    return {"required": [field], "properties": {field: {"not": {"anyOf": nothing}}}}


def both(a: str, b: str) -> dict[str, Any]:
    """JSON Schema: both fields written with a value (to be put under "not")."""
    return {"allOf": [given(a), given(b)]}


class Model(BaseModel):
    """Base of every content model: unknown keys are errors (a typo like `realiasi` must not be
    silently ignored), values are immutable after loading.

    Each model's validator is built when it is first used (`defer_build`): a command pays for
    the models of its own kind of document. A default that is itself a model is written
    `Field(default_factory=X)`, not `= X()`: an instance in the class body builds X at import,
    and pydantic deep-copies such a default (unhashable: it holds dicts) for every object."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )
