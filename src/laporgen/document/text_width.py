"""How wide text prints in the template's font (Arial, or Liberation Sans, which has Arial's
widths), and where a line may break inside it: what table columns are sized from.

The widths come from `templates/fonts/liberation-sans-widths.json` (made by
`scripts/make_font_metrics.py` from the font files), not from an installed font, so a table is
laid out the same on every machine.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

WIDTHS = Path(__file__).resolve().parents[1] / "templates" / "fonts" / "liberation-sans-widths.json"

# A line breaks at white space and after a hyphen or a dash before a letter ("Laki-|laki",
# "Sukamaju-|Cibening"), in LibreOffice, Word, WeasyPrint and Typst alike; never inside a
# number or a code ("24.175.862.284", "1.06.02.2.01"), nor in a span of figures ("2018-2023",
# "-200,00": Typst joins them, render/typst.py). LibreOffice does not break after a slash
# ("Pengujian/Verifikasi" moved whole, or broken as "Verifika|si" when it does not fit), so a
# slash joins.
_PIECE = re.compile(r".+?(?:[-‐–—](?=[^\s\d])|$)")


def unbreakable_pieces(text: str) -> list[str]:
    """The pieces of `text` no line break falls inside, in order: "Laki-laki 2016/2017" gives
    ["Laki-", "laki", "2016/2017"]. Leading spaces (an indent made of spaces) stay on the first."""
    indent = text[: len(text) - len(text.lstrip(" "))]
    pieces = [piece for token in text.split() for piece in _PIECE.findall(token)]
    if pieces and indent:
        pieces[0] = indent + pieces[0]
    return pieces


@cache
def _metrics() -> tuple[float, dict[str, int], dict[str, int]]:
    data = json.loads(WIDTHS.read_text(encoding="utf-8"))
    return float(data["units_per_em"]), data["regular"], data["bold"]


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """The advance width of `text` at `size_pt` points, in points, without kerning (kerning
    only narrows). A character the table lacks counts one em wide: never too narrow."""
    return _ems(text, bold) * size_pt


@lru_cache(maxsize=65536)
def _ems(text: str, bold: bool) -> float:
    """The width of `text` in ems. Cached: a report's tables repeat the same pieces (numbers,
    "Persentase", "Rp") thousands of times."""
    units, regular, heavy = _metrics()
    widths = heavy if bold else regular
    return sum(widths.get(char, units) for char in text) / units
