"""Tabel 1 of a Perjanjian Kinerja (sasaran, indikator kinerja, target), as the PK prints it in
its lampiran and the LKjIP reprints it (seed 001 Tabel 2.5 and 2.7): one row per indicator, the
sasaran numbered and written once, merged over its indicators (Tabel 2.7's sasaran 5 with its
two indicators).

The PK form of PermenPAN-RB 53/2014 for an eselon II official holds sasaran only (Sasaran
Strategis · Indikator Kinerja · Target, REGULATIONS §3.4); the signed PKs head the column
"Tujuan & Sasaran Strategis" and some agree a tujuan's own indicator (a tujuan-level IKU). Such a
row is told apart: "Tujuan: …" in bold, unnumbered, so the numbers count sasaran only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .cells import Row, cell, mid, num


@dataclass(frozen=True)
class BarisTarget:
    """One agreed indicator of Tabel 1, its figures already formatted."""

    pemilik: str
    """The sasaran (or tujuan) the indicator measures, as printed; consecutive rows with the
    same `pemilik` and `tujuan` are merged."""
    tujuan: bool
    """True for a tujuan's own indicator."""
    indikator: str
    satuan: str
    target: str


def target_body(rows: Sequence[BarisTarget]) -> list[Row]:
    """The body of Tabel 1: No., sasaran, indikator, satuan, target; a sasaran's No. and name span
    its consecutive indicators."""
    groups: list[list[BarisTarget]] = []
    for r in rows:
        if groups and (groups[-1][0].pemilik, groups[-1][0].tujuan) == (r.pemilik, r.tujuan):
            groups[-1].append(r)
        else:
            groups.append([r])
    body: list[Row] = []
    n = 0
    for group in groups:
        head = group[0]
        span = len(group)
        if head.tujuan:
            lead: Row = (
                mid("", rowspan=span),
                cell(f"Tujuan: {head.pemilik}", strong=True, rowspan=span),
            )
        else:
            n += 1
            lead = (mid(str(n), rowspan=span), cell(head.pemilik, rowspan=span))
        for k, r in enumerate(group):
            body.append(
                (*(lead if k == 0 else ()), cell(r.indikator), mid(r.satuan), num(r.target))
            )
    return body
