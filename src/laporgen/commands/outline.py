"""`laporgen outline PATH`: the document's sections as built (after document.toml's renames,
drops and additions), each with its number, title and id, so a user sees where to place a
section and which `narasi/<id>.md` file writes it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..document.nodes import Block, Landscape, Section


def outline_lines(blocks: Iterable[Block]) -> Iterator[str]:
    """One line per section, indented by level: `  1.1 Latar Belakang  [latar-belakang]`."""
    for block in blocks:
        if isinstance(block, Section):
            heading = " ".join(part for part in (block.number, block.title) if part)
            if heading:  # an untitled section (the closing signature) is no place for narrative
                yield f"{'  ' * (block.level - 1)}{heading}  [{block.id}]"
            yield from outline_lines(block.children)
        elif isinstance(block, Landscape):
            yield from outline_lines(block.children)
