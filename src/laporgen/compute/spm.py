"""The figures of the SPM (`spm.yaml`): each indicator's capaian per year (terlayani / sasaran ×
100 where the year gives them, else realisasi / target × 100; unrounded: `numbers.py` rounds for
display, `check` at the printed precision) and each
breakdown table's total per year. Decimal throughout; a value written as text ("N.a") is carried
as text and never enters a sum or a capaian."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model.nilai import Tertulis
from ..model.spm import IndikatorSpm, JenisPelayanan, Rincian, Spm, TahunSpm
from .capaian import capaian_persen

Nilai = Decimal | Tertulis | str | None
"""A value as the content gives it: a number, a note printed as it is, or nothing."""


@dataclass(frozen=True)
class TahunDihitung:
    target: Nilai
    sasaran: Nilai
    terlayani: Nilai
    realisasi: Nilai
    capaian: Decimal | None
    """terlayani / sasaran × 100 when the year gives either (`dilayani`), else realisasi / target
    × 100; None when one of the two is no number, or the divisor is 0 with a count above it."""
    dilayani: bool = False
    """Whether the capaian is terlayani / sasaran (the SPM's own measure)."""


@dataclass(frozen=True)
class IndikatorDihitung:
    indikator: IndikatorSpm
    tahun: dict[int, TahunDihitung]


@dataclass(frozen=True)
class RincianDihitung:
    rincian: Rincian
    tahun: tuple[int, ...]
    """The years of its columns: every year a row gives a value for, in order."""
    jumlah: dict[int, Decimal | None]
    """The total per year: the sum of the rows' numbers; None when no row has a number that year."""


@dataclass(frozen=True)
class JenisDihitung:
    jenis: JenisPelayanan
    indikator: tuple[IndikatorDihitung, ...]
    rincian: tuple[RincianDihitung, ...]


@dataclass(frozen=True)
class SpmDihitung:
    spm: Spm
    tahun: tuple[int, ...]
    """The years of the SPM table's columns: every year an indicator gives, in order."""
    jenis: tuple[JenisDihitung, ...]


def number(value: Nilai) -> Decimal | None:
    """The number of a value; None for a note or nothing."""
    return value if isinstance(value, Decimal) else None


def spm_figures(spm: Spm) -> SpmDihitung:
    years = sorted({y for j in spm.jenis for i in j.indikator for y in i.tahun})
    return SpmDihitung(
        spm,
        tuple(years),
        tuple(
            JenisDihitung(
                j,
                tuple(_indikator(i) for i in j.indikator),
                tuple(rincian_figures(r) for r in j.rincian),
            )
            for j in spm.jenis
        ),
    )


def _indikator(i: IndikatorSpm) -> IndikatorDihitung:
    return IndikatorDihitung(i, {year: _tahun(t) for year, t in sorted(i.tahun.items())})


def _tahun(t: TahunSpm) -> TahunDihitung:
    if t.dilayani:
        capaian = capaian_persen(number(t.sasaran), number(t.terlayani))
    else:
        capaian = capaian_persen(number(t.target), number(t.realisasi))
    return TahunDihitung(t.target, t.sasaran, t.terlayani, t.realisasi, capaian, t.dilayani)


def rincian_figures(r: Rincian) -> RincianDihitung:
    years = tuple(sorted({y for b in r.baris for y in b.nilai}))
    totals: dict[int, Decimal | None] = {}
    for year in years:
        numbers = [v for b in r.baris if isinstance(v := b.nilai.get(year), Decimal)]
        totals[year] = sum(numbers, Decimal(0)) if numbers else None
    return RincianDihitung(r, years, totals)


def banding_of(f: SpmDihitung, r: Rincian) -> str:
    """Which value of its indicator a breakdown's totals equal: as `banding` says, else the
    number served (terlayani where the indicator gives sasaran/terlayani, else realisasi)."""
    if r.banding is not None:
        return r.banding
    found = next((i for j in f.jenis for i in j.indikator if i.indikator.id == r.indikator), None)
    return "terlayani" if found is not None and found.indikator.dilayani else "realisasi"


def banding(f: SpmDihitung, r: Rincian, year: int) -> Decimal | None:
    """The value of the indicator a breakdown names (`banding_of`) in `year`, which the
    breakdown's total must equal; None when it names none or that value is no number."""
    for j in f.jenis:
        for i in j.indikator:
            if r.indikator is not None and i.indikator.id == r.indikator and year in i.tahun:
                return number(getattr(i.tahun[year], banding_of(f, r)))
    return None
