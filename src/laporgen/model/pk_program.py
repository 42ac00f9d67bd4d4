"""The Renstra's program.yaml as a Perjanjian Kinerja reads it: "no figure typed twice". A PK
that reads a Renstra with a program.yaml (`renstra = "../renstra-2025-2029"`) takes its programs,
kegiatan, indicators, the year's targets and the year's pagu indikatif from there (`program_pk`
in model/pk.py); `anggaran.yaml` may then be left out, or state only the DPA's pagu of a kegiatan
where it differs (`pagu: {K1.1: 120000000}`). Programs typed in anggaran.yaml are printed as
typed (a PK without such a plan types them all), and `check` compares them with the plan
(check/pk_rencana.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .nilai import Nilai, Tertulis
from .read import find_data_file
from .rencana_program import IndikatorRencana, KegiatanRencana, RencanaProgram
from .source import Source
from .validate import load


@dataclass(frozen=True)
class PlanProgram:
    """The program.yaml of the Renstra a PK reads, with its source (for a finding's line)."""

    rencana: RencanaProgram
    source: Source


def plan_program(folder: Path, renstra: str | None) -> PlanProgram | None:
    """The program.yaml of the Renstra named in `renstra`, when it has one (a data-only plan has
    only rencana.yaml); a broken one is an input error here, as the plan's rencana.yaml is."""
    if renstra is None:
        return None
    path = find_data_file((folder / renstra).resolve(), "program")
    if path is None:
        return None
    rencana, source = load(RencanaProgram, path)
    return PlanProgram(rencana, source)


def kegiatan_pagu_rencana(k: KegiatanRencana, tahun: int) -> Decimal | None:
    """The plan's pagu indikatif of a kegiatan in `tahun`: its own, or the sum of its sub
    kegiatan's; None when nothing under it is budgeted that year."""
    if k.sub_kegiatan:
        given = [s.pagu[tahun] for s in k.sub_kegiatan if tahun in s.pagu]
        return sum(given, Decimal(0)) if given else None
    return k.pagu.get(tahun)


def target_tahun(i: IndikatorRencana, tahun: int) -> tuple[str, Decimal | Tertulis]:
    """A plan indicator's satuan and target of `tahun` (a target with its own unit keeps it; no
    target that year prints "-")."""
    value = i.target.get(tahun)
    satuan = i.satuan
    if isinstance(value, Nilai):
        satuan = value.satuan or satuan
        value = value.nilai
    return satuan, Tertulis("-", "na") if value is None else value
