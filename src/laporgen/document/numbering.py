"""Numbers every heading, table and figure once, before any renderer runs (as Sphinx assigns
figure numbers in one pass), so Word, HTML and PDF agree and no number is reused (L-7)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from .nodes import Block, Figure, Landscape, ListBlock, Section, Table

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def heading_number(level: int, index: int, parent: str = "", style: str = "huruf") -> str:
    """ "BAB I" at level 1. Below it, style "huruf" (the LKjIP): "A.", then "1.", then "a.";
    style "desimal" (the Renstra): "2.1", "2.1.1", built on the parent's number."""
    if level == 1:
        return f"BAB {ROMAN[index - 1]}"
    if style == "desimal":
        return f"{parent}.{index}"
    if level == 2:
        return f"{LETTERS[index - 1]}."
    if level == 3:
        return f"{index}."
    return f"{LETTERS[index - 1].lower()}."


def number_body(body: tuple[Block, ...], style: str = "huruf") -> tuple[Block, ...]:
    """The body with every Section, Table and Figure numbered: headings in `style` (see
    `heading_number`), tables and figures "<bab>.<n>" within their BAB. A section with an
    empty title (a signature block) is not counted. A table that arrives numbered keeps its
    number and is not counted: a standard form numbered by its code ("T-C.23", Permendagri
    86/2017) leaves the tables around it "2.1", "2.2" … as the signed Magetan Renstra does."""
    out = []
    bab = 0
    for block in body:
        if isinstance(block, Section) and block.level == 1:
            bab += 1
            counters = {"Tabel": 0, "Gambar": 0}
            out.append(_number(block, bab, counters, bab, "", style))
        else:
            out.append(block)
    return tuple(out)


def _number(
    block: Block,
    bab: int,
    counters: dict[str, int],
    index: int = 0,
    parent: str = "",
    style: str = "huruf",
) -> Block:
    if isinstance(block, Section):
        number = heading_number(block.level, index, parent, style)
        inner = str(bab) if block.level == 1 else number
        children: list[Block] = []
        sub = 0
        for child in block.children:
            if isinstance(child, Section) and child.title:
                sub += 1
                children.append(_number(child, bab, counters, sub, inner, style))
            else:
                children.append(
                    _continued(child, children) or _number(child, bab, counters, 0, inner, style)
                )
        return replace(block, number=number, children=tuple(children))
    if isinstance(block, Table):
        if block.number:
            return block
        counters["Tabel"] += 1
        return replace(block, number=f"{bab}.{counters['Tabel']}")
    if isinstance(block, Figure):
        counters["Gambar"] += 1
        return replace(block, number=f"{bab}.{counters['Gambar']}")
    if isinstance(block, Landscape):
        turned: list[Block] = []
        for child in block.children:
            turned.append(
                _continued(child, turned) or _number(child, bab, counters, 0, parent, style)
            )
        return replace(block, children=tuple(turned))
    if isinstance(block, ListBlock):  # a picture in a list item is numbered where it stands
        return replace(
            block,
            items=tuple(
                tuple(_number(ch, bab, counters, 0, parent, style) for ch in item)
                for item in block.items
            ),
        )
    return block


def _continued(block: Block, before: list[Block]) -> Table | None:
    """A `continued` part of a split table with the number of the part just before it."""
    if isinstance(block, Table) and block.continued and before and isinstance(before[-1], Table):
        return replace(block, number=before[-1].number)
    return None


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block, depth first (sections, landscape wrappers and list items opened)."""
    for block in blocks:
        yield block
        if isinstance(block, (Section, Landscape)):
            yield from walk(block.children)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item)
