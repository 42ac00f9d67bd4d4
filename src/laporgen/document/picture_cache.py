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

from ..cache import cache_dir, read_entry, write_entry

VERSION = 1  # raise when the picture changes in a way the key does not show
MAGIC = f"laporgen-grafik-{VERSION}\n".encode()


def cached_png(description: str, draw: Callable[[], bytes]) -> bytes:
    """The PNG `draw` makes of the chart `description` (everything it depends on, as text):
    from the cache when drawn before."""
    folder = cache_dir("grafik")
    if folder is None:
        return draw()
    entry = folder / (hashlib.sha256(description.encode()).hexdigest() + ".png")
    png = read_entry(entry, MAGIC)
    if png is None:
        png = draw()
        write_entry(entry, MAGIC, png)
    return png
