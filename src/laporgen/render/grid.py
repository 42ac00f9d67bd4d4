"""Where each cell of a tree table stands on the grid: a merged Cell appears once, at its
top-left position, and the positions it covers are absent from later rows (as in HTML). Used by
the renderers that draw a real grid (DOCX, Excel)."""

from __future__ import annotations

from collections.abc import Sequence

from laporgen.document.nodes import Cell


def grid_positions(rows: Sequence[Sequence[Cell]], columns: int) -> list[tuple[int, int, Cell]]:
    """(row, column, cell) for every cell, each at the first grid position not covered by a
    span from above or the left; a ValueError when a cell spans past the table's edge."""
    taken: set[tuple[int, int]] = set()  # positions a cell from a row above covers
    placed: list[tuple[int, int, Cell]] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c + cell.colspan > columns or r + cell.rowspan > len(rows):
                raise ValueError(f"table row {r + 1}: a cell spans past the table's edge")
            if cell.rowspan > 1:  # positions in this row are behind `c` from here on
                taken.update((r + dr, c + dc) for dr in range(1, cell.rowspan) for dc in range(cell.colspan))
            placed.append((r, c, cell))
            c += cell.colspan
    return placed
