"""Where each cell of a tree table stands on the grid: a merged Cell appears once, at its
top-left position, and the positions it covers are absent from later rows (as in HTML). Used by
the renderers that draw a real grid (DOCX, Excel). The function lives with the nodes
(`document/nodes.py`), since the table layout in `document/` needs it too."""

from __future__ import annotations

from laporgen.document.nodes import grid_positions

__all__ = ["grid_positions"]
