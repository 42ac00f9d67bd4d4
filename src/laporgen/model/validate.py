"""Validating read content against its pydantic model: every mistake a `Problem` naming file,
line and field, with the fix a user would make."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .. import collector
from ..errors import LaporgenError, Problem
from ..i18n import N_, _, ngettext
from .fields import shown
from .read import read_data
from .source import FieldPath, Source
from .validated_cache import cached_load

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M], data: Any, source: Source, names: Mapping[str, str] | None = None
) -> M:
    """`data` as a `model`, or a LaporgenError with one Problem per mistake. `names`: the
    names of what the document's other files define, with their ids (`folder.py`), so a name
    typed where an id goes is answered with the id."""
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        if data is None:  # an empty file (or comments only): one problem, not one per field
            needed = [
                str(e["loc"][0])
                for e in exc.errors()
                if e["type"] == "missing" and len(e["loc"]) == 1
            ]
            raise LaporgenError(
                [
                    Problem(
                        source.name,
                        _("the file is empty"),
                        None,
                        None,
                        _("it needs {fields}; see the example in content/").format(
                            fields=", ".join(needed)
                        ),
                        "input.missing",
                    )
                ]
            ) from exc
        raise LaporgenError(_problems(exc.errors(), source, model, data, names or {})) from exc


def load(
    model: type[M], path: Path, names: Mapping[str, str] | None = None, keep: bool = True
) -> tuple[M, Source]:
    """`path` read and validated as `model`; what the same bytes gave before when they loaded
    without a problem (`validated_cache`). `keep=False` for a file made for one run (a
    temporary copy): it is validated and not kept."""

    def fresh() -> tuple[M, Source]:
        with collector.paused():
            data, source = read_data(path)
            return validate(model, data, source, names), source

    return cached_load(model, path, fresh) if keep else fresh()


@dataclass(frozen=True)
class _Error:
    """A pydantic error located in the user's data: `loc` holds only keys and list positions
    (mapping keys as strings); `union_at` is where a union's alternatives split, if any."""

    raw: dict
    loc: FieldPath
    union_at: int | None
    at_key: bool

    @property
    def kind(self) -> str:
        return self.raw["type"]

    @property
    def got(self) -> Any:
        return self.raw.get("input")

    @property
    def ctx(self) -> dict:
        return self.raw.get("ctx") or {}


def _locate(error: dict, data: Any) -> _Error:
    """Follow pydantic's `loc` through the raw data: a year key reported as an int stays a key
    (printed `.2023`, not `[2023]`); parts the data does not have before the end are union
    alternatives ("literal['last','sum','max']", "function-after[...]", a model name); "[key]"
    means the mapping key itself is wrong."""
    out: list[str | int] = []
    here, union_at, at_key = data, None, False
    parts = list(error["loc"])
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        if part == "[key]":
            at_key = True
        elif isinstance(here, dict) and any(str(k) == str(part) for k in here):
            key = next(k for k in here if str(k) == str(part))
            out.append(str(part))
            here = here[key]
        elif isinstance(here, list) and isinstance(part, int):
            out.append(part)
            here = here[part] if part < len(here) else None
        elif last and not (isinstance(part, str) and _is_tag(part)):
            out.append(part if isinstance(part, int) else str(part))  # a missing field or item
        elif union_at is None:
            union_at = len(out)
    return _Error(error, tuple(out), union_at, at_key)


def _is_tag(part: str) -> bool:
    """A part of pydantic's loc naming a schema, not a field: "function-after[…]", "literal[…]"."""
    return bool(
        re.match(
            r"(function-|literal\[|nullable\[|constrained-|lax-|json-|is-instance\[|"
            r"(list|dict|tuple|set|int|str|bool|decimal|date|datetime|none|float)\b)",
            part,
        )
    )


def _problems(
    errors: list, source: Source, model: type[BaseModel], data: Any, names: Mapping[str, str]
) -> list[Problem]:
    """One Problem per mistake: the alternatives of a union (`akhir: last | a number`) fused
    into one "expected A or B" line, unless the value took one alternative's shape (a mapping
    for `{nilai:, satuan:}`), whose own errors are then reported."""
    located = [_locate(e, data) for e in errors]
    located = [e for e in located if not _misspelt(e, located)]
    out: list[Problem] = []
    unions: dict[FieldPath, list[_Error]] = {}
    for e in located:
        if e.union_at is None:
            out.append(_problem(e, source, model, names))
        else:
            unions.setdefault(e.loc[: e.union_at], []).append(e)
    for where, alternatives in unions.items():
        deeper = [e for e in alternatives if len(e.loc) > len(where) and e.kind != "missing"] or [
            e for e in alternatives if len(e.loc) > len(where)
        ]
        if deeper:
            out += [_problem(e, source, model, names) for e in deeper]
            continue
        expected = _(", or ").join(dict.fromkeys(_expected(e) for e in alternatives))
        out.append(
            source.problem(
                where,
                _("expected {expected}, got {got}").format(
                    expected=expected, got=shown(alternatives[0].got)
                ),
                _("write one of these, spelled exactly so"),
                "input.value",
            )
        )
    return sorted(out, key=lambda p: p.line or 0)


def _misspelt(e: _Error, errors: list[_Error]) -> bool:
    """A missing field whose name an unknown field beside it misspells (`tugass:` for `tugas:`):
    one mistake, reported once, as the unknown field."""
    if e.kind != "missing" or not e.loc or not isinstance(e.loc[-1], str):
        return False
    return any(
        other.kind == "extra_forbidden"
        and other.loc[:-1] == e.loc[:-1]
        and difflib.get_close_matches(str(other.loc[-1]), [e.loc[-1]], n=1)
        for other in errors
    )


def _split_by_comma(source: Source, loc: FieldPath) -> str | None:
    """The text a comma cut in two, when the unknown field `loc` is the rest of a value typed
    unquoted inside `{ }`: in `{uraian: Fungsional (Penyuluh, Medik), jumlah: 3}` YAML reads
    "Medik)" as a field of its own. None when the line does not show that."""
    line = source.line_of(loc)
    if line is None or source.path.suffix == ".toml":
        return None
    lines = source.text.split("\n")
    text = lines[line - 1] if line <= len(lines) else ""
    found = re.search(
        r"[{,]\s*[\w ]+:\s*([^,{}\"']+),\s*" + re.escape(str(loc[-1])) + r"\s*[,}]", text
    )
    return f"{found.group(1).strip()}, {loc[-1]}" if found else None


def _expected(e: _Error) -> str:
    """What an alternative of a union accepts, in words."""
    if e.kind == "literal_error":
        return _("one of {choices}").format(choices=_choices(e.ctx))
    if e.kind in _EXPECTED:
        return _(_EXPECTED[e.kind])
    return _("a number") if e.kind in ("number", "whole_number") else e.kind.replace("_", " ")


def _choices(ctx: dict) -> str:
    """pydantic's list of a literal's values ("'last', 'sum' or 'max'"), its "or" translated."""
    return str(ctx.get("expected", "")).replace(" or ", _(" or "))


_EXPECTED = {
    "dict_type": N_("a mapping (key: value lines)"),
    "model_type": N_("a mapping (key: value lines)"),
    "model_attributes_type": N_("a mapping (key: value lines)"),
    "list_type": N_("a list"),
    "tuple_type": N_("a list"),
    "string_type": N_("text"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "date_type": N_("a date (year-month-day)"),
    "date_parsing": N_("a date (year-month-day)"),
    "date_from_datetime_parsing": N_("a date (year-month-day)"),
    "date_from_datetime_inexact": N_("a date (year-month-day)"),
    "none_required": N_("nothing"),
}


def _problem(
    e: _Error, source: Source, model: type[BaseModel], names: Mapping[str, str]
) -> Problem:
    loc, kind, got, ctx = e.loc, e.kind, e.got, e.ctx
    code = "input.type"
    hint: str | None = None
    if kind == "missing" and loc and isinstance(loc[-1], int):
        n = _tuple_length(model, loc[:-1])
        have = loc[-1]
        return source.problem(
            loc[:-1],
            _("expected {count} values, got {got}").format(count=n, got=have)
            if n
            else _("value {number} is missing").format(number=have + 1),
            _("give exactly {count} values in [ ], separated by ', '").format(count=n)
            if n
            else None,
            "input.value",
        )
    if kind == "missing":
        add = f"`{loc[-1]} = …`" if source.path.suffix == ".toml" else f"`{loc[-1]}:`"
        return source.problem(
            loc, _("required field is missing"), _("add {field}").format(field=add), "input.missing"
        )
    if kind == "extra_forbidden":
        split = _split_by_comma(source, loc) if got is None else None
        if split is not None:
            return source.problem(
                loc,
                _("a comma inside {{ }} ended the text before '{field}'").format(field=loc[-1]),
                _('put the whole text in quotes: "{text}"').format(text=split),
                "input.syntax",
            )
        return source.problem(
            loc,
            _("unknown field '{field}'").format(field=loc[-1]),
            _unknown_hint(model, loc),
            "input.unknown",
        )
    if kind in ("number", "whole_number", "rumus"):
        hint = ctx.get("hint")
        message = e.raw["msg"]
        if hint and message.endswith(f"; {hint}"):
            message = message[: -len(hint) - 2]
        # the checks of fields.py mark a value out of range (too large, negative) in the context
        code = ctx.get("code", "input.type")
    elif kind == "literal_error":
        message, code = (
            _("expected one of {choices}, got {got}").format(choices=_choices(ctx), got=shown(got)),
            "input.value",
        )
        hint = _("write one of these, spelled exactly so")
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = _("expected a mapping (key: value lines), got {got}").format(got=shown(got))
        hint = _("write key: value lines, indented under it, or {key: value, key: value}")
    elif kind == "finite_number":
        message = _("expected a number, got {got}").format(got=shown(got))
        hint = _("write an ordinary number, e.g. 92.5 (.nan and .inf are not numbers)")
    elif kind in ("list_type", "tuple_type"):
        message = _("expected a list (lines starting with '- '), got {got}").format(got=shown(got))
        hint = _("write the items as [a, b] or one per line starting with '- '")
    elif kind == "string_type":
        message = _("expected text, got {got}").format(got=shown(got))
        hint = (
            _("write the text after the colon")
            if got is None
            else _('put it in quotes: "{value}"').format(value=shown(got))
            if not isinstance(got, (list, dict))
            else _("write a single text, in quotes if it contains ':' or starts with '[' or '{'")
        )
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = _("expected a whole number, got {got}").format(got=shown(got))
        hint = _("write digits only, e.g. 2024")
    elif kind in ("bool_type", "bool_parsing"):
        message = _("expected true or false, got {got}").format(got=shown(got))
        hint = _("write true or false")
    elif kind.startswith("date_"):
        message, hint = _("expected a date, got {got}").format(got=shown(got)), _date_hint(got)
    elif kind == "string_pattern_mismatch":
        message, hint, code = _pattern_problem(str(got), ctx.get("pattern", ""))
    elif kind == "string_too_short":
        message, hint, code = (
            _("must not be empty"),
            _("write a value, or remove the line if the field is optional"),
            "input.value",
        )
    elif kind == "string_too_long":
        message = _("is longer than {length} characters, got {got}").format(
            length=ctx.get("max_length"), got=shown(got)
        )
        hint, code = _("shorten it"), "input.value"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        message, hint, code = _range_problem(kind, got, ctx)
    elif kind == "too_short":
        least = ctx.get("min_length", 1)
        message = ngettext(
            "needs at least {least} item, got {got}",
            "needs at least {least} items, got {got}",
            least,
        ).format(least=least, got=ctx.get("actual_length", 0))
        hint, code = _("add the missing items"), "input.value"
    elif kind == "too_long":
        message = _("expected at most {count} values, got {got}").format(
            count=ctx.get("max_length"), got=ctx.get("actual_length")
        )
        hint, code = (
            _("remove the extra values (a decimal comma? write 24.72, not 24,72)"),
            "input.value",
        )
    elif kind == "value_error":
        message, code = re.sub(r"^Value error, ", "", e.raw["msg"]), "input.value"
    else:
        message = e.raw["msg"]
        message = message[0].lower() + message[1:] if message else message
        if got is not None and not isinstance(got, (dict, list)):
            message += _(", got {got}").format(got=shown(got))
    if kind == "rumus":
        code = "input.value"
    if kind in ("string_too_long", "string_pattern_mismatch") and (
        named := _name_in_id_hint(model, loc, got, names)
    ):
        message, hint = _("expected an id, got a name ({got})").format(got=shown(got)), named
    if e.at_key and str(got) not in message:
        message = _("the key {key}: {message}").format(key=shown(got), message=message)
    return source.problem(loc, message, hint, code)


def _name_in_id_hint(
    model: type[BaseModel], loc: FieldPath, got: Any, names: Mapping[str, str]
) -> str | None:
    """When a name was typed into an id field (it has spaces): the id of the thing so named, if
    another file of the document defines one by a close name; else, beside a field that takes
    the name (`nama`, `uraian`, `judul`), that field, not a shorter id."""
    if not isinstance(got, str) or " " not in got.strip() or not loc:
        return None
    by_lower = {name.lower(): (name, id_) for name, id_ in names.items()}
    close = difflib.get_close_matches(got.strip().lower(), list(by_lower), n=1, cutoff=0.8)
    if close:
        name, id_ = by_lower[close[0]]
        return _('did you mean {id}, the id of "{name}"?').format(id=id_, name=name)
    if not isinstance(loc[-1], str):
        return None
    beside = _fields_at(model, loc[:-1])
    home = next((f for f in ("nama", "uraian", "judul") if f in beside and f != loc[-1]), None)
    if home is None:
        return None
    return _(
        "a name goes in `{home}:`; `{field}` takes an id (letters, digits, '.', '_' or '-', "
        "no spaces, e.g. IS1.1)"
    ).format(home=home, field=loc[-1])


def _unknown_hint(model: type[BaseModel], loc: FieldPath) -> str:
    """A field accepted at this place with a close name, else the sub-mapping it belongs under."""
    name = str(loc[-1])
    allowed = _fields_at(model, loc[:-1]) - {name}
    guess = difflib.get_close_matches(name, sorted(allowed), n=1)
    if guess:
        return _("did you mean '{field}'?").format(field=guess[0])
    homes = sorted(field for field in allowed if name in _fields_at(model, loc[:-1] + (field,)))
    if homes:
        return _("'{field}' belongs under '{home}:' ({home}: {{{field}: …}})").format(
            field=name, home=homes[0]
        )
    return _("remove it, or check the spelling")


def _date_hint(got: Any) -> str:
    """The fix for a date typed day first ("04-01-2024", "4/1/2024")."""
    match = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*", str(got))
    if match:
        day, month, year = match.groups()
        return _("write year-month-day: {date}").format(
            date=f"{year}-{int(month):02d}-{int(day):02d}"
        )
    return _("write year-month-day, e.g. 2024-12-31")


def _pattern_problem(got: str, pattern: str) -> tuple[str, str, str]:
    if pattern.startswith("^[A-Za-z0-9][A-Za-z0-9._"):
        return (
            _('"{got}" is not a valid id').format(got=got),
            _(
                "an id is letters, digits, '.', '_' or '-', starting with a letter or digit, no spaces (e.g. IS1.1)"
            ),
            "input.value",
        )
    digits = re.fullmatch(r"\^\\d\{(\d+)\}\$", pattern)
    if digits:
        return (
            _('expected {count} digits, got "{got}"').format(count=digits.group(1), got=got),
            _("write the {count} digits in quotes, without spaces").format(count=digits.group(1)),
            "input.value",
        )
    return (
        _('"{got}" does not have the expected form ({pattern})').format(got=got, pattern=pattern),
        _("check the value"),
        "input.value",
    )


def _range_problem(kind: str, got: Any, ctx: dict) -> tuple[str, str, str]:
    bound = next(iter(ctx.values()), None)
    if (kind == "greater_than_equal" and bound == 1900) or (
        kind == "less_than_equal" and bound == 2200
    ):
        return (
            _("expected a year between 1900 and 2200, got {got}").format(got=shown(got)),
            _("write the full year, e.g. 2024"),
            "input.value",
        )
    if kind == "greater_than_equal" and bound == 0:
        return (
            _("must not be negative, got {got}").format(got=shown(got)),
            _("write 0 or more"),
            "input.value",
        )
    message = {
        "greater_than_equal": N_("must be at least {bound}, got {got}"),
        "less_than_equal": N_("must be at most {bound}, got {got}"),
        "greater_than": N_("must be more than {bound}, got {got}"),
        "less_than": N_("must be less than {bound}, got {got}"),
    }[kind]
    return _(message).format(bound=bound, got=shown(got)), _("fix the value"), "input.value"


def _annotation_at(model: type[BaseModel], loc: FieldPath) -> Any:
    """The type annotation found at `loc` inside `model` (None if unknown)."""
    here: Any = model
    for part in loc:
        found = _model_of(here)
        if found is not None and isinstance(part, str) and part in found.model_fields:
            here = found.model_fields[part].annotation
        else:  # a list position or a mapping key: step into the container's value type
            args = [a for a in get_args(here) if a is not type(None)]
            here = args[-1] if args else None
    return here


def _fields_at(model: type[BaseModel], loc: FieldPath) -> set[str]:
    """The field names of the model found at `loc` inside `model` (empty if none)."""
    found = _model_of(_annotation_at(model, loc))
    return set(found.model_fields) if found else set()


def _tuple_length(model: type[BaseModel], loc: FieldPath) -> int | None:
    """How many values the fixed-length tuple at `loc` takes."""
    annotation = _annotation_at(model, loc)
    for candidate in (annotation, *get_args(annotation)):
        if get_origin(candidate) is tuple:
            args = get_args(candidate)
            return None if Ellipsis in args else len(args)
    return None


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model an annotation is, or is Optional of."""
    if _is_model(annotation):
        return annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    return args[0] if len(args) == 1 and _is_model(args[0]) else None


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)
