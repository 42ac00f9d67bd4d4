"""Where a value is in a content file, and the problems every reader of content files words
the same way: the field path and its line (`Source`), the limits on what a file may cost, a
control character, nesting too deep, a quote left open. Shared by `read.py` (TOML, and the
file itself) and `read_yaml.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, display_path
from ..i18n import _

FieldPath = tuple[str | int, ...]


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

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters no DOCX (XML) can hold."""


def control_problem(name: str, char: str, line: int | None, field: str | None = None) -> Problem:
    return Problem(
        name,
        _("contains the control character U+{code}").format(code=f"{ord(char):04X}"),
        line,
        field,
        hint=_("delete it (such characters often come along when copying from a PDF)"),
        code="input.encoding",
    )


def nesting_problem(name: str, line: int | None) -> Problem:
    return Problem(
        name,
        _("values are nested more than {levels} levels deep").format(levels=MAX_NESTING),
        line,
        hint=_("content files nest a few levels: check the brackets and the indentation"),
        code="input.limit",
    )


def unclosed_line(text: str, upto: int, toml: bool = False) -> int | None:
    """The last line at or before `upto` where a quoted value opens and does not close on the
    same line, or a `[` list opens and does not close (TOML)."""
    found = None
    for number, line in enumerate(text.split("\n")[:upto], start=1):
        if _opens_unclosed(line) or (toml and re.match(r"[^#\"']*=\s*\[[^\]#]*$", line)):
            found = number
    return found


VALUE_START = re.compile(r"""(?:^\s*(?:-\s+)*|:\s+|=\s*|[\[{,]\s*)(["'])""")


def _opens_unclosed(line: str) -> bool:
    """A quoted value starts on this line (outside a comment) and is not closed on it."""
    at = 0
    while True:
        match = VALUE_START.search(line, at)
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
