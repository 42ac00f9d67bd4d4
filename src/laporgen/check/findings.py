"""What `laporgen check` reports: a `Finding` (a Problem with a severity), and the findings
every document type shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..errors import Problem, display_path


@dataclass(frozen=True)
class Finding:
    """E: the arithmetic is wrong; W: inconsistent or suspicious; I: information (a value still
    to fill in), which does not fail `check`."""

    severity: Literal["E", "W", "I"]
    problem: Problem

    def __str__(self) -> str:
        return f"{self.severity} {self.problem}"


ISI = "[ISI]"
"""The scaffold's marker of a value to fill in (`laporgen init`)."""


def placeholders(c) -> list[Finding]:
    """Every line of the document's files that still holds the `[ISI]` marker."""
    texts = [(s.name, s.text) for s in c.sources.values()] + [(display_path(n.path), n.text) for n in c.narasi.values()]
    return [Finding("I", Problem(name, f"still to fill in: {line.strip()[:80]}", number, None, None, "isi"))
            for name, text in texts for number, line in enumerate(text.split("\n"), 1) if ISI in line]


def empty_sections(c, kosong: tuple[str, ...]) -> list[Finding]:
    """Every section the build found with nothing in it (`Document.kosong`): its narrative file
    is still to write. Information, as an `[ISI]` marker is: something still to fill in, which
    does not fail `check`; the build marks the section as a draft or leaves it out (the
    `bagian_kosong` setting)."""
    folder = c.folder / "narasi"
    mode = c.settings.bagian_kosong
    done = "printed with a DRAF note" if mode == "draf" else "left out of the document"
    return [Finding("I", Problem(display_path(folder / f"{key}.md"), f"section '{key}' has no text: {done}", None, None,
                                 f"write narasi/{key}.md", "narrative.missing"))
            for key in kosong]
