"""The one user-facing error type: a list of problems, each naming file, line and field.

`cli.py` prints a `LaporgenError` as one line per problem and exits 2; any other exception is a
bug (exit 3). Compute functions raise nothing user-facing: they return `None` for "no number".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, located as precisely as the parser allows."""

    file: str
    message: str
    line: int | None = None
    field: str | None = None
    hint: str | None = None
    code: str = "input"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        if self.hint:
            text += f"; {self.hint}"
        return f"{text} [{self.code}]"


class LaporgenError(Exception):
    """Raised at the edges (loading, validation, references, templates, output) with every
    problem found, so the user sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path | str) -> str:
    """The path as the user typed it relative to the working directory, when possible."""
    key = (os.getcwd(), str(path))
    shown = _shown.get(key)
    if shown is None:
        if len(_shown) > 4096:  # bounded: a run names a few hundred files at most
            _shown.clear()
        shown = _shown[key] = _display(Path(path))
    return shown


_shown: dict[tuple[str, str], str] = {}
"""Paths already shown, by working directory and path: `check` names each narrative file in
every finding and sentence, and resolving is a file-system call per part of the path."""


def _display(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(_working_directory()))
    except (
        ValueError,
        OSError,
        RuntimeError,
    ):  # elsewhere, or a link in a loop (RuntimeError up to 3.12)
        return str(p)


_resolved_cwd: tuple[str, Path] | None = None


def _working_directory() -> Path:
    """The working directory, resolved once while it stays the same: `display_path` runs for
    every narrative file and finding, and resolving is a file-system call per path part."""
    global _resolved_cwd
    here = os.getcwd()
    if _resolved_cwd is None or _resolved_cwd[0] != here:
        _resolved_cwd = (here, Path(here).resolve())
    return _resolved_cwd[1]
