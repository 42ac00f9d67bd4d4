"""What must stay on one page, decided once for all renderers: a short table is never split;
a longer one never opens a page with its total row alone (its last body rows come along; a
third of a page of them where a page break follows the table) nor splits the rows of a merged
cell that fits on half a page (a taller one is cut in parts, each naming it); and a signature
block never stands alone at the top of a page (the paragraph before it comes along, or a
table's last rows), nor a list item's short first paragraph (a Sistematika item's "BAB IV ..."
line) at the foot of one.
Captions and headings are kept with what follows by the renderers' own rules for those nodes
(the Caption and Heading styles, print.css)."""

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
    PageBreak,
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
    ends = _before_breaks(blocks)
    return tuple(_mark(block, before, ends, paper, False) for block in blocks)


def _before_signatures(blocks: Sequence[Block]) -> set[int]:
    """The ids of the paragraphs and tables that come right before a signature, in reading
    order (the last paragraph of a list, or of the section before, counts): a table's last rows
    come along, as a paragraph does (the Dinas Perhubungan trial's signature stood alone on
    the page after Tabel 4.3)."""
    marked: set[int] = set()
    last: Paragraph | Table | None = None
    for block in _reading_order(blocks):
        if isinstance(block, Signature):
            if last is not None:
                marked.add(id(last))
            last = None
        elif isinstance(block, (Paragraph, Table)):
            last = block
        else:
            last = None  # a figure before a signature: a picture is not split, nothing to carry
    return marked


def _before_breaks(blocks: Sequence[Block]) -> set[int]:
    """The ids of the tables a new page follows (a BAB, a turn of the page to or from
    landscape, the end): the white space under such a table's last rows shows them up, so
    their tail is a larger one (`_tail`)."""
    marked: set[int] = set()
    last: Block | None = None
    for event in (*_breaks(blocks), None):
        if event is None and isinstance(last, Table):
            marked.add(id(last))
        last = event
    return marked


def _breaks(blocks: Iterable[Block]) -> Iterable[Block | None]:
    """The leaf blocks in reading order with None where a page break falls, and a section's
    heading as the section itself."""
    for block in blocks:
        match block:
            case Section():
                yield None if block.page_break_before else block
                yield from _breaks(block.children)
            case Landscape():
                yield None
                yield from _breaks(block.children)
                yield None
            case PageBreak():
                yield None
            case ListBlock():
                for item in block.items:
                    yield from _breaks(item)
            case _:
                yield block


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


def _mark(block: Block, before: set[int], ends: set[int], paper: str, landscape: bool) -> Block:
    """`block` marked: kept with the next block when its id is in `before`; a table a page break
    follows (its id in `ends`) keeps a larger tail."""
    match block:
        case Section():
            return replace(
                block,
                children=tuple(
                    _mark(child, before, ends, paper, landscape) for child in block.children
                ),
            )
        case Landscape():
            return replace(
                block,
                children=tuple(_mark(child, before, ends, paper, True) for child in block.children),
            )
        case ListBlock():
            items = tuple(
                tuple(_mark(b, before, ends, paper, landscape) for b in item)
                for item in block.items
            )
            return replace(block, items=items)
        case Paragraph() if id(block) in before:
            return replace(block, keep_with_next=True)
        case Table() if _short(block, paper, landscape):
            return replace(block, keep_together=True, keep_with_next=id(block) in before)
        case Table():
            table = split_tall_merges(block, paper, landscape)
            rows = kept_rows(table, paper, landscape, id(block) in ends)
            if id(block) in before:  # its last rows print on the signature's page
                last = len(table.head) + len(table.body) + len(table.foot) - 1
                rows |= frozenset(range(max(len(table.head), last - TAIL_ROWS), last))
            return replace(table, keep_rows=rows, keep_with_next=id(block) in before)
        case _:
            return block


def _short(table: Table, paper: str, landscape: bool) -> bool:
    rows = len(table.head) + len(table.body) + len(table.foot)
    if rows > SHORT_TABLE_ROWS:
        return False
    return height_pt(table, text_width_of(paper, landscape)) <= text_height_of(paper, landscape) / 2


def split_tall_merges(table: Table, paper: str, landscape: bool) -> Table:
    """The table with every merged body cell taller than half a page cut into cells of about
    equal height, each a little under half a page, each printing the text again, marked
    "(lanjutan)" (a row number is not repeated): a page break then falls between two of them
    (`kept_rows` keeps each on one page), and the rows after the break still read which
    Sasaran they belong to. A cut never falls inside a shorter merged cell. A part that does
    not fit under the rows above it goes to the next page whole; parts of a third of a page
    left less white space, but printed the text again up to three times on a page, which read
    as several items (the final page review)."""
    head = len(table.head)
    rows = (*table.head, *table.body)
    placed = grid_positions(rows, len(table.columns))
    merged = [(r, c, cell) for r, c, cell in placed if r >= head and cell.rowspan > 1]
    if not merged:
        return table
    covered = set().union(*(range(r, r + cell.rowspan) for r, _, cell in merged))
    heights = row_heights_pt(table, text_width_of(paper, landscape), covered)
    half = text_height_of(paper, landscape) / 2
    part = half * 0.9  # under half with room: `kept_rows` keeps a run of at most half a page
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
    # The shorter first: a cell spanning others (a Tujuan over its Sasaran) is cut only where
    # they are, so the parts of both begin on the same row and a page break, falling between
    # parts, cuts neither.
    for r, c, cell in sorted(tall, key=lambda found: found[2].rowspan):
        cuts = _cuts(heights[r : r + cell.rowspan], part, {b - r for b in inside})
        starts = [0, *cuts, cell.rowspan]
        inside.update(r + b for a, z in zip(starts, starts[1:]) for b in range(a + 1, z))
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
    text = cell_text(cell).strip()
    if not text or cell.align == "right" or _NOMOR.fullmatch(text):
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


TAIL_MAX = 16  # the most body rows a table's tail carries over (`_tail`)
TAIL_PAGE = 1 / 3  # the least of a page a tail fills before a page break
GROUP_PAGE = 0.45  # the most, reaching back to the row opening its group


def _tail(table: Table, heights: Sequence[float], page: float) -> int | None:
    """The first row of the tail that goes over a page break with the foot: at least
    TAIL_PAGE of a page, reaching back to the row that opens its group (a program's bold row,
    a kegiatan's row over its sub-kegiatan) where that is no taller than GROUP_PAGE. A
    careful typist never leaves two rows and the total alone on a last page under a
    full one: rows are pulled over so the last page carries a part of the table. None when
    even TAIL_ROWS rows print taller than that (`kept_rows` shortens the run)."""
    head, body = len(table.head), len(table.body)
    end = head + body
    first = max(head, end - TAIL_ROWS)
    run = sum(heights[first:])
    if run > TAIL_PAGE * page:
        return None
    bottom = max(head, end - TAIL_MAX)
    while first > bottom and run < TAIL_PAGE * page:
        first -= 1
        run += heights[first]
    opener = first
    while opener > bottom and not _opens_group(table.body[opener - head]):
        opener -= 1
        run += heights[opener]
        if run > GROUP_PAGE * page:
            return first
    return opener if _opens_group(table.body[opener - head]) else first


def _opens_group(row: Sequence[Cell]) -> bool:
    """A row that heads the rows under it: a program's (its cells bold) or a kegiatan's (its
    name one level in), so a tail begun there reads as whole items."""
    return any(c.strong for c in row) or any(c.level == 1 for c in row)


def kept_rows(table: Table, paper: str, landscape: bool, ends_page: bool = False) -> frozenset[int]:
    """The rows of a table printed in parts that go on the page of the row after them: the
    last TAIL_ROWS body rows with the foot (a JUMLAH row, or the last row, never opens a page
    alone; before a page break, `ends_page`, a larger tail: `_tail`), the head with the first TAIL_ROWS body rows (a caption and head never stand at
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
    ends = {*range(head + TAIL_ROWS), *range(max(head, head + body - TAIL_MAX), last + 1)}
    needed = ends.union(*(range(r, r + span) for r, span in merged))
    heights = row_heights_pt(table, text_width_of(paper, landscape), needed)
    page = text_height_of(paper, landscape)
    kept: set[int] = set()
    tail = _tail(table, heights, page) if ends_page else None
    if tail is not None:
        kept.update(range(tail, last))
    else:
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
    # alone at the foot of a page it heads nothing; beside a merged Tujuan or Sasaran it spans
    # the columns left
    kept.update(
        head + r for r, row in enumerate(table.body[:-1]) if len(row) == 1 and row[0].colspan > 1
    )
    return frozenset(kept)
