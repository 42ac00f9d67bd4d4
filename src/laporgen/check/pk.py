"""`laporgen check` for a Perjanjian Kinerja: an agreed target that differs from the Renstra's
target of the year, and a target or pagu that differs from what the LKjIP of the same year
records for this PK version (`lkjip = "../lkjip-2024"` in document.toml). One source of truth per
agency (DOMAIN §1): the same indicator must carry the same target in the plan, the PK and the
report on it.
"""

from __future__ import annotations

from decimal import Decimal

from ..compute.pk import PkFigures
from ..i18n import _
from ..model.content import LkjipContent
from ..model.folder import load_lkjip
from ..document.cells import isian
from ..model.nilai import Tertulis
from ..model.pk import PkContent
from ..model.source import FieldPath, Source
from ..numbers import rupiah
from .findings import Finding, placeholders
from .pk_rencana import check_rencana_program


def check_pk(c: PkContent, f: PkFigures) -> list[Finding]:
    """Every finding of a PK, in file order."""
    findings = _renstra(c, f) + check_rencana_program(c) + placeholders(c)
    if c.settings.lkjip:
        findings += _lkjip(c, f, load_lkjip((c.folder / c.settings.lkjip).resolve()))
    return sorted(findings, key=lambda x: (x.problem.file, x.problem.line or 0))


def _where(c: PkContent, indikator: str) -> tuple[str, FieldPath]:
    """Where an indicator's PK target is written: perjanjian.yaml when agreed there, else the
    plan's target of the year."""
    if indikator in c.perjanjian.target:
        return "perjanjian", ("target", indikator)
    for loc, i in c.rencana.located_indikator():
        if i.id == indikator:
            return "rencana", (*loc, "target", c.settings.tahun)
    return "document", ()


def _finding(
    c: PkContent, part: str, loc: FieldPath, message: str, code: str, hint: str | None = None
) -> Finding:
    return Finding("W", c.sources[part].problem(loc, message, hint, code))


def _renstra(c: PkContent, f: PkFigures) -> list[Finding]:
    out = []
    for r in f.target:
        if r.target != r.target_renstra:
            part, loc = _where(c, r.indikator.id)
            out.append(
                _finding(
                    c,
                    part,
                    loc,
                    _(
                        "PK target {target} for {id} differs from the Renstra's {target_renstra} for "
                        "{tahun}"
                    ).format(
                        target=isian(r.target),
                        id=r.indikator.id,
                        target_renstra=isian(r.target_renstra),
                        tahun=c.settings.tahun,
                    ),
                    "pk.target.renstra",
                )
            )
    return out


def _lkjip(c: PkContent, f: PkFigures, lkjip: LkjipContent) -> list[Finding]:
    """The PK against the LKjIP's record of the same version: its targets (Tabel 2.5/2.7) and the
    pagu of its kegiatan (Tabel 2.6/2.8)."""
    versi = c.settings.versi
    recorded = [pk for pk in lkjip.kinerja.perjanjian_kinerja if pk.versi == versi]
    if not recorded:
        return [
            _finding(
                c,
                "document",
                ("lkjip",),
                _("the LKjIP records no {versi} Perjanjian Kinerja").format(versi=versi),
                "pk.lkjip",
                _("add it to the LKjIP's kinerja.yaml (perjanjian_kinerja), or name another LKjIP"),
            )
        ]
    pk = recorded[-1]
    plan = {i.id: i for _loc, i in lkjip.rencana.located_indikator()}
    theirs: dict[str, Decimal | Tertulis | None] = {
        i: pk.target.get(i, plan[i].target.get(lkjip.settings.tahun) if i in plan else None)
        for i in pk.indikator
    }
    out = []
    for r in f.target:
        i = r.indikator.id
        part, loc = _where(c, i)
        if i not in theirs:
            out.append(
                _finding(
                    c,
                    part,
                    loc,
                    _("{id} is not in the LKjIP's {versi} Perjanjian Kinerja").format(
                        id=i, versi=versi
                    ),
                    "pk.target.lkjip",
                )
            )
        elif theirs[i] != r.target:
            out.append(
                _finding(
                    c,
                    part,
                    loc,
                    _("PK target {target} for {id} differs from the LKjIP's {theirs}").format(
                        target=isian(r.target), id=i, theirs=isian(theirs[i])
                    ),
                    "pk.target.lkjip",
                )
            )
    ours = {r.indikator.id for r in f.target}
    out += [
        _finding(
            c,
            "document",
            ("lkjip",),
            _("{id} is in the LKjIP's {versi} Perjanjian Kinerja but not in this PK").format(
                id=i, versi=versi
            ),
            "pk.target.lkjip",
        )
        for i in theirs
        if i not in ours
    ]
    out += _pagu(c, lkjip)
    return out


def _pagu(c: PkContent, lkjip: LkjipContent) -> list[Finding]:
    murni = c.settings.versi == "murni"
    report = {k.id: k for p in lkjip.program.program for k in p.kegiatan}
    out = []
    for pi, p in enumerate(c.program):
        for ki, k in enumerate(p.kegiatan):
            other = report.get(k.id)
            if other is None or other.anggaran is None:
                continue
            theirs = (
                other.anggaran.pagu_murni
                if murni and other.anggaran.pagu_murni is not None
                else other.anggaran.pagu
            )
            if theirs != k.pagu:
                source, loc = _pagu_at(c, pi, ki, k.id)
                message = _("pagu {pagu} of {id} differs from the LKjIP's {theirs}").format(
                    pagu=rupiah(k.pagu), id=k.id, theirs=rupiah(theirs)
                )
                out.append(Finding("W", source.problem(loc, message, None, "pk.pagu.lkjip")))
    return out


def _pagu_at(c: PkContent, pi: int, ki: int, kegiatan: str) -> tuple[Source, FieldPath]:
    """Where the PK's pagu of a kegiatan is written: in anggaran.yaml (its programs, or its
    `pagu` by id), else in the Renstra's program.yaml it came from (the year's pagu)."""
    if c.anggaran.program:
        return c.sources["anggaran"], ("program", pi, "kegiatan", ki, "pagu")
    if kegiatan in c.anggaran.pagu:
        return c.sources["anggaran"], ("pagu", kegiatan)
    assert c.rencana_program is not None  # no typed programs: they came from the plan
    for rpi, rp in enumerate(c.rencana_program.rencana.program):
        for rki, rk in enumerate(rp.kegiatan):
            if rk.id == kegiatan:
                return c.rencana_program.source, ("program", rpi, "kegiatan", rki)
    return c.rencana_program.source, ()
