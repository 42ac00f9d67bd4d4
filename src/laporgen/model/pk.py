"""The Perjanjian Kinerja (PK): the year's performance agreement between the head of the agency
(pihak pertama) and the Bupati/Wali Kota (pihak kedua), signed each January and amended as a
Perubahan PK. Its sasaran, indikator and targets are the agency's Renstra's for that year
(`renstra = "../renstra-2024-2026"` in document.toml); its program table is the year's DPA:
`anggaran.yaml`. `perjanjian.yaml` (optional) narrows the indicators or records an agreed target
that differs from the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from ..errors import LaporgenError, Problem
from ..i18n import _
from .content import Narasi, ProgramNodes, RealisasiValues
from .fields import Id, Model, Rupiah, Tahun, both, given
from .nilai import SAKIP, Isian, predikat_problems
from .folder import load_parts
from .organisasi import Agency
from .source import Source
from .renstra import Rencana
from .settings import Penandatangan
from .tabel import DeclaredTables


class PihakKedua(Model):
    """The superior who signs with the head of the agency: the Bupati or Wali Kota."""

    nama: str
    gelar: str = ""
    jabatan: list[str] = Field(
        min_length=1, description='As printed over the signature: ["BUPATI MAGETAN"]'
    )

    @property
    def nama_gelar(self) -> str:
        return f"{self.nama}, {self.gelar}" if self.gelar else self.nama


class PkSettings(Model):
    jenis: Literal["pk"]
    tahun: Tahun = Field(description="The year the agreement is for")
    versi: Literal["murni", "perubahan"] = Field(
        "murni",
        description="murni: the PK signed in January; perubahan: an amended PK (Perubahan PK)",
    )
    renstra: str | None = Field(
        None,
        description='The agency\'s Renstra folder, relative to this one ("../renstra-2024-2026"): '
        "sasaran, indikator and the year's targets are read from its rencana.yaml",
    )
    lkjip: str | None = Field(
        None,
        description='The LKjIP of the same year, relative to this one ("../lkjip-2024"): `laporgen check` '
        "compares the PK targets with the PK recorded there",
    )
    kertas: Literal["A4", "F4"] = "A4"
    predikat: dict[str, list[str]] = Field(
        {"SAKIP": list(SAKIP)},
        description="The predikat scales a target may hold, best first, by name (a target "
        '"BB" must be one of them). Default: agency.yaml\'s `predikat`, else the SAKIP scale; '
        "written here, it replaces the agency's",
    )
    tanda_tangan: Penandatangan
    pihak_kedua: PihakKedua
    logo: str | None = Field(None, description="Image file for the cover, relative to this folder")


class IndikatorPk(Model):
    nama: str
    satuan: str
    target: Isian


class SubKegiatanPk(Model):
    id: Id
    kode: str | None = None
    nama: str
    indikator: list[IndikatorPk] = []
    pagu: Rupiah = Field(description="Pagu of the DPA (Rupiah)")


class KegiatanPk(Model):
    """A kegiatan of the DPA: its pagu, or, since Permendagri 90/2019 holds the budget at sub
    kegiatan level, its sub kegiatan with theirs (the kegiatan's pagu is then their sum)."""

    id: Id
    kode: str | None = None
    nama: str
    indikator: list[IndikatorPk] = []
    pagu: Rupiah | None = Field(
        None, description="Pagu of the DPA (Rupiah); only for a kegiatan without sub_kegiatan"
    )
    sub_kegiatan: list[SubKegiatanPk] = Field(
        [], description="The DPA's sub kegiatan, each with its pagu: the kegiatan's is their sum"
    )

    # the rule of `_money_at_leaves`, for the editor
    model_config = ConfigDict(
        json_schema_extra={
            "not": both("pagu", "sub_kegiatan"),
            "anyOf": [given("pagu"), given("sub_kegiatan")],
        }
    )

    @model_validator(mode="after")
    def _money_at_leaves(self) -> "KegiatanPk":
        if self.sub_kegiatan and self.pagu is not None:
            raise ValueError(
                _("a kegiatan with sub_kegiatan takes its pagu from them; remove pagu")
            )
        if not self.sub_kegiatan and self.pagu is None:
            raise ValueError(
                _(
                    "a kegiatan without sub_kegiatan needs a pagu; add `pagu:` (Rupiah), or list its sub_kegiatan"
                )
            )
        return self


class ProgramPk(Model):
    id: Id
    kode: str | None = None
    nama: str
    indikator: list[IndikatorPk] = []
    kegiatan: list[KegiatanPk] = Field(
        min_length=1,
        description="Money is typed on kegiatan or their sub kegiatan: a program's pagu is the sum",
    )


class AnggaranPk(Model):
    """`anggaran.yaml`: the programs, kegiatan and sub kegiatan of the year's DPA with indicator,
    target and pagu."""

    sumber: str | None = Field(None, description='The "Sumber :" line under the table')
    program: list[ProgramPk] = Field(min_length=1)


class Perjanjian(Model):
    """`perjanjian.yaml`: which plan indicators the PK holds (default: every sasaran indicator)
    and any agreed target that differs from the plan's target of the year."""

    indikator: list[Id] = Field(
        [], description="Plan indicator ids; empty: every sasaran indicator of the plan"
    )
    target: dict[Id, Isian] = Field(
        {}, description="Agreed targets that differ from the plan, by indicator id"
    )


@dataclass(frozen=True)
class PkContent:
    folder: Path
    settings: PkSettings
    agency: Agency
    rencana: Rencana
    anggaran: AnggaranPk
    perjanjian: Perjanjian
    narasi: dict[str, Narasi]
    sources: dict[str, Source]
    tabel: DeclaredTables = field(default_factory=DeclaredTables)

    def program_nodes(self) -> ProgramNodes:
        year = self.settings.tahun
        out: ProgramNodes = {}
        for p in self.anggaran.program:
            out[p.id] = ("program", p, {})
            for k in p.kegiatan:
                out[k.id] = ("kegiatan", k, {} if k.pagu is None else {year: k.pagu})
                for s in k.sub_kegiatan:
                    out[s.id] = ("sub_kegiatan", s, {year: s.pagu})
        return out

    def realisasi_values(self) -> RealisasiValues:
        return {}  # an agreement records targets, not what was achieved


FILES: dict[str, Any] = {"rencana": Rencana, "anggaran": AnggaranPk, "perjanjian": Perjanjian}


def load_pk(folder: Path) -> PkContent:
    """Load and validate a Perjanjian Kinerja folder."""
    parts, sources, narasi = load_parts(folder, PkSettings, FILES, {"perjanjian"})
    content = PkContent(
        folder=folder,
        settings=parts["document"],
        agency=parts["agency"],
        rencana=parts["rencana"],
        anggaran=parts["anggaran"],
        perjanjian=parts.get("perjanjian") or Perjanjian(),
        narasi=narasi,
        sources=sources,
        tabel=parts.get("tabel") or DeclaredTables.model_construct(tabel=[]),
    )
    problems = _references(content)
    # a target "BBB" is a typo the PK would print as written: refused, as in the other types
    problems += predikat_problems(
        {name: (parts[name], sources[name]) for name in FILES if name in parts and name in sources},
        content.settings.predikat,
    )
    if problems:
        raise LaporgenError(problems)
    return content


def _references(c: PkContent) -> list[Problem]:
    """Every indicator the PK names is one of the plan's, and the plan has a target for the
    year (or the PK agrees one); the year lies in the plan's period."""
    located = list(c.rencana.located_indikator())
    plan = {i.id: i for _loc, i in located}
    where = {i.id: (*loc, "target") for loc, i in located}
    sasaran_level = [i.id for loc, i in located if "sasaran" in loc]
    source = c.sources.get("perjanjian")
    problems: list[Problem] = []
    tahun = c.settings.tahun
    if not c.rencana.periode[0] <= tahun <= c.rencana.periode[1]:
        problems.append(
            c.sources["document"].problem(
                ("tahun",),
                _("{tahun} is outside the plan's period {first}-{last}").format(
                    tahun=tahun, first=c.rencana.periode[0], last=c.rencana.periode[1]
                ),
                _("give a year of the Renstra named in `renstra`"),
                "ref.tahun",
            )
        )
    if source is not None:
        for n, i in enumerate(c.perjanjian.indikator):
            if i not in plan:
                problems.append(
                    source.problem(
                        ("indikator", n),
                        _("no tujuan or sasaran indicator {id!r} in the plan").format(id=i),
                        _("known: {plan}").format(plan=", ".join(plan)),
                        "ref.indikator",
                    )
                )
        for i in c.perjanjian.target:
            if i not in plan:
                problems.append(
                    source.problem(
                        ("target", i),
                        _("no tujuan or sasaran indicator {id!r} in the plan").format(id=i),
                        _("known: {plan}").format(plan=", ".join(plan)),
                        "ref.indikator",
                    )
                )
    for i in c.perjanjian.indikator or sasaran_level:
        if i in plan and tahun not in plan[i].target and i not in c.perjanjian.target:
            problems.append(
                c.sources["rencana"].problem(
                    where[i],
                    _("indicator {id} has no target for {tahun}").format(id=i, tahun=tahun),
                    _(
                        "add {tahun} to its target in rencana.yaml, or agree one in perjanjian.yaml "
                        "(target: {{{id}: ...}})"
                    ).format(tahun=tahun, id=i),
                    "ref.target",
                )
            )
    return problems
