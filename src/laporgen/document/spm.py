"""The SPM (`spm.yaml`) as tables: the SPM table (jenis pelayanan dasar × indikator; per year the
columns the content gives: target, jumlah sasaran and jumlah terlayani, realisasi, then the
capaian; group rows where the jenis change `kelompok`) and each jenis's breakdown tables with
their total row. Figures come from `compute/spm.py`; here they are only formatted."""

from __future__ import annotations

from decimal import Decimal

from ..compute.spm import (
    IndikatorDihitung,
    JenisDihitung,
    Nilai,
    RincianDihitung,
    SpmDihitung,
    TahunDihitung,
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


def spm_context(spm: Spm | None) -> dict[str, dict[int, dict[str, str]]]:
    """The SPM's figures as a narrative sentence quotes them, by indicator id and year:
    `{{ spm["SPM1.1"][2024].capaian }}` prints "95,83%" (`check` suggests these: narasi.angka);
    target, sasaran, terlayani and realisasi as written, "-" where the year gives none."""
    if spm is None:
        return {}
    out: dict[str, dict[int, dict[str, str]]] = {}
    for j in spm_figures(spm).jenis:
        for i in j.indikator:
            if i.indikator.id is None:
                continue
            out[i.indikator.id] = {
                year: {
                    "target": _nilai(t.target),
                    "sasaran": _nilai(t.sasaran),
                    "terlayani": _nilai(t.terlayani),
                    "realisasi": _nilai(t.realisasi),
                    "capaian": persen(t.capaian, tanda=True),
                }
                for year, t in i.tahun.items()
            }
    return out


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


def year_columns(f: SpmDihitung) -> tuple[tuple[str, str], ...]:
    """(field, header) of the columns under each year, as the content fills them: the target
    (as "Target (%)" when every year is given as sasaran/terlayani, whose target is the share to
    serve), jumlah sasaran and terlayani where any year gives them, realisasi where any year is
    given as target/realisasi, and the capaian."""
    years = [t for j in f.jenis for i in j.indikator for t in i.tahun.values()]
    dilayani = any(t.dilayani for t in years)
    lain = not dilayani or any(not t.dilayani for t in years)
    columns: list[tuple[str, str]] = []
    if lain or any(t.target is not None for t in years):
        columns.append(("target", "Target" if lain else "Target (%)"))
    if dilayani:
        columns += [("sasaran", "Jumlah Sasaran"), ("terlayani", "Jumlah Terlayani")]
    if lain:
        columns.append(("realisasi", "Realisasi"))
    return (*columns, ("capaian", "Capaian (%)"))


def spm_table(f: SpmDihitung, caption: tuple[str, ...] = ()) -> Table:
    satuan = any(i.satuan for j in f.spm.jenis for i in j.indikator)
    keys = ["No.", "Jenis Pelayanan Dasar", "Indikator", *(["Satuan"] if satuan else [])]
    per_year = year_columns(f)
    width = len(keys) + len(per_year) * len(f.tahun)
    top: list[Cell | str] = [cell(k, rowspan=2) for k in keys]
    top += [cell(str(y), colspan=len(per_year)) for y in f.tahun]
    second = [header for _ in f.tahun for _field, header in per_year]
    body: list[Row] = []
    kelompok: str | None = None
    for n, j in enumerate(f.jenis, 1):
        if j.jenis.kelompok and j.jenis.kelompok != kelompok:
            body.append((cell(j.jenis.kelompok, colspan=width, strong=True),))
        kelompok = j.jenis.kelompok
        body += _jenis_rows(n, j, f.tahun, satuan, per_year)
    spec = [(0.7, "center"), (3.2, "left"), (3.6, "left"), *([(1.0, "center")] if satuan else [])]
    spec += [(1.1, "right")] * (len(per_year) * len(f.tahun))
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


def _jenis_rows(
    n: int,
    j: JenisDihitung,
    years: tuple[int, ...],
    satuan: bool,
    per_year: tuple[tuple[str, str], ...],
) -> list[Row]:
    """The rows of one jenis pelayanan dasar: its number and name span its indicators."""
    rows: list[Row] = []
    span = len(j.indikator)
    for k, i in enumerate(j.indikator):
        lead = [mid(str(n), rowspan=span), cell(j.jenis.nama, rowspan=span)] if k == 0 else []
        rows.append((*lead, *_indikator_cells(i, years, satuan, per_year)))
    return rows


def _indikator_cells(
    i: IndikatorDihitung,
    years: tuple[int, ...],
    satuan: bool,
    per_year: tuple[tuple[str, str], ...],
) -> list[Cell]:
    cells = [cell(i.indikator.nama), *([mid(i.indikator.satuan or "")] if satuan else [])]
    for year in years:
        t = i.tahun.get(year)
        cells += [num(KOSONG if t is None else _shown(t, field)) for field, _header in per_year]
    return cells


def _shown(t: TahunDihitung, field: str) -> str:
    if field == "capaian":
        return persen(t.capaian)
    return _nilai(getattr(t, field))


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
