"""Reading content files: YAML or TOML → plain data, plus a map from field path to line.

Numbers become `Decimal` from their literal text (never float). Problems (bad encoding, syntax
errors, duplicate keys, validation errors) are collected as `Problem`s naming file, line and
field, so the user sees them all and no traceback.
"""

from __future__ import annotations

import codecs
import errno
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import LaporgenError, Problem, display_path
from ..i18n import N_, _
from .source import (
    CONTROL,
    MAX_FILE_BYTES,
    MAX_NESTING,
    FieldPath,
    Source,
    control_problem,
    format_path,
    nesting_problem,
    unclosed_line,
)


DATA_SUFFIXES = (".yaml", ".yml", ".toml")


def find_data_file(folder: Path, stem: str) -> Path | None:
    """`stem.yaml`, `stem.yml` or `stem.toml` in `folder`; a LaporgenError if several exist."""
    found = [
        folder / f"{stem}{suffix}"
        for suffix in DATA_SUFFIXES
        if _present(folder / f"{stem}{suffix}")
    ]
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise LaporgenError(
            [
                Problem(
                    display_path(folder),
                    _("both {names} exist").format(names=names),
                    hint=_("keep one"),
                    code="input.file",
                )
            ]
        )
    return found[0] if found else None


def _present(path: Path) -> bool:
    """A file, or anything else that is not a folder (a device, a broken link): `read_text`
    then says what is wrong with it, rather than "missing"."""
    return path.is_symlink() or (path.exists() and not path.is_dir())


def read_text(path: Path) -> str:
    """The file's text, UTF-8 with or without BOM, any line endings; a control character (one
    Word, HTML and PDF cannot hold, often pasted from a PDF) is a problem naming its line."""
    try:
        if (
            path.exists() and not path.is_file() and not path.is_dir()
        ):  # reading a pipe would wait forever
            raise LaporgenError(
                [
                    Problem(
                        display_path(path),
                        _("not a file but a device or a pipe"),
                        hint=_("replace it with the content file"),
                        code="input.file",
                    )
                ]
            )
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # bounded: a file that keeps growing
    except OSError as exc:
        hint = (
            _("a folder has this file's name: rename or remove it")
            if isinstance(exc, IsADirectoryError)
            else _("a link points back to itself: replace it with the file")
            if exc.errno == errno.ELOOP
            else _("check that the file exists and that you may read it")
        )
        raise LaporgenError(
            [
                Problem(
                    display_path(path),
                    _("cannot read the file ({reason})").format(reason=exc.strerror),
                    hint=hint,
                    code="input.file",
                )
            ]
        ) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise LaporgenError(
            [
                Problem(
                    display_path(path),
                    _("the file is larger than {size} MB").format(size=MAX_FILE_BYTES // 2**20),
                    hint=_(
                        "a content file is typed text: split it, or remove what was pasted by mistake"
                    ),
                    code="input.limit",
                )
            ]
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise LaporgenError(
            [
                Problem(
                    display_path(path),
                    _("the file is saved as UTF-16 text"),
                    1,
                    hint=_("save it with UTF-8 encoding"),
                    code="input.encoding",
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start : exc.start + 1]
        guess = byte.decode("cp1252", errors="replace")
        seen = (
            _(' (probably "{character}" saved as Windows-1252)').format(character=guess)
            if guess.isprintable() and guess != "\ufffd"
            else ""
        )
        raise LaporgenError(
            [
                Problem(
                    display_path(path),
                    _("not UTF-8 text: byte 0x{byte}{guess}").format(
                        byte=f"{raw[exc.start]:02x}", guess=seen
                    ),
                    line,
                    hint=_("save the file with UTF-8 encoding"),
                    code="input.encoding",
                )
            ]
        ) from exc
    bad = CONTROL.search(text)
    if bad:
        raise LaporgenError(
            [control_problem(display_path(path), bad.group(), text[: bad.start()].count("\n") + 1)]
        )
    return text


def read_data(path: Path) -> tuple[Any, Source]:
    """Parse a YAML or TOML file into plain data (dicts, lists, str, int, Decimal, date)."""
    text = read_text(path)
    data, source = _read_toml(path, text) if path.suffix == ".toml" else _read_yaml(path, text)
    # a control character typed in the file was refused by `read_text`; only an escape in a
    # quoted text ("\x0c", "\f") can still make one, and every escape starts with a backslash
    if "\\" in text:
        problems = [
            control_problem(
                source.name, found.group(), source.line_of(loc), format_path(loc) or None
            )
            for loc, value in _strings(data, ())
            if (found := CONTROL.search(value))
        ]
        if problems:
            raise LaporgenError(problems)
    return data, source


def _strings(data: Any, loc: FieldPath):
    """Every text value in `data`, with its field path."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (str(key),))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _strings(value, loc + (n,))


def _read_toml(path: Path, text: str) -> tuple[Any, Source]:
    deep = _deep_toml_line(text)
    if deep is not None:
        raise LaporgenError([nesting_problem(display_path(path), deep)])
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise LaporgenError([_toml_problem(path, text, exc)]) from exc
    return data, Source(path, _toml_lines(text), text)


def _deep_toml_line(text: str) -> int | None:
    """The line where `[` and `{` of TOML values open more than MAX_NESTING levels (outside
    quotes and comments): tomllib recurses once per level."""
    depth, quote, line = 0, "", 1
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            line += 1
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif ch in "[{" and not (ch == "[" and _at_line_start(text, i)):
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif ch in "]}" and depth:
            depth -= 1
        i += 1
    return None


def _at_line_start(text: str, i: int) -> bool:
    """A `[table]` header, not a value."""
    start = text.rfind("\n", 0, i) + 1
    return not text[start:i].strip()


_TOML_ERRORS: tuple[tuple[str, str | None, str], ...] = (
    # (pattern of tomllib's message, our message or None to keep it, the fix)
    (
        r"^Cannot overwrite a value",
        N_("a key is given twice"),
        N_("each key may appear once; keep one of the two lines"),
    ),
    (
        r"^Cannot declare \((.*),?\) twice",
        N_("a [table] is declared twice"),
        N_("merge the two sections into one"),
    ),
    (
        r"^Invalid date or datetime",
        N_("not a valid date"),
        N_("write a real date as year-month-day, e.g. 2025-02-01"),
    ),
    (
        r"^Illegal character '\\n'",
        N_("a quote opened here is never closed"),
        N_('close the text with the same quote mark (") on the same line'),
    ),
    (
        r"^Expected newline or end of document after a statement",
        N_("unexpected text after the value"),
        N_('a decimal comma? write 92.5; text goes in quotes ("..."); one key = value per line'),
    ),
    (
        r"^Invalid value",
        N_("the value is not valid TOML"),
        N_(
            'put text in quotes ("..."); write numbers alone with a dot for decimals, dates as 2025-02-01'
        ),
    ),
    (r"^Unclosed array", N_("a [ list is never closed"), N_("close the list with ]")),
    (
        r"^Expected '=' after a key",
        N_("a key must be followed by '='"),
        N_("write key = value; a key with spaces must be in quotes"),
    ),
    (
        r"^Expected \"'\"|^Unterminated string",
        N_("a quote opened here is never closed"),
        N_("close the text with the same quote mark on the same line"),
    ),
)


def _toml_problem(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    raw = str(exc)
    match = re.search(r"\(at line (\d+)", raw)
    line = int(match.group(1)) if match else None
    message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", raw)
    hint = _("check quotes, '=' and [table] headers on that line")
    for pattern, ours, fix in _TOML_ERRORS:
        if re.search(pattern, message):
            message, hint = _(ours) if ours else message, _(fix)
            break
    if line is None:  # "at end of document": point at the line that opened what never closed
        line = unclosed_line(text, len(text.split("\n")), toml=True)
    source_line = text.split("\n")[line - 1] if line else ""
    day = re.search(r"=\s*((\d{1,2})[-/.](\d{1,2})[-/.](\d{4}))\s*(#.*)?$", source_line)
    if day:  # `30-06-2025`: a date typed day first, as Indonesian writing has it
        typed, d, m, y = day.groups()[:4]
        message = _('"{typed}" is not a TOML date').format(typed=typed)
        hint = _("write dates year first: {date}").format(date=f"{y}-{int(m):02d}-{int(d):02d}")
    comma = re.search(r"(?<![\w.\"'])(-?\d+),(\d+)(?![\w.])", source_line) if line else None
    if comma:  # TOML reads `92,5` as 92 and a stray `5`, whatever the message says
        message = _('"{typed}" is not a number').format(typed=comma.group())
        hint = _("write {number} (a dot for decimals, no thousands separators)").format(
            number=f"{comma.group(1)}.{comma.group(2)}"
        )
    return Problem(
        display_path(path),
        _("TOML syntax error: {message}").format(message=message),
        line,
        hint=hint,
        code="input.syntax",
    )


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


def _read_yaml(path: Path, text: str) -> tuple[Any, Source]:
    from .read_yaml import read_yaml  # PyYAML only when a YAML file is read

    return read_yaml(path, text)
