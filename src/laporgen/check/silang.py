"""Across tables (`silang.*`): the same fact printed in two places must read the same. Each
finding names both places (file:line) and both values, so the reviewer can open either.

- `silang.sdm`: the totals of one population by its breakdowns (golongan, jabatan, pendidikan,
  status, jenis kelamin, formasi) agree (RENSTRA-SPEC F10, LKJIP-SPEC F1; B-10).
- `silang.target`: one indicator, one target a year: the Perjanjian Kinerja against the
  Renstra (LKJIP-SPEC F13.PKx), history rows against the plan, T-C.23 / T-C.25 / T-C.27 rows
  of the same name, a program or kegiatan and its child carrying the same indicator (M-12).
- `silang.pagu`: a program's T-C.27 pagu of an elapsed year equals its T-C.24 anggaran
  (RENSTRA-SPEC F9).
Kondisi akhir against its rule is `akhir` (check/renstra.py); a table's printed pagu or target
against the data is `rollup` / `target.tabel`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ..compute.lkjip import LkjipFigures
from ..document.cells import isian
from ..i18n import _
from ..model.content import LkjipContent, RenstraContent
from ..model.nilai import angka_of, nilai_of
from ..model.source import FieldPath
from ..numbers import angka, rupiah
from .findings import Finding, pendek

if TYPE_CHECKING:  # an LKjIP's check would otherwise load the Renstra's models (30 ms)
    from ..compute.renstra import RenstraFigures


def _at(c, part: str, loc: FieldPath) -> str:
    source = c.sources[part]
    line = source.line_of(loc)
    return f"{source.name.rsplit('/', 1)[-1]}:{line}" if line else source.name.rsplit("/", 1)[-1]


def _finding(c, part: str, loc: FieldPath, message: str, code: str) -> Finding:
    return Finding("W", c.sources[part].problem(loc, message, None, code))


def _nama(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def _totals(c, part: str, totals: Sequence[tuple[str, FieldPath, int]]) -> list[Finding]:
    """One finding per breakdown whose total differs from the first one given."""
    if not totals:
        return []
    label0, loc0, n0 = totals[0]
    return [
        _finding(
            c,
            part,
            loc,
            _(
                "staff by {label} total {number}, by {label0} {n0} ({value}): the same people "
                "counted twice must give one number"
            ).format(label=label, number=n, label0=label0, n0=n0, value=_at(c, part, loc0)),
            "silang.sdm",
        )
        for label, loc, n in totals[1:]
        if n != n0
    ]


# ------------------------------------------------------------------------------------- LKjIP
def silang_lkjip(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    p, g = c.sumber_daya.pegawai, f.pegawai
    totals: list[tuple[str, FieldPath, int]] = [
        ("formasi (realisasi)", ("pegawai", "formasi"), g.realisasi)
    ]
    totals += [
        (label, ("pegawai", key), n)
        for label, key, rows, n in (
            ("golongan", "golongan", p.golongan, g.golongan),
            ("pendidikan", "pendidikan", p.pendidikan, g.pendidikan),
            ("jenis kelamin", "jenis_kelamin", p.jenis_kelamin, g.jenis_kelamin),
        )
        if rows
    ]
    out = _totals(c, "sumber_daya", totals)
    plan = {i.id: (loc, i) for loc, i in c.rencana.located_indikator()}
    tahun = c.settings.tahun
    for v, pk in enumerate(c.kinerja.perjanjian_kinerja):
        for iid, target in pk.target.items():
            loc, ind = plan[iid]
            own = angka_of(ind.target.get(tahun))  # text is never compared: no slip
            if own is not None and own != target:
                out.append(
                    _finding(
                        c,
                        "kinerja",
                        ("perjanjian_kinerja", v, "target", iid),
                        _(
                            "{iid} {tahun}: the Perjanjian Kinerja ({versi}) sets {target}, the Renstra "
                            "{own} ({value}): revise the Renstra (Perubahan/Review) or take its target"
                        ).format(
                            iid=iid,
                            tahun=tahun,
                            versi=pk.versi,
                            target=isian(target),
                            own=angka(own),
                            value=_at(c, "rencana", loc + ("target", str(tahun))),
                        ),
                        "silang.target",
                    )
                )
    for n, row in enumerate(c.kinerja.riwayat):
        if row.id not in plan:
            continue
        loc, ind = plan[row.id]
        for year, fakta in row.tahun.items():
            own = angka_of(ind.target.get(year))
            history = angka_of(fakta.target)  # text is never compared: no slip
            if history is not None and own is not None and history != own:
                out.append(
                    _finding(
                        c,
                        "kinerja",
                        ("riwayat", n, "tahun", str(year), "target"),
                        _(
                            "{id} {year}: history target {target}, the Renstra {own} ({value})"
                        ).format(
                            id=row.id,
                            year=year,
                            target=angka(history),
                            own=angka(own),
                            value=_at(c, "rencana", loc + ("target", str(year))),
                        ),
                        "silang.target",
                    )
                )
    return out


# ----------------------------------------------------------------------------------- Renstra
def silang_renstra(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    return [*_sdm(c, f), *_target(c), *_pagu(c, f)]


def _sdm(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    """PNS: golongan, pendidikan and the PNS status row; everyone: jabatan and all status rows.
    Without status rows every breakdown counts the same people."""
    s, n = c.sumber_daya, f.sdm
    status_loc: FieldPath = ("status",)
    pns_loc: FieldPath = next(
        (("status", k) for k, x in enumerate(s.status) if x.status.strip().upper() == "PNS"),
        status_loc,
    )
    pns: list[tuple[str, FieldPath, int]] = [
        (label, (key,), total)
        for label, key, total in (
            ("golongan", "golongan", n.golongan),
            ("pendidikan", "pendidikan", n.pendidikan),
        )
        # an education table in percent counts no one: it is not compared with the counts
        if getattr(s, key) and not (key == "pendidikan" and s.pendidikan_persen)
    ]
    # a jabatan table counts the PNS only (Magetan's "Jumlah PNS Berdasarkan Jabatan", PUPR's
    # with PPPK and THL beside them) or everyone: one that equals the PNS row is the former
    jabatan_pns = bool(s.status) and n.pns is not None and n.jabatan == n.pns
    semua: list[tuple[str, FieldPath, int]] = (
        [("jabatan", ("jabatan",), n.jabatan)] if s.jabatan and not jabatan_pns else []
    )
    if not s.status:
        return _totals(c, "sumber_daya", pns + semua)
    out = (
        _totals(c, "sumber_daya", [("status PNS", pns_loc, n.pns)] + pns)
        if n.pns is not None
        else []
    )
    return out + _totals(
        c, "sumber_daya", [("status", status_loc, n.laki_laki + n.perempuan)] + semua
    )


def _rows(
    c: RenstraContent,
) -> Iterator[tuple[str, FieldPath, str, str, dict[int, Decimal | None], str | None]]:
    """(part, loc, label, name, targets by year, parent id) of every indicator row of every table."""
    for loc, ind in c.rencana.located_indikator():
        yield (
            "rencana",
            loc,
            f"{ind.id} (T-C.25)",
            ind.nama,
            {y: angka_of(v) for y, v in ind.target.items()},
            None,
        )
    if c.evaluasi.kinerja_pelayanan:
        for k, row in enumerate(c.evaluasi.kinerja_pelayanan.indikator):
            yield (
                "evaluasi",
                ("kinerja_pelayanan", "indikator", k),
                "T-C.23",
                row.nama,
                {y: angka_of(v) for y, v in row.target.items()},
                None,
            )
    if c.program:
        for p_no, p in enumerate(c.program.program):
            for loc, node, parent in _nodes(p, ("program", p_no)):
                for k, ind in enumerate(node.indikator):
                    targets = {y: nilai_of(v) for y, v in ind.target.items()}
                    yield (
                        "program",
                        loc + ("indikator", k),
                        f"{node.id} (T-C.27)",
                        ind.nama,
                        targets,
                        parent,
                    )


def _nodes(p, loc: FieldPath):
    yield loc, p, None
    for k, keg in enumerate(p.kegiatan):
        yield loc + ("kegiatan", k), keg, p.id
        for s, sub in enumerate(keg.sub_kegiatan):
            yield loc + ("kegiatan", k, "sub_kegiatan", s), sub, keg.id


def _target(c: RenstraContent) -> list[Finding]:
    """Rows of the same indicator name compared year by year: across tables (T-C.23, T-C.25,
    T-C.27), and inside T-C.27 only between a node and its own child (two sub kegiatan may count
    different people under the same words)."""
    out = []
    seen: dict[str, list] = {}
    for part, loc, label, name, targets, parent in _rows(c):
        key = _nama(name)
        for other in seen.get(key, []):
            o_part, o_loc, o_label, o_targets, o_id = other
            same_table = part == o_part == "program"
            if same_table and parent != o_id:
                continue
            for year in sorted(set(targets) & set(o_targets)):
                a, b = targets[year], o_targets[year]
                if a is not None and b is not None and a != b:
                    out.append(
                        _finding(
                            c,
                            part,
                            loc + ("target", str(year)),
                            _(
                                "'{name}' {year}: {label} {value}, {other} {other_value} ({at})"
                            ).format(
                                name=pendek(name),
                                year=year,
                                label=label,
                                value=angka(a),
                                other=o_label,
                                other_value=angka(b),
                                at=_at(c, o_part, o_loc + ("target", str(year))),
                            ),
                            "silang.target",
                        )
                    )
        node_id = label.split(" ")[0]
        seen.setdefault(key, []).append((part, loc, label, targets, node_id))
    return out


def _pagu(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    """T-C.27 pagu of a year T-C.24 also shows = the T-C.24 anggaran of the program's row (F9)."""
    if not c.program or not f.anggaran:
        return []
    rows: dict[str, tuple] = {}
    for n, top in enumerate(f.anggaran):
        for k, row in enumerate(top.walk()):
            rows.setdefault(
                _nama(row.uraian.nama),
                (row, ("anggaran_realisasi", "uraian", n) if k == 0 else None),
            )
    out = []
    for p_no, node in enumerate(f.program):
        match = rows.get(_nama(node.node.nama))
        if match is None:
            continue
        row, row_loc = match
        for year, pagu in node.pagu.items():
            anggaran = row.anggaran.get(year)
            if pagu is not None and anggaran is not None and pagu != anggaran:
                where = f" ({_at(c, 'evaluasi', row_loc)})" if row_loc else ""
                out.append(
                    _finding(
                        c,
                        "program",
                        ("program", p_no),
                        _(
                            "{id} {year}: pagu {pagu} in T-C.27, anggaran {anggaran} in T-C.24{where}"
                        ).format(
                            id=node.id,
                            year=year,
                            pagu=rupiah(pagu, False),
                            anggaran=rupiah(anggaran, False),
                            where=where,
                        ),
                        "silang.pagu",
                    )
                )
    return out
