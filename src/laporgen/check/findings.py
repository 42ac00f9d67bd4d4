"""What `laporgen check` reports: a `Finding` (a Problem with a severity), and the rules every
document type shares: the one comparison of a printed figure with a computed one, and the
`[ISI]` markers still to fill in."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..errors import Problem, display_path
from ..i18n import _
from ..numbers import bulatkan


@dataclass(frozen=True)
class Finding:
    """E: the arithmetic is wrong; W: inconsistent or suspicious; I: information (a value still
    to fill in), which does not fail `check`."""

    severity: Literal["E", "W", "I"]
    problem: Problem

    def __str__(self) -> str:
        return f"{self.severity} {self.problem}"

    def as_dict(self) -> dict[str, object]:
        """The finding for other tools (`check --format json`): plain strings and numbers."""
        p = self.problem
        return {
            "severity": self.severity,
            "code": p.code,
            "file": p.file,
            "line": p.line,
            "field": p.field,
            "message": p.message,
            "hint": p.hint,
        }


def desimal_of(printed: Decimal) -> int:
    """How many decimals a figure was printed with: 201,6 → 1; 96 → 0; 99,50 → 2."""
    return max(0, -int(printed.as_tuple().exponent))


def differs(printed: Decimal | None, computed: Decimal | None) -> bool:
    """Whether a printed figure disagrees with the computed one, at the precision the document
    printed: the computed figure rounded half-up to the printed number of decimals is another
    number. 201,6 printed for 201,62 agrees; 201,5 does not; "88" for 88,8 does not (B-1); "96"
    for 95,00 does not (L-2). The one rule of every document type (LKJIP-SPEC C1, RENSTRA-SPEC C1)."""
    if printed is None:
        return False
    return computed is None or bulatkan(computed, desimal_of(printed)) != printed


def pendek(nama: str, panjang: int = 60) -> str:
    """A long name cut at a word boundary for a message: "Jumlah Dokumen Perencanaan, …"."""
    if len(nama) <= panjang:
        return nama
    return nama[:panjang].rsplit(" ", 1)[0].rstrip(",;:") + " …"


ISI = "[ISI]"
"""The scaffold's marker of a value to fill in (`laporgen init`)."""


def placeholders(c) -> list[Finding]:
    """Every line of the document's files that still holds the `[ISI]` marker, quoted as the
    value to fill: a content file's end-of-line comment (the scaffold's note, in English) is
    left out; the line is there to read it."""
    texts = [(s.name, s.text, True) for s in c.sources.values()] + [
        (display_path(n.path), n.text, False) for n in c.narasi.values()
    ]
    return [
        Finding(
            "I",
            Problem(
                name,
                _("still to fill in: {line}").format(line=_quoted(line, data)[:80]),
                number,
                None,
                None,
                "isi",
            ),
        )
        for name, text, data in texts
        for number, line in enumerate(text.split("\n"), 1)
        if ISI in line
    ]


def _quoted(line: str, data: bool) -> str:
    """A marked line as the finding quotes it: a YAML or TOML line without its comment, unless
    the comment is all the line holds."""
    at = comment_start(line) if data else None
    value = line[:at] if at is not None else line
    return (value if value.strip() else line).strip()


def comment_start(line: str) -> int | None:
    """Where the end-of-line comment of a YAML or TOML line starts (outside quotes), or None."""
    quote = ""
    i = 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'" and (i == 0 or not (line[i - 1].isalnum())):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
        i += 1
    return None


def unconfirmed(findings: list[Finding], disengaja: list[str]) -> list[Finding]:
    """The findings less the warnings the agency has confirmed as intended (`disengaja` in
    document.toml: a code, or code@field for one place). An error is never confirmed away."""
    confirmed = set(disengaja)
    return [
        f
        for f in findings
        if f.severity != "W"
        or (
            f.problem.code not in confirmed
            and f"{f.problem.code}@{f.problem.field}" not in confirmed
        )
    ]
