"""The figures of a Perjanjian Kinerja: each agreed indicator with its target of the year (and the
plan's, to compare), each program with its pagu summed from its kegiatan, and the total.
`pk_figures(content)` is the only entry point."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model.nilai import Tertulis
from ..model.pk import IndikatorPk, KegiatanPk, PkContent, ProgramPk
from ..model.renstra import Indikator, Sasaran, Tujuan


@dataclass(frozen=True)
class TargetPk:
    """A row of the lampiran: a sasaran's indicator and its agreed target of the year."""

    sasaran: Sasaran | Tujuan
    """The sasaran the indicator measures, or the tujuan for a tujuan's own indicator."""
    indikator: Indikator
    target: Decimal | Tertulis | None
    target_renstra: Decimal | Tertulis | None
    """The plan's target of the year; differs from `target` when the PK agreed another. Text (a
    predikat, "n.a", a note) as written, never computed."""


@dataclass(frozen=True)
class BarisProgramPk:
    """A row of the program table: a program or a kegiatan (pagu summed from the rows under it),
    or a sub kegiatan."""

    nomor: str
    """"1" for a program, "1.2" for its second kegiatan, "1.2.3" for that one's third sub
    kegiatan."""
    nama: str
    indikator: tuple[IndikatorPk, ...]
    pagu: Decimal
    tingkat: int
    """0 a program, 1 a kegiatan, 2 a sub kegiatan."""

    @property
    def program(self) -> bool:
        return self.tingkat == 0


@dataclass(frozen=True)
class PkFigures:
    target: tuple[TargetPk, ...]
    program: tuple[BarisProgramPk, ...]
    total_pagu: Decimal
    """Σ pagu of every kegiatan and sub kegiatan typed (Rupiah)."""

    @property
    def sub_kegiatan(self) -> bool:
        """Whether the table has sub kegiatan rows."""
        return any(r.tingkat == 2 for r in self.program)


def pk_figures(c: PkContent) -> PkFigures:
    """Every figure of the PK of `c`."""
    return PkFigures(_targets(c), _program_rows(c.anggaran.program), total_pagu(c.anggaran.program))


def _targets(c: PkContent) -> tuple[TargetPk, ...]:
    """The agreed rows in the plan's order: a tujuan's own indicator (a tujuan-level IKU) when
    `perjanjian.indikator` names it, as the LKjIP's Perjanjian Kinerja may; every sasaran
    indicator when it names none."""
    tahun = c.settings.tahun
    chosen = set(c.perjanjian.indikator)
    rows = []
    for t in c.rencana.tujuan:
        owned: list[tuple[Tujuan | Sasaran, Indikator]] = [
            (t, i) for i in t.indikator if i.id in chosen
        ]
        owned += [(s, i) for s in t.sasaran for i in s.indikator]
        for owner, i in owned:
            if chosen and i.id not in chosen:
                continue
            plan = i.target.get(tahun)
            rows.append(TargetPk(owner, i, c.perjanjian.target.get(i.id, plan), plan))
    return tuple(rows)


def kegiatan_pagu(k: KegiatanPk) -> Decimal:
    """A kegiatan's pagu: its own, or the sum of its sub kegiatan's (Rupiah)."""
    if k.pagu is not None:
        return k.pagu
    return sum((s.pagu for s in k.sub_kegiatan), Decimal(0))


def program_pagu(p: ProgramPk) -> Decimal:
    """A program's pagu: the sum of its kegiatan's (Rupiah)."""
    return sum((kegiatan_pagu(k) for k in p.kegiatan), Decimal(0))


def total_pagu(program: list[ProgramPk]) -> Decimal:
    """The PK's whole budget: Σ of every program's pagu (Rupiah)."""
    return sum((program_pagu(p) for p in program), Decimal(0))


def _program_rows(program: list[ProgramPk]) -> tuple[BarisProgramPk, ...]:
    """Program, kegiatan and sub kegiatan rows in order, numbered by the hierarchy as the LKjIP's
    budget tables number them ("2", "2.1", "2.1.1"), so a reader sees which rows add up."""
    rows: list[BarisProgramPk] = []
    for n, p in enumerate(program, 1):
        rows.append(BarisProgramPk(str(n), p.nama, tuple(p.indikator), program_pagu(p), 0))
        for m, k in enumerate(p.kegiatan, 1):
            rows.append(BarisProgramPk(f"{n}.{m}", k.nama, tuple(k.indikator), kegiatan_pagu(k), 1))
            rows += [
                BarisProgramPk(f"{n}.{m}.{o}", s.nama, tuple(s.indikator), s.pagu, 2)
                for o, s in enumerate(k.sub_kegiatan, 1)
            ]
    return tuple(rows)
