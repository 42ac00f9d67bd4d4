"""The figures of a declared table (`tabel.yaml`): each formula column computed per row, in the
order its formulas depend on each other, and the total row (sums of the declared columns, the
other formula columns recomputed from those sums). Decimal throughout; a cell that is text
("N.a") or empty is no number, and a formula or sum that needs it gives None."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model.rumus import names_in
from ..model.tabel import GRUP, TINGKAT, Tabel, rumus_order
from .rumus import hitung

Nilai = Decimal | str | bool | None


@dataclass(frozen=True)
class BarisDihitung:
    """A row with its formula cells computed. `indeks` is its place in `baris` (for the line of
    a finding); `grup` the text of a group row; `tercetak` the formula values the content wrote
    for this row (the printed document's), which `check` compares with `nilai`."""

    indeks: int
    nilai: dict[str, Nilai]
    grup: str | None = None
    tercetak: dict[str, Decimal] = field(default_factory=dict)
    tingkat: int = 0
    """Its depth in the hierarchy the table lists (`tingkat`)."""


@dataclass(frozen=True)
class TabelDihitung:
    tabel: Tabel
    baris: tuple[BarisDihitung, ...]
    jumlah: dict[str, Decimal | None] | None
    """The total row by column id (summed or recomputed); None when the table declares none."""


def hitung_tabel(tabel: Tabel) -> TabelDihitung:
    formulas = {k.id: k.rumus for k in tabel.leaves() if k.id and k.rumus}
    order = rumus_order(tabel)
    rows = []
    for i, row in enumerate(tabel.baris):
        if GRUP in row:
            rows.append(BarisDihitung(i, {}, str(row[GRUP])))
            continue
        values: dict[str, Nilai] = {k: v for k, v in row.items() if k != TINGKAT}
        level = row.get(TINGKAT)
        printed = {cid: v for cid in formulas if isinstance(v := row.get(cid), Decimal)}
        for cid in order:
            computed = hitung(formulas[cid], values)
            # a note written where nothing can be computed ("N.a") is kept; a number is replaced
            if computed is not None or not isinstance(row.get(cid), str):
                values[cid] = computed
        rows.append(
            BarisDihitung(i, values, None, printed, int(level) if isinstance(level, Decimal) else 0)
        )
    return TabelDihitung(tabel, tuple(rows), _jumlah(tabel, rows, formulas, order))


def rincian(d: TabelDihitung, r: BarisDihitung) -> list[BarisDihitung]:
    """The rows under `r`: those that follow it one `tingkat` deeper, up to the next row at its
    own depth or above (or a group row)."""
    after = [x for x in d.baris if x.indeks > r.indeks]
    out = []
    for x in after:
        if x.grup is not None or x.tingkat <= r.tingkat:
            break
        if x.tingkat == r.tingkat + 1:
            out.append(x)
    return out


def _jumlah(
    tabel: Tabel, rows: list[BarisDihitung], formulas: dict[str, str], order: list[str]
) -> dict[str, Decimal | None] | None:
    if tabel.jumlah is None:
        return None
    totals: dict[str, Decimal | None] = {}
    # the rows each total counts: a formula over totals of different rows ("Jalan Desa" in the
    # panjang but N.a in the mantap) would divide one population by another, so it is "-"
    counted: dict[str, frozenset[int] | None] = {}
    for cid in tabel.jumlah.kolom:
        numbers = {
            r.indeks: v
            for r in rows
            if r.grup is None and r.tingkat == 0 and isinstance(v := r.nilai.get(cid), Decimal)
        }
        totals[cid] = sum(numbers.values(), Decimal(0)) if numbers else None
        counted[cid] = frozenset(numbers)
    for cid in order:
        if cid not in tabel.jumlah.kolom:
            used = {counted.get(n) for n in names_in(formulas[cid]) if n in counted}
            same = len(used) <= 1 and None not in used
            totals[cid] = hitung(formulas[cid], totals) if same else None
            counted[cid] = used.pop() if same and used else None
    return totals
