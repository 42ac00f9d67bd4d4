"""The text a document tree puts on paper, and how a laid-out PDF prints it: for the tests that
find numbers and words broken inside table cells, captions torn from their tables and a
signature alone on its page.

A PDF's text (poppler's `pdftotext -layout`) is cut into pieces the way a line breaker may cut
it: at white space, after a hyphen or dash, after a slash. A piece of the tree that a PDF
prints broken ("24.175.862.28" + "4", "Volu" + "me", "Sosi-" + "al") leaves fragments that are
no piece of the tree, and is missing from the PDF's count.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from laporgen.document.nodes import (
    Block,
    Cell,
    Document,
    Figure,
    Landscape,
    LineBreak,
    ListBlock,
    ListOfTables,
    Paragraph,
    Section,
    Signature,
    Table,
    Text,
    Toc,
)

# Where any of the line breakers (LibreOffice, Word, WeasyPrint) may break inside a word.
_PIECE = re.compile(r".+?(?:[-‐–—/](?=\S)|$)")
# Printed by the page, not the tree: page numbers, list labels, bullets, leader dots.
_FURNITURE = re.compile(r"^(\d{1,3}|[ivxlc]+|[a-z]\.|\d+\.|[•·.…]+)$")


def pieces(text: str) -> list[str]:
    """`text` cut at every place a line may break: "Laki-laki 2016/2017" gives
    ["Laki-", "laki", "2016/", "2017"]."""
    return [piece for token in text.split() for piece in _PIECE.findall(token)]


def pdf_text(pdf: Path) -> list[str]:
    """Every page's text as `pdftotext -layout` reads it (columns kept apart by spaces)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext not found: install poppler-utils (.ci/run does)")
    out = subprocess.run(
        [exe, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # a contents list's leader dots run into the entry's last word and its page number
    # ("DAERAH.......27", Typst's "Kebijakan. . . .     25"): the word stands apart, as on
    # the page.
    return [_LEADER.sub(" ", page) for page in out.split("\f")]


def words_past_the_margin(pdf: Path) -> list[tuple[int, str]]:
    """(page, word) of each word that ends past the right margin of the Typst PDF's page
    (`render/typst.py`: 2,5 cm on a portrait page, 2 cm on a landscape one), less the 3 pt
    a justified line's last punctuation may hang past it ("Minimal;" ends 1 pt out). `pdftotext -bbox` gives each word's box."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext not found: install poppler-utils (.ci/run does)")
    out = subprocess.run(
        [exe, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    past: list[tuple[int, str]] = []
    for number, page in enumerate(_PAGE.finditer(out), 1):
        width, height = float(page["width"]), float(page["height"])
        edge = width - (2.0 if width > height else 2.5) / 2.54 * 72 + 3.0
        past += [(number, w["word"]) for w in _WORD.finditer(page["body"]) if float(w["x"]) > edge]
    return past


_PAGE = re.compile(
    r'<page width="(?P<width>[\d.]+)" height="(?P<height>[\d.]+)">(?P<body>.*?)</page>', re.S
)
_WORD = re.compile(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="(?P<x>[\d.]+)"[^>]*>(?P<word>[^<]*)<')


_LEADER = re.compile(
    r"(?:\.\s?){3,}\s*(?=\d|[ivxlc]+\b)"
    r"|(?:\. ){2,}\.[ \t]*$",  # Typst's spaced dots where an entry wraps, its number below
    re.MULTILINE,
)


# ------------------------------------------------------------------------------------ the tree
def inline_text(inlines: Iterable[Text | LineBreak]) -> str:
    return "".join(i.text if isinstance(i, Text) else "\n" for i in inlines)


def block_texts(blocks: Iterable[Block]) -> Iterator[tuple[str, bool]]:
    """(text, in a table cell) of everything the blocks print, in reading order."""
    for block in blocks:
        match block:
            case Section():
                yield block.heading, False
                yield from block_texts(block.children)
            case Landscape():
                yield from block_texts(block.children)
            case Paragraph():
                yield inline_text(block.inlines), False
            case ListBlock():
                for item in block.items:
                    yield from block_texts(item)
            case Table():
                yield " ".join((block.label, block.title, *block.caption_lines)), False
                for row in (*block.head, *block.body, *block.foot):
                    for cell in row:
                        yield from ((text, True) for text, _ in block_texts(cell.blocks))
                yield " ".join((block.source or "", *block.notes)), False
            case Figure():
                yield f"{block.label} {block.title} {block.alt}", False
            case Signature():
                yield (
                    " ".join(
                        (
                            block.place_date,
                            *block.jabatan,
                            block.nama,
                            block.pangkat,
                            f"NIP. {block.nip}",
                        )
                    ),
                    False,
                )
            case Toc():
                yield " ".join((block.title, *(text for _, text in block.entries))), False
            case ListOfTables():
                yield " ".join((block.title, *block.entries)), False
            case _:
                pass


def document_texts(document: Document) -> Iterator[tuple[str, bool]]:
    yield (
        " ".join(
            (*document.cover.title_lines, *document.cover.issuer_lines, document.running_header)
        ),
        False,
    )
    yield from block_texts(document.front)
    yield from block_texts(document.body)


def _strings(value: object) -> Iterator[str]:
    """Every string anywhere in a tree (cover lines, decree blocks, whatever node or field
    comes next), read generically: what the PDF may print besides the blocks' texts."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif is_dataclass(value):
        for f in fields(value):
            yield from _strings(getattr(value, f.name))


def tables(blocks: Iterable[Block]) -> Iterator[Table]:
    for block in blocks:
        if isinstance(block, Section | Landscape):
            yield from tables(block.children)
        elif isinstance(block, Table):
            yield block


def cell_text(cell: Cell) -> str:
    return " ".join(text for text, _ in block_texts(cell.blocks))


# --------------------------------------------------------------------------------- the check
def broken_in_cells(document: Document, pages: list[str]) -> tuple[list[str], list[str]]:
    """What the PDF `pages` print broken of the table cells of `document`: the pieces of the
    cells printed whole fewer times than the tree holds them ("Volume: 1 in the tree, 0 in the
    PDF"), and the PDF's fragments that are no piece of the document ("Volu")."""
    tree: Counter[str] = Counter()
    in_cells: set[str] = set()
    for text, in_cell in document_texts(document):
        found = pieces(text)
        tree.update(found)
        if in_cell:
            in_cells.update(found)
    known = set(tree) | {piece for text in _strings(document) for piece in pieces(text)}
    printed: Counter[str] = Counter()
    fragments: list[str] = []
    for piece in pieces("\n".join(pages)):
        if piece in known:
            printed[piece] += 1
        elif (parts := _known_parts(piece, known)) is not None:
            printed.update(parts)  # two cells side by side, read as one word
        elif not _FURNITURE.match(piece):
            fragments.append(piece)
    short = [
        f"{piece}: {tree[piece]} in the tree, {printed[piece]} in the PDF"
        for piece in sorted(in_cells)
        if printed[piece] < tree[piece]
    ]
    return short, sorted(set(fragments))


def _known_parts(piece: str, tree: set[str]) -> list[str] | None:
    """`piece` as pieces of the tree run together: a word and the next cell's word with too
    little space between them for pdftotext ("KegiatanOrang"), or an entry and its dotted
    leader ("Tujuan." in a contents list)."""
    if piece.rstrip(".") in tree:
        return [piece.rstrip(".")]
    for at in range(1, len(piece)):
        if piece[:at] in tree and piece[at:] in tree:
            return [piece[:at], piece[at:]]
    return None
