"""Reading content files: YAML or TOML → plain data, plus a map from field path to line.

Numbers become `Decimal` from their literal text (never float). Problems (bad encoding, syntax
errors, duplicate keys, validation errors) are collected as `Problem`s naming file, line and
field, so the user sees them all and no traceback.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import itertools
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

from ..errors import LaporgenError, Problem, display_path
from ..i18n import N_, _

FieldPath = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

DATA_SUFFIXES = (".yaml", ".yml", ".toml")

# Limits on what one content file may cost. Each is far above any real document and far below
# what exhausts a machine; going past one is a problem naming the file, never a hang.
MAX_FILE_BYTES = 4 * 1024 * 1024
"""A content file is typed by hand: the largest known (the bench's 2 000-row program.yaml) is
under 1 MB. Also bounds a file that is a link to a device (/dev/zero) or a huge paste."""
MAX_NESTING = 50
"""Levels of mappings and lists inside each other: the deepest content model has 8. Python's
parsers recurse once per level and fail near 1 000, so the limit is checked first."""
MAX_ALIAS_VALUES = 10_000
"""Values a file may produce through YAML aliases (*name): enough to repeat a long list a few
times; a 9-line "billion laughs" file expands to 10^9 values and gigabytes of memory."""


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

    def problem(
        self, loc: FieldPath, message: str, hint: str | None = None, code: str = "input"
    ) -> Problem:
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
            [_control_problem(display_path(path), bad.group(), text[: bad.start()].count("\n") + 1)]
        )
    return text


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters no DOCX (XML) can hold."""


def _control_problem(name: str, char: str, line: int | None, field: str | None = None) -> Problem:
    return Problem(
        name,
        _("contains the control character U+{code}").format(code=f"{ord(char):04X}"),
        line,
        field,
        hint=_("delete it (such characters often come along when copying from a PDF)"),
        code="input.encoding",
    )


def read_data(path: Path) -> tuple[Any, Source]:
    """Parse a YAML or TOML file into plain data (dicts, lists, str, int, Decimal, date)."""
    text = read_text(path)
    data, source = _read_toml(path, text) if path.suffix == ".toml" else _read_yaml(path, text)
    # a control character typed in the file was refused by `read_text`; only an escape in a
    # quoted text ("\x0c", "\f") can still make one, and every escape starts with a backslash
    if "\\" in text:
        problems = [
            _control_problem(
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
        raise LaporgenError([_nesting_problem(display_path(path), deep)])
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


def _nesting_problem(name: str, line: int | None) -> Problem:
    return Problem(
        name,
        _("values are nested more than {levels} levels deep").format(levels=MAX_NESTING),
        line,
        hint=_("content files nest a few levels: check the brackets and the indentation"),
        code="input.limit",
    )


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
        line = _unclosed_line(text, len(text.split("\n")), toml=True)
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


def _unclosed_line(text: str, upto: int, toml: bool = False) -> int | None:
    """The last line at or before `upto` where a quoted value opens and does not close on the
    same line, or a `[` list opens and does not close (TOML)."""
    found = None
    for number, line in enumerate(text.split("\n")[:upto], start=1):
        if _opens_unclosed(line) or (toml and re.match(r"[^#\"']*=\s*\[[^\]#]*$", line)):
            found = number
    return found


_VALUE_START = re.compile(r"""(?:^\s*(?:-\s+)*|:\s+|=\s*|[\[{,]\s*)(["'])""")


def _opens_unclosed(line: str) -> bool:
    """A quoted value starts on this line (outside a comment) and is not closed on it."""
    at = 0
    while True:
        match = _VALUE_START.search(line, at)
        comment = _COMMENT.search(line, at)
        if match is None or (comment is not None and comment.start() < match.start(1)):
            return False
        quote, i = match.group(1), match.end(1)
        while i < len(line):
            escaped = quote == '"' and line[i] == "\\"
            if escaped or (line[i] == quote == "'" and line[i + 1 : i + 2] == "'"):  # \" or ''
                i += 2
            elif line[i] == quote:
                break
            else:
                i += 1
        else:
            return True
        at = i + 1


_COMMENT = re.compile(r"(?:^|\s)#")


class _Constructor(yaml.constructor.SafeConstructor):
    pass


_YAML_ERRORS: tuple[tuple[str, str, str], ...] = (
    # (PyYAML's problem, in plain words, the fix)
    (
        "found character '\\t'",
        N_("a tab character where YAML expects spaces"),
        N_("YAML indents with spaces, never tabs: replace the tab with spaces"),
    ),
    (
        "mapping values are not allowed here",
        N_("unexpected ':'"),
        N_(
            'put a text that contains ": " in quotes ("..."); if the line starts a new field, indent it like the others'
        ),
    ),
    (
        "found undefined alias",
        N_("a value starts with '*'"),
        N_('put a text starting with * in quotes ("...")'),
    ),
    (
        "cannot start any token",
        N_("a value starts with a character YAML reserves"),
        N_('put a text starting with @, ` or % in quotes ("...")'),
    ),
    (
        "expected <block end>",
        N_("the indentation does not match the lines above"),
        N_(
            "fields at the same level start in the same column; a text containing quotes or ': ' goes in quotes"
        ),
    ),
    (
        "did not find expected key",
        N_("the indentation does not match the lines above"),
        N_("fields at the same level start in the same column"),
    ),
    (
        "did not find expected '-' indicator",
        N_("a list item does not line up with the others"),
        N_("start every item of a list with '- ' in the same column"),
    ),
    (
        "could not find expected ':'",
        N_("a line has no 'key: value'"),
        N_("write key: value (with a space after the colon); put a long text in quotes"),
    ),
    (
        "expected ',' or ']'",
        N_("a [ list is not closed on its line"),
        N_('close the list with ]; put a text containing ":" or "," in quotes'),
    ),
    (
        "expected ',' or '}'",
        N_("a { mapping is not closed on its line"),
        N_('close it with }; put a text containing ":" or "," in quotes'),
    ),
)


def _read_yaml(path: Path, text: str) -> tuple[Any, Source]:
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise LaporgenError([_yaml_syntax_problem(path, text, exc)]) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (U+0080 to U+009F)
        line = text[: exc.position].count("\n") + 1
        raise LaporgenError(
            [_control_problem(display_path(path), chr(exc.character), line)]
        ) from exc
    except RecursionError:  # nested far deeper than MAX_NESTING: the parser itself gave up
        raise LaporgenError([_nesting_problem(display_path(path), _deep_yaml_line(text))]) from None
    lines: dict[FieldPath, int] = {}
    problems: list[Problem] = []
    try:
        data = (
            _PlainData(text, lines, problems, display_path(path)).build(node, ())
            if node is not None
            else None
        )
    except _Limit as exc:
        raise LaporgenError([exc.problem]) from None
    if problems:
        raise LaporgenError(problems)
    return data, Source(path, lines, text)


_LIBYAML = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree of `text`: parsed by libyaml (about ten times faster: a 2 000-row
    program file took seconds) when PyYAML has it and the text parses; otherwise, and so for
    every syntax error, by the pure-Python parser, whose messages and marks the problems are
    worded from. The two agree on tags, values and marks; libyaml gives a plain scalar the
    style "" where PyYAML gives None, so `_PlainData` tests plainness with `not node.style`."""
    if _LIBYAML is not None:
        with contextlib.suppress(
            Exception
        ):  # then reported below, by the parser the messages are written for
            return yaml.compose(text, Loader=_LIBYAML)
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _deep_yaml_line(text: str) -> int | None:
    """The line where the YAML events open more than MAX_NESTING levels (the event parser does
    not recurse)."""
    depth = 0
    with contextlib.suppress(yaml.YAMLError):
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    return event.start_mark.line + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    return None


class _Limit(Exception):
    """A file past one of the limits above: stop building at once."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def _yaml_syntax_problem(path: Path, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    unclosed = exc.context_mark is not None and "quoted scalar" in (exc.context or "")
    mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
    line = mark.line + 1 if mark else None
    problem = exc.problem or str(exc)
    if not unclosed and line is not None:
        opened = _unclosed_line(text, line)
        if opened is not None and _closing_fixes(text, opened, line):
            unclosed, line = True, opened
    if unclosed:
        return Problem(
            display_path(path),
            _("YAML syntax error: a quote opened here is never closed"),
            line,
            hint=_("close the text with the same quote mark (\" or ') on the same line"),
            code="input.syntax",
        )
    message, hint = problem, _("check the quotes, colons and indentation on that line")
    for known, plain, fix in _YAML_ERRORS:
        if known in problem:
            message, hint = _(plain), _(fix)
            break
    return Problem(
        display_path(path),
        _("YAML syntax error: {message}").format(message=message),
        line,
        hint=hint,
        code="input.syntax",
    )


def _closing_fixes(text: str, opened: int, failed: int) -> bool:
    """Closing the quote left open on line `opened` makes the error at line `failed` go away (or
    move past it): then that quote is the mistake, whatever PyYAML reported."""
    lines = text.split("\n")
    quote = _VALUE_START.findall(lines[opened - 1])[-1]
    lines[opened - 1] += quote
    try:
        yaml.compose("\n".join(lines), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark is not None and mark.line + 1 > failed
    return True


class _PlainData:
    """Turns a YAML node tree into plain data, recording each field's line and collecting the
    problems PyYAML lets through: duplicate keys, unknown tags, impossible dates, a decimal comma
    inside `{ }` or `[ ]` (where YAML reads `98,1` as two entries), aliases that contain themselves."""

    def __init__(self, text: str, lines: dict[FieldPath, int], problems: list[Problem], name: str):
        self.text, self.lines, self.problems, self.name = text, lines, problems, name
        self.active: set[int] = set()
        self.built: set[int] = set()
        """Collection nodes built once: building one again expands an alias."""
        self.in_alias = 0
        self.alias_values = 0
        self.alias_at: tuple[int, FieldPath] = (1, ())

    def problem(self, node: yaml.Node, loc: FieldPath, message: str, hint: str, code: str) -> None:
        self.problems.append(
            Problem(
                self.name, message, node.start_mark.line + 1, format_path(loc) or None, hint, code
            )
        )

    def build(self, node: yaml.Node, loc: FieldPath) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if self.in_alias:
            self.alias_values += 1
            if self.alias_values > MAX_ALIAS_VALUES:
                line, where = self.alias_at
                raise _Limit(
                    Problem(
                        self.name,
                        _("YAML aliases (*name) expand to more than {count} values").format(
                            count=MAX_ALIAS_VALUES
                        ),
                        line,
                        format_path(where) or None,
                        _("write the values out, or repeat fewer of them"),
                        "input.limit",
                    )
                )
        if (
            node.__class__ is yaml.ScalarNode
        ):  # most nodes; an alias or a collection tag concerns collections only
            return self.scalar(node, loc)
        if len(loc) >= MAX_NESTING:
            raise _Limit(_nesting_problem(self.name, node.start_mark.line + 1))
        if id(node) in self.built and id(node) not in self.active:
            if not self.in_alias:  # the outermost alias: where the problem is shown
                self.alias_at = (node.start_mark.line + 1, loc)
            self.in_alias += 1
            try:
                return self._collection(node, loc)
            finally:
                self.in_alias -= 1
        self.built.add(id(node))
        return self._collection(node, loc)

    def _collection(self, node: yaml.Node, loc: FieldPath) -> Any:
        if id(node) in self.active:
            self.problem(
                node,
                loc,
                _("a YAML alias (*name) refers to the value that contains it"),
                _("write the value out instead of the alias"),
                "input.syntax",
            )
            return None
        if isinstance(node, yaml.CollectionNode) and node.tag not in _COLLECTION_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(
                node,
                loc,
                _("unknown YAML tag '{tag}'").format(tag=tag),
                _("remove the '!' tag: laporgen reads plain values only"),
                "input.syntax",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            self.active.add(id(node))
            try:
                return self._mapping(node, loc)
            finally:
                self.active.discard(id(node))
        if isinstance(node, yaml.SequenceNode):
            self.active.add(id(node))
            try:
                self._decimal_comma_in_list(node, loc)
                return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
            finally:
                self.active.discard(id(node))
        return self.scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: FieldPath) -> dict:
        out: dict[Any, Any] = {}
        previous: tuple[Any, yaml.Node] | None = None
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(
                    key_node,
                    loc,
                    _("a key must be a plain name, not a list or mapping"),
                    _("write key: value"),
                    "input.syntax",
                )
                continue
            key = self.scalar(key_node, loc)
            if isinstance(key, Decimal):
                key = str(key)
            if (
                previous is not None
                and node.flow_style
                and self._split_number(previous[1], key_node, value_node)
            ):
                before = previous[1].value
                self.problem(
                    key_node,
                    loc + (str(previous[0]),),
                    _(
                        '"{before},{after}" inside {{ }} reads as two entries ({key}: {before} '
                        "and a key {after})"
                    ).format(before=before, after=key_node.value, key=previous[0]),
                    _comma_fix(before, key_node.value),
                    "input.type",
                )
                continue
            if key in out:
                self.problem(
                    key_node,
                    loc + (str(key),),
                    _("duplicate key '{key}'").format(key=key),
                    _("each key may appear once; merge the two entries"),
                    "input.duplicate",
                )
                continue
            out[key] = self.build(value_node, loc + (str(key),))
            self.lines[loc + (str(key),)] = key_node.start_mark.line + 1
            previous = (key, value_node)
        return out

    def _split_number(self, before: yaml.Node, key_node: yaml.Node, value_node: yaml.Node) -> bool:
        """`98,1` in a flow mapping: an integer value, a comma with no space, then a bare
        number as the next key without a value."""
        return (
            isinstance(before, yaml.ScalarNode)
            and not before.style
            and re.fullmatch(r"-?\d+", before.value) is not None
            and not key_node.style
            and re.fullmatch(r"\d+", key_node.value) is not None
            and isinstance(value_node, yaml.ScalarNode)
            and value_node.value == ""
            and self.text[before.end_mark.index : key_node.start_mark.index] == ","
        )

    def _decimal_comma_in_list(self, node: yaml.SequenceNode, loc: FieldPath) -> None:
        """`[24,72, 24.72]`: where the items are otherwise separated by ", ", a comma without a
        space between two integers is a decimal comma."""
        items = node.value
        if not node.flow_style or len(items) < 2:
            return
        gaps = [
            self.text[a.end_mark.index : b.start_mark.index] for a, b in itertools.pairwise(items)
        ]
        if not any(gap.strip() == "," and gap != "," for gap in gaps):
            return
        for i, gap in enumerate(gaps):
            a, b = items[i], items[i + 1]
            if (
                gap == ","
                and isinstance(a, yaml.ScalarNode)
                and isinstance(b, yaml.ScalarNode)
                and not a.style
                and not b.style
                and re.fullmatch(r"-?\d+", a.value)
                and re.fullmatch(r"\d+", b.value)
            ):
                self.problem(
                    a,
                    loc + (i,),
                    _(
                        '"{before},{after}" inside [ ] reads as two numbers ({before} and {after})'
                    ).format(before=a.value, after=b.value),
                    _comma_fix(a.value, b.value),
                    "input.type",
                )

    def scalar(self, node: yaml.Node, loc: FieldPath) -> Any:
        if isinstance(
            node, yaml.ScalarNode
        ):  # the common cases as SafeConstructor reads them, without one per value
            if node.tag == _STR_TAG:
                return node.value
            if node.tag == _INT_TAG and _DECIMAL_INT.fullmatch(node.value):
                return int(node.value)
        if node.tag == "tag:yaml.org,2002:float":
            text = node.value.replace("_", "")
            try:
                return Decimal(text)
            except InvalidOperation:
                return (
                    Decimal("NaN")
                    if "nan" in text.lower()
                    else Decimal(text.replace(".inf", "Infinity"))
                )
        try:
            return _Constructor().construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(
                node,
                loc,
                _("unknown YAML tag '{tag}'").format(tag=tag),
                _("remove the '!' tag: laporgen reads plain values only"),
                "input.syntax",
            )
        except ValueError:  # a timestamp-shaped value that is no real date: 2024-02-30
            self.problem(
                node,
                loc,
                _("{value} is not a real date").format(value=node.value),
                _("check the day and the month (year-month-day)"),
                "input.value",
            )
        return None


_STR_TAG, _INT_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int"
_DECIMAL_INT = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*)"
)  # not 0o17, 0x1F, 1_000 or 1:30, which PyYAML reads its own way
_COLLECTION_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "omap", "set", "pairs")}


def _comma_fix(whole: str, rest: str) -> str:
    """The fix for `whole,rest`: a decimal comma, unless `rest` looks like a thousands group."""
    if len(rest) == 3:
        return _(
            "write {decimal} if the comma is a decimal comma, or {thousands} for thousands; "
            "numbers use a dot for decimals and no separators"
        ).format(decimal=f"{whole}.{rest}", thousands=f"{whole}{rest}")
    return _("write {decimal} (a dot for decimals)").format(decimal=f"{whole}.{rest}")
