"""What must stay on one page, decided once for all renderers: a short table is never split;
a longer one never opens a page with its total row alone (its last body rows come along) nor
splits the rows of a merged cell that fits on half a page; and a signature block never stands
alone at the top of a page (the paragraph before it comes along), nor a list item's short
first paragraph (a Sistematika item's "BAB IV ..." line) at the foot of one. Captions and
headings are kept with what follows by the renderers' own rules for those nodes (the Caption
and Heading styles, print.css)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from .nodes import (
    Block,
    Cell,
    Landscape,
    ListBlock,
    Paragraph,
    Section,
    Signature,
    Table,
    Text,
    grid_positions,
)
from .table_layout import (
    cell_text,
    height_pt,
    lay_out_tables,
    row_heights_pt,
    text_height_of,
    text_width_of,
)
from .text_width import text_width_pt

SHORT_TABLE_ROWS = 10  # a table of at most this many rows (head, body and foot) is never split
LEAD_LINES = 2  # a list item's paragraph kept with the rest of the item prints in at most this
BODY_PT = 12.0  # the Body Text size of the default template
TAIL_ROWS = 2  # the body rows printed with the total row (or the last), and with the head

_PRINTED = ContextVar("laid_out", default=True)


@contextmanager
def unprinted() -> Iterator[None]:
    """Trees built inside are not laid out for paper (`laid_out` gives its blocks back as
    they are): `laporgen check` reads a tree's sections and text, never how its tables print,
    and measuring every cell of every table is a third of its time."""
    token = _PRINTED.set(False)
    try:
        yield
    finally:
        _PRINTED.reset(token)


def laid_out(blocks: Sequence[Block], paper: str) -> tuple[Block, ...]:
    """`blocks` as they are printed on `paper`: tables laid out (`lay_out_tables`), then what
    must stay together marked (`keep_together`). Every document type's builder calls this on
    its front matter and body, before numbering (a split table's parts are numbered apart)."""
    if not _PRINTED.get():
        return tuple(blocks)
    return keep_together(lay_out_tables(blocks, paper), paper)


def keep_together(blocks: Sequence[Block], paper: str) -> tuple[Block, ...]:
    """`blocks` with every short table marked `keep_together`, and marked `keep_with_next`:
    the paragraph just before each signature block and a list item's short paragraph with more
    of the item after it (`_leading_into_more`). A short table is one of at most
    SHORT_TABLE_ROWS rows that prints no taller than half a page: a taller one, kept whole,
    would leave its caption alone at the foot of a page, or half a page empty."""
    before = _before_signatures(blocks) | _leading_into_more(blocks, paper)
    return tuple(_mark(block, before, paper, False) for block in blocks)


def _before_signatures(blocks: Sequence[Block]) -> set[int]:
    """The ids of the paragraphs that come right before a signature, in reading order (the
    last paragraph of a list, or of the section before, counts)."""
    marked: set[int] = set()
    last: Paragraph | None = None
    for block in _reading_order(blocks):
        if isinstance(block, Signature):
            if last is not None:
                marked.add(id(last))
            last = None
        elif isinstance(block, Paragraph):
            last = block
        else:
            last = None  # a table or figure before a signature: nothing to carry along
    return marked


def _leading_into_more(blocks: Sequence[Block], paper: str) -> set[int]:
    """The ids of the short paragraphs (at most LEAD_LINES lines) of a list item that have
    more of the item after them: its title line ("BAB IV TUJUAN DAN SASARAN" over "Bab ini
    memuat …"), a line over a sub-list. Alone at the foot of a page such a line announces
    what is all overleaf. A longer paragraph is not kept: LibreOffice then moves all of it,
    leaving a third of a page empty (a Bidang's duties over its Seksi). Nor is the sentence
    leading into a list: kept with it, the Magetan Renstra's Sistematika (heading, sentence
    and first item) moved a page on and its last item took a page of its own before BAB II."""
    room = text_width_of(paper, False) * LEAD_LINES
    marked: set[int] = set()
    for block in blocks:
        match block:
            case Section() | Landscape():
                marked |= _leading_into_more(block.children, paper)
            case ListBlock():
                for item in block.items:
                    marked.update(
                        id(b) for b in item[:-1] if isinstance(b, Paragraph) and _width(b) <= room
                    )
                    marked |= _leading_into_more(item, paper)
    return marked


def _width(paragraph: Paragraph) -> float:
    """The printed width of `paragraph`'s text on one line, in points, in Body Text."""
    return sum(
        text_width_pt(i.text, BODY_PT, i.strong) for i in paragraph.inlines if isinstance(i, Text)
    )


def _reading_order(blocks: Iterable[Block]) -> Iterable[Block]:
    """The leaf blocks in the order they are printed (sections, landscape blocks and lists
    opened)."""
    for block in blocks:
        match block:
            case Section() | Landscape():
                yield from _reading_order(block.children)
            case ListBlock():
                for item in block.items:
                    yield from _reading_order(item)
            case _:
                yield block


def _mark(block: Block, before: set[int], paper: str, landscape: bool) -> Block:
    match block:
        case Section():
            return replace(
                block,
                children=tuple(_mark(child, before, paper, landscape) for child in block.children),
            )
        case Landscape():
            return replace(
                block, children=tuple(_mark(child, before, paper, True) for child in block.children)
            )
        case ListBlock():
            items = tuple(
                tuple(_mark(b, before, paper, landscape) for b in item) for item in block.items
            )
            return replace(block, items=items)
        case Paragraph() if id(block) in before:
            return replace(block, keep_with_next=True)
        case Table() if _short(block, paper, landscape):
            return replace(block, keep_together=True)
        case Table():
            table = split_tall_merges(block, paper, landscape)
            return replace(table, keep_rows=kept_rows(table, paper, landscape))
        case _:
            return block


def _short(table: Table, paper: str, landscape: bool) -> bool:
    rows = len(table.head) + len(table.body) + len(table.foot)
    if rows > SHORT_TABLE_ROWS:
        return False
    return height_pt(table, text_width_of(paper, landscape)) <= text_height_of(paper, landscape) / 2


def split_tall_merges(table: Table, paper: str, landscape: bool) -> Table:
    """The table with every merged body cell taller than half a page cut into cells of about
    equal height, each as tall as half a page at most and each printing the text again,
    marked "(lanjutan)" (a row number is not repeated): a page break then falls between two of
    them (`kept_rows` keeps each on one page), and the rows after the break still read which
    Sasaran they belong to. A cut never falls inside a shorter merged cell."""
    head = len(table.head)
    rows = (*table.head, *table.body)
    placed = grid_positions(rows, len(table.columns))
    merged = [(r, c, cell) for r, c, cell in placed if r >= head and cell.rowspan > 1]
    if not merged:
        return table
    covered = set().union(*(range(r, r + cell.rowspan) for r, _, cell in merged))
    heights = row_heights_pt(table, text_width_of(paper, landscape), covered)
    half = text_height_of(paper, landscape) / 2
    tall = [(r, c, cell) for r, c, cell in merged if sum(heights[r : r + cell.rowspan]) > half]
    if not tall:
        return table
    inside = {
        b
        for r, _, cell in merged
        if (r, cell) not in {(t, x) for t, _, x in tall}
        for b in range(r + 1, r + cell.rowspan)
    }  # rows a shorter merged cell runs into: no cut above them
    cells: dict[int, list[tuple[int, Cell]]] = {}
    for r, c, cell in placed:
        cells.setdefault(r, []).append((c, cell))
    for r, c, cell in tall:
        cuts = _cuts(heights[r : r + cell.rowspan], half, {b - r for b in inside})
        starts = [0, *cuts, cell.rowspan]
        row_cells = cells[r]
        row_cells[row_cells.index((c, cell))] = (c, replace(cell, rowspan=starts[1]))
        for a, b in zip(starts[1:-1], starts[2:]):
            cells[r + a].append((c, replace(_continued(cell), rowspan=b - a)))
    out = tuple(
        tuple(cell for _, cell in sorted(cells.get(r, []), key=lambda found: found[0]))
        for r in range(len(rows))
    )
    return replace(table, head=out[:head], body=out[head:])


_NOMOR = re.compile(r"\d+(\.\d+)*\.?")
LANJUTAN = " (lanjutan)"


def _continued(cell: Cell) -> Cell:
    """A later part of a cut merged cell: its text marked "(lanjutan)", and a row number or a
    figure left out, so that two parts on one page read as one item continued, not two
    numbered alike or two figures where there is one."""
    if cell.align == "right" or _NOMOR.fullmatch(cell_text(cell).strip()):
        return replace(cell, blocks=(Paragraph((Text(""),), align=cell.align),))
    blocks = list(cell.blocks)
    last = blocks[-1] if blocks else None
    if isinstance(last, Paragraph):
        blocks[-1] = replace(last, inlines=(*last.inlines, Text(LANJUTAN, emph=True)))
    return replace(cell, blocks=tuple(blocks))


def _cuts(heights: Sequence[float], limit: float, never: set[int]) -> list[int]:
    """Where to cut rows of `heights` into as few runs as keep each under `limit` (if the
    rows allow), about equal: the row offsets, none in `never` or at 0."""
    total = sum(heights)
    parts = max(2, -int(-total // limit))
    cuts: list[int] = []
    run = 0.0
    for i, height in enumerate(heights):
        if i and i not in never and run + height / 2 > total / parts * (len(cuts) + 1):
            cuts.append(i)
        run += height
        if len(cuts) == parts - 1:
            break
    return cuts


def kept_rows(table: Table, paper: str, landscape: bool) -> frozenset[int]:
    """The rows of a table printed in parts that go on the page of the row after them: the
    last TAIL_ROWS body rows with the foot (a JUMLAH row, or the last row, never opens a page
    alone), the head with the first TAIL_ROWS body rows (a caption and head never stand at
    the foot of a page over one row), each run one row shorter, or none, where it prints
    taller than a third of a page (the IKU's first row is half a page: kept with the next, it
    left its caption alone on a page); and the rows of every merged body cell that prints no
    taller than half a page (a Sasaran cell split by a page break prints its text above the
    break only, and the rows below it lose their context: `split_tall_merges` cuts taller
    ones); and every group row (one cell across the table) with the row under it."""
    head, body = len(table.head), len(table.body)
    last = head + body + len(table.foot) - 1
    merged = [
        (r, cell.rowspan)
        for r, _, cell in grid_positions((*table.head, *table.body), len(table.columns))
        if r >= head and cell.rowspan > 1
    ]
    ends = {*range(head + TAIL_ROWS), *range(head + body - TAIL_ROWS, last + 1)}
    needed = ends.union(*(range(r, r + span) for r, span in merged))
    heights = row_heights_pt(table, text_width_of(paper, landscape), needed)
    page = text_height_of(paper, landscape)
    kept: set[int] = set()
    for n in range(TAIL_ROWS, 0, -1):
        first = max(head, head + body - n)
        if sum(heights[first:]) <= page / 3:
            kept.update(range(first, last))
            break
    for n in range(TAIL_ROWS, 0, -1):
        end = min(head + n, last + 1)
        if sum(heights[:end]) <= page / 3:
            kept.update(range(end - 1))
            break
    for r, span in merged:
        if sum(heights[r : r + span]) <= page / 2:
            kept.update(range(r, r + span - 1))
    # a group row ("A. Rehabilitasi Sosial", T-C.27's "Program baru") heads the rows under it:
    # alone at the foot of a page it heads nothing
    width = len(table.columns)
    kept.update(
        head + r
        for r, row in enumerate(table.body[:-1])
        if len(row) == 1 and row[0].colspan == width and width > 1
    )
    return frozenset(kept)
