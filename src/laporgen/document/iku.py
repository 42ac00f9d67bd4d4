"""The Indikator Kinerja Utama table, shared by the LKjIP (Tabel 2.4 and Lampiran B) and a
Renstra that prints one: every indicator the plan marks `iku: true`, where it sits: a tujuan's
under its tujuan, a sasaran's under its sasaran. With `[iku] kelompok` the two levels come under
their group rows ("A. Indikator Kinerja Tujuan", "B. Indikator Kinerja Sasaran"), as many
documents print them; otherwise the tujuan's rows simply come first.

Two forms: the definitions (`iku_table`: Definisi Operasional, Formulasi, Sumber Data, as LKjIP
Tabel 2.4 prints them), and, in a Renstra with `[iku] bentuk = "target"`, the targets
(`iku_target_table`: Kondisi Awal, a target per plan year, Kondisi Akhir, as Renstras print the
IKU in BAB VII/VIII or a Lampiran)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..model.nilai import Tertulis
from ..model.renstra import Indikator, Rencana
from ..model.settings import TabelIku, TabelIkuRenstra
from ..numbers import KOSONG, angka
from .cells import Row, cell, columns, head, isian, mid, num
from .nodes import Table

WIDTH = 6
"""The columns of the IKU table."""


def iku_table(rencana: Rencana, setting: TabelIku, caption: tuple[str, ...]) -> Table:
    body: list[Row] = []
    for group, owners in _levels(rencana, setting):
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


def iku_target_table(
    rencana: Rencana,
    setting: TabelIkuRenstra,
    tahun_awal: int,
    akhir: Mapping[str, Decimal | Tertulis | None],
    caption: tuple[str, ...],
) -> Table:
    """The IKU with their targets: No, Indikator Kinerja Utama, the `kolom` asked for, Satuan,
    Kondisi Awal (`tahun_awal`), a target per plan year and the Kondisi Akhir (`akhir`, each
    indicator's end target by its rule, as T-C.28 prints it), values bare beside the Satuan
    column; a predikat, "N.a" or a note prints as written. Grouped by level with `kelompok`,
    numbered from 1 in each group."""
    years = rencana.tahun
    extra = [k for k in ("definisi", "formula") if k in setting.kolom]
    sumber = "sumber_data" in setting.kolom
    width = 5 + len(years) + len(extra) + sumber
    body: list[Row] = []
    n = 0
    for group, owners in _levels(rencana, setting):
        indikator = [ind for _, inds in owners for ind in inds]
        if setting.kelompok and indikator:
            body.append((cell(group, colspan=width, strong=True),))
            n = 0
        for ind in indikator:
            n += 1
            body.append(
                (
                    mid(str(n)),
                    cell(ind.nama),
                    *(cell(_penjelasan(ind, k) or KOSONG) for k in extra),
                    mid(ind.satuan),
                    num(isian(ind.kondisi_awal)),
                    *(num(isian(ind.target.get(y))) for y in years),
                    num(isian(akhir.get(ind.id))),
                    *((cell(ind.sumber_data or KOSONG),) if sumber else ()),
                )
            )
    if not body:  # as the definitions form; check notes it (iku.kosong)
        body = [(mid("NIHIL", colspan=width),)]
    titles = {"definisi": "Definisi Operasional", "formula": "Formulasi/ Rumus Perhitungan"}
    return Table(
        "iku",
        "",
        "Indikator Kinerja Utama",
        columns(
            (0.8, "center"),
            (4.2, "left"),
            *[(3.4, "left")] * len(extra),
            (1.2, "center"),
            (1.4, "right"),
            *[(1.2, "right")] * len(years),
            (1.4, "right"),
            *([(2.2, "left")] if sumber else []),
        ),
        head(
            (
                cell("No.", rowspan=2),
                cell("Indikator Kinerja Utama", rowspan=2),
                *(cell(titles[k], rowspan=2) for k in extra),
                cell("Satuan", rowspan=2),
                "Kondisi Awal",
                cell("Target Kinerja", colspan=len(years)),
                "Kondisi Akhir",
                *((cell("Sumber Data", rowspan=2),) if sumber else ()),
            ),
            (str(tahun_awal), *(str(y) for y in years), str(rencana.periode[1])),
        ),
        tuple(body),
        caption_lines=caption,
        font_size="small",
    )


def _levels(
    rencana: Rencana, setting: TabelIku
) -> list[tuple[str, list[tuple[str, list[Indikator]]]]]:
    """The IKU by level, each with its group row's text: the tujuan's, then the sasaran's, each
    with the uraian of the tujuan or sasaran it belongs to."""
    tujuan = [(t.uraian, [i for i in t.indikator if i.iku]) for t in rencana.tujuan]
    sasaran = [
        (s.uraian, [i for i in s.indikator if i.iku]) for t in rencana.tujuan for s in t.sasaran
    ]
    return [(setting.kelompok_tujuan, tujuan), (setting.kelompok_sasaran, sasaran)]


def _penjelasan(ind: Indikator, kolom: str) -> str:
    return (ind.definisi or "") if kolom == "definisi" else _rumus(ind)


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
