"""The Indikator Kinerja Utama table, shared by the LKjIP (Tabel 2.4 and Lampiran B) and a
Renstra that prints one: every indicator the plan marks `iku: true`, where it sits: a tujuan's
under its tujuan, a sasaran's under its sasaran. With `[iku] kelompok` the two levels come under
their group rows ("A. Indikator Kinerja Tujuan", "B. Indikator Kinerja Sasaran"), as many
documents print them; otherwise the tujuan's rows simply come first."""

from __future__ import annotations

from ..model.renstra import Indikator, Rencana
from ..model.settings import TabelIku
from ..numbers import KOSONG, angka
from .cells import Row, cell, columns, head, mid
from .nodes import Table

WIDTH = 6
"""The columns of the IKU table."""


def iku_table(rencana: Rencana, setting: TabelIku, caption: tuple[str, ...]) -> Table:
    tujuan = [(t.uraian, [i for i in t.indikator if i.iku]) for t in rencana.tujuan]
    sasaran = [
        (s.uraian, [i for i in s.indikator if i.iku]) for t in rencana.tujuan for s in t.sasaran
    ]
    body: list[Row] = []
    for group, owners in ((setting.kelompok_tujuan, tujuan), (setting.kelompok_sasaran, sasaran)):
        rows = _rows(owners)
        if setting.kelompok and rows:
            body.append((cell(group, colspan=WIDTH, strong=True),))
        body += rows
    if not body:  # as the seed prints an empty table (001 Tabel 3.5); check notes it
        body = [(mid("NIHIL", colspan=WIDTH),)]
    return Table(
        "iku",
        "",
        "Indikator Kinerja Utama",
        columns(
            (2.6, "left"),
            (3, "left"),
            (1.2, "center"),
            (4.6, "left"),
            (3.6, "left"),
            (2.2, "left"),
        ),
        head(
            (
                cell("Tujuan/ Sasaran Strategis", rowspan=2),
                cell("Indikator Kinerja", rowspan=2),
                cell("Satuan", rowspan=2),
                cell("Penjelasan", colspan=3),
            ),
            ("Definisi Operasional", "Formulasi/ Rumus Perhitungan", "Sumber Data"),
        ),
        tuple(body),
        caption_lines=caption,
        font_size="small",
    )


def _rows(owners: list[tuple[str, list[Indikator]]]) -> list[Row]:
    """A row per IKU; the tujuan or sasaran it belongs to named on its first row."""
    return [
        (
            cell(uraian if n == 1 else ""),
            cell(ind.nama),
            mid(ind.satuan),
            cell(ind.definisi or KOSONG),
            cell(_rumus(ind) or KOSONG),
            cell(ind.sumber_data or KOSONG),
        )
        for uraian, indikator in owners
        for n, ind in enumerate(indikator, 1)
    ]


def _rumus(ind: Indikator) -> str:
    if not ind.formula:
        return ""
    kali = f" x {angka(ind.formula.kali)}" if ind.formula.kali is not None else ""
    return f"{ind.formula.pembilang}\n÷\n{ind.formula.penyebut}{kali}"
