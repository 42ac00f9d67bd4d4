"""Regenerate `templates/fonts/liberation-sans-widths.json`, the advance widths that
`document/text_width.py` measures table text with.

    python scripts/make_font_metrics.py [/usr/share/fonts/truetype/liberation2]

The widths are read from Liberation Sans 2 (Debian fonts-liberation2; SIL Open Font License
1.1), which has Arial's advance widths, the template's font. Stored rather than read from the
installed font at build time, so a table is laid out the same on every machine, with the font
or without it. Only advance widths are kept (no kerning): kerning narrows text, so a width
without it is never too small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

OUT = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "laporgen"
    / "templates"
    / "fonts"
    / "liberation-sans-widths.json"
)
# Latin-1, Latin Extended-A, general punctuation, superscripts, currency, letterlike, arrows,
# mathematical operators: what Indonesian reports print.
RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x17F),
    (0x2000, 0x206F),
    (0x2070, 0x209F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
)


def widths(path: Path) -> tuple[int, dict[str, int]]:
    """(units per em, advance width by character) of the font file at `path`."""
    font = TTFont(path)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    table = {
        chr(code): hmtx[cmap[code]][0]
        for low, high in RANGES
        for code in range(low, high + 1)
        if code in cmap
    }
    return font["head"].unitsPerEm, table


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation2")
    units, regular = widths(folder / "LiberationSans-Regular.ttf")
    _, bold = widths(folder / "LiberationSans-Bold.ttf")
    version = TTFont(folder / "LiberationSans-Regular.ttf")["name"].getDebugName(5)
    data = {
        "source": f"Liberation Sans {version} (SIL Open Font License 1.1), advance widths",
        "units_per_em": units,
        "regular": regular,
        "bold": bold,
    }
    OUT.write_text(
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({len(regular)} + {len(bold)} widths)")


if __name__ == "__main__":
    main()
