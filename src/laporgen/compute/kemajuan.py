"""Targets over the plan period: target akhir, tingkat kemajuan, quarterly totals (F7, F12)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Literal

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
