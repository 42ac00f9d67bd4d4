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


PERSEN = frozenset(
    (
        "capaian",
        "kemajuan",
        "efisiensi",
        "serapan",
        "rata_rata",
        "efisiensi_total",
        "rata_rasio",
        "pertumbuhan_anggaran",
        "pertumbuhan_realisasi",
    )
)
"""Placeholders that print their own "%" ("92,50%")."""
RUPIAH = frozenset(("pagu", "pagu_murni", "realisasi", "rata_anggaran"))
"""Placeholders that print their own "Rp" (an indicator's realisasi prints its unit instead)."""
_UNIT_AFTER = re.compile(r"\{\{-?\s*([^{}]*?)\s*-?\}\}[ \t]*(%|persen\b)", re.IGNORECASE)
_RP_BEFORE = re.compile(r"\b(Rp\.?)[ \t]*\{\{-?\s*([^{}]*?)\s*-?\}\}", re.IGNORECASE)


def _names(expression: str) -> tuple[str, str | None]:
    """The last attribute a placeholder prints and its filter: `indikator["X"].capaian` →
    ("capaian", None); `n|persen` → ("n", "persen")."""
    value, _bar, flt = expression.partition("|")
    last = re.split(r"[.\]]", value.strip())[-1].strip()
    return last, (flt.strip().split("(")[0] or None)


def _prints_unit(expression: str) -> bool:
    last, flt = _names(expression)
    if flt is not None:
        return flt == "persen"
    indikator = expression.lstrip().startswith("indikator")
    return last in PERSEN or (indikator and last in ("target", "realisasi"))


def _prints_rp(expression: str) -> bool:
    last, flt = _names(expression)
    if flt is not None:
        return flt == "rp"
    return last in RUPIAH and not expression.lstrip().startswith("indikator")


def _double_units(n) -> list[Finding]:
    """A unit typed beside a placeholder that prints its own ("{{ rata_rata }}%" → "99,37%%")."""
    out = []
    for number, line in enumerate(n.text.split("\n"), 1):
        found = [
            (m.group(0), m.group(2)) for m in _UNIT_AFTER.finditer(line) if _prints_unit(m.group(1))
        ]
        found += [
            (m.group(0), m.group(1)) for m in _RP_BEFORE.finditer(line) if _prints_rp(m.group(2))
        ]
        for text, unit in found:
            out.append(
                Finding(
                    "W",
                    Problem(
                        display_path(n.path),
                        _('"{text}" prints "{unit}" twice: the placeholder prints its own').format(
                            text=text, unit=unit
                        ),
                        number,
                        None,
                        _('delete the typed "{unit}"').format(unit=unit),
                        FORMAT,
                    ),
                )
            )
    return out


def bentuk_findings(narasi: dict) -> list[Finding]:
    """A Rupiah amount in the narrative with three or more decimals ("Rp 2.421.000.000,000"), and
    a unit typed beside a placeholder that prints its own."""
    out = []
    for _key, n in sorted(narasi.items()):
        out += _double_units(n)
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
