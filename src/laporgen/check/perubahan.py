"""`laporgen check` for a Perubahan/Review Renstra against the version it revises: a target of a
year already over when the revision takes effect (what that year's PK and LKjIP measured
against is history), and reasons (`alasan`) given for a change the revision does not make."""

from __future__ import annotations

from decimal import Decimal

from ..compute.perubahan import Perubahan, perubahan
from ..i18n import _
from ..model.content import RenstraContent
from ..model.folder import load_renstra
from ..model.source import FieldPath
from ..numbers import angka, tanggal
from .findings import Finding


def check_perubahan(c: RenstraContent) -> list[Finding]:
    """The findings of a revision (`perubahan_dari`); none for a Renstra that revises none."""
    if not c.settings.perubahan_dari:
        return []
    changes = perubahan(load_renstra((c.folder / c.settings.perubahan_dari).resolve()), c)
    return [*_tahun_lalu(c, changes), *_alasan(c, changes)]


def _tahun_lalu(c: RenstraContent, changes: list[Perubahan]) -> list[Finding]:
    ditetapkan = c.settings.ditetapkan()
    if ditetapkan is None:
        return []
    where = _target_locations(c)
    out = []
    for ch in changes:
        if ch.bagian != "target" or ch.tahun is None or ch.tahun >= ditetapkan.year:
            continue
        part, loc = where.get(ch.id, ("document", ("perubahan_dari",)))
        message = _(
            "{id} {year}: the revision changes the target of a year already over when it takes "
            "effect ({date}): {before} -> {after}; that year's PK and LKjIP measured against "
            "the target as it was"
        ).format(
            id=ch.id,
            year=ch.tahun,
            date=tanggal(ditetapkan),
            before=_shown(ch.sebelum),
            after=_shown(ch.sesudah),
        )
        hint = _(
            "keep the past year's target as the revised version has it, or confirm the change "
            'in disengaja ("wajar.perubahan_lalu")'
        )
        out.append(
            Finding(
                "W",
                c.sources[part].problem(
                    (*loc, "target", ch.tahun), message, hint, "wajar.perubahan_lalu"
                ),
            )
        )
    return out


def _alasan(c: RenstraContent, changes: list[Perubahan]) -> list[Finding]:
    changed = {ch.id for ch in changes} | {ch.id.removesuffix(".akhir") for ch in changes}
    return [
        Finding(
            "W",
            c.sources["document"].problem(
                ("alasan", key),
                _("alasan is given for {id}, which this revision does not change").format(id=key),
                _("use an id `laporgen diff` lists, or remove the line"),
                "ref.alasan",
            ),
        )
        for key in c.settings.alasan
        if key not in changed
    ]


def _target_locations(c: RenstraContent) -> dict[str, tuple[str, FieldPath]]:
    """Where each indicator's targets are written, by the id its changes carry: a plan
    indicator's in rencana.yaml, a program tree node's (its first indicator) in program.yaml."""
    out: dict[str, tuple[str, FieldPath]] = {
        ind.id: ("rencana", loc) for loc, ind in c.rencana.located_indikator()
    }
    for i, p in enumerate(c.program.program if c.program else []):
        out.setdefault(p.id, ("program", ("program", i, "indikator", 0)))
        for j, k in enumerate(p.kegiatan):
            out.setdefault(k.id, ("program", ("program", i, "kegiatan", j, "indikator", 0)))
            for n, s in enumerate(k.sub_kegiatan):
                loc = ("program", i, "kegiatan", j, "sub_kegiatan", n, "indikator", 0)
                out.setdefault(s.id, ("program", loc))
    return out


def _shown(value: object) -> str:
    if value is None:
        return "-"
    return angka(value) if isinstance(value, Decimal) else str(value)
