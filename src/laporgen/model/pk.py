"""The Perjanjian Kinerja (PK): the year's performance agreement between the head of the agency
(pihak pertama) and the Bupati/Wali Kota (pihak kedua), signed each January and amended as a
Perubahan PK. Its sasaran, indikator and targets are the agency's Renstra's for that year
(`renstra = "../renstra-2024-2026"` in document.toml); its program table is the year's DPA:
`anggaran.yaml`. `perjanjian.yaml` (optional) narrows the indicators or records an agreed target
that differs from the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from ..errors import LaporgenError, Problem, display_path
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
from .pk_program import PlanProgram, kegiatan_pagu_rencana, plan_program, target_tahun
from .rencana_program import IndikatorRencana, ProgramRencana


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
    disengaja: list[str] = Field(
        [],
        description='Warnings the agency confirms as intended, by code ("wajar.pagu_nol", "silang.sdm") or '
        'code@field ("wajar.serapan@program[0].kegiatan[1].anggaran.realisasi"): `check` no longer reports them; '
        "an error (E) cannot be confirmed away",
    )


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
    target and pagu. When the PK reads a Renstra with a program.yaml (`renstra` in document.toml)
    the file may be left out, or state only what differs from the plan: the DPA's pagu by
    kegiatan or sub kegiatan id; typed programs replace the plan's and `check` compares them."""

    sumber: str | None = Field(None, description='The "Sumber :" line under the table')
    program: list[ProgramPk] = Field(
        [],
        description="The year's programs as typed; empty: the programs, kegiatan, indicators, "
        "targets and pagu of the year from the Renstra's program.yaml",
    )
    pagu: dict[Id, Rupiah] = Field(
        {},
        description="The DPA's pagu of a kegiatan where it differs from the Renstra's pagu "
        "indikatif of the year, by kegiatan id",
    )


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
    program: tuple[ProgramPk, ...] = ()
    """The year's programs as printed: anggaran.yaml's, else the plan's (`pk_program.program_pk`)."""
    rencana_program: PlanProgram | None = None
    """The program.yaml of the Renstra named in `renstra`, with its source, when it has one."""

    def program_nodes(self) -> ProgramNodes:
        year = self.settings.tahun
        out: ProgramNodes = {}
        for p in self.program:
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
    """Load and validate a Perjanjian Kinerja folder; its programs from anggaran.yaml, else from
    the program.yaml of the Renstra it reads (one source per figure)."""
    parts, sources, narasi = load_parts(folder, PkSettings, FILES, {"perjanjian", "anggaran"})
    settings: PkSettings = parts["document"]
    plan = plan_program(folder, settings.renstra)
    anggaran = parts.get("anggaran") or AnggaranPk()
    program, problems = program_pk(anggaran, plan, settings.tahun, sources, folder)
    content = PkContent(
        folder=folder,
        settings=settings,
        agency=parts["agency"],
        rencana=parts["rencana"],
        anggaran=anggaran,
        perjanjian=parts.get("perjanjian") or Perjanjian(),
        narasi=narasi,
        sources=sources,
        tabel=parts.get("tabel") or DeclaredTables.model_construct(tabel=[]),
        program=program,
        rencana_program=plan,
    )
    problems += _references(content)
    # a target "BBB" is a typo the PK would print as written: refused, as in the other types
    problems += predikat_problems(
        {name: (parts[name], sources[name]) for name in FILES if name in parts and name in sources},
        content.settings.predikat,
    )
    if problems:
        raise LaporgenError(problems)
    return content


def program_pk(
    anggaran: AnggaranPk,
    plan: PlanProgram | None,
    tahun: int,
    sources: dict[str, Source],
    folder: Path,
) -> tuple[tuple[ProgramPk, ...], list[Problem]]:
    """The year's programs as the PK prints them: anggaran.yaml's when it types them, else the
    plan's kegiatan budgeted in `tahun`; then anggaran.yaml's `pagu` in place of the plan's.
    Problems: no programs from either, a `pagu` id that names no kegiatan."""
    if anggaran.program:
        program = tuple(anggaran.program)
    elif plan is not None:
        program = tuple(p for p in (_program(rp, tahun) for rp in plan.rencana.program) if p)
    else:
        return (), [_missing(sources, folder)]
    # money is typed on the leaves: a kegiatan without sub kegiatan, or a sub kegiatan
    known = {
        x for p in program for k in p.kegiatan for x in ([s.id for s in k.sub_kegiatan] or [k.id])
    }
    problems = [
        sources["anggaran"].problem(
            ("pagu", kid),
            _("no kegiatan {id!r} in the PK's programs of {tahun}").format(id=kid, tahun=tahun),
            _("known: {ids}").format(ids=", ".join(sorted(known))),
            "ref.kegiatan",
        )
        for kid in anggaran.pagu
        if kid not in known
    ]
    if anggaran.pagu:
        program = tuple(_with_pagu(p, anggaran.pagu) for p in program)
    return program, problems


def _missing(sources: dict[str, Source], folder: Path) -> Problem:
    renstra = sources["document"]
    return Problem(
        display_path(folder / "anggaran.yaml"),
        _("file is missing"),
        hint=_(
            "create anggaran.yaml with the year's programs, or name in `renstra` ({file}) a "
            "Renstra whose program.yaml plans them"
        ).format(file=renstra.name),
        code="input.file",
    )


def _with_pagu(p: ProgramPk, pagu: dict[str, Decimal]) -> ProgramPk:
    def leaf(x: Any) -> Any:
        return x.model_copy(update={"pagu": pagu[x.id]}) if x.id in pagu else x

    kegiatan = [
        k.model_copy(update={"sub_kegiatan": [leaf(s) for s in k.sub_kegiatan]})
        if k.sub_kegiatan
        else leaf(k)
        for k in p.kegiatan
    ]
    return p.model_copy(update={"kegiatan": kegiatan})


def indikator_tahun(i: IndikatorRencana, tahun: int) -> IndikatorPk:
    """A plan indicator with its satuan and target of `tahun`."""
    satuan, target = target_tahun(i, tahun)
    return IndikatorPk.model_construct(nama=i.nama, satuan=satuan, target=target)


def _program(rp: ProgramRencana, tahun: int) -> ProgramPk | None:
    kegiatan = []
    for rk in rp.kegiatan:
        pagu = kegiatan_pagu_rencana(rk, tahun)
        if pagu is None:
            continue  # not budgeted in the PK's year
        sub = [
            SubKegiatanPk.model_construct(
                id=sk.id,
                kode=sk.kode,
                nama=sk.nama,
                indikator=[indikator_tahun(i, tahun) for i in sk.indikator],
                pagu=sk.pagu[tahun],
            )
            for sk in rk.sub_kegiatan
            if tahun in sk.pagu
        ]
        kegiatan.append(
            KegiatanPk.model_construct(
                id=rk.id,
                kode=rk.kode,
                nama=rk.nama,
                indikator=[indikator_tahun(i, tahun) for i in rk.indikator],
                pagu=None if sub else pagu,
                sub_kegiatan=sub,
            )
        )
    if not kegiatan:
        return None
    return ProgramPk.model_construct(
        id=rp.id,
        kode=rp.kode,
        nama=rp.nama,
        indikator=[indikator_tahun(i, tahun) for i in rp.indikator],
        kegiatan=kegiatan,
    )


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
