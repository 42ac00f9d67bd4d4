"""Figures typed in a malformed way (LKJIP-SPEC LM-4, L-25): "2.421.000.000,000" (three decimals
on Rupiah, seed 002 line 3149) in a declared table's number column or in the narrative. A table
prints such a cell as typed and computes nothing with it; a reader cannot tell which figure was
meant. Each is reported with the number to write."""

from __future__ import annotations

import re
from decimal import Decimal

from ..errors import Problem, display_path
from ..i18n import _
from ..numbers import rupiah
from .findings import Finding

FORMAT = "narasi.format"

_NUMBER_TEXT = re.compile(r"(?i)(rp\.?\s*)?-?[\d.,]*\d[\d.,]*\s*(%|persen)?")
_WELL_FORMED = re.compile(r"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?")
_RUPIAH_IN_TEXT = re.compile(r"(?<![\w.,])((?:Rp\.?\s?)?\d{1,3}(?:\.\d{3})+,\d{3,})(?![\w,]|\.\d)")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def _bare(text: str) -> str:
    return re.sub(r"(?i)^rp\.?\s*|\s*(%|persen)$", "", text.strip())


def cacat(text: str, format: str) -> str | None:
    """Why `text`, typed in a column of `format` (angka, rupiah, persen), is a malformed figure;
    None when it does not read as a figure at all (a note such as "N.a", printed as written)."""
    if not _NUMBER_TEXT.fullmatch(text.strip()):
        return None
    bare = _bare(text)
    decimals = bare.partition(",")[2]
    if format == "rupiah" and len(decimals) > 2:
        return _("Rupiah have at most 2 decimals (sen)")
    if _WELL_FORMED.fullmatch(bare):
        return _("a figure written as text: it computes nothing")
    return _("not a number as Indonesian documents write it")


def ditulis(text: str) -> str:
    """The number to write in content for a figure typed the Indonesian way: "2.421.000.000,000"
    → 2421000000; "92,50" → 92.5."""
    whole, _sep, decimals = _bare(text).partition(",")
    kept = decimals.rstrip("0")
    return whole.replace(".", "") + ("." + kept if kept else "")


def bentuk_findings(narasi: dict) -> list[Finding]:
    """A Rupiah amount in the narrative with three or more decimals ("Rp 2.421.000.000,000")."""
    out = []
    for _key, n in sorted(narasi.items()):
        text = _JINJA.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), n.text)
        for number, line in enumerate(text.split("\n"), 1):
            for m in _RUPIAH_IN_TEXT.finditer(line):
                out.append(
                    Finding(
                        "W",
                        Problem(
                            display_path(n.path),
                            _('malformed Rupiah "{text}": {why}').format(
                                text=m.group(1), why=_("Rupiah have at most 2 decimals (sen)")
                            ),
                            number,
                            None,
                            _(
                                "write {number}, or take the amount from the data with its placeholder"
                            ).format(number=rupiah(Decimal(ditulis(m.group(1))))),
                            FORMAT,
                        ),
                    )
                )
    return out
