"""Chart pictures kept between runs, as the compiled narrative templates are
(`template_cache`): drawing and compressing the three charts of an LKjIP was half the time of
its document tree, and a chart changes only when its figures do, while most builds follow an
edit of the narrative.

One file per chart, named by everything the picture depends on: the chart's description
(values, labels, colours, size: its `repr`), the drawing code (plot.py's text), the font file
and Pillow's version. The file holds a hash of the picture, so a damaged file is drawn again;
the cache is only ever a shortcut (`LAPORGEN_NO_CACHE=1` turns it off, as for templates).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ..cache import cache_dir, write_whole

VERSION = 1  # raise when the picture changes in a way the key does not show
MAGIC = f"laporgen-grafik-{VERSION}\n".encode()


def cached_png(description: str, draw: Callable[[], bytes]) -> bytes:
    """The PNG `draw` makes of the chart `description` (everything it depends on, as text):
    from the cache when drawn before."""
    folder = cache_dir("grafik")
    if folder is None:
        return draw()
    entry = folder / (hashlib.sha256(description.encode()).hexdigest() + ".png")
    png = _read(entry)
    if png is None:
        png = draw()
        write_whole(entry, MAGIC + hashlib.sha256(png).digest() + png)
    return png


def _read(entry: Path) -> bytes | None:
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    digest, png = data[len(MAGIC) : len(MAGIC) + 32], data[len(MAGIC) + 32 :]
    return png if hashlib.sha256(png).digest() == digest else None
