"""The one editor of content files that commands write back into (`init --from`, `import`):
it changes the values it is told to change and keeps the rest as the user wrote it — comments,
key order, flow style `{…}`/`[…]`, quoting. YAML goes through ruamel.yaml's round trip, TOML
through tomlkit's; no file is rewritten line by line with patterns.

An edit names a value by its field path, as problems do: ("realisasi", "IS2.1", "nilai"); a
string part is a mapping key (a year key may be given as 2024 or "2024"), an int part a list
index. Where the only edits replace existing scalars, the new scalar text is spliced in place,
so every other byte of the file stays; otherwise the round-trip tree is changed and dumped.

`[ISI]` markers (what `laporgen check` lists as still to fill in) are end-of-line comments:
an edit may `fill` a value (the marker on its line goes) or `mark` it (a marker is added).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..check.findings import ISI, comment_start
from ..errors import LaporgenError, Problem, display_path
from ..i18n import _

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Set:
    """Give the value at `path` (a new key is added to its mapping: before the first key that
    comes later in `order`, else last). `fill`: remove the [ISI] marker of the value's line;
    `mark`: add `# [ISI] <mark>` to it. None is null (in TOML, where there is no null, the
    key is left out)."""

    path: FieldPath
    value: Any
    fill: bool = False
    mark: str | None = None
    order: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Append:
    """Add `value` at the end of the list at `path`."""

    path: FieldPath
    value: Any


@dataclass(frozen=True)
class Delete:
    """Remove the key or item at `path`."""

    path: FieldPath


Edit = Set | Append | Delete


def edited_text(path: Path, text: str, edits: list[Edit]) -> str:
    """`text` (the content of the YAML or TOML file `path`) with `edits` applied."""
    if not edits:
        return text
    if path.suffix == ".toml":
        return _edited_toml(text, edits)
    if path.suffix in (".yaml", ".yml"):
        return _edited_yaml(text, edits)
    raise LaporgenError(
        [Problem(display_path(path), _("not a YAML or TOML content file"), code="usage")]
    )


# ---------------------------------------------------------------------------------------- YAML
def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(Decimal, _represent_decimal)
    # "null" as the content files write it; ruamel.yaml leaves a mapping value empty
    yaml.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def _represent_decimal(representer, value: Decimal):
    text = format(value, "f")
    return representer.represent_scalar(
        "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int", text
    )


def _edited_yaml(text: str, edits: list[Edit]) -> str:
    yaml = _yaml()
    data = yaml.load(text)
    out = _spliced(text, data, edits)
    if out is None:
        for edit in edits:
            _apply_yaml(data, edit)
        stream = io.StringIO()
        yaml.dump(data, stream)
        out = stream.getvalue()
    return _markers(out, yaml.load(out), edits)


def _scalar(value: Any) -> str | None:
    """A value as YAML scalar text, or None when it is not a number or null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


_TOKEN = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^\s,\]}#]+")


def _spliced(text: str, data: Any, edits: list[Edit]) -> str | None:
    """`text` with each edited scalar replaced in place; None when an edit is more than the
    replacement of an existing plain scalar by a number or null."""
    lines = text.splitlines(keepends=True)
    spots: list[tuple[int, int, int, str]] = []
    for edit in edits:
        new = _scalar(edit.value) if isinstance(edit, Set) else None
        at = _location(data, edit.path) if new is not None else None
        if at is None or new is None:
            return None
        parent, key, (line, column) = at
        if not _is_scalar(parent[key]) or line >= len(lines):
            return None
        match = _TOKEN.match(lines[line], column)
        if match is None:
            return None
        spots.append((line, column, match.end(), new))
    for line, start, end, new in sorted(spots, reverse=True):
        lines[line] = lines[line][:start] + new + lines[line][end:]
    return "".join(lines)


def _is_scalar(value: Any) -> bool:
    return (
        value is None
        or isinstance(value, str | int | float | Decimal | dt.date)
        and not isinstance(value, bool)
    )


def _key(parent: Any, key: str | int) -> str | int:
    """`key` as `parent` holds it: a year key is an int in YAML (2024:) and a str in a path."""
    if isinstance(parent, dict) and key not in parent:
        if isinstance(key, str) and key.isdigit() and int(key) in parent:
            return int(key)
        if isinstance(key, int) and str(key) in parent:
            return str(key)
    return key


def _parent(data: Any, path: FieldPath, make: Any = None) -> tuple[Any, str | int]:
    """The collection holding `path`'s value and its key there; a missing mapping on the way
    is added by `make()` when given."""
    parent = data
    for part in path[:-1]:
        key = _key(parent, part)
        if make is not None and isinstance(parent, dict) and key not in parent:
            parent[key] = make()
        parent = parent[key]
    return parent, _key(parent, path[-1])


def _location(data: Any, path: FieldPath) -> tuple[Any, str | int, tuple[int, int]] | None:
    """(parent, key, (line, column) of the value) of an existing value, or None."""
    try:
        parent, key = _parent(data, path)
        parent[key]
        lc = parent.lc
        where = lc.value(key) if isinstance(parent, dict) else lc.item(key)
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return parent, key, where


def _apply_yaml(data: Any, edit: Edit) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    parent, key = _parent(data, edit.path, CommentedMap if isinstance(edit, Set) else None)
    if isinstance(edit, Delete):
        last = isinstance(parent, dict) and list(parent)[-1] == key
        comment = _detach_trailing(parent, key) if last else None
        del parent[key]
        if comment is not None and len(parent):
            _attach_trailing(parent, list(parent)[-1], comment)
    elif isinstance(edit, Append):
        seq = parent[key]
        assert isinstance(seq, CommentedSeq), edit.path
        item = _node(edit.value, seq[-1] if len(seq) else None)
        comment = _detach_trailing_item(seq)
        seq.append(item)
        if comment is not None:
            _attach_trailing_item(seq, comment)
    elif isinstance(parent, dict) and key not in parent:
        _insert(parent, key, _node(edit.value, _sibling(parent)), edit.order)
    else:
        parent[key] = _node(edit.value, parent[key])


def _sibling(mapping: Any) -> Any:
    return mapping[list(mapping)[-1]] if len(mapping) else None


def _node(value: Any, like: Any) -> Any:
    """`value` as a round-trip node, in the flow style of `like` (the value it replaces or a
    sibling), so a new `{target: …, realisasi: …}` reads as the rows beside it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node: Any
    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = _node(v, like.get(k) if isinstance(like, dict) else None)
    elif isinstance(value, list | tuple):
        node = CommentedSeq([_node(v, None) for v in value])
    else:
        return value
    if isinstance(like, CommentedMap | CommentedSeq):
        flow = like.fa.flow_style()
    else:  # as the content files write them: a row of plain values on one line, {…} or […]
        flow = isinstance(value, tuple) or all(
            _is_scalar(v) for v in (value.values() if isinstance(value, dict) else value)
        )
    if flow:
        node.fa.set_flow_style()
    else:
        node.fa.set_block_style()
    return node


def _insert(mapping: Any, key: Any, value: Any, order: tuple[Any, ...]) -> None:
    """Add `key` before the first key that comes after it in `order`; added last, it takes
    over the comment lines that followed the old last entry."""
    rank = {k: i for i, k in enumerate(order)}
    if key in rank:
        for i, existing in enumerate(mapping):
            if rank.get(existing, -1) > rank[key]:
                mapping.insert(i, key, value)
                return
    comment = _detach_trailing(mapping, list(mapping)[-1]) if len(mapping) else None
    mapping[key] = value
    if comment is not None:
        _attach_trailing(mapping, key, comment)


# ruamel.yaml keeps the comment lines after a block's last entry on that entry (as its end-of-line
# comment); an entry added after it, or the entry removed, must carry them on.
def _deepest_last(mapping: Any, key: Any) -> tuple[Any, Any]:
    """The (collection, key) whose line ends the entry `key` of `mapping`."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while (
        isinstance(mapping[key], CommentedMap | CommentedSeq)
        and len(mapping[key])
        and not mapping[key].fa.flow_style()
    ):
        mapping, key = (
            mapping[key],
            (
                list(mapping[key])[-1]
                if isinstance(mapping[key], CommentedMap)
                else len(mapping[key]) - 1
            ),
        )
    return mapping, key


def _detach_trailing(mapping: Any, key: Any):
    """Remove and return the comment lines after the entry `key` (None if there are none).
    The entry's own end-of-line comment (an `[ISI]` marker, a note on that row) stays with it:
    ruamel.yaml holds it in the same token as the lines after it, and a comment never moves to
    another entry."""
    import copy

    holder, last = _deepest_last(mapping, key)
    slots = holder.ca.items.get(last)
    at = 2 if isinstance(holder, dict) else 0
    if (
        not slots
        or len(slots) <= at
        or slots[at] is None
        or "\n" not in slots[at].value.rstrip("\n")
    ):
        return None
    token = slots[at]
    if token.value.startswith("#"):  # the entry's own comment, then the lines after it
        own, rest = token.value.split("\n", 1)
        slots[at] = copy.copy(token)
        slots[at].value = own + "\n"
        comment = copy.copy(token)
        comment.value = "\n" + rest
        return comment
    slots[at] = None
    return token


def _attach_trailing(mapping: Any, key: Any, comment) -> None:
    holder, last = _deepest_last(mapping, key)
    at = 2 if isinstance(holder, dict) else 0
    holder.ca.items.setdefault(last, [None, None, None, None])[at] = comment


def _detach_trailing_item(seq: Any):
    return _detach_trailing(seq, len(seq) - 1) if len(seq) else None


def _attach_trailing_item(seq: Any, comment) -> None:
    _attach_trailing(seq, len(seq) - 1, comment)


def _markers(text: str, data: Any, edits: list[Edit]) -> str:
    """`text` with the [ISI] marker removed from the line of each filled value and added to
    the line of each marked one."""
    lines = text.split("\n")
    for edit in edits:
        if not isinstance(edit, Set) or not (edit.fill or edit.mark):
            continue
        at = _location(data, _flow_root(data, edit.path))
        if at is None:
            continue
        line = _end_line(at[0], at[1], at[2][0])
        if edit.fill:
            lines[line] = _without_marker(lines[line])
        if edit.mark:
            lines[line] = _with_marker(lines[line], edit.mark)
    return "\n".join(lines)


def _flow_root(data: Any, path: FieldPath) -> FieldPath:
    """The path of the outermost `{…}` or `[…]` holding the value at `path` (or `path`): a
    comment can only follow it."""
    node = data
    for n, part in enumerate(path[:-1], start=1):
        try:
            node = node[_key(node, part)]
        except (KeyError, IndexError, TypeError):
            break
        if getattr(getattr(node, "fa", None), "flow_style", lambda: False)():
            return path[:n]
    return path


def _end_line(parent: Any, key: Any, line: int) -> int:
    """The line a value ends on: a flow mapping `{…}` may span lines; its marker goes after
    its closing brace, never inside it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = parent[key]
    if isinstance(value, CommentedMap | CommentedSeq) and value.fa.flow_style() and len(value):
        last = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        inner = value.lc.value(last) if isinstance(value, CommentedMap) else value.lc.item(last)
        return _end_line(value, last, inner[0])
    return line


def _without_marker(line: str) -> str:
    at = comment_start(line)
    if at is None or ISI not in line[at:]:
        return line
    return line[:at].rstrip()


def _with_marker(line: str, note: str) -> str:
    at = comment_start(line)
    if at is not None and ISI in line[at:]:
        return line
    marker = f"{ISI} {note}"
    return f"{line}  # {marker}" if at is None else f"{line} ({marker})"


# ---------------------------------------------------------------------------------------- TOML
def _edited_toml(text: str, edits: list[Edit]) -> str:
    import tomlkit

    doc = tomlkit.parse(text)
    for edit in edits:
        parent, key = _toml_parent(doc, edit.path)
        if isinstance(edit, Delete) or (isinstance(edit, Set) and edit.value is None):
            if key in parent:
                del parent[key]
        elif isinstance(edit, Append):
            parent[key].append(_toml_value(edit.value))
        elif key not in parent and edit.order and _toml_insert(parent, key, edit):
            pass
        elif key not in parent and _new_key_at(parent) is not None:
            _body_of(parent)._insert_at(_new_key_at(parent), key, _toml_value(edit.value))
        else:
            parent[key] = _toml_value(edit.value)
    out = tomlkit.dumps(doc)
    return _toml_markers(out, edits)


def _toml_insert(parent: Any, key: str, edit: Set) -> bool:
    """A new key put before the first key that comes later in `edit.order` (`varian` then
    `perubahan_dari` before `periode`); False where none does (`_new_key_at` places it)."""
    later = edit.order[edit.order.index(key) + 1 :] if key in edit.order else ()
    body = _body_of(parent).body
    at = next(
        (n for n, (k, _v) in enumerate(body or []) if k is not None and k.key in later),
        None,
    )
    if at is None:
        return False
    _body_of(parent)._insert_at(at, key, _toml_value(edit.value))  # tomlkit has no public insert
    return True


def _new_key_at(container: Any) -> int | None:
    """Where a new `key = value` goes in a TOML document or table: after its last own key and
    that key's indented comment lines (not before a [sub.table] and the comment lines that
    open it, where tomlkit would put it); None for the end."""
    from tomlkit.items import AoT, Comment, Table

    body = _body_of(container).body
    plain = [i for i, (k, v) in enumerate(body) if k is not None and not isinstance(v, Table | AoT)]
    if not plain:
        return None
    at = plain[-1] + 1
    while at < len(body) and isinstance(body[at][1], Comment):
        if not body[at][1].as_string().startswith((" ", "\t")):
            break
        at += 1
    return at if at < len(body) else None


def _body_of(table: Any) -> Any:
    """The tomlkit Container of a document or a [table]."""
    from tomlkit.container import Container

    return table if isinstance(table, Container) else table.value


def _toml_parent(doc: Any, path: FieldPath) -> tuple[Any, Any]:
    import tomlkit

    parent = doc
    for part in path[:-1]:
        key = str(part) if not isinstance(parent, list) else part
        if not isinstance(parent, list) and key not in parent:
            parent[key] = tomlkit.table()
        parent = parent[key]
    key = path[-1]
    return parent, (str(key) if not isinstance(parent, list) else key)


def _toml_value(value: Any) -> Any:
    """A value tomlkit writes as the content files do: a Decimal as its exact digits."""
    import tomlkit

    if isinstance(value, Decimal):
        return tomlkit.parse(f"v = {format(value, 'f')}")["v"]
    if isinstance(value, dict):
        table = tomlkit.inline_table()
        for k, v in value.items():
            if v is not None:
                table[str(k)] = _toml_value(v)
        return table
    if isinstance(value, list | tuple):
        return [_toml_value(v) for v in value]
    return value


def _toml_markers(text: str, edits: list[Edit]) -> str:
    """Markers in a TOML file: on the line of the `key =` the edit names under its [table]."""
    lines = text.split("\n")
    for edit in edits:
        if not isinstance(edit, Set) or not (edit.fill or edit.mark):
            continue
        line = _toml_line(lines, edit.path)
        if line is None:
            continue
        if edit.fill:
            lines[line] = _without_marker(lines[line])
        if edit.mark:
            lines[line] = _with_marker(lines[line], edit.mark)
    return "\n".join(lines)


def _toml_line(lines: list[str], path: FieldPath) -> int | None:
    """The line of `path` in a TOML text: the longest prefix that is a `key =` line under its
    table header, or the table header itself."""
    best: tuple[int, int] | None = None
    table: tuple[str, ...] = ()
    parts = tuple(str(p) for p in path if not isinstance(p, int))
    for n, line in enumerate(lines):
        header = re.match(r"\s*\[+\s*([^\]]+?)\s*\]+", line)
        if header:
            table = tuple(p.strip().strip('"') for p in header.group(1).split("."))
            if parts[: len(table)] == table and (best is None or len(table) > best[0]):
                best = (len(table), n)
            continue
        key = re.match(r"\s*([A-Za-z0-9_.\-\"]+)\s*=", line)
        if key:
            full = table + tuple(p.strip().strip('"') for p in key.group(1).split("."))
            if parts[: len(full)] == full and (best is None or len(full) >= best[0]):
                best = (len(full), n)
    return best[1] if best else None
