"""The SPM (`spm.yaml`) as tables: the SPM table (jenis pelayanan dasar × indikator, a target,
realisasi and capaian column per year, group rows where the jenis change `kelompok`) and each
jenis's breakdown tables with their total row. Figures come from `compute/spm.py`; here they are
only formatted."""

from __future__ import annotations

from decimal import Decimal

from ..compute.spm import (
    IndikatorDihitung,
    JenisDihitung,
    Nilai,
    RincianDihitung,
    SpmDihitung,
    spm_figures,
)
from ..model.spm import Spm
from ..numbers import KOSONG, angka, persen
from .cells import Row, cell, columns, head, mid, num
from .nodes import Block, Cell, Landscape, Table

SPM_ID = "spm"
"""The id of the SPM table (its breakdowns take their own ids)."""


def spm_blocks(spm: Spm, caption: tuple[str, ...] = ()) -> list[Block]:
    """The SPM table on a landscape page, then every breakdown table in the order of its jenis."""
    f = spm_figures(spm)
    return [
        Landscape((spm_table(f, caption),)),
        *(rincian_table(r, caption) for j in f.jenis for r in j.rincian),
    ]


def _nilai(value: Nilai) -> str:
    """A value as written: a number with the decimals it was typed with, a note as it is (any
    text value prints as its `str`), nothing as "-"."""
    if value is None or isinstance(value, Decimal):
        return angka(value)
    return str(value)


def spm_title(f: SpmDihitung) -> str:
    s = f.spm
    if s.judul:
        return s.judul
    bidang = f" Bidang {s.bidang}" if s.bidang else ""
    years = f.tahun
    span = "" if not years else f" Tahun {years[0]}" + (f"-{years[-1]}" if len(years) > 1 else "")
    return f"Capaian Standar Pelayanan Minimal{bidang}{span}"


def spm_table(f: SpmDihitung, caption: tuple[str, ...] = ()) -> Table:
    satuan = any(i.satuan for j in f.spm.jenis for i in j.indikator)
    keys = ["No.", "Jenis Pelayanan Dasar", "Indikator", *(["Satuan"] if satuan else [])]
    width = len(keys) + 3 * len(f.tahun)
    top: list[Cell | str] = [cell(k, rowspan=2) for k in keys]
    top += [cell(str(y), colspan=3) for y in f.tahun]
    second = [t for _ in f.tahun for t in ("Target", "Realisasi", "Capaian (%)")]
    body: list[Row] = []
    kelompok: str | None = None
    for n, j in enumerate(f.jenis, 1):
        if j.jenis.kelompok and j.jenis.kelompok != kelompok:
            body.append((cell(j.jenis.kelompok, colspan=width, strong=True),))
        kelompok = j.jenis.kelompok
        body += _jenis_rows(n, j, f.tahun, satuan)
    spec = [(0.7, "center"), (3.2, "left"), (3.6, "left"), *([(1.0, "center")] if satuan else [])]
    spec += [(1.1, "right")] * (3 * len(f.tahun))
    return Table(
        SPM_ID,
        "",
        spm_title(f),
        columns(*spec),
        head(top, second),
        tuple(body),
        caption_lines=caption,
        source=f"Sumber : {f.spm.sumber}" if f.spm.sumber else None,
        font_size="small",
    )


def _jenis_rows(n: int, j: JenisDihitung, years: tuple[int, ...], satuan: bool) -> list[Row]:
    """The rows of one jenis pelayanan dasar: its number and name span its indicators."""
    rows: list[Row] = []
    span = len(j.indikator)
    for k, i in enumerate(j.indikator):
        lead = [mid(str(n), rowspan=span), cell(j.jenis.nama, rowspan=span)] if k == 0 else []
        rows.append((*lead, *_indikator_cells(i, years, satuan)))
    return rows


def _indikator_cells(i: IndikatorDihitung, years: tuple[int, ...], satuan: bool) -> list[Cell]:
    cells = [cell(i.indikator.nama), *([mid(i.indikator.satuan or "")] if satuan else [])]
    for year in years:
        t = i.tahun.get(year)
        if t is None:
            cells += [num(KOSONG)] * 3
            continue
        cells += [num(_nilai(t.target)), num(_nilai(t.realisasi)), num(persen(t.capaian))]
    return cells


def rincian_table(r: RincianDihitung, caption: tuple[str, ...] = ()) -> Table:
    """A breakdown: a row per category, a column per year, the total row in the foot."""
    d = r.rincian
    unit = f" ({d.satuan})" if d.satuan else ""
    years = r.tahun
    top: list[Cell | str] = [cell("No.", rowspan=2), cell(d.kategori, rowspan=2)]
    top.append(cell(f"Jumlah{unit}", colspan=len(years)))
    body = [
        (mid(str(n)), cell(b.kategori), *(num(_nilai(b.nilai.get(y))) for y in years))
        for n, b in enumerate(d.baris, 1)
    ]
    foot = (
        cell("Jumlah", colspan=2, align="center", strong=True),
        *(num(angka(r.jumlah[y]), strong=True) for y in years),
    )
    return Table(
        d.id,
        "",
        d.judul,
        columns((0.7, "center"), (4.0, "left"), *[(1.3, "right")] * len(years)),
        head(top, [str(y) for y in years]),
        tuple(body),
        (foot,),
        caption_lines=caption,
        source=f"Sumber : {d.sumber}" if d.sumber else None,
    )
