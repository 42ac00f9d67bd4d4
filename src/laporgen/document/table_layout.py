"""Every table's print layout, decided once for all renderers: which columns it keeps, its
text size and cell margins, each column's width, and whether it is turned landscape or split.

Rule: no number, code, year, date or word is ever broken inside a cell. A column is at least
as wide as its widest unbreakable piece of text (`text_width.unbreakable_pieces`) plus the cell
margins; the builder's widths are then kept as far as those minimums allow. A table whose
minimums do not fit its page is set smaller (down to 8 pt, the least a table prints), then
turned landscape, then split by year span into tables that each repeat the key columns
(those before the first year), or else by column groups: every part fits the page, whatever the
table holds (only a piece wider than the page itself breaks). Empty columns are dropped first.

Renderers read the result from the tree (`Column.width` as shares of the text area,
`Column.min_width`, `Table.font_size`, `Table.cell_margin`) and decide nothing.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import replace

from .nodes import (
    Block,
    Cell,
    Landscape,
    LineBreak,
    ListBlock,
    Paragraph,
    Section,
    Table,
    Text,
    grid_positions,
)
from .text_width import text_width_pt, unbreakable_pieces

# The text area tables are laid out for, in mm: the paper less the Word template's side
# margins (3 cm binding edge, 2.5 cm: scripts/make_template.py), portrait and landscape.
# print.css gives WeasyPrint the same portrait margins and narrower landscape ones, so it
# always has at least this room.
PAPER_MM = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
SIDE_MARGINS_MM = 30.0 + 25.0
TOP_BOTTOM_MARGINS_MM = 25.0 + 25.0
PT_PER_MM = 72 / 25.4
LINE_HEIGHT = 1.15  # Arial's line at single spacing, in ems
ROW_PADDING_PT = 3.0  # above and below a row's text, with its rule

SIZES = ("normal", "small", "tiny")  # largest first; "tiny" is 8 pt, the least
FONT_PT = {"normal": 10.0, "small": 9.0, "tiny": 8.0}  # the template's Table Text styles
CELL_MARGIN_PT = {"normal": 3.0, "small": 2.5, "tiny": 2.0}  # left and right, each
BORDER_PT = 1.0  # the grid lines' share of a column, and rounding to whole twips
SLACK = 1.02  # clients position glyphs on their own grid; a piece must fit with room to spare
LIST_INDENT_PT = (
    0.75 * 72 / 2.54
)  # a list item's indent per level in a cell (the DOCX's, the larger)
LEVEL_INDENT_PT = 10.0  # a step of Cell.level: 0,3 cm in the DOCX, 1 em in the CSS (≤ 10 pt)

YEAR = re.compile(r"(19|20)\d\d")


def text_width_of(paper: str, landscape: bool) -> float:
    """The width between the side margins, in points."""
    short, long = PAPER_MM[paper]
    return ((long if landscape else short) - SIDE_MARGINS_MM) * PT_PER_MM


def text_height_of(paper: str, landscape: bool) -> float:
    """The height between the top and bottom margins (2.5 cm each), in points."""
    short, long = PAPER_MM[paper]
    return ((short if landscape else long) - TOP_BOTTOM_MARGINS_MM) * PT_PER_MM


def height_pt(table: Table, width: float) -> float:
    """About how tall `table` prints, laid out `width` points wide, in points (`row_heights_pt`
    summed)."""
    return sum(row_heights_pt(table, width))


def row_heights_pt(table: Table, width: float, only: Container[int] | None = None) -> list[float]:
    """About how tall each row of `table` (head, body and foot) prints, laid out `width`
    points wide, in points: as tall as its cell of most lines (its pieces wrapped greedily
    into the column), at single line spacing. Merged cells are left out: an estimate, for
    deciding what may stay on one page. With `only`, the rows not in it are not measured
    (they read one line): measuring every cell of a Renstra's large tables costs."""
    rows = (*table.head, *table.body, *table.foot)
    pt = FONT_PT[table.font_size]
    lines = [1] * len(rows)
    first_foot = len(table.head) + len(table.body)
    for r, c, cell in grid_positions(rows, len(table.columns)):
        if cell.rowspan > 1 or (only is not None and r not in only):
            continue
        bold = cell.strong or r < len(table.head) or r >= first_foot
        lines[r] = max(lines[r], _line_count(cell, pt, bold, _room(table, c, cell, width)))
    return [n * pt * LINE_HEIGHT + ROW_PADDING_PT for n in lines]


def _room(table: Table, c: int, cell: Cell, width: float) -> float:
    """The width, in points, the text of `cell` (at column `c`) has in a table `width` wide."""
    return (
        sum(col.width for col in table.columns[c : c + cell.colspan]) * width
        - 2 * table.cell_margin
        - BORDER_PT
        - cell.level * LEVEL_INDENT_PT
    )


def _line_count(cell: Cell, pt: float, bold: bool, room: float) -> int:
    count = 0
    for paragraph in _paragraphs(cell.blocks):
        strong = bold or any(isinstance(i, Text) and i.strong for i in paragraph.inlines)
        space = text_width_pt(" ", pt, strong)
        for line in _lines(paragraph):
            count += 1
            used = 0.0
            for piece in unbreakable_pieces(line):
                wide = text_width_pt(piece, pt, strong)
                if used and used + space + wide > room:
                    count += 1
                    used = wide
                else:
                    used += (space if used else 0.0) + wide
    return max(count, 1)


def _paragraphs(blocks: Iterable[Paragraph | ListBlock | Block]) -> Iterable[Paragraph]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _paragraphs(item)


def lay_out_tables(blocks: Sequence[Block], paper: str) -> tuple[Block, ...]:
    """`blocks` with every table laid out: a table that needs a landscape page is wrapped in a
    `Landscape` block of its own, one that needs splitting becomes several tables."""
    try:
        return tuple(_blocks(blocks, paper, landscape=False))
    finally:
        _WIDEST.clear()


def _blocks(blocks: Iterable[Block], paper: str, landscape: bool) -> Iterable[Block]:
    laid: list[tuple[Block, list[Block]]] = []  # each block and what it became
    for block in blocks:
        match block:
            case Section():
                children = tuple(_blocks(block.children, paper, landscape))
                laid.append((block, [replace(block, children=children)]))
            case Landscape():
                children = tuple(_blocks(block.children, paper, landscape=True))
                laid.append((block, [replace(block, children=children)]))
            case Table():
                tables, turned = _place(block, paper, landscape)
                laid.append((block, [Landscape(tables)] if turned and not landscape else [*tables]))
            case _:
                laid.append((block, [block]))
    return _joined(laid, paper)


def _joined(laid: Sequence[tuple[Block, list[Block]]], paper: str) -> list[Block]:
    """The blocks with landscape runs joined: landscape blocks next to each other share one
    landscape section, and a table standing alone between two of them is turned too. Each
    section starts a new page, so apart they would print every small wide table on a page of
    its own and the portrait table between them on a nearly empty page."""
    out: list[Block] = []
    for i, (block, blocks) in enumerate(laid):
        between = 0 < i < len(laid) - 1 and _turned(laid[i - 1][1]) and _turned(laid[i + 1][1])
        if isinstance(block, Table) and not _turned(blocks) and between:
            blocks = [Landscape(_place(block, paper, landscape=True)[0])]
        for laid_block in blocks:
            if isinstance(laid_block, Landscape) and out and isinstance(out[-1], Landscape):
                out[-1] = replace(out[-1], children=out[-1].children + laid_block.children)
            else:
                out.append(laid_block)
    return out


def _turned(blocks: Sequence[Block]) -> bool:
    return len(blocks) == 1 and isinstance(blocks[0], Landscape)


def _place(table: Table, paper: str, landscape: bool) -> tuple[tuple[Table, ...], bool]:
    """The table laid out, as one table or split in several, and whether it needs a
    landscape page."""
    table = drop_empty_columns(table)
    for turned in (landscape, True) if not landscape else (True,):
        laid = fit(table, text_width_of(paper, turned))
        if laid is not None:
            return (laid,), turned
    width = text_width_of(paper, True)
    return split_by_years(table, width) or split_by_columns(table, width), True


SQUEEZED = 0.9  # minimums taking more of the width than this leave the text columns narrow
SHORTER = 0.75  # a smaller size is taken for a table that prints this much as tall, or less


def fit(table: Table, width: float) -> Table | None:
    """The table at the largest size from its own down to 8 pt whose columns' minimums fit in
    `width` points, with its widths set; None if none fits. Where the minimums (figures kept
    whole) take nearly all the width, the columns of text are left so narrow that a row runs
    tall (the rekaan SPM table: sixteen columns, a pelayanan dasar in eleven lines): a smaller
    size that prints the table a quarter shorter or more is taken instead, its figures still
    whole and its text given the room they leave."""
    laid: Table | None = None
    for size in SIZES[SIZES.index(table.font_size) :]:
        mins = min_widths(table, size)
        if sum(mins) > width:
            continue
        smaller = _finish(table, size, mins, width)
        if laid is None or height_pt(smaller, width) <= SHORTER * height_pt(laid, width):
            laid = smaller
        else:
            break
        if sum(mins) <= SQUEEZED * width:
            break
    return laid


def _finish(table: Table, size: str, mins: list[float], width: float) -> Table:
    widths = share_widths([c.width for c in table.columns], mins, width)
    total = sum(widths)
    columns = tuple(
        replace(c, width=w / total, min_width=round(m, 2))
        for c, w, m in zip(table.columns, widths, mins)
    )
    laid = replace(table, columns=columns, font_size=size, cell_margin=CELL_MARGIN_PT[size])  # type: ignore[arg-type]
    return replace(laid, head_least_pt=head_least_pt(laid, width))


def head_least_pt(table: Table, width: float) -> tuple[float, ...]:
    """The least height of each header row so that every header cell spanning rows fits in the
    rows it spans: the shortfall goes to its last row. () when none falls short."""
    n = len(table.head)
    if n < 2:
        return ()
    heights = row_heights_pt(table, width, only=range(n))[:n]
    least = [0.0] * n
    pt = FONT_PT[table.font_size]
    for r, c, cell in grid_positions(table.head, len(table.columns)):
        if cell.rowspan < 2:
            continue
        need = _line_count(cell, pt, True, _room(table, c, cell, width)) * pt * LINE_HEIGHT
        need += ROW_PADDING_PT
        last = min(r + cell.rowspan, n) - 1
        short = need - sum(heights[r : last + 1])
        if short > 0:
            least[last] = max(least[last], round(heights[last] + short, 1))
    return tuple(least) if any(least) else ()


def share_widths(weights: Sequence[float], mins: Sequence[float], width: float) -> list[float]:
    """Widths in points summing to `width`: in proportion to `weights`, except that a column
    below its minimum gets the minimum and the others share what is left (in proportion).
    `sum(mins)` must not exceed `width`."""
    fixed: set[int] = set()
    while True:
        rest = width - sum(mins[i] for i in fixed)
        free = [i for i in range(len(weights)) if i not in fixed]
        weight = sum(weights[i] for i in free)
        widths = [
            mins[i] if i in fixed else rest * weights[i] / weight for i in range(len(weights))
        ]
        short = [i for i in free if widths[i] < mins[i]]
        if not short:
            return widths
        fixed.update(short)
        if len(fixed) == len(weights):
            return list(mins)


# ----------------------------------------------------------------------------------- minimums
def min_widths(table: Table, size: str) -> list[float]:
    """Each column's least width in points at `size`: its widest unbreakable piece plus the
    cell margins. A merged cell's need is shared by the columns it spans."""
    rows = (*table.head, *table.body, *table.foot)
    n = len(table.columns)
    pt, margin = FONT_PT[size], CELL_MARGIN_PT[size]
    empty = 2 * margin + BORDER_PT
    mins = [empty] * n
    spanned: list[tuple[int, int, float]] = []
    first_foot = len(table.head) + len(table.body)
    for r, c, cell in grid_positions(rows, n):
        bold = cell.strong or r < len(table.head) or r >= first_foot
        need = _cell_need(cell, pt, bold) + cell.level * LEVEL_INDENT_PT + empty
        if cell.colspan == 1:
            mins[c] = max(mins[c], need)
        else:
            spanned.append((c, cell.colspan, need))
    for c, span, need in sorted(spanned, key=lambda s: s[1]):
        lack = need - sum(mins[c : c + span])
        if lack > 0:
            for i in range(c, c + span):
                mins[i] += lack / span
    return mins


def _cell_need(cell: Cell, pt: float, bold: bool) -> float:
    """The widest unbreakable piece of the cell's text, with its list indent, in points."""
    return max((ems * pt * SLACK + indent for ems, indent in _widest(cell, bold)), default=0.0)


_WIDEST: dict[int, tuple[Cell, list[tuple[float, float]]]] = {}


def _widest(cell: Cell, bold: bool) -> list[tuple[float, float]]:
    """(width in ems, indent in points) of the cell's widest piece at each list depth. Kept by
    the cell's identity while `lay_out_tables` runs: a table is measured at up to three sizes
    and again for each way of splitting it, the cells unchanged."""
    key = id(cell) * 2 + bold
    found = _WIDEST.get(key)
    if found is not None and found[0] is cell:
        return found[1]
    widest: dict[float, float] = {}
    for piece, strong, indent in _pieces(cell.blocks, bold, 0.0):
        widest[indent] = max(widest.get(indent, 0.0), text_width_pt(piece, 1.0, strong))
    result = [(ems, indent) for indent, ems in widest.items()]
    _WIDEST[key] = (cell, result)
    return result


def _pieces(
    blocks: Iterable[Paragraph | ListBlock | Block], bold: bool, indent: float
) -> Iterable[tuple[str, bool, float]]:
    for block in blocks:
        match block:
            case Paragraph():
                strong = bold or any(isinstance(i, Text) and i.strong for i in block.inlines)
                for line in _lines(block):
                    yield from ((piece, strong, indent) for piece in unbreakable_pieces(line))
            case ListBlock():
                for item in block.items:
                    yield from _pieces(item, bold, indent + LIST_INDENT_PT)
            case _:
                pass


def _lines(paragraph: Paragraph) -> list[str]:
    inlines = paragraph.inlines
    if len(inlines) == 1 and type(inlines[0]) is Text:  # most cells: one run, measured quickly
        return inlines[0].text.split("\n")
    return "".join(
        i.text if isinstance(i, Text) else "\n" for i in inlines if isinstance(i, Text | LineBreak)
    ).split("\n")


def cell_text(cell: Cell) -> str:
    """All the text of a cell, lines joined by spaces."""
    return " ".join(
        " ".join(_lines(b))
        if isinstance(b, Paragraph)
        else " ".join(cell_text(Cell(item)) for item in b.items)  # type: ignore[arg-type]
        for b in cell.blocks
    )


# ------------------------------------------------------------------------------------ columns
def drop_empty_columns(table: Table) -> Table:
    """The table without the columns that hold nothing in any body or foot row (only a head):
    an empty Kode or Lokasi. A column its head groups with others stays, empty or not: it is
    part of the form ("Mutasi: Bertambah, Berkurang" with nothing berkurang, a year). A cell
    spanning several columns keeps none of them alive. A table with no body keeps all."""
    n = len(table.columns)
    if not table.body:
        return table
    rows = (*table.head, *table.body, *table.foot)
    kept = {
        c
        for r, c, cell in grid_positions(rows, n)
        if r >= len(table.head) and cell.colspan == 1 and cell_text(cell).strip()
    }
    kept |= {
        i
        for _, c, cell in grid_positions(table.head, n)
        if cell.colspan > 1
        for i in range(c, c + cell.colspan)
    }
    if len(kept) in (0, n):
        return table
    return keep_columns(table, sorted(kept))


def keep_columns(table: Table, keep: Sequence[int]) -> Table:
    """The table with only the columns `keep` (ascending indices); a merged cell spans the
    kept columns it covered, and disappears if it covered none."""
    kept = set(keep)
    n = len(table.columns)
    rows = (*table.head, *table.body, *table.foot)
    out: list[list[Cell]] = [[] for _ in rows]
    for r, c, cell in grid_positions(rows, n):
        span = sum(1 for i in range(c, c + cell.colspan) if i in kept)
        if span:
            out[r].append(cell if span == cell.colspan else replace(cell, colspan=span))
    head, body = len(table.head), len(table.body)
    new = [tuple(row) for row in out]
    return replace(
        table,
        columns=tuple(table.columns[i] for i in keep),
        head=tuple(new[:head]),
        body=tuple(new[head : head + body]),
        foot=tuple(new[head + body :]),
    )


def split_by_years(table: Table, width: float) -> tuple[Table, ...] | None:
    """The table split into as few tables as fit `width` points (the years shared out evenly),
    the first keeping its id and title, the others `continued`, each with the columns of a run
    of consecutive years and the key columns (those before the first year) repeated. The
    columns after the years (totals, growth, unit) go with the last run; when that is too wide
    for every count of runs (a long unit in the Kondisi Akhir, the unit and location columns)
    they make a last part of their own, keyed alike. A year column is one under a head cell
    that reads as a year ("2016"). None if the table has fewer than two years or no split by
    year fits: `split_by_columns` then splits it."""
    year_of = _year_columns(table)
    years = sorted(set(year_of.values()))
    if len(years) < 2:
        return None
    first = min(year_of)
    key = list(range(first))
    after = [c for c in range(first, len(table.columns)) if c not in year_of]
    for count in range(2, len(years) + 1):
        tried = [count] + ([count - 1] if after else [])
        for runs_count in tried:
            runs = [
                [c for c in sorted(year_of) if year_of[c] in run]
                for run in _runs(years, runs_count)
            ]
            if runs_count == count:
                runs[-1] += after  # the columns after the years with the last run
            else:
                runs.append(after)  # too wide there: a part of their own
            parts = _parts(table, key, runs, width)
            if parts is not None:
                return parts
    return None


def split_by_columns(table: Table, width: float) -> tuple[Table, ...]:
    """The table split into parts that each fit `width` points, whatever it holds: the key
    columns (those before the first year, or the first column's group) repeated in every part
    and the others packed in order, a group of columns under one head cell kept together (a
    group too wide for a part of its own is cut into its columns). Key columns too wide to
    leave room for the widest group are repeated fewer, from the right, the others printed
    once in the first part. Only a single column wider
    than the page, a piece of text longer than a line, is squeezed to the page (that piece
    breaks: nothing else can print it)."""
    groups = _column_groups(table)
    year_of = _year_columns(table)
    first = min(year_of) if year_of else len(groups[0])
    key = list(range(first))
    rest = [g for g in groups if g[0] >= first]
    if not rest:  # the key is the whole table: no column is repeated
        key, rest = [], groups
    pieces = [
        piece
        for group in rest
        for piece in ([group] if _part(table, group, width) is not None else [[c] for c in group])
    ]
    mins = min_widths(table, "tiny")
    widest = max(pieces, key=lambda piece: sum(mins[c] for c in piece))
    while key and _part(table, key + widest, width) is None:
        pieces.insert(0, [key.pop()])
    runs: list[list[int]] = []
    for piece in pieces:
        if runs and _part(table, key + runs[-1] + piece, width) is not None:
            runs[-1] = runs[-1] + piece
        else:
            runs.append(piece)
    parts = [_part(table, key + run, width) or _squeezed(table, key + run, width) for run in runs]
    return _continued(table, parts)


def _parts(
    table: Table, key: list[int], runs: Sequence[list[int]], width: float
) -> tuple[Table, ...] | None:
    """The parts with the key and each run of columns, all fitting `width`; None if one does
    not."""
    parts = [_part(table, key + run, width) for run in runs]
    if any(p is None for p in parts):
        return None
    return _continued(table, [p for p in parts if p is not None])


def _part(table: Table, columns: list[int], width: float) -> Table | None:
    return fit(keep_columns(table, sorted(columns)), width)


def _squeezed(table: Table, columns: list[int], width: float) -> Table:
    """The part at 8 pt with its columns' minimums scaled down to `width`: its widest piece
    breaks, but no renderer draws the table past the page."""
    part = keep_columns(table, sorted(columns))
    mins = min_widths(part, "tiny")
    scale = min(1.0, width / sum(mins))
    return _finish(part, "tiny", [m * scale for m in mins], width)


def _continued(table: Table, parts: Sequence[Table]) -> tuple[Table, ...]:
    """The parts as one table printed in parts: the first keeps its id and title, the others
    are `continued` (the year span is in their head rows; the caption says it goes on); the
    source line and notes once, under the last part."""
    out = []
    for n, part in enumerate(parts, 1):
        if n < len(parts):
            part = replace(part, source=None, notes=())
        if n > 1:
            part = replace(
                part, id=f"{table.id}-{n}", title=f"{table.title} (lanjutan)", continued=True
            )
        out.append(part)
    return tuple(out)


def _column_groups(table: Table) -> list[list[int]]:
    """The columns in runs that stay together in a split: those under one year, and otherwise
    those under one cell of the first head row (a "Kondisi Akhir" over its Target and Rp)."""
    n = len(table.columns)
    year_of = _year_columns(table)
    group_of = list(range(n))
    for r, c, cell in grid_positions(table.head, n):
        if r == 0:
            group_of[c : c + cell.colspan] = [c] * cell.colspan
    for c, year in year_of.items():
        group_of[c] = -year  # a head cell over several years is cut between them
    groups: list[list[int]] = []
    for c in range(n):
        if groups and group_of[groups[-1][-1]] == group_of[c]:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _runs(years: Sequence[int], count: int) -> list[list[int]]:
    """`years` cut into `count` runs of consecutive years, as even as can be, longer first:
    five years in two runs are 3 + 2."""
    size, extra = divmod(len(years), count)
    runs, at = [], 0
    for n in range(count):
        length = size + (1 if n < extra else 0)
        runs.append(list(years[at : at + length]))
        at += length
    return runs


def _year_columns(table: Table) -> dict[int, int]:
    """The year each column falls under, for the columns under a head cell reading as a year."""
    year_of: dict[int, int] = {}
    for _, c, cell in grid_positions(table.head, len(table.columns)):
        text = cell_text(cell).strip()
        if YEAR.fullmatch(text):
            year_of.update((i, int(text)) for i in range(c, c + cell.colspan))
    return year_of
