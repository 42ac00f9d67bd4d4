"""Every row of every table a document tree holds covers the table's columns exactly, counting
the cells that reach into it from above: a renderer is never handed a short or a long row.

T-C.28's group row (`indikator_urusan.kelompok`) once spanned one column too few: the HTML
drew a stub, and Typst, which fills its grid cell by cell, moved every cell after it one
column left. Every bundled example, every type's scaffold as `laporgen init` writes it and the
test fixtures are read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from laporgen.build import document_for
from laporgen.commands.scaffold import new_document
from laporgen.document.nodes import Block, Landscape, ListBlock, Section, Table
from laporgen.jenis import load_document

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = sorted(
    p.parent.relative_to(ROOT).as_posix()
    for base in (ROOT / "content", ROOT / "tests" / "fixtures")
    for p in base.glob("*/*/document.toml")
)


def _tables(blocks: tuple[Block, ...]) -> Iterator[Table]:
    for block in blocks:
        match block:
            case Section() | Landscape():
                yield from _tables(block.children)
            case ListBlock():
                for item in block.items:
                    yield from _tables(item)
            case Table():
                yield block


def short_or_long_rows(table: Table) -> list[str]:
    """Where a row of `table` (head, body and foot in turn) does not cover each column once,
    or a cell reaches below the last row."""
    n = len(table.columns)
    from_above: dict[int, list[int]] = {}  # row → the columns cells of rows above cover there
    wrong = []
    for r, row in enumerate((*table.head, *table.body, *table.foot)):
        covered = from_above.pop(r, [])
        c = 0
        for cell in row:
            while c in covered:
                c += 1
            span = list(range(c, c + cell.colspan))
            covered += span
            for below in range(r + 1, r + cell.rowspan):
                from_above.setdefault(below, []).extend(span)
            c += cell.colspan
        if sorted(covered) != list(range(n)):
            wrong.append(f"{table.id} row {r + 1}: columns {sorted(covered)} of {n}")
    wrong += [f"{table.id}: a cell reaches row {r + 1}, past the last" for r in from_above]
    return wrong


def _wrong_rows(folder: Path) -> list[str]:
    document = document_for(load_document(folder), charts=False)
    return [w for t in _tables((*document.front, *document.body)) for w in short_or_long_rows(t)]


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_row_of_every_example_table_covers_its_columns(folder):
    assert not _wrong_rows(ROOT / folder)


@pytest.mark.parametrize("jenis", ["lkjip", "renstra", "pk"])
def test_every_row_of_every_scaffold_table_covers_its_columns(tmp_path, jenis):
    folder = tmp_path / "content" / "dinas-contoh" / f"{jenis}-2025"
    for path, text in new_document(folder, jenis, 2025, tmp_path / "schemas").items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, "utf-8")
    assert not _wrong_rows(folder)


def test_a_short_row_is_found():
    from laporgen.document.cells import cell, columns, head

    table = Table(
        "t", "", "Uji", columns((1, "left"), (1, "left")), head(("A", "B")), ((cell("x"),),)
    )
    assert short_or_long_rows(table) == ["t row 2: columns [0] of 2"]
