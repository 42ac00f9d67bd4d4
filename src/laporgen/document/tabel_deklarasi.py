"""Declared tables (`tabel.yaml`) as ordinary `Table` nodes: header rows from the column tree
(a grouped header spans its columns, a column without sub-columns spans the header rows below
it), body rows formatted by each column's format, group rows across the table, runs of equal
cells merged where a column says `gabung`, and the total row in the foot."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from ..compute.tabel import BarisDihitung, Nilai, TabelDihitung, hitung_tabel
from ..errors import Problem
from ..i18n import _
from ..model.tabel import DeclaredTables, KolomTabel, Tabel
from ..numbers import KOSONG, angka, rupiah
from .cells import cell
from .nodes import Block, Cell, Column, Document, Landscape, Table
from .numbering import walk

CENTANG = "✓"
ALIGN = {
    "teks": "left",
    "angka": "right",
    "rupiah": "right",
    "persen": "right",
    "centang": "center",
    "nomor": "center",
}
HURUF = {"normal": "normal", "kecil": "small", "sangat_kecil": "tiny"}


def declared_block(tabel: Tabel, caption: tuple[str, ...] = ()) -> Block:
    """The table, on a landscape page when it says `lanskap`; `caption` the lines under its
    title when it gives none (`keterangan`): the agency line every built table carries."""
    table = declared_table(hitung_tabel(tabel), caption)
    return Landscape((table,)) if tabel.lanskap else table


def declared_table(d: TabelDihitung, caption: tuple[str, ...] = ()) -> Table:
    t = d.tabel
    leaves = t.leaves()
    head = _head(t.kolom)
    if t.nomor_kolom:
        head.append(tuple(cell(f"({n})", align="center") for n in range(1, len(leaves) + 1)))
    body = _body(leaves, d.baris)
    foot = (_foot(leaves, d),) if d.jumlah is not None else ()
    columns = tuple(Column(k.lebar, ALIGN[k.format]) for k in leaves)  # type: ignore[arg-type]
    return Table(
        t.id,
        t.nomor or "",
        t.judul,
        columns,
        tuple(head),
        body,
        foot,
        tuple(t.keterangan) or caption,
        _sumber(t.sumber),
        tuple(t.catatan),
        HURUF[t.huruf],  # type: ignore[arg-type]
    )


def _sumber(text: str | None) -> str | None:
    """The source line as the generated tables print it, "Sumber : …" (unless typed so)."""
    if text is None or text.lstrip().lower().startswith("sumber"):
        return text
    return f"Sumber : {text}"


def tampil(k: KolomTabel, value: Nilai, computed: bool = False) -> str:
    """A cell's text by its column's format: a number formatted, text as written, ✓ for true; a
    computed figure (formula, total) without `desimal` shows two decimals."""
    if isinstance(value, bool):
        return CENTANG if value else ""
    if isinstance(value, str):
        return value
    if value is None:
        return "" if k.format in ("teks", "centang") else KOSONG
    if k.format == "rupiah":
        return rupiah(value, awalan=False)
    if k.format == "persen":
        return angka(value, 2 if k.desimal is None else k.desimal)
    if k.format == "angka":
        return angka(value, 2 if k.desimal is None and computed else k.desimal)
    return f"{value:f}"


def _depth(k: KolomTabel) -> int:
    return 1 + max((_depth(c) for c in k.kolom), default=0)


def _head(kolom: list[KolomTabel]) -> list[tuple[Cell, ...]]:
    rows_n = max(_depth(k) for k in kolom)
    rows: list[list[Cell]] = [[] for _ in range(rows_n)]

    def place(k: KolomTabel, level: int) -> None:
        span = sum(1 for _ in k.leaves())
        rowspan = 1 if k.kolom else rows_n - level
        rows[level].append(
            cell(k.judul, colspan=span, rowspan=rowspan, align="center", strong=True, shade=True)
        )
        for c in k.kolom:
            place(c, level + 1)

    for k in kolom:
        place(k, 0)
    return [tuple(r) for r in rows]


def _body(
    leaves: list[KolomTabel], rows: tuple[BarisDihitung, ...]
) -> tuple[tuple[Cell, ...], ...]:
    spans = _merged(leaves, rows)
    formulas = {k.id for k in leaves if k.rumus}
    out: list[tuple[Cell, ...]] = []
    nomor = 0
    for i, r in enumerate(rows):
        if r.grup is not None:
            out.append((cell(r.grup, colspan=len(leaves), strong=True),))
            continue
        nomor += 1
        cells: list[Cell] = []
        # the row's depth (`tingkat`) indents its first text cell, as T-C.27 indents a kegiatan
        named = next((k.id for k in leaves if k.format == "teks"), None)
        for j, k in enumerate(leaves):
            if spans[i][j] == 0:
                continue
            text = (
                str(nomor)
                if k.format == "nomor"
                else tampil(k, r.nilai.get(k.id or ""), k.id in formulas)
            )
            level = r.tingkat if k.id == named else 0
            cells.append(cell(text, rowspan=spans[i][j], align=ALIGN[k.format], level=level))  # type: ignore[arg-type]
        out.append(tuple(cells))
    return tuple(out)


def _merged(leaves: list[KolomTabel], rows: tuple[BarisDihitung, ...]) -> list[list[int]]:
    """Per row and column: the rowspan of the cell, 0 where a cell above covers it. A `gabung`
    column merges a run of equal, non-empty values; a group row ends every run."""
    spans = [[1] * len(leaves) for _ in rows]
    for j, k in enumerate(leaves):
        if not k.gabung or not k.id:
            continue
        start = None
        for i, r in enumerate(rows):
            value = r.nilai.get(k.id) if r.grup is None else None
            if (
                start is not None
                and value not in (None, "")
                and value == rows[start].nilai.get(k.id)
            ):
                spans[start][j] += 1
                spans[i][j] = 0
            else:
                start = i if value not in (None, "") else None
    return spans


def _foot(leaves: list[KolomTabel], d: TabelDihitung) -> tuple[Cell, ...]:
    totals = d.jumlah or {}
    first = next((j for j, k in enumerate(leaves) if k.id in totals), len(leaves))
    label = max(first, 1)
    cells = [
        cell(
            d.tabel.jumlah.judul if d.tabel.jumlah else "Jumlah",
            colspan=label,
            align="center",
            strong=True,
        )
    ]
    summed = set(d.tabel.jumlah.kolom if d.tabel.jumlah else ())
    for k in leaves[label:]:
        value: Decimal | None = totals.get(k.id or "")
        # a sum keeps the decimals its cells were typed with; a formula of the sums is computed
        text = tampil(k, value, computed=k.id not in summed) if k.id in totals else ""
        cells.append(cell(text, align=ALIGN[k.format], strong=True))  # type: ignore[arg-type]
    return tuple(cells)


def taken_id_problems(document: Document, tabel: DeclaredTables, source: Any) -> list[Problem]:
    """A declared table whose id a table laporgen prints already has (two tables with one id
    would share one anchor in the HTML and one bookmark in the DOCX): an error at its `id` line
    naming the ids that are taken."""
    if not tabel.tabel:
        return []
    declared = {t.id for t in tabel.tabel}
    counts = Counter(b.id for b in walk(document.front + document.body) if isinstance(b, Table))
    taken = sorted(i for i, n in counts.items() if i not in declared or n > 1)
    return [
        source.problem(
            ("tabel", n, "id"),
            _('table id "{id}" is the id of a table laporgen prints').format(id=t.id),
            _("give the table another id; taken: {ids}").format(ids=", ".join(taken)),
            "ref.tabel",
        )
        for n, t in enumerate(tabel.tabel)
        if counts[t.id] > 1
    ]
