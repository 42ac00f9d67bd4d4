"""`laporgen check` for a Renstra: the items of RENSTRA-SPEC §4 that the data can detect
(§7.3 C1–C12): printed rasio, growth and parents that differ from the computed ones, a TOTAL
that leaves a program out, kondisi akhir against its rule, a summed percentage, a unit that
changes at the end, duplicate names; with the rules across tables (silang.py: SDM breakdowns,
one indicator's targets, T-C.27 against T-C.24) and of plausibility (wajar.py)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from ..compute.renstra import NodeRencana, RenstraFigures, kondisi_akhir
from ..i18n import _
from ..model.content import RenstraContent
from ..document.cells import isian
from ..model.nilai import Tertulis, nilai_of, satuan_of
from ..model.penunjang import KODE
from ..model.source import FieldPath
from ..numbers import angka, persen, rupiah
from .findings import Finding, desimal_of, differs, pendek, placeholders
from .klaim_renstra import klaim_renstra
from .silang import silang_renstra
from .wajar import wajar_renstra


def check_renstra(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    """Every finding of a Renstra content, in file order."""
    findings = [
        *_pelayanan(c, f),
        *_anggaran(c, f),
        *_matriks(c, f),
        *_indikator(c, f),
        *_urusan(c, f),
        *_aset(c),
        *_strategi(c),
        *_iku(c, f),
        *_penunjang(c, f),
        *silang_renstra(c, f),
        *placeholders(c),
        *wajar_renstra(c),
        *klaim_renstra(c, f),
    ]
    return sorted(findings, key=lambda x: (x.problem.file, x.problem.line or 0))


def _finding(
    c: RenstraContent, severity, part: str, loc: FieldPath, message: str, code: str
) -> Finding:
    return Finding(severity, c.sources[part].problem(loc, message, None, code))


def _strategi(c: RenstraContent) -> list[Finding]:
    """A sasaran without strategi has no row in T-C.26 (as the signed Magetan form leaves one
    out): said here, since nothing may vanish from a table silently."""
    return [
        _finding(
            c,
            "W",
            "rencana",
            ("tujuan", i, "sasaran", j),
            _(
                "sasaran {id} has no strategi, so T-C.26 leaves it out; add `strategi:` "
                "(uraian, arah_kebijakan) to show it"
            ).format(id=s.id),
            "strategi",
        )
        for i, t in enumerate(c.rencana.tujuan)
        for j, s in enumerate(t.sasaran)
        if not s.strategi
    ]


# ------------------------------------------------------------------------------------- BAB II
def _pelayanan(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    out = []
    for n, row in enumerate(f.pelayanan):
        for year, printed in row.indikator.tercetak.rasio.items():
            computed = row.rasio.get(year)
            if differs(printed, computed):
                i = row.indikator
                out.append(
                    _finding(
                        c,
                        "E",
                        "evaluasi",
                        ("kinerja_pelayanan", "indikator", n, "tercetak", "rasio", str(year)),
                        _(
                            "T-C.23 {year}: rasio printed {printed}, computed {computed} ({realisasi} / "
                            "{target} x 100, rounded half-up)"
                        ).format(
                            year=year,
                            printed=angka(printed),
                            computed=angka(computed, desimal_of(printed)),
                            realisasi=isian(i.realisasi.get(year)),
                            target=isian(i.target.get(year)),
                        ),
                        "rasio",
                    )
                )
    for n, akhir in enumerate(f.akhir_periode):
        tercetak = akhir.indikator.tercetak.kemajuan
        if tercetak is not None and differs(tercetak, akhir.kemajuan):
            out.append(
                _finding(
                    c,
                    "E",
                    "evaluasi",
                    ("akhir_periode", "indikator", n, "tercetak", "kemajuan"),
                    _("tingkat kemajuan printed {tercetak}, computed {kemajuan}").format(
                        tercetak=angka(tercetak),
                        kemajuan=angka(akhir.kemajuan, desimal_of(tercetak)),
                    ),
                    "kemajuan",
                )
            )
    return out


def _anggaran(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    ar = c.evaluasi.anggaran_realisasi
    if ar is None:
        return []
    out = []

    def compare(row, t, loc: FieldPath, label: str) -> None:
        for field, computed in (("anggaran", row.anggaran), ("realisasi", row.realisasi)):
            for year, printed in getattr(t, field).items():
                if printed != computed.get(year):
                    out.append(
                        _finding(
                            c,
                            "E",
                            "evaluasi",
                            loc + ("tercetak", field, str(year)),
                            _(
                                "T-C.24 {label} {field} {year}: printed {printed}, computed {computed}"
                            ).format(
                                label=label,
                                field=field,
                                year=year,
                                printed=rupiah(printed, False),
                                computed=rupiah(computed.get(year), False),
                            ),
                            "rollup",
                        )
                    )
        for year, printed in t.rasio.items():
            if differs(printed, row.rasio.get(year)):
                out.append(
                    _finding(
                        c,
                        "E",
                        "evaluasi",
                        loc + ("tercetak", "rasio", str(year)),
                        _(
                            "T-C.24 {label} rasio {year}: printed {printed}, computed {computed}"
                        ).format(
                            label=label,
                            year=year,
                            printed=angka(printed),
                            computed=persen(row.rasio.get(year)),
                        ),
                        "rasio",
                    )
                )
        for field, computed in (
            ("pertumbuhan_anggaran", row.pertumbuhan_anggaran),
            ("pertumbuhan_realisasi", row.pertumbuhan_realisasi),
        ):
            printed = getattr(t, field)
            if differs(printed, computed):
                out.append(
                    _finding(
                        c,
                        "E",
                        "evaluasi",
                        loc + ("tercetak", field),
                        _(
                            "T-C.24 {label} {value}: printed {printed}, computed {computed} ({pertumbuhan})"
                        ).format(
                            label=label,
                            value=field.replace("_", " "),
                            printed=angka(printed),
                            computed=persen(computed),
                            pertumbuhan=c.settings.pertumbuhan,
                        ),
                        "pertumbuhan",
                    )
                )

    def typed_over_children(row, loc: FieldPath) -> None:
        """A parent's own figures are replaced by its rows' sums in the table: one that differs
        would vanish without a word."""
        for field in ("anggaran", "realisasi"):
            for year, typed in getattr(row.uraian, field).items():
                computed = getattr(row, field).get(year)
                if typed != computed:
                    out.append(
                        _finding(
                            c,
                            "E",
                            "evaluasi",
                            loc + (field, str(year)),
                            _(
                                "T-C.24 {label} {field} {year}: typed {typed}, its rows (anak) sum "
                                "to {computed}, which the table prints; correct the rows, or "
                                "delete the parent's own {field}"
                            ).format(
                                label=row.uraian.nama,
                                field=field,
                                year=year,
                                typed=rupiah(typed, False),
                                computed=rupiah(computed, False),
                            ),
                            "rollup",
                        )
                    )

    def visit(row, loc: FieldPath) -> None:
        compare(row, row.uraian.tercetak, loc, row.uraian.nama)
        if row.children:
            typed_over_children(row, loc)
        for k, child in enumerate(row.children):
            visit(child, loc + ("anak", k))

    for n, row in enumerate(f.anggaran):
        visit(row, ("anggaran_realisasi", "uraian", n))
    if f.anggaran_total is not None:
        compare(
            f.anggaran_total, ar.tercetak_total, ("anggaran_realisasi", "tercetak_total"), "Total"
        )
    return out


# ------------------------------------------------------------------------------------ BAB VI
def _node_locs(c: RenstraContent, f: RenstraFigures):
    for p, prog in enumerate(f.program):
        yield ("program", p), prog
        for k, keg in enumerate(prog.children):
            yield ("program", p, "kegiatan", k), keg
            for s, sub in enumerate(keg.children):
                yield ("program", p, "kegiatan", k, "sub_kegiatan", s), sub


def _matriks(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    out = []
    for loc, node in _node_locs(c, f):
        t = node.node.tercetak
        for year, printed in t.pagu.items():
            computed = node.pagu.get(year)
            if printed != computed:
                out.append(
                    _finding(
                        c,
                        "E",
                        "program",
                        loc + ("tercetak", "pagu", str(year)),
                        _("{id} {year}: pagu printed {printed}, computed {computed}{sums}").format(
                            id=node.id,
                            year=year,
                            printed=rupiah(printed, False),
                            computed=rupiah(computed, False),
                            sums=_of_children(node),
                        ),
                        "rollup",
                    )
                )
        if t.pagu_akhir is not None:
            years = _matriks_years(c, node)
            computed = node.pagu_akhir(years)
            if t.pagu_akhir != computed:
                out.append(
                    _finding(
                        c,
                        "E",
                        "program",
                        loc + ("tercetak", "pagu_akhir"),
                        _(
                            "{id}: pagu akhir printed {pagu_akhir}, computed {computed} (sum of "
                            "{first}-{last})"
                        ).format(
                            id=node.id,
                            pagu_akhir=rupiah(t.pagu_akhir, False),
                            computed=rupiah(computed, False),
                            first=years[0],
                            last=years[-1],
                        ),
                        "pagu_akhir",
                    )
                )
    for m, mr in enumerate(f.matriks):
        shown = {n.id for n in mr.program}
        for year, printed in mr.matriks.tercetak_total.items():
            computed = mr.total.get(year)
            if printed != computed:
                missing = [
                    p
                    for p in f.program
                    if p.id in shown and printed + (p.pagu.get(year) or 0) == computed
                ]
                why = (
                    _("; the printed TOTAL leaves out {nama} ({pagu})").format(
                        nama=missing[0].node.nama, pagu=rupiah(missing[0].pagu.get(year), False)
                    )
                    if missing
                    else ""
                )
                out.append(
                    _finding(
                        c,
                        "E",
                        "program",
                        ("matriks", m, "tercetak_total", str(year)),
                        _("TOTAL {year}: printed {printed}, computed {computed}{why}").format(
                            year=year,
                            printed=rupiah(printed, False),
                            computed=rupiah(computed, False),
                            why=why,
                        ),
                        "total",
                    )
                )
        printed = mr.matriks.tercetak_total_akhir
        if printed is not None and printed != mr.total_akhir:
            out.append(
                _finding(
                    c,
                    "E",
                    "program",
                    ("matriks", m, "tercetak_total_akhir"),
                    _("TOTAL pagu akhir: printed {printed}, computed {total_akhir}").format(
                        printed=rupiah(printed, False), total_akhir=rupiah(mr.total_akhir, False)
                    ),
                    "total",
                )
            )
    return out


def _of_children(node: NodeRencana) -> str:
    if not node.children:
        return ""
    word = "sub kegiatan" if node.jenis == "kegiatan" else "kegiatan"
    return _(" (sum of its {count} {what})").format(count=len(node.children), what=word)


def _matriks_years(c: RenstraContent, node: NodeRencana) -> list[int]:
    """The years of the matrix with a kondisi akhir column that shows the node."""
    for m in c.program.matriks if c.program else ():
        if m.kolom_akhir and any(node.pagu.get(y) is not None for y in m.tahun):
            return m.tahun
    return sorted(node.pagu)


def _indikator(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    out = []
    for loc, node in _node_locs(c, f):
        years = _matriks_years(c, node)
        for n, ind in enumerate(node.node.indikator):
            where = loc + ("indikator", n)
            computed = kondisi_akhir(ind, years)
            printed = ind.tercetak.akhir
            shown = printed if isinstance(printed, Tertulis) else nilai_of(printed)
            if printed is not None and (
                shown != computed.nilai or satuan_of(printed, ind.satuan) != computed.satuan
            ):
                out.append(
                    _finding(
                        c,
                        "W",
                        "program",
                        where + ("tercetak", "akhir"),
                        _(
                            "{id} '{nama}': kondisi akhir printed {printed} {printed_satuan}, the rule '{akhir}' "
                            "gives {nilai} {satuan} (targets {first}-{last})"
                        ).format(
                            id=node.id,
                            nama=ind.nama,
                            printed=isian(shown),
                            printed_satuan=satuan_of(printed, ind.satuan),
                            akhir=ind.akhir,
                            nilai=isian(computed.nilai),
                            satuan=computed.satuan,
                            first=years[0],
                            last=years[-1],
                        ),
                        "akhir",
                    )
                )
            if ind.akhir == "sum" and _is_percentage(ind.nama, ind.satuan):
                out.append(
                    _finding(
                        c,
                        "W",
                        "program",
                        where + ("akhir",),
                        _("{id} '{nama}': a percentage is summed for the kondisi akhir").format(
                            id=node.id, nama=ind.nama
                        ),
                        "akhir.persen",
                    )
                )
            awal = nilai_of(ind.kondisi_awal)
            before = nilai_of(ind.target.get(c.settings.tahun_awal))
            printed_awal = nilai_of(ind.tercetak.kondisi_awal)
            expected_awal = awal if awal is not None else before
            if printed_awal is not None and printed_awal != expected_awal:
                out.append(
                    _finding(
                        c,
                        "W",
                        "program",
                        where + ("tercetak", "kondisi_awal"),
                        _(
                            "{id} '{nama}': data capaian tahun awal printed {printed_awal}, the data give "
                            "{expected_awal} (the {tahun_awal} target)"
                        ).format(
                            id=node.id,
                            nama=ind.nama,
                            printed_awal=angka(printed_awal),
                            expected_awal=angka(expected_awal),
                            tahun_awal=c.settings.tahun_awal,
                        ),
                        "kondisi_awal",
                    )
                )
            if awal is not None and before is not None and awal != before:
                out.append(
                    _finding(
                        c,
                        "W",
                        "program",
                        where + ("kondisi_awal",),
                        _(
                            "{id} '{nama}': data capaian tahun awal {awal} differs from the {tahun_awal} "
                            "target {before}"
                        ).format(
                            id=node.id,
                            nama=ind.nama,
                            awal=angka(awal),
                            tahun_awal=c.settings.tahun_awal,
                            before=angka(before),
                        ),
                        "kondisi_awal",
                    )
                )
        if getattr(node.node, "target_dari_sub", None) == "sum":
            out += _target_dari_sub(c, node, loc)
    return out


def _target_dari_sub(c: RenstraContent, node: NodeRencana, loc: FieldPath) -> list[Finding]:
    own = node.node.indikator[0] if node.node.indikator else None
    subs = [s.node.indikator[0] for s in node.children if s.node.indikator]
    if own is None or not subs:
        return []
    out = []
    for year, value in own.target.items():
        parts = [nilai_of(s.target.get(year)) for s in subs]
        known = [p for p in parts if p is not None]
        if value is None or len(known) < len(parts):
            continue
        total = sum(known, Decimal(0))
        if nilai_of(value) != total:
            out.append(
                _finding(
                    c,
                    "W",
                    "program",
                    loc + ("indikator", 0, "target", str(year)),
                    _(
                        "{id} {year}: target {value} is not the sum of its sub kegiatan targets "
                        "{program} = {total}"
                    ).format(
                        id=node.id,
                        year=year,
                        value=angka(nilai_of(value)),
                        program=" + ".join(angka(p) for p in parts),
                        total=angka(total),
                    ),
                    "target.sub",
                )
            )
    return out


def _is_percentage(nama: str, satuan: str) -> bool:
    return nama.lower().startswith("persentase") or satuan.strip().lower() in ("%", "persen")


# ----------------------------------------------------------------------------------- BAB VII
def _urusan(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    out = []
    for n, row in enumerate(f.kinerja_urusan):
        printed = row.baris.tercetak_akhir
        if printed is not None and printed != row.akhir:
            out.append(
                _finding(
                    c,
                    "E",
                    "analisis",
                    ("indikator_urusan", "baris", n, "tercetak_akhir"),
                    _(
                        "T-C.28 '{nama}': kondisi akhir printed {printed}, the last target is {akhir}"
                    ).format(nama=row.nama, printed=isian(printed), akhir=isian(row.akhir)),
                    "akhir",
                )
            )
    return out


# ------------------------------------------------------------------------------------- SDM etc
def _aset(c: RenstraContent) -> list[Finding]:
    out = []
    names = Counter(a.nama.strip().lower() for a in c.sumber_daya.aset)
    for n, a in enumerate(c.sumber_daya.aset):
        if names[a.nama.strip().lower()] > 1 and a.nama.strip().lower() not in {
            x.nama.strip().lower() for x in c.sumber_daya.aset[:n]
        }:
            out.append(
                _finding(
                    c,
                    "W",
                    "sumber_daya",
                    ("aset", n, "nama"),
                    _("asset '{nama}' is listed {names} times").format(
                        nama=a.nama, names=names[a.nama.strip().lower()]
                    ),
                    "duplikat",
                )
            )
    return out


# ------------------------------------------------------------------------------- penunjang
_KODE_PROGRAM = re.compile(r"^\s*\d[.\s]\d{2}[.\s]\d{2}\s*$")


def _penunjang(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    """Where BAB VI's count depends on which program is the program penunjang: one taken as it by
    its code or name alone (said, so a wrong guess is seen and `penunjang: false` undoes it), and
    one marked `penunjang: true` whose 90/2019 code is another program's number (REGULATIONS
    §6.1: the penunjang is always X.XX.01)."""
    if c.program is None or not f.program:
        return []
    out = []
    for n, p in enumerate(c.program.program):
        dasar = p.dasar_penunjang
        if dasar in ("kode", "nama"):
            out.append(
                _finding(
                    c,
                    "I",
                    "program",
                    ("program", n, dasar),
                    (
                        _(
                            "{id} is taken as the program penunjang by its code \u201c{value}\u201d, "
                            "so BAB VI counts {count} programs outside it; write penunjang: false if "
                            "it is not"
                        )
                        if dasar == "kode"
                        else _(
                            "{id} is taken as the program penunjang by its name \u201c{value}\u201d, "
                            "so BAB VI counts {count} programs outside it; write penunjang: false if "
                            "it is not"
                        )
                    ).format(
                        id=p.id,
                        value=p.kode if dasar == "kode" else pendek(p.nama),
                        count=f.counts["program"],
                    ),
                    "program.penunjang",
                )
            )
        elif (
            p.penunjang
            and p.nomenklatur == "baru"
            and p.kode
            and _KODE_PROGRAM.match(p.kode)
            and not KODE.match(p.kode)
        ):
            out.append(
                _finding(
                    c,
                    "W",
                    "program",
                    ("program", n, "penunjang"),
                    _(
                        "{id} is marked penunjang: true, but its code {kode} is not the program "
                        "penunjang's (X.XX.01 under Permendagri 90/2019): BAB VI leaves it out of "
                        "its count"
                    ).format(id=p.id, kode=p.kode),
                    "program.penunjang",
                )
            )
    return out


# ------------------------------------------------------------------------------------- IKU
def _iku(c: RenstraContent, f: RenstraFigures) -> list[Finding]:
    """The IKU table: indicators marked `iku: true` with no table to print them in (the mark would
    vanish), a table with none to print (NIHIL), and in the target form the cells it would print
    empty ("–") or a kondisi akhir that is a sum of percentages."""
    setting = c.settings.iku
    marked = [(loc, ind) for loc, ind in c.rencana.located_indikator() if ind.iku]
    rencana = c.sources["rencana"]
    if setting.bagian is None:
        if not marked:
            return []
        loc, first = marked[0]
        return [
            Finding(
                "W",
                rencana.problem(
                    loc + ("iku",),
                    _(
                        "{ids} marked iku: true, but the Renstra prints no IKU table: "
                        "document.toml has no [iku] bagian"
                    ).format(ids=", ".join(ind.id for _, ind in marked)),
                    _(
                        'add [iku] with bagian = "<section id>" to document.toml, e.g. '
                        '"kinerja-urusan" (`laporgen outline` lists the ids; bentuk = "target" '
                        "prints the targets); an LKjIP reading this plan prints its IKU either way"
                    ),
                    "iku.bagian",
                ),
            )
        ]
    if not marked:
        return [
            Finding(
                "W",
                rencana.problem(
                    ("tujuan",),
                    _("no indicator is marked iku: true: the IKU table prints NIHIL"),
                    _("mark each Indikator Kinerja Utama with iku: true in rencana.yaml"),
                    "iku.kosong",
                ),
            )
        ]
    if setting.bentuk != "target":
        return []
    out = []
    for loc, ind in marked:
        empty: list[FieldPath] = [("kondisi_awal",)] if ind.kondisi_awal is None else []
        empty += [("target", str(y)) for y in c.rencana.tahun if ind.target.get(y) is None]
        if empty:
            out.append(
                Finding(
                    "I",
                    rencana.problem(
                        loc + empty[0],
                        _("IKU {id}: the IKU table prints - for {fields}").format(
                            id=ind.id, fields=", ".join(".".join(map(str, e)) for e in empty)
                        ),
                        _('write the value, or "N.a" where there is none'),
                        "iku.nilai",
                    ),
                )
            )
        if f.akhir_rencana.get(ind.id) is None and ind.target:
            out.append(
                Finding(
                    "W",
                    rencana.problem(
                        loc + ("akhir",),
                        _(
                            "IKU {id}: the kondisi akhir by '{akhir}' cannot be computed from "
                            "targets that hold text; the IKU table prints -"
                        ).format(id=ind.id, akhir=ind.akhir),
                        _("write the kondisi akhir as a value: akhir: <number>"),
                        "iku.akhir",
                    ),
                )
            )
        if ind.akhir == "sum" and _is_percentage(ind.nama, ind.satuan):
            out.append(
                Finding(
                    "W",
                    rencana.problem(
                        loc + ("akhir",),
                        _("{id} '{nama}': a percentage is summed for the kondisi akhir").format(
                            id=ind.id, nama=ind.nama
                        ),
                        None,
                        "akhir.persen",
                    ),
                )
            )
    return out
