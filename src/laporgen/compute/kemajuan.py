"""Targets over the plan period: target akhir, tingkat kemajuan, quarterly totals (F7, F12)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..model.nilai import NilaiTarget, Tertulis, nilai_of, satuan_of
from .capaian import capaian_persen

AturanAkhir = Literal["last", "sum", "max"] | Decimal


def target_akhir(
    target: Mapping[int, Decimal], aturan: AturanAkhir = "last", tahun_akhir: int | None = None
) -> Decimal | None:
    """The target at the end of the plan: the last year's, the sum, the max, or a given value.
    With `tahun_akhir` (the plan's final year), "last" is that year's target and None when the
    plan sets none: another year's target is not the end target."""
    if isinstance(aturan, Decimal):
        return aturan
    if not target:
        return None
    if aturan == "sum":
        return sum(target.values(), Decimal(0))
    if aturan == "max":
        return max(target.values())
    if tahun_akhir is not None:
        return target.get(tahun_akhir)
    return target[max(target)]


@dataclass(frozen=True)
class Akhir:
    """Kondisi akhir of an indicator: its value (a number, or text as written) and its unit."""

    nilai: Decimal | Tertulis | None
    satuan: str


def kondisi_akhir(
    target: Mapping[int, NilaiTarget],
    aturan: AturanAkhir,
    satuan: str,
    tahun: Iterable[int] | None = None,
) -> Akhir:
    """The one rule of kondisi akhir (F6) for every table that prints one (T-C.25's plan, the
    T-C.27 rows, T-C.28), over `tahun` (default: every year of the series). A given value as
    given; "last": the last year that holds a target, as written when it is text (a plan that
    ends on predikat "A" ends on "A"), with that year's own unit; "sum" and "max" only of a
    series of numbers, none when a year holds text (text is never computed)."""
    if isinstance(aturan, Decimal):
        return Akhir(aturan, satuan)
    years = sorted(target if tahun is None else tahun)
    cells = [
        c
        for c in (target.get(y) for y in years)
        if isinstance(c, Tertulis) or nilai_of(c) is not None
    ]
    if not cells:
        return Akhir(None, satuan)
    unit = satuan_of(cells[-1], satuan)
    if aturan == "last":
        last = cells[-1]
        return Akhir(last if isinstance(last, Tertulis) else nilai_of(last), unit)
    numbers = [v for v in (nilai_of(c) for c in cells) if v is not None]
    if len(numbers) < len(cells):
        return Akhir(None, unit)
    return Akhir(target_akhir(dict(enumerate(numbers)), aturan), unit)


def tingkat_kemajuan(
    realisasi: Decimal | None,
    akhir: Decimal | None,
    arah: Literal["positif", "negatif"] = "positif",
    rumus_negatif: Literal["lan", "inverse"] = "lan",
) -> Decimal | None:
    """Realisasi this year against the end-of-plan target, in percent (Tabel 3.4: 6 = 4/5×100)."""
    return capaian_persen(akhir, realisasi, arah, rumus_negatif)


def total_triwulan(
    nilai: Sequence[Decimal | None], agregasi: Literal["jumlah", "akhir", "rata"] = "jumlah"
) -> Decimal | None:
    """The annual figure from quarterly targets: their sum, the TW IV value, or their mean;
    quarters without a target (None) are skipped."""
    present = [v for v in nilai if v is not None]
    if not present:
        return None
    if agregasi == "akhir":
        return nilai[-1] if nilai[-1] is not None else present[-1]
    total = sum(present, Decimal(0))
    return total / len(present) if agregasi == "rata" else total
