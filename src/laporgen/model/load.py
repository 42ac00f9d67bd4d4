"""Reading content files: YAML or TOML → plain data, plus a map from field path to line.

Numbers become `Decimal` from their literal text (never float). Problems (bad encoding, syntax
errors, duplicate keys, validation errors) are collected as `Problem`s naming file, line and
field, so the user sees them all and no traceback.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar, get_args

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import LaporgenError, Problem, display_path

FieldPath = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

DATA_SUFFIXES = (".yaml", ".yml", ".toml")


@dataclass(frozen=True)
class Source:
    """A loaded file: where it is and where each field path starts in it."""

    path: Path
    lines: dict[FieldPath, int] = field(default_factory=dict)
    text: str = ""

    @property
    def name(self) -> str:
        return display_path(self.path)

    def line_of(self, loc: FieldPath) -> int | None:
        """The line of the longest prefix of `loc` that the file defines."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None

    def problem(self, loc: FieldPath, message: str, hint: str | None = None, code: str = "input") -> Problem:
        return Problem(self.name, message, self.line_of(loc), format_path(loc) or None, hint, code)


def format_path(loc: FieldPath) -> str:
    """("realisasi", "IS3.1", "nilai") → "realisasi.IS3.1.nilai"; list indexes as [n]."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = str(part) if re.fullmatch(r"[\w.\-]+", str(part)) else f'"{part}"'
            out += ("." if out else "") + key
    return out


# ------------------------------------------------------------------------------------ reading
def find_data_file(folder: Path, stem: str) -> Path | None:
    """`stem.yaml`, `stem.yml` or `stem.toml` in `folder`; a LaporgenError if several exist."""
    found = [folder / f"{stem}{suffix}" for suffix in DATA_SUFFIXES if (folder / f"{stem}{suffix}").is_file()]
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise LaporgenError([Problem(display_path(folder), f"both {names} exist", hint="keep one", code="input.file")])
    return found[0] if found else None


def read_text(path: Path) -> str:
    """The file's text, UTF-8 with or without BOM, any line endings."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LaporgenError([Problem(display_path(path), f"cannot read the file ({exc.strerror})", code="input.file")]) from exc
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LaporgenError([Problem(
            display_path(path), f"not UTF-8 text (byte 0x{raw[exc.start]:02x})", line,
            hint="save the file with UTF-8 encoding", code="input.encoding",
        )]) from exc


def read_data(path: Path) -> tuple[Any, Source]:
    """Parse a YAML or TOML file into plain data (dicts, lists, str, int, Decimal, date)."""
    text = read_text(path)
    if path.suffix == ".toml":
        return _read_toml(path, text)
    return _read_yaml(path, text)


def _read_toml(path: Path, text: str) -> tuple[Any, Source]:
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise LaporgenError([Problem(
            display_path(path), f"TOML syntax error: {message}", int(match.group(1)) if match else None,
            hint="check quotes, '=' and [table] headers on that line", code="input.syntax",
        )]) from exc
    return data, Source(path, _toml_lines(text), text)


def _toml_lines(text: str) -> dict[FieldPath, int]:
    """Approximate field lines for TOML (tomllib keeps no positions): `key =` under `[table]`."""
    lines: dict[FieldPath, int] = {(): 1}
    table: FieldPath = ()
    for number, line in enumerate(text.split("\n"), start=1):
        header = re.match(r"\s*\[+\s*([^\]]+?)\s*\]+", line)
        if header:
            table = tuple(part.strip().strip('"') for part in header.group(1).split("."))
            lines.setdefault(table, number)
            continue
        key = re.match(r"\s*([A-Za-z0-9_\-\"]+)\s*=", line)
        if key:
            lines.setdefault(table + (key.group(1).strip('"'),), number)
    return lines


class _Constructor(yaml.constructor.SafeConstructor):
    pass


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (about ten times faster on large files);
it reports the same marks and errors."""


def _read_yaml(path: Path, text: str) -> tuple[Any, Source]:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        unclosed = exc.context_mark is not None and "quoted scalar" in (exc.context or "")
        mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
        message = "a quote opened here is never closed" if unclosed else (exc.problem or str(exc))
        line_text = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        hint = ("YAML indents with spaces, never tabs: replace the tab on that line" if "\t" in line_text
                else "check the quotes, colons and indentation on that line")
        raise LaporgenError([Problem(
            display_path(path), f"YAML syntax error: {message}", mark.line + 1 if mark else None,
            hint=hint, code="input.syntax",
        )]) from exc
    lines: dict[FieldPath, int] = {}
    problems: list[Problem] = []
    data = _build(node, (), lines, problems, display_path(path)) if node is not None else None
    if problems:
        raise LaporgenError(problems)
    return data, Source(path, lines, text)


def _build(node: yaml.Node, loc: FieldPath, lines: dict, problems: list[Problem], name: str) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if isinstance(key, Decimal):
                key = str(key)
            if key in out:
                problems.append(Problem(
                    name, f"duplicate key '{key}'", key_node.start_mark.line + 1, format_path(loc) or None,
                    hint="each key may appear once; merge the two entries", code="input.duplicate",
                ))
                continue
            out[key] = _build(value_node, loc + (str(key),), lines, problems, name)
            lines[loc + (str(key),)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loc + (i,), lines, problems, name) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    if node.tag == "tag:yaml.org,2002:float":
        text = node.value.replace("_", "")
        try:
            return Decimal(text)
        except InvalidOperation:
            return Decimal("NaN") if "nan" in text.lower() else Decimal(text.replace(".inf", "Infinity"))
    if isinstance(node, yaml.ScalarNode):
        return _Constructor().construct_object(node)
    return _Constructor().construct_object(node, deep=True)


# --------------------------------------------------------------------------------- validation
def validate(model: type[M], data: Any, source: Source) -> M:
    """`data` as a `model`, or a LaporgenError with one Problem per validation error."""
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        raise LaporgenError([_problem(error, source, model, data) for error in exc.errors()]) from exc


def load(model: type[M], path: Path) -> tuple[M, Source]:
    data, source = read_data(path)
    return validate(model, data, source), source


def _data_loc(loc: FieldPath, data: Any) -> FieldPath:
    """`loc` with mapping keys as strings (pydantic reports a year key as an int, which would
    print as a list index), following the raw data to tell keys from list positions."""
    out: list[str | int] = []
    here = data
    for part in loc:
        if isinstance(here, dict):
            key = next((k for k in here if str(k) == str(part)), part)
            out.append(str(part))
            here = here.get(key)
        else:
            out.append(part)
            here = here[part] if isinstance(here, list) and isinstance(part, int) and part < len(here) else None
    return tuple(out)


def _problem(error: Any, source: Source, model: type[BaseModel], data: Any) -> Problem:
    raw = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    loc = _data_loc(raw, data)
    kind = error["type"]
    got = error.get("input")
    if kind == "missing":
        return source.problem(loc, "required field is missing", f"add `{loc[-1]}:`", "input.missing")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, raw[:-1]) - {str(loc[-1])}
        guess = difflib.get_close_matches(str(loc[-1]), sorted(allowed), n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else "remove it, or check the spelling"
        return source.problem(loc, f"unknown field '{loc[-1]}'", hint, "input.unknown")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return source.problem(loc, f"expected one of {expected}, got {_show(got)}", None, "input.value")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return source.problem(loc, f"expected a mapping (key: value lines), got {_kind(got)}", None, "input.type")
    if kind in ("list_type", "tuple_type"):
        return source.problem(loc, f"expected a list (lines starting with '- '), got {_kind(got)}", None, "input.type")
    message = error["msg"]
    message = message[0].lower() + message[1:] if message else message
    message = re.sub(r"^value error, ", "", message)
    if kind not in ("number", "value_error") and got is not None and not isinstance(got, (dict, list)):
        message += f", got {_show(got)}"
    return source.problem(loc, message, None, "input.type" if kind != "value_error" else "input.value")


def _show(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return f"{_show(value)}"


def _fields_at(model: type[BaseModel], loc: FieldPath) -> set[str]:
    """The field names of the model found at `loc` inside `model` (empty if none)."""
    here: Any = model
    for part in loc:
        found = _model_of(here)
        if found is not None and isinstance(part, str) and part in found.model_fields:
            here = found.model_fields[part].annotation
        else:  # a list position or a mapping key: step into the container's value type
            args = [a for a in get_args(here) if a is not type(None)]
            here = args[-1] if args else None
    found = _model_of(here)
    return set(found.model_fields) if found else set()


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model an annotation is, or is Optional of."""
    if _is_model(annotation):
        return annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    return args[0] if len(args) == 1 and _is_model(args[0]) else None


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)
