"""Value cells of the plan and its history: a number, or text a document prints where it has no
number, and a planned value that may carry its own unit.

- `Isian`: a number; a predikat from a declared scale (SAKIP "BB", "A"); "n.a" in one of the
  spellings documents print ("N.a", "n/a", "n/a*", "-"); or a note written `{teks: "1.500 KK /
  4.500 jiwa"}`. Text (`Tertulis`) prints as written and never enters arithmetic: a capaian or a
  sum over a text cell is "-" (REGULATIONS §4.5: no regulation converts a predikat to a number,
  so none is computed from a scale's order either). A note must be written as `{teks: …}`: a bare
  "92,5" or "17 orang" is a number typed wrongly, refused with its fix, not printed as text.
- `NilaiTarget`: `48`, or `{nilai: 336, satuan: "Orang/Bulan"}` where the unit changes between
  years (RENSTRA-SPEC §7 principle 3, MGT's "12 bulan" → "336 Orang/Bulan"), or an `Isian` text,
  or null for nothing.

The JSON Schema of `Isian` is written here beside its validator from the same patterns, so the
editor and the loader accept the same values (tests/test_schema_agrees.py). Whether a predikat is
one of the declared scale's is a rule across files (`document.toml` declares the scale), checked
by `predikat_problems` when the folder is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..errors import Problem
from ..i18n import _
from .fields import _BOUNDS, Angka, Model, _finite, _number_hint, _to_decimal, shown
from .source import Source

NA = r"[ \t]*((?:[Nn][./]?[Aa]\.?|-|–|—)\*?)[ \t]*"
""""Not available" as documents print it: N.a, n.a, n/a, NA, n/a* (a footnote mark), a dash."""
PREDIKAT = r"[ \t]*([A-Za-z][A-Za-z +\-]{0,29}?)[ \t]*"
"""The shape of a predikat: letters, spaces, + and - (AA, BB, A-, Sangat Baik), no digits; whether
it is one of the declared scale's is checked across files."""
ANGKA = r"[ \t]*(-?\d+(?:\.\d+)?)[ \t]*"
"""A number written in quotes, as `_to_decimal` reads it."""
MAX_TEKS = 120
"""Characters of a note: a cell's text, not a paragraph."""


@dataclass(frozen=True)
class Tertulis:
    """A value cell printed as written and never computed."""

    teks: str
    jenis: Literal["predikat", "na", "catatan"]

    def __str__(self) -> str:
        return self.teks


def _isian(value: Any) -> Decimal | Tertulis:
    """A number, or text as `Tertulis`; a number typed wrongly is refused with its fix."""
    if isinstance(value, Tertulis):
        return value
    if isinstance(value, str):
        if m := re.fullmatch(NA, value):
            return Tertulis(m.group(1), "na")
        if m := re.fullmatch(PREDIKAT, value):
            return Tertulis(m.group(1), "predikat")
        if not re.fullmatch(ANGKA, value):
            bare = value.strip()
            looks_numeric = bool(re.fullmatch(r"(?i)(rp\.?\s*)?-?[\d.,]+\s*(%|persen)?", bare))
            raise PydanticCustomError(
                "number",
                _("expected a number, a predikat or n.a, got {got}; {hint}"),
                {
                    "got": shown(value),
                    "hint": _number_hint(bare) if looks_numeric else _text_hint(bare),
                },
            )
    if isinstance(value, dict) and set(value) == {"teks"}:
        teks = value["teks"]
        if isinstance(teks, str) and teks.strip() and len(teks) <= MAX_TEKS:
            return Tertulis(teks.strip(), "catatan")
        raise PydanticCustomError(
            "number",
            _("expected a note of 1 to {most} characters, got {got}; {hint}"),
            {
                "most": MAX_TEKS,
                "got": shown(teks),
                "hint": _("write the cell's text in quotes, e.g. {example}").format(
                    example='{teks: "1.500 KK / 4.500 jiwa"}'
                ),
            },
        )
    if isinstance(value, dict):
        raise PydanticCustomError(
            "number",
            _("expected a number, a predikat, n.a or {teks: …}, got a mapping; {hint}"),
            {"hint": _mapping_hint(value)},
        )
    number = _to_decimal(value)
    if not number.is_finite():  # worded as pydantic words it for a plain number field
        raise PydanticCustomError(
            "number",
            _("expected a number, got {got}; {hint}"),
            {
                "got": str(number),
                "hint": _("write an ordinary number, e.g. 92.5 (.nan and .inf are not numbers)"),
            },
        )
    return _finite(number)


def _mapping_hint(value: dict) -> str:
    """The fix for a mapping where a value goes. A value is one thing: a number (computed) or
    text (a predikat, n.a, a note: printed as written), so an index printed with its predikat
    ("76,20 (BB)") is a number to compute with, or a note that prints both."""
    number = value.get("nilai")
    if "predikat" in value:
        both = f"{number} ({value['predikat']})" if number is not None else str(value["predikat"])
        return _(
            "a value is a number or a predikat, not both: write {number} to compute with the "
            'number, {predikat} for the predikat alone, or {{teks: "{both}"}} to print both as '
            "written (never computed)"
        ).format(
            number=number if number is not None else "92.5",
            predikat=value["predikat"],
            both=both.replace(".", ","),
        )
    return _('write the number alone (92.5), a predikat ("BB"), n.a, or {teks: "…"}')


def _text_hint(text: str) -> str:
    """The fix for text where a value goes: a number with a unit, or a note to print as written."""
    if m := re.fullmatch(r"(-?\d+(?:\.\d+)?)\s+([^\d\s][^\d]*)", text):
        return _(
            'write {number} (the indicator\'s satuan applies), or {{teks: "{text}"}} to print it as '
            "written (never computed)"
        ).format(number=m.group(1), text=text)
    return _('to print it as written (never computed), write {{teks: "{text}"}}').format(text=text)


_ISIAN_SCHEMA = {
    "anyOf": [
        {"type": "number", **_BOUNDS},
        {"type": "string", "pattern": f"^{ANGKA}$"},
        {"type": "string", "pattern": f"^{NA}$"},
        {"type": "string", "pattern": f"^{PREDIKAT}$"},
        {
            "type": "object",
            "properties": {
                "teks": {
                    "type": "string",
                    "pattern": r"\S",
                    "maxLength": MAX_TEKS,
                }
            },
            "required": ["teks"],
            "additionalProperties": False,
        },
    ],
    "description": 'A number; a predikat of the declared scale ("BB"); "n.a" (N.a, n/a, n/a*, "-"); '
    'or {teks: "…"} printed as written. Text is never computed.',
}

Isian = Annotated[
    Decimal | Tertulis, PlainValidator(_isian), WithJsonSchema(_ISIAN_SCHEMA, mode="validation")
]
"""A value cell: a number, or text printed as written (see the module's docstring)."""


def angka_of(value: Decimal | Tertulis | None) -> Decimal | None:
    """The number of a value cell; None for text, which is never computed."""
    return value if isinstance(value, Decimal) else None


def angka_semua(values: Mapping[int, Decimal | Tertulis]) -> dict[int, Decimal]:
    """The years of a series that hold a number (text is never computed)."""
    return {y: v for y, v in values.items() if isinstance(v, Decimal)}


class Nilai(Model):
    """A number with its own unit, where the unit changes between years."""

    nilai: Angka | None = None
    satuan: str | None = None


def _nilai_target(value: Any) -> Nilai | Decimal | Tertulis | None:
    """One validator for the whole cell, so a mistake gets its own fix, not a list of the forms."""
    if value is None or isinstance(value, Nilai):
        return value
    if isinstance(value, dict) and set(value) != {"teks"}:
        unknown = sorted(str(k) for k in value if k not in ("nilai", "satuan"))
        if unknown:
            raise PydanticCustomError(
                "number",
                _("unknown field {field} in a target; {hint}"),
                {
                    "field": repr(unknown[0]),
                    "hint": _mapping_hint(value)
                    if "predikat" in value
                    else _('write {nilai: 336, satuan: Orang/Bulan} or {teks: "…"}'),
                },
            )
        satuan = value.get("satuan")
        if satuan is not None and not isinstance(satuan, str):
            raise PydanticCustomError(
                "number",
                _("expected text for satuan, got {got}; {hint}"),
                {"got": shown(satuan), "hint": _("put the unit in quotes")},
            )
        nilai = value.get("nilai")
        return Nilai(
            nilai=None if nilai is None else _finite(_to_decimal(nilai)),
            satuan=satuan.strip() if isinstance(satuan, str) else None,
        )
    return _isian(value)


_NILAI_SCHEMA = {
    "type": "object",
    "properties": {
        "nilai": {
            "anyOf": [
                {"type": "number", **_BOUNDS},
                {"type": "string", "pattern": f"^{ANGKA}$"},
                {"type": "null"},
            ]
        },
        "satuan": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    },
    "additionalProperties": False,
}

NilaiTarget = Annotated[
    Nilai | Decimal | Tertulis | None,
    PlainValidator(_nilai_target),
    WithJsonSchema(
        {
            "anyOf": [*_ISIAN_SCHEMA["anyOf"], _NILAI_SCHEMA, {"type": "null"}],  # type: ignore[misc]
            "description": _ISIAN_SCHEMA["description"]
            + " Or {nilai: 336, satuan: Orang/Bulan} where the unit differs from the indicator's.",
        },
        mode="validation",
    ),
]
"""A target cell: a number in the indicator's unit, a number with its own unit, text printed as
written, or nothing."""


def nilai_of(value: NilaiTarget) -> Decimal | None:
    """The number of a target cell (None for text)."""
    if isinstance(value, Nilai):
        return value.nilai
    return angka_of(value)


def satuan_of(value: NilaiTarget, default: str) -> str:
    """The unit of a target cell: its own, else the indicator's."""
    if isinstance(value, Nilai) and value.satuan:
        return value.satuan
    return default


SAKIP = ("AA", "A", "BB", "B", "CC", "C", "D")
"""The SAKIP evaluation predikat, best first (PermenPAN-RB 88/2021; REGULATIONS §5.4)."""


def tertulis_in(
    model: BaseModel, at: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Tertulis]]:
    """Every text value cell of a loaded file, with its field path (mapping keys as text)."""
    for name in type(model).model_fields:
        yield from _walk(getattr(model, name), (*at, name))


def _walk(
    value: Any, at: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], Tertulis]]:
    if isinstance(value, Tertulis):
        yield at, value
    elif isinstance(value, BaseModel):
        yield from tertulis_in(value, at)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, (*at, str(k)))
    elif isinstance(value, (list, tuple)):
        for n, v in enumerate(value):
            yield from _walk(v, (*at, n))


def predikat_problems(
    files: Mapping[str, tuple[BaseModel | None, Source]], skala: Mapping[str, Sequence[str]]
) -> list[Problem]:
    """A predikat of a value cell that no declared scale holds: a typo ("BBB") or a scale the
    document has not declared (`predikat` in document.toml, or the agency's in agency.yaml)."""
    known = {p for values in skala.values() for p in values}
    scales = "; ".join(f"{name}: {', '.join(values)}" for name, values in skala.items())
    out = []
    for model, source in files.values():
        if model is None:
            continue
        for loc, value in tertulis_in(model):
            if value.jenis == "predikat" and value.teks not in known:
                out.append(
                    source.problem(
                        loc,
                        _('"{got}" is not a predikat of the declared scale ({scales})').format(
                            got=value.teks, scales=scales or _("none declared")
                        ),
                        _(
                            "write a number in figures, or one of these, spelled exactly so; declare "
                            "another scale in agency.yaml (every document) or document.toml (predikat "
                            '= {{NAME = ["…", …]}}); or, to print the text as written, {{teks: "{got}"}}'
                        ).format(got=value.teks),
                        "input.value",
                    )
                )
    return out
