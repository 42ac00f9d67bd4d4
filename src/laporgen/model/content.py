"""A document folder's content, loaded whole: settings, the agency, the plan, the program tree,
the year's facts and the narrative files (loaded by `folder.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .anggaran import ProgramTree
from .lkjip import Kinerja
from .nilai import angka_of
from .organisasi import Agency
from .source import Source
from .renstra import Rencana
from .settings import DocumentSettings, RenstraSettings
from .sumber_daya import SumberDaya, SumberDayaRenstra
from .spm import Spm
from .tabel import DeclaredTables

if TYPE_CHECKING:
    from .analisis import Analisis
    from .evaluasi import Evaluasi
    from .rencana_program import RencanaProgram


@dataclass(frozen=True)
class Narasi:
    """A narrative Markdown file (`narasi/<id>.md`), not yet rendered."""

    id: str
    text: str
    path: Path


ProgramNodes = dict[str, tuple[str, Any, dict[int, Decimal]]]
RealisasiValues = dict[tuple[str, str, str], dict[int, Decimal | None]]
"""Every program-tree node by id: (level, node, its own pagu per year), for `laporgen diff`."""


class Content(Protocol):
    """What every loaded document has, whatever its type (`laporgen.jenis` names the types):
    each type's content class (`LkjipContent`, `RenstraContent`, `PkContent`) has these."""

    @property
    def folder(self) -> Path: ...
    @property
    def settings(self) -> Any: ...

    """The validated document.toml; `settings.jenis` names the type."""

    @property
    def agency(self) -> Agency: ...
    @property
    def rencana(self) -> Rencana: ...
    @property
    def narasi(self) -> dict[str, Narasi]: ...
    @property
    def sources(self) -> dict[str, Source]: ...
    @property
    def tabel(self) -> DeclaredTables: ...

    """The tables declared in `tabel.yaml` (every type may hold one)."""

    def program_nodes(self) -> ProgramNodes:
        """Every program-tree node by id, with its pagu per year."""
        ...

    def realisasi_values(self) -> RealisasiValues:
        """Every realisasi the content records, by (bagian, id, name), per year."""
        ...


@dataclass(frozen=True)
class LkjipContent:
    folder: Path
    settings: DocumentSettings
    agency: Agency
    rencana: Rencana
    program: ProgramTree
    kinerja: Kinerja
    sumber_daya: SumberDaya
    narasi: dict[str, Narasi]
    sources: dict[str, Source]
    """Where each part came from, by part name ("document", "agency", "rencana", …)."""
    tabel: DeclaredTables = field(default_factory=DeclaredTables)
    spm: Spm | None = None
    """`spm.yaml`, the Standar Pelayanan Minimal, when the document prints one."""

    def program_nodes(self) -> ProgramNodes:
        year = self.settings.tahun
        out: ProgramNodes = {}
        for p in self.program.program:
            out[p.id] = ("program", p, {})
            for k in p.kegiatan:
                out[k.id] = ("kegiatan", k, {year: k.anggaran.pagu} if k.anggaran else {})
                for s in k.sub_kegiatan:
                    out[s.id] = ("sub_kegiatan", s, {year: s.anggaran.pagu})
        return out

    def realisasi_values(self) -> RealisasiValues:
        year = self.settings.tahun
        out: RealisasiValues = {}
        for t in self.rencana.tujuan:
            for i in [*t.indikator, *(i for s in t.sasaran for i in s.indikator)]:
                if i.id in self.kinerja.realisasi:
                    out[("realisasi", i.id, i.nama)] = {
                        year: angka_of(self.kinerja.realisasi[i.id].nilai)
                    }
        names = {key[1]: key for key in out}
        for r in self.kinerja.riwayat:  # earlier years, as this year's report prints them
            if r.id is not None:
                key = names.get(r.id, ("realisasi", r.id, r.indikator))
                out.setdefault(key, {}).update(
                    {y: angka_of(v.realisasi) for y, v in r.tahun.items() if y != year}
                )
        for node_id, (_level, node, _) in self.program_nodes().items():
            if getattr(node, "anggaran", None) is not None:
                out[("realisasi_anggaran", node_id, node.nama)] = {year: node.anggaran.realisasi}
        return out


@dataclass(frozen=True)
class RenstraContent:
    folder: Path
    settings: RenstraSettings
    agency: Agency
    rencana: Rencana
    program: RencanaProgram | None
    evaluasi: Evaluasi
    sumber_daya: SumberDayaRenstra
    analisis: Analisis
    narasi: dict[str, Narasi]
    sources: dict[str, Source]
    tabel: DeclaredTables = field(default_factory=DeclaredTables)
    spm: Spm | None = None
    """`spm.yaml`, the Standar Pelayanan Minimal, when the document prints one."""

    @property
    def isu_strategis(self) -> list[str]:
        """The isu strategis the Renstra prints (BAB III.5): analisis.yaml's list where given,
        else rencana.yaml's (the plan's, which an LKjIP reading this plan prints too). Two
        different lists are refused (`refs.check_renstra_references`), so neither vanishes."""
        return self.analisis.isu_strategis or self.rencana.isu_strategis

    def program_nodes(self) -> ProgramNodes:
        out: ProgramNodes = {}
        for p in self.program.program if self.program else []:
            out[p.id] = ("program", p, {})
            for k in p.kegiatan:
                out[k.id] = ("kegiatan", k, dict(k.pagu))
                for s in k.sub_kegiatan:
                    out[s.id] = ("sub_kegiatan", s, dict(s.pagu))
        return out

    def realisasi_values(self) -> RealisasiValues:
        out: RealisasiValues = {}
        kp = self.evaluasi.kinerja_pelayanan
        for i in kp.indikator if kp else []:
            out[("realisasi", i.nama, i.nama)] = {y: angka_of(v) for y, v in i.realisasi.items()}
        ar = self.evaluasi.anggaran_realisasi
        stack = list(ar.uraian) if ar else []
        while stack:
            u = stack.pop(0)
            if u.realisasi:
                out[("realisasi_anggaran", u.nama, u.nama)] = dict(u.realisasi)
            stack[:0] = u.anak
        return out
