"""`laporgen check`: what in the input disagrees with itself or with the computed figures.

laporgen's own output is right by construction; `check` is for the inputs and for the values a
signed document printed (`tercetak`): each disagreement is a `Finding` naming file, line, field,
what was printed and what the data give (DOMAIN §5, LKJIP-SPEC §8.2). Severity E: the
arithmetic is wrong; W: inconsistent or suspicious. The rules across tables are in silang.py,
plausibility in wajar.py; what reads the built document (narrative) in dokumen.py.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..compute.capaian import celah
from ..compute.lkjip import LkjipFigures, NodeAnggaran
from ..i18n import _
from ..model.content import LkjipContent
from ..model.source import FieldPath
from ..document.cells import isian
from ..model.renstra import Indikator
from ..numbers import angka, persen, rupiah
from .findings import Finding, differs, pendek, placeholders
from .klaim import klaim_lkjip
from .silang import silang_lkjip
from .wajar import wajar_lkjip


def check_lkjip(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    """Every finding of an LKjIP content, in file order."""
    findings: list[Finding] = []
    findings += _indikator(c, f)
    findings += _program(c, f)
    findings += _dokumen(c, f)
    findings += _triwulan(c, f)
    findings += _strategi(c)
    findings += _iku(c)
    findings += _skala(c, f)
    findings += _target_akhir(c, f)
    findings += _target_tahun(c, f)
    findings += _alokasi(c, f)
    findings += _satuan_riwayat(c)
    findings += _capaian_tercetak(c, f)
    findings += _tidak_tercetak(c, f)
    findings += placeholders(c)
    findings += wajar_lkjip(c)
    findings += silang_lkjip(c, f)
    findings += klaim_lkjip(c, f)
    return sorted(findings, key=lambda x: (x.problem.file, x.problem.line or 0))


def _finding(
    c: LkjipContent, severity, part: str, loc: FieldPath, message: str, code: str
) -> Finding:
    return Finding(severity, c.sources[part].problem(loc, message, None, code))


def _indikator(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    out = []
    for i in f.indikator:
        if i.fakta is None:
            continue
        t = i.fakta.tercetak
        loc = ("realisasi", i.indikator.id, "tercetak")
        how = f"{isian(i.realisasi)} / {isian(i.target)} x 100"
        if differs(t.capaian, i.capaian):
            out.append(
                _finding(
                    c,
                    "E",
                    "kinerja",
                    loc + ("capaian",),
                    _("printed {capaian}, computed {capaian2} ({how})").format(
                        capaian=angka(t.capaian), capaian2=persen(i.capaian), how=how
                    ),
                    "capaian",
                )
            )
        # without a capaian (a target printed as text, no realisasi) no kategori can be judged
        if (
            t.kategori is not None
            and i.capaian is not None
            and t.kategori.lower() != (i.kategori or "").lower()
        ):
            out.append(
                _finding(
                    c,
                    "W",
                    "kinerja",
                    loc + ("kategori",),
                    _(
                        'printed "{kategori}", the scale gives "{kategori2}" for capaian {capaian}'
                    ).format(kategori=t.kategori, kategori2=i.kategori, capaian=persen(i.capaian)),
                    "kategori",
                )
            )
        if differs(t.kemajuan, i.kemajuan):
            out.append(
                _finding(
                    c,
                    "E",
                    "kinerja",
                    loc + ("kemajuan",),
                    _("printed {kemajuan}, computed {kemajuan2}").format(
                        kemajuan=angka(t.kemajuan), kemajuan2=persen(i.kemajuan)
                    ),
                    "kemajuan",
                )
            )
        if differs(t.efisiensi, i.efisiensi):
            out.append(
                _finding(
                    c,
                    "E",
                    "kinerja",
                    loc + ("efisiensi",),
                    _(
                        "printed {efisiensi}, computed {efisiensi2} (1 - serapan / capaian {capaian})"
                    ).format(
                        efisiensi=angka(t.efisiensi),
                        efisiensi2=persen(i.efisiensi),
                        capaian=persen(i.capaian),
                    ),
                    "efisiensi",
                )
            )
        if i.target == 0 and i.realisasi not in (None, Decimal(0)):
            out.append(
                _finding(
                    c,
                    "W",
                    "kinerja",
                    ("realisasi", i.indikator.id, "nilai"),
                    _("target is 0 and realisasi {realisasi}: capaian has no meaning").format(
                        realisasi=isian(i.realisasi)
                    ),
                    "capaian.target_nol",
                )
            )
    return out


def _program(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    out = []
    for p_no, p in enumerate(f.program):
        for loc, node in _node_locs(p, ("program", p_no)):
            t = node.node.tercetak
            for field, computed in (
                ("pagu", node.pagu),
                ("pagu_murni", node.pagu_murni),
                ("realisasi", node.realisasi),
            ):
                for table, printed in getattr(t, field).items():
                    if printed != computed:
                        sums = (
                            _(" (sum of {count} {what})").format(
                                count=len(node.children), what=_child_word(node)
                            )
                            if node.children
                            else ""
                        )
                        out.append(
                            _finding(
                                c,
                                "E",
                                "program",
                                loc + ("tercetak", field, table),
                                _(
                                    "{id} {table}: printed {printed}, computed {computed}{sums}"
                                ).format(
                                    id=node.id,
                                    table=table,
                                    printed=rupiah(printed, False),
                                    computed=rupiah(computed, False),
                                    sums=sums,
                                ),
                                "rollup",
                            )
                        )
            if differs(t.efisiensi, node.efisiensi):
                out.append(
                    _finding(
                        c,
                        "E",
                        "program",
                        loc + ("tercetak", "efisiensi"),
                        _(
                            "{id}: printed {efisiensi}, computed {efisiensi2} (1 - {serapan} / {capaian})"
                        ).format(
                            id=node.id,
                            efisiensi=angka(t.efisiensi),
                            efisiensi2=persen(node.efisiensi),
                            serapan=persen(node.serapan),
                            capaian=persen(node.capaian),
                        ),
                        "efisiensi",
                    )
                )
            for n, ind in enumerate(node.indikator):
                for table, printed in ind.indikator.tercetak.target.items():
                    if printed != ind.indikator.target:
                        out.append(
                            _finding(
                                c,
                                "W",
                                "program",
                                loc + ("indikator", n, "tercetak", "target", table),
                                _(
                                    "{id} {table}: target printed {printed}, the Perjanjian Kinerja target is "
                                    "{target} {satuan}"
                                ).format(
                                    id=node.id,
                                    table=table,
                                    printed=angka(printed),
                                    target=angka(ind.indikator.target),
                                    satuan=ind.indikator.satuan,
                                ),
                                "target.tabel",
                            )
                        )
    return out


def _child_word(node: NodeAnggaran) -> str:
    return "sub-kegiatan" if node.jenis == "kegiatan" else "kegiatan"


def _node_locs(p: NodeAnggaran, loc: FieldPath):
    yield loc, p
    for k, keg in enumerate(p.children):
        yield loc + ("kegiatan", k), keg
        for s, sub in enumerate(keg.children):
            yield loc + ("kegiatan", k, "sub_kegiatan", s), sub


def _dokumen(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    t = c.kinerja.tercetak
    out = []
    if differs(t.rata_rata_capaian, f.rata_rata):
        out.append(
            _finding(
                c,
                "E",
                "kinerja",
                ("tercetak", "rata_rata_capaian"),
                _(
                    "printed {rata_rata_capaian}, computed {rata_rata} (mean of {indikator} "
                    "indicators' capaian)"
                ).format(
                    rata_rata_capaian=angka(t.rata_rata_capaian),
                    rata_rata=persen(f.rata_rata),
                    indikator=sum(i.capaian is not None for i in f.indikator),
                ),
                "rata_rata",
            )
        )
    if differs(t.efisiensi_total, f.efisiensi_total):
        out.append(
            _finding(
                c,
                "E",
                "kinerja",
                ("tercetak", "efisiensi_total"),
                _(
                    "printed {efisiensi_total}, computed {efisiensi_total2} (mean of the "
                    "{indikator} rows' efisiensi)"
                ).format(
                    efisiensi_total=angka(t.efisiensi_total),
                    efisiensi_total2=persen(f.efisiensi_total),
                    indikator=len(f.indikator),
                ),
                "efisiensi_total",
            )
        )
    if differs(t.efisiensi_kinerja, f.efisiensi_total):
        out.append(
            _finding(
                c,
                "E",
                "kinerja",
                ("tercetak", "efisiensi_kinerja"),
                _(
                    "printed {efisiensi_kinerja}, matches no computed efisiensi (efisiensi total "
                    "{efisiensi_total})"
                ).format(
                    efisiensi_kinerja=angka(t.efisiensi_kinerja),
                    efisiensi_total=persen(f.efisiensi_total),
                ),
                "efisiensi_total",
            )
        )
    return out


def _triwulan(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    out = []
    for t in f.triwulan:
        if t.total is not None and t.target_tahunan is not None and t.total != t.target_tahunan:
            out.append(
                _finding(
                    c,
                    "W",
                    "kinerja",
                    ("target_triwulan", t.indikator.id),
                    _(
                        "{id} {year}: quarterly total {total} ({agregasi_triwulan}) differs from the "
                        "plan's target {target_tahunan}"
                    ).format(
                        id=t.indikator.id,
                        year=c.settings.tahun + 1,
                        total=angka(t.total),
                        agregasi_triwulan=t.indikator.agregasi_triwulan,
                        target_tahunan=angka(t.target_tahunan),
                    ),
                    "triwulan",
                )
            )
    return out


def satuan_kunci(unit: str) -> str:
    """A unit as compared: case and "%"/"persen" do not make two units."""
    unit = unit.strip().lower()
    return "persen" if unit in ("%", "persen") else unit


def _satuan_riwayat(c: LkjipContent) -> list[Finding]:
    """A history row linked to a plan indicator is in that indicator's unit (a series in
    "persen" cannot continue one in "Angka")."""
    plan = {i.id: i for t in c.rencana.tujuan for s in t.sasaran for i in s.indikator}
    out = []
    for n, row in enumerate(c.kinerja.riwayat):
        ind = plan.get(row.id or "")
        if ind is not None and row.satuan and satuan_kunci(row.satuan) != satuan_kunci(ind.satuan):
            out.append(
                _finding(
                    c,
                    "W",
                    "kinerja",
                    ("riwayat", n, "satuan"),
                    _(
                        "history row of {id} is in '{satuan}', the indicator is in '{satuan2}'"
                    ).format(id=ind.id, satuan=row.satuan, satuan2=ind.satuan),
                    "satuan",
                )
            )
    return out


def _strategi(c: LkjipContent) -> list[Finding]:
    out = []
    for t_no, t in enumerate(c.rencana.tujuan):
        for s_no, s in enumerate(t.sasaran):
            if not s.strategi:
                out.append(
                    _finding(
                        c,
                        "W",
                        "rencana",
                        ("tujuan", t_no, "sasaran", s_no, "id"),
                        _("sasaran {id} has no strategi/arah kebijakan").format(id=s.id),
                        "strategi",
                    )
                )
    return out


def _iku(c: LkjipContent) -> list[Finding]:
    """No sasaran indicator marked `iku: true`: the IKU table (BAB II and the Lampiran) prints
    one NIHIL row, and an LKjIP reports against its IKU (PermenPAN-RB 53/2014)."""
    if any(i.iku for t in c.rencana.tujuan for s in t.sasaran for i in s.indikator):
        return []
    return [
        Finding(
            "W",
            c.sources["rencana"].problem(
                ("tujuan",),
                _("no indicator is marked iku: true: the IKU table prints NIHIL"),
                _("mark each Indikator Kinerja Utama with iku: true in rencana.yaml"),
                "iku.kosong",
            ),
        )
    ]


def _alokasi(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    """The allocations of one program/kegiatan across sasaran add up to its own budget (C7)."""
    shares: dict[str, list] = defaultdict(list)
    for sid, d in c.kinerja.dukungan.items():
        for node_id, a in d.alokasi.items():
            shares[node_id].append((sid, a))
    out = []
    for node_id, parts in shares.items():
        node = f.node(node_id)
        pagu = sum((a.pagu for _, a in parts), Decimal(0))
        realisasi = sum((a.realisasi for _, a in parts), Decimal(0))
        if pagu != node.pagu or realisasi != node.realisasi:
            sid = parts[0][0]
            out.append(
                _finding(
                    c,
                    "W",
                    "kinerja",
                    ("dukungan", sid, "alokasi", node_id),
                    _(
                        "allocations of {node_id} add up to {pagu} / {realisasi}, its budget is "
                        "{pagu2} / {realisasi2}"
                    ).format(
                        node_id=node_id,
                        pagu=rupiah(pagu, False),
                        realisasi=rupiah(realisasi, False),
                        pagu2=rupiah(node.pagu, False),
                        realisasi2=rupiah(node.realisasi, False),
                    ),
                    "alokasi",
                )
            )
    return out


def _skala(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    """A kategori scale of ranges that leaves capaian without a level (Baik 86–100, Sedang
    71–85: 85,50 and 120 have none), and each indicator that falls there."""
    out = []
    for above, below in celah(c.settings.kategori.skala):
        where = (
            _("above {value}").format(value=angka(above))
            if below is None
            else _("below {value}").format(value=angka(below))
            if above is None
            else _("between {above} and {below}").format(above=angka(above), below=angka(below))
        )
        out.append(
            _finding(
                c,
                "W",
                "document",
                ("kategori", "skala"),
                _("the kategori scale has no level for capaian {where}").format(where=where),
                "kategori.celah",
            )
        )
    for i in f.indikator:
        if i.capaian is not None and i.kategori is None:
            out.append(
                _finding(
                    c,
                    "W",
                    "kinerja",
                    ("realisasi", i.indikator.id, "nilai"),
                    _("{id}: capaian {capaian} falls in no level of the kategori scale").format(
                        id=i.indikator.id, capaian=persen(i.capaian)
                    ),
                    "kategori.celah",
                )
            )
    return out


def _target_tahun(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    """An indicator reported this year whose plan has no target for the year: its capaian cannot
    be computed and Tabel 3.2 prints "-", which must not pass unsaid."""
    tahun = c.settings.tahun
    reported = {i.indikator.id for i in f.semua_indikator if i.target is None}
    out = []
    for t_no, t in enumerate(c.rencana.tujuan):
        plan: list[tuple[FieldPath, Indikator]] = [
            (("tujuan", t_no, "indikator", k), ind) for k, ind in enumerate(t.indikator)
        ]
        plan += [
            (("tujuan", t_no, "sasaran", s_no, "indikator", k), ind)
            for s_no, s in enumerate(t.sasaran)
            for k, ind in enumerate(s.indikator)
        ]
        for loc, ind in plan:
            if ind.id in reported and tahun not in ind.target:
                out.append(
                    _finding(
                        c,
                        "W",
                        "rencana",
                        (*loc, "target"),
                        _(
                            '{id} "{nama}" has no target for {tahun}: its capaian cannot be computed and '
                            'Tabel 3.2 prints "-"; add {tahun}: <target> to its target'
                        ).format(id=ind.id, nama=ind.nama, tahun=tahun),
                        "target.tahun",
                    )
                )
    return out


def _target_akhir(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    """Tabel 3.4 compares with the Renstra's final-year target: an indicator without one shows no
    tingkat kemajuan (another year's target is not the end target)."""
    last = c.rencana.periode[1]
    out = []
    for t_no, t in enumerate(c.rencana.tujuan):
        for s_no, s in enumerate(t.sasaran):
            for k, ind in enumerate(s.indikator):
                if ind.akhir == "last" and last not in ind.target:
                    out.append(
                        _finding(
                            c,
                            "W",
                            "rencana",
                            ("tujuan", t_no, "sasaran", s_no, "indikator", k, "target"),
                            _(
                                "{id} has no {last} target: Tabel 3.4 (target akhir Renstra) cannot show its "
                                "tingkat kemajuan"
                            ).format(id=ind.id, last=last),
                            "kemajuan.target_akhir",
                        )
                    )
    return out


def _capaian_tercetak(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    """The capaian a signed document printed for an earlier year (Tabel 3.3), against a standard
    (Tabel 3.5), for a program indicator and for a program/kegiatan (Tabel 3.14), each against
    the figure computed with the indicator's arah (a lower-is-better indicator measured R/T is
    the slip these catch)."""
    out = []

    def compare(part: str, loc: FieldPath, what: str, printed, computed, how: str) -> None:
        if differs(printed, computed):
            out.append(
                _finding(
                    c,
                    "E",
                    part,
                    loc,
                    _("{what}: printed {printed}, computed {computed} ({how})").format(
                        what=what, printed=angka(printed), computed=persen(computed), how=how
                    ),
                    "capaian",
                )
            )

    for n, (row, baris) in enumerate(zip(c.kinerja.riwayat, f.riwayat)):
        for y, v in row.tahun.items():
            computed = baris.tahun[y].capaian
            compare(
                "kinerja",
                ("riwayat", n, "tahun", str(y), "tercetak", "capaian"),
                f"{row.indikator} {y}",
                v.tercetak.capaian,
                computed,
                f"{isian(v.realisasi)} / {isian(v.target)}",
            )
    for n, r in enumerate(f.standar):
        compare(
            "kinerja",
            ("standar", n, "tercetak", "capaian"),
            r.indikator.id,
            r.standar.tercetak.capaian,
            r.capaian,
            f"{isian(r.realisasi)} / {angka(r.standar.standar)}, {r.indikator.arah}",
        )
    for p_no, p in enumerate(f.program):
        for loc, node in _node_locs(p, ("program", p_no)):
            compare(
                "program",
                loc + ("tercetak", "capaian"),
                node.id,
                node.node.tercetak.capaian,
                node.capaian,
                _("mean of {count} indicators").format(count=len(node.indikator))
                if len(node.indikator) > 1
                else _("its indicator's capaian"),
            )
            for k, ind in enumerate(node.indikator):
                compare(
                    "program",
                    loc + ("indikator", k, "tercetak", "capaian"),
                    f"{node.id} {pendek(ind.indikator.nama)}",
                    ind.indikator.tercetak.capaian,
                    ind.capaian,
                    f"{isian(ind.realisasi)} / {angka(ind.indikator.target)}, {ind.indikator.arah}",
                )
    return out


def _tidak_tercetak(c: LkjipContent, f: LkjipFigures) -> list[Finding]:
    """Input about an indicator (or tujuan) the report does not measure, which no table would
    print: a tujuan's own indicator is measured only when the Perjanjian Kinerja lists it or it
    has a realisasi; nothing entered may vanish without a word."""
    measured = {i.indikator.id for i in f.indikator}
    groups = {k.sasaran.id for k in f.kelompok}
    out = []
    for key, ids, known in (
        ("rencana_aksi", c.kinerja.rencana_aksi, measured),
        ("target_triwulan", c.kinerja.target_triwulan, measured),
        ("analisis", c.kinerja.analisis, groups),
        ("dukungan", c.kinerja.dukungan, groups),
    ):
        for iid in ids:
            if iid not in known:
                out.append(
                    _finding(
                        c,
                        "W",
                        "kinerja",
                        (key, iid),
                        _(
                            "{id} is not measured in this report, so no table prints this entry; "
                            "list {id} in the last perjanjian_kinerja.indikator (or give its "
                            "realisasi), or remove the entry"
                        ).format(id=iid),
                        "masukan.tak_tercetak",
                    )
                )
    for n, st in enumerate(c.kinerja.standar):
        if st.indikator not in measured:
            out.append(
                _finding(
                    c,
                    "W",
                    "kinerja",
                    ("standar", n, "indikator"),
                    _(
                        "{id} is not measured in this report, so its capaian against the standard "
                        "prints as -; list {id} in the last perjanjian_kinerja.indikator (or give "
                        "its realisasi)"
                    ).format(id=st.indikator),
                    "masukan.tak_tercetak",
                )
            )
    return out
