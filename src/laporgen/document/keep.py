"""What must stay on one page, decided once for all renderers: a short table is never split,
and a signature block never stands alone at the top of a page (the paragraph before it comes
along). Captions and headings are kept with what follows by the renderers' own rules for
those nodes (the Caption and Heading styles, print.css)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from .nodes import Block, Landscape, ListBlock, Paragraph, Section, Signature, Table
from .table_layout import height_pt, lay_out_tables, text_height_of, text_width_of

SHORT_TABLE_ROWS = 10  # a table of at most this many rows (head, body and foot) is never split

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
    """`blocks` with every short table marked `keep_together` and the paragraph just before
    each signature block marked `keep_with_next`. A short table is one of at most
    SHORT_TABLE_ROWS rows that prints no taller than half a page: a taller one, kept whole,
    would leave its caption alone at the foot of a page, or half a page empty."""
    before = _before_signatures(blocks)
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
        case _:
            return block


def _short(table: Table, paper: str, landscape: bool) -> bool:
    rows = len(table.head) + len(table.body) + len(table.foot)
    if rows > SHORT_TABLE_ROWS:
        return False
    return height_pt(table, text_width_of(paper, landscape)) <= text_height_of(paper, landscape) / 2
