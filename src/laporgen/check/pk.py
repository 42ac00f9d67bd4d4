"""`laporgen check` for a Perjanjian Kinerja: an agreed target that differs from the Renstra's
target of the year, and a target or pagu that differs from what the LKjIP of the same year
records for this PK version (`lkjip = "../lkjip-2024"` in document.toml). One source of truth per
agency (DOMAIN §1): the same indicator must carry the same target in the plan, the PK and the
report on it.
"""

from __future__ import annotations

from decimal import Decimal

from ..compute.pk import PkFigures, kegiatan_pagu
from ..i18n import _
from ..model.anggaran import Anggaran
from ..model.content import LkjipContent
from ..model.folder import load_lkjip
from ..document.cells import isian
from ..model.nilai import Tertulis
from ..model.pk import PkContent
from ..errors import LaporgenError
from ..model.read import find_data_file
from ..model.rencana_program import KegiatanRencana, RencanaProgram
from ..model.source import FieldPath
from ..model.validate import load
from ..numbers import rupiah
from .findings import Finding, placeholders


def check_pk(c: PkContent, f: PkFigures) -> list[Finding]:
    """Every finding of a PK, in file order."""
    findings = _renstra(c, f) + _sub_kegiatan(c) + placeholders(c)
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


def _sub_kegiatan(c: PkContent) -> list[Finding]:
    """A kegiatan listed without sub kegiatan while the Renstra's program.yaml plans some under
    it (the same id, else the same kode): since Permendagri 90/2019 the DPA holds the budget at
    sub kegiatan level, and the PK's table would show none of them."""
    plan = _plan_program(c)
    if plan is None:
        return []
    planned: dict[str, KegiatanRencana] = {}
    for rp in plan.program:
        for rk in rp.kegiatan:
            if rk.sub_kegiatan:
                planned[rk.id] = rk
                if rk.kode:
                    planned.setdefault(rk.kode, rk)
    out = []
    for pi, p in enumerate(c.anggaran.program):
        for ki, k in enumerate(p.kegiatan):
            there = planned.get(k.id) or (planned.get(k.kode) if k.kode else None)
            if k.sub_kegiatan or there is None:
                continue
            out.append(
                _finding(
                    c,
                    "anggaran",
                    ("program", pi, "kegiatan", ki, "pagu"),
                    _(
                        "{id} lists no sub kegiatan, but the Renstra plans {ids} under it: "
                        "the PK's program table shows none"
                    ).format(id=k.id, ids=", ".join(s.id for s in there.sub_kegiatan)),
                    "pk.sub_kegiatan",
                    _("list them under sub_kegiatan, each with the DPA's pagu, instead of pagu"),
                )
            )
    return out


def _plan_program(c: PkContent) -> RencanaProgram | None:
    """The program.yaml of the Renstra the PK names, when it has one that loads (a broken one is
    the Renstra's own `check` to report)."""
    if not c.settings.renstra:
        return None
    path = find_data_file((c.folder / c.settings.renstra).resolve(), "program")
    if path is None:
        return None
    try:
        return load(RencanaProgram, path)[0]
    except LaporgenError:
        return None


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
    """Each pagu the PK types against the LKjIP's for the same kegiatan or sub kegiatan id: a sub
    kegiatan's own, a kegiatan's own or the sum of its sub kegiatan (on either side); a kegiatan
    whose sub kegiatan the LKjIP does not list is compared by its sum."""
    report = _pagu_lkjip(lkjip, c.settings.versi == "murni")
    out = []
    for pi, p in enumerate(c.anggaran.program):
        for ki, k in enumerate(p.kegiatan):
            at: FieldPath = ("program", pi, "kegiatan", ki)
            typed = [
                (s.id, s.pagu, (*at, "sub_kegiatan", si, "pagu"))
                for si, s in enumerate(k.sub_kegiatan)
                if s.id in report
            ] or [(k.id, kegiatan_pagu(k), (*at, "pagu" if k.pagu is not None else "sub_kegiatan"))]
            for node_id, pagu, loc in typed:
                theirs = report.get(node_id)
                if theirs is not None and theirs != pagu:
                    out.append(
                        _finding(
                            c,
                            "anggaran",
                            loc,
                            _("pagu {pagu} of {id} differs from the LKjIP's {theirs}").format(
                                pagu=rupiah(pagu), id=node_id, theirs=rupiah(theirs)
                            ),
                            "pk.pagu.lkjip",
                        )
                    )
    return out


def _pagu_lkjip(lkjip: LkjipContent, murni: bool) -> dict[str, Decimal]:
    """The pagu the LKjIP records for each kegiatan and sub kegiatan (the murni PK's where it
    records one), a kegiatan with sub kegiatan by their sum."""

    def pagu(a: Anggaran) -> Decimal:
        return a.pagu_murni if murni and a.pagu_murni is not None else a.pagu

    out: dict[str, Decimal] = {}
    for p in lkjip.program.program:
        for k in p.kegiatan:
            for s in k.sub_kegiatan:
                out[s.id] = pagu(s.anggaran)
            out[k.id] = (
                pagu(k.anggaran)
                if k.anggaran is not None
                else sum((out[s.id] for s in k.sub_kegiatan), Decimal(0))
            )
    return out
