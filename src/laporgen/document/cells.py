"""Constructors for table cells and rows from display strings (the builder's vocabulary)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, cast, get_args

from ..model.nilai import Tertulis
from ..numbers import angka, nilai
from .nodes import Align, Cell, Column, Inline, LineBreak, ListBlock, Marker, Paragraph, Text

Row = tuple[Cell, ...]


def cell(
    text: str,
    align: Align = "left",
    *,
    colspan: int = 1,
    rowspan: int = 1,
    strong: bool = False,
    shade: bool = False,
    level: int = 0,
) -> Cell:
    """A cell holding one paragraph; "\\n" in `text` becomes a line break; `level` the
    depth of the item it names (see `Cell`)."""
    inlines: list[Inline] = []
    for n, line in enumerate(text.split("\n")):
        if n:
            inlines.append(LineBreak())
        inlines.append(Text(line, strong=strong))
    return Cell(
        (Paragraph(tuple(inlines), align=align),), colspan, rowspan, align, strong, shade, level
    )


def isian(value: Decimal | Tertulis | None, desimal: int | None = None) -> str:
    """A value cell's text: a number as the document prints numbers, text (a predikat, "n.a", a
    note) as written."""
    return value.teks if isinstance(value, Tertulis) else angka(value, desimal)


def nilai_isian(value: Decimal | Tertulis | None, satuan: str) -> str:
    """A value with its unit as a sentence shows it ("99,88%"); text as written ("BB")."""
    return value.teks if isinstance(value, Tertulis) else nilai(value, satuan)


def num(text: str, **kw: Any) -> Cell:
    """A right-aligned figure."""
    return cell(text, "right", **kw)


def mid(text: str, **kw: Any) -> Cell:
    """A centred cell (numbers of rows, short codes)."""
    return cell(text, "center", **kw)


def items(lines: Sequence[str], marker: Marker = "-") -> Cell:
    """A cell holding a list (causes, problems, actions)."""
    if not lines:
        return cell("")
    return Cell(
        (ListBlock(tuple((Paragraph((Text(line),), align="left"),) for line in lines), marker),)
    )


def head(*rows: Iterable[Cell | str]) -> tuple[Row, ...]:
    """Header rows: strings become centred bold shaded cells."""
    return tuple(tuple(_head_cell(c) for c in row) for row in rows)


def _head_cell(c: Cell | str) -> Cell:
    if isinstance(c, Cell):
        return Cell(c.blocks, c.colspan, c.rowspan, "center", True, True, c.level)
    return cell(c, "center", strong=True, shade=True)


def nomor_kolom(labels: Sequence[str]) -> Row:
    """The column-number row "(1) (2) …" that standard tables print under their header;
    generated from the columns so it cannot skip one (LKJIP-SPEC L-24)."""
    return tuple(cell(label, "center", shade=True) for label in labels)


def columns(*spec: tuple[float, str]) -> tuple[Column, ...]:
    """Columns from (relative width, align) pairs; an align other than left, center, right or
    justify is a bug, refused here (a repeated `*[(1.1, "right")] * n` is typed `str`)."""
    return tuple(Column(width, _align(align)) for width, align in spec)


def _align(align: str) -> Align:
    if align not in get_args(Align):
        raise ValueError(f"not a column alignment: {align!r}")
    return cast(Align, align)
