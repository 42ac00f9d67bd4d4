"""`laporgen check` for a PK's programs against the Renstra's program.yaml it reads: "no figure
typed twice" (model/pk_program.py). What anggaran.yaml types over the plan (a program's or
kegiatan's name, an indicator's name, satuan or target of the year, a kegiatan's pagu) and
disagrees with it is reported, naming both values: a renamed program or a lower target would
otherwise pass unseen. A pagu may legitimately differ (the DPA against the plan's pagu
indikatif): still a warning, so the difference is seen and confirmed once.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..document.cells import isian
from ..i18n import _
from ..model.pk import IndikatorPk, KegiatanPk, PkContent, ProgramPk, indikator_tahun
from ..model.pk_program import kegiatan_pagu_rencana
from ..model.rencana_program import (
    IndikatorRencana,
    KegiatanRencana,
    ProgramRencana,
    SubKegiatanRencana,
)
from ..model.source import FieldPath, Source
from ..numbers import rupiah
from .findings import Finding
from .lkjip import satuan_kunci


def check_rencana_program(c: PkContent) -> list[Finding]:
    """Every typed value of anggaran.yaml that disagrees with the plan's program.yaml."""
    if c.rencana_program is None:
        return []
    tahun = c.settings.tahun
    plan = {p.id: p for p in c.rencana_program.rencana.program}
    kegiatan = {k.id: k for p in plan.values() for k in p.kegiatan}
    source = c.sources.get("anggaran")
    if source is None:
        return []
    out: list[Finding] = []
    for pi, p in enumerate(c.anggaran.program):
        at: FieldPath = ("program", pi)
        rp = plan.get(p.id)
        if rp is None:
            out.append(_not_in_plan(source, at, p.id, tahun))
            continue
        out += _node(source, at, p, rp, tahun)
        for ki, k in enumerate(p.kegiatan):
            rk = {x.id: x for x in rp.kegiatan}.get(k.id)
            if rk is None:
                out.append(_not_in_plan(source, (*at, "kegiatan", ki), k.id, tahun))
                continue
            out += _node(source, (*at, "kegiatan", ki), k, rk, tahun)
            if k.pagu is not None:
                out += _pagu(source, (*at, "kegiatan", ki, "pagu"), k.id, k.pagu, rk, tahun)
            planned = {x.id: x for x in rk.sub_kegiatan}
            for si, sk in enumerate(k.sub_kegiatan):
                if sk.id in planned:
                    loc = (*at, "kegiatan", ki, "sub_kegiatan", si, "pagu")
                    out += _pagu(source, loc, sk.id, sk.pagu, planned[sk.id], tahun)
    sub = {s.id: s for k in kegiatan.values() for s in k.sub_kegiatan}
    for kid, pagu in c.anggaran.pagu.items():
        if kid in kegiatan or kid in sub:
            out += _pagu(source, ("pagu", kid), kid, pagu, kegiatan.get(kid) or sub[kid], tahun)
    return out


def _finding(source: Source, loc: FieldPath, message: str, code: str) -> Finding:
    return Finding("W", source.problem(loc, message, None, code))


def _not_in_plan(source: Source, loc: FieldPath, id_: str, tahun: int) -> Finding:
    return _finding(
        source,
        (*loc, "id"),
        _(
            "{id} is not in the Renstra's program.yaml: its figures for {tahun} are checked against nothing"
        ).format(id=id_, tahun=tahun),
        "pk.program.renstra",
    )


def _node(
    source: Source,
    at: FieldPath,
    typed: ProgramPk | KegiatanPk,
    plan: ProgramRencana | KegiatanRencana,
    tahun: int,
) -> list[Finding]:
    out = []
    if typed.nama != plan.nama:
        out.append(
            _finding(
                source,
                (*at, "nama"),
                _("{id} is named {nama!r} here and {theirs!r} in the Renstra").format(
                    id=typed.id, nama=typed.nama, theirs=plan.nama
                ),
                "pk.program.renstra",
            )
        )
    out += _indikator(source, at, typed.id, typed.indikator, plan.indikator, tahun)
    return out


def _indikator(
    source: Source,
    at: FieldPath,
    id_: str,
    typed: Sequence[IndikatorPk],
    plan: Sequence[IndikatorRencana],
    tahun: int,
) -> list[Finding]:
    """Indicators in order, each against the plan's at the same place: name, satuan, the
    target of the year."""
    out = []
    for n, i in enumerate(typed):
        loc: FieldPath = (*at, "indikator", n)
        if n >= len(plan):
            out.append(
                _finding(
                    source,
                    (*loc, "nama"),
                    _(
                        "{id} has {count} indicator(s) in the Renstra; {nama!r} is not one of them"
                    ).format(id=id_, count=len(plan), nama=i.nama),
                    "pk.program.renstra",
                )
            )
            continue
        theirs = indikator_tahun(plan[n], tahun)
        for field, ours, other in (
            ("nama", i.nama, theirs.nama),
            ("satuan", i.satuan, theirs.satuan),
        ):
            if ours != other and (field == "nama" or satuan_kunci(ours) != satuan_kunci(other)):
                out.append(
                    _finding(
                        source,
                        (*loc, field),
                        _(
                            "{field} {ours!r} of {id}'s indicator differs from the Renstra's {theirs!r}"
                        ).format(field=field, ours=ours, id=id_, theirs=other),
                        "pk.program.renstra",
                    )
                )
        if i.target != theirs.target:
            out.append(
                _finding(
                    source,
                    (*loc, "target"),
                    _(
                        "target {target} of {id}'s indicator {nama!r} differs from the Renstra's {theirs} for {tahun}"
                    ).format(
                        target=isian(i.target),
                        id=id_,
                        nama=i.nama,
                        theirs=isian(theirs.target),
                        tahun=tahun,
                    ),
                    "pk.program.renstra",
                )
            )
    return out


def _pagu(
    source: Source,
    loc: FieldPath,
    id_: str,
    pagu: Decimal,
    plan: KegiatanRencana | SubKegiatanRencana,
    tahun: int,
) -> list[Finding]:
    theirs = (
        kegiatan_pagu_rencana(plan, tahun)
        if isinstance(plan, KegiatanRencana)
        else plan.pagu.get(tahun)
    )
    if theirs == pagu:
        return []
    message = (
        _("pagu {pagu} of {id} differs from the Renstra's pagu indikatif {theirs} for {tahun}")
        if theirs is not None
        else _("pagu {pagu} of {id}: the Renstra plans no pagu for it in {tahun}")
    )
    return [
        _finding(
            source,
            loc,
            message.format(
                pagu=rupiah(pagu),
                id=id_,
                theirs=rupiah(theirs) if theirs is not None else "",
                tahun=tahun,
            ),
            "pk.pagu.renstra",
        )
    ]
