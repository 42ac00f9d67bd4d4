"""Targets over the plan period: target akhir, tingkat kemajuan, quarterly totals (F7, F12)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Literal

from ..model.nilai import Tertulis, angka_semua
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


def target_akhir_isian(
    target: Mapping[int, Decimal | Tertulis], aturan: AturanAkhir = "last"
) -> Decimal | Tertulis | None:
    """The end target of a series that may hold text (a predikat, n.a): by "last" the last
    year's cell as written ("A" when the plan ends on predikat A); a sum or a max only of a
    series of numbers, none when a year holds text (text is never computed)."""
    if aturan == "last" and target and isinstance(target[max(target)], Tertulis):
        return target[max(target)]
    numbers = angka_semua(target)
    if aturan in ("sum", "max") and len(numbers) != len(target):
        return None
    return target_akhir(numbers, aturan)


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
