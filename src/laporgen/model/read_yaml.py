"""Reading a YAML content file into plain data and its map from field path to line (the TOML and
common parts are in `read.py`, which imports this module only when a YAML file is read: PyYAML
and its patterns are a twentieth of a `laporgen check` whose files were all validated before,
`validated_cache.py`)."""

from __future__ import annotations

import contextlib
import itertools
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from ..errors import LaporgenError, Problem, display_path
from ..i18n import N_, _
from .source import (
    MAX_ALIAS_VALUES,
    MAX_NESTING,
    VALUE_START,
    FieldPath,
    Source,
    control_problem,
    nesting_problem,
    unclosed_line,
    format_path,
)


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


def read_yaml(path: Path, text: str) -> tuple[Any, Source]:
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise LaporgenError([_yaml_syntax_problem(path, text, exc)]) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (U+0080 to U+009F)
        line = text[: exc.position].count("\n") + 1
        raise LaporgenError(
            [control_problem(display_path(path), chr(exc.character), line)]
        ) from exc
    except RecursionError:  # nested far deeper than MAX_NESTING: the parser itself gave up
        raise LaporgenError([nesting_problem(display_path(path), _deep_yaml_line(text))]) from None
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
        opened = unclosed_line(text, line)
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
    quote = VALUE_START.findall(lines[opened - 1])[-1]
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
            raise _Limit(nesting_problem(self.name, node.start_mark.line + 1))
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
