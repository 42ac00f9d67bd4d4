"""Every figure of an LKjIP, computed once from the content (LKJIP-SPEC §3, §8.1).

`lkjip_figures(content)` is the only entry point; the document builder and `check` read its
result and never compute. Second-level figures (efisiensi, rata-rata) take first-level
percentages as printed (2 decimals) when `perhitungan.basis` is `tampil` (DOMAIN §4).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from ..model.anggaran import IndikatorProgram, Kegiatan, Program, SubKegiatan
from ..model.content import LkjipContent
from ..model.lkjip import Realisasi, Standar
from ..model.nilai import Tertulis, angka_of
from ..model.renstra import Indikator, Sasaran, Tujuan
from ..model.sumber_daya import Aset, Formasi
from ..numbers import bulatkan
from . import anggaran as ang
from .capaian import (
    batasi,
    capaian_persen,
    kategori_for,
    rata_rata,
    tercapai,
    tercapai_predikat,
)
from .kemajuan import kondisi_akhir, tingkat_kemajuan, total_triwulan
from .sumber_daya import saldo_akhir, selisih_formasi


# ------------------------------------------------------------------------------- result types
@dataclass(frozen=True)
class IndikatorKinerja:
    """A plan indicator measured in the report year."""

    indikator: Indikator
    tujuan: Tujuan
    sasaran: Sasaran | None
    target: Decimal | Tertulis | None
    """The report year's target; text (a predikat, "n.a") as written, never computed."""
    realisasi: Decimal | Tertulis | None
    fakta: Realisasi | None
    capaian: Decimal | None
    kategori: str | None
    target_akhir: Decimal | Tertulis | None
    """The Renstra's end target (`kemajuan.kondisi_akhir`); text as written, never computed."""
    kemajuan: Decimal | None
    efisiensi: Decimal | None = None
    sisa_kemajuan: Decimal | None = None
    """What is still missing to the end target: 100 − kemajuan, from the kemajuan as printed
    (LKJIP-SPEC 001 line 757: 99,38 → "0,62% lagi")."""
    efisien: bool | None = None
    """The verdict of the efisiensi row ("Efisien"/"Tidak efisien"), true for either method."""
    capaian_mentah: Decimal | None = None
    """Capaian before `batas_capaian` caps it (`capaian` is the capped one, as every table, the
    average and efisiensi show it)."""
    tercapai_predikat: bool | None = None
    """Whether a predikat realisasi reached its predikat target by the declared scale's order;
    None unless both are predikat of one scale (no capaian number is made of it)."""

    @property
    def tercapai(self) -> bool:
        """Capaian ≥ 100, or for a predikat the realisasi at or above the target on its scale:
        the one rule the sentences and `check` share."""
        if self.capaian is None and self.tercapai_predikat is not None:
            return self.tercapai_predikat
        return tercapai(self.capaian)

    @property
    def terukur(self) -> bool:
        """Whether it is known if the target was reached (a capaian, or a predikat's order)."""
        return self.capaian is not None or self.tercapai_predikat is not None

    @property
    def induk(self) -> Sasaran | Tujuan:
        """The sasaran the indicator measures, or its tujuan for a tujuan's own indicator."""
        return self.sasaran or self.tujuan


@dataclass(frozen=True)
class SasaranKinerja:
    """A group of measured indicators: a sasaran's, or a tujuan's own (then `sasaran` is the
    tujuan itself: Lamongan's "Capaian Kinerja Tujuan", LAMONGAN-NOTES L1)."""

    sasaran: Sasaran | Tujuan
    tujuan: Tujuan
    indikator: tuple[IndikatorKinerja, ...]
    pagu: Decimal
    realisasi_anggaran: Decimal
    serapan: Decimal | None
    program_kegiatan: tuple[str, ...] = ()
    """The programs/kegiatan whose budget the group is attributed (Tabel 3.8, 3.13)."""

    @property
    def tercapai(self) -> bool:
        """Every indicator of the sasaran met its target (F14.3)."""
        return all(i.tercapai for i in self.indikator)

    @property
    def tingkat(self) -> Literal["tujuan", "sasaran"]:
        return "tujuan" if isinstance(self.sasaran, Tujuan) else "sasaran"


@dataclass(frozen=True)
class IndikatorNode:
    """An indicator of a program, kegiatan or sub-kegiatan."""

    indikator: IndikatorProgram
    realisasi: Decimal | None
    capaian: Decimal | None


@dataclass(frozen=True)
class NodeAnggaran:
    """A program, kegiatan or sub-kegiatan with its budget summed from the leaves."""

    jenis: str
    node: Program | Kegiatan | SubKegiatan
    pagu: Decimal
    pagu_murni: Decimal
    realisasi: Decimal
    serapan: Decimal | None
    indikator: tuple[IndikatorNode, ...]
    capaian: Decimal | None
    efisiensi: Decimal | None
    children: tuple["NodeAnggaran", ...]
    efisien: bool | None = None

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def capaian_baris(self) -> tuple[Decimal | None, ...]:
        """The capaian the tables print on the node's indicator rows: each indicator's own when it
        has several (their mean, `capaian`, on a row of its own), else the node's."""
        if len(self.indikator) > 1:
            return tuple(i.capaian for i in self.indikator)
        return (self.capaian,)

    def walk(self) -> Iterator[NodeAnggaran]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class BarisFormasi:
    formasi: Formasi
    selisih: int


@dataclass(frozen=True)
class RekapPegawai:
    formasi: tuple[BarisFormasi, ...]
    kebutuhan: int
    realisasi: int
    selisih: int
    golongan: int
    pendidikan: int
    jenis_kelamin: int


@dataclass(frozen=True)
class BarisAset:
    aset: Aset
    saldo_akhir: Decimal


@dataclass(frozen=True)
class RekapAset:
    baris: tuple[BarisAset, ...]
    saldo_awal: Decimal
    bertambah: Decimal
    berkurang: Decimal
    saldo_akhir: Decimal


@dataclass(frozen=True)
class Triwulan:
    indikator: Indikator
    nilai: tuple[Decimal | None, ...]
    total: Decimal | None
    target_tahunan: Decimal | None


@dataclass(frozen=True)
class BarisStandar:
    """Tabel 3.5: the realisasi against a national/provincial standard, with the indicator's
    arah (4/5 × 100 for higher-is-better, (2 × 5 − 4)/5 × 100 for lower-is-better)."""

    standar: Standar
    indikator: Indikator
    induk: Sasaran | Tujuan
    realisasi: Decimal | Tertulis | None
    capaian: Decimal | None


@dataclass(frozen=True)
class TahunRiwayat:
    target: Decimal | Tertulis | None
    realisasi: Decimal | Tertulis | None
    capaian: Decimal | None


@dataclass(frozen=True)
class BarisRiwayat:
    sasaran: str
    indikator: str
    satuan: str
    tahun: dict[int, TahunRiwayat]


@dataclass(frozen=True)
class LkjipFigures:
    tahun: int
    indikator: tuple[IndikatorKinerja, ...]
    """Every measured indicator, in plan order: a tujuan's own (when the Perjanjian Kinerja
    lists it or a realisasi is given) before its sasaran's."""
    indikator_tujuan: tuple[IndikatorKinerja, ...]
    """Every tujuan indicator, measured or not."""
    sasaran: tuple[SasaranKinerja, ...]
    """The sasaran groups only (the counts of sasaran)."""
    kelompok: tuple[SasaranKinerja, ...]
    """Every group of measured indicators, tujuan groups first within their tujuan: the rows
    of the capaian tables."""
    rata_rata: Decimal | None
    kategori_rata_rata: str | None
    per_kategori: dict[str, int]
    program: tuple[NodeAnggaran, ...]
    pagu: Decimal
    pagu_murni: Decimal
    realisasi_anggaran: Decimal
    serapan: Decimal | None
    efisiensi_total: Decimal | None
    efisien_total: bool | None
    pegawai: RekapPegawai
    aset: RekapAset
    triwulan: tuple[Triwulan, ...]
    riwayat: tuple[BarisRiwayat, ...]
    tahun_riwayat: tuple[int, ...]
    standar: tuple[BarisStandar, ...] = ()

    @property
    def semua_indikator(self) -> tuple[IndikatorKinerja, ...]:
        """Every plan indicator once, measured or not: the tujuan's, then the sasaran's."""
        return (*self.indikator_tujuan, *(i for i in self.indikator if i.sasaran is not None))

    def node(self, node_id: str) -> NodeAnggaran:
        for program in self.program:
            for node in program.walk():
                if node.id == node_id:
                    return node
        raise KeyError(node_id)

    @property
    def kegiatan(self) -> tuple[NodeAnggaran, ...]:
        return tuple(k for p in self.program for k in p.children)


# ---------------------------------------------------------------------------------- compute
class _Basis:
    """The value a second-level figure is computed from: as printed, or unrounded."""

    def __init__(self, content: LkjipContent):
        p = content.settings.perhitungan
        self.tampil = p.basis == "tampil"
        self.batas = None if p.batas_capaian == "none" else Decimal(p.batas_capaian)
        self.metode = p.efisiensi

    def __call__(self, value: Decimal | None) -> Decimal | None:
        return None if value is None else self.shown(value)

    def shown(self, value: Decimal) -> Decimal:
        return bulatkan(value) if self.tampil else value

    def capaian(self, value: Decimal | None) -> Decimal | None:
        return batasi(self(value), self.batas)

    def efisiensi(self, serapan: Decimal | None, capaian: Decimal | None) -> Decimal | None:
        return ang.efisiensi_persen(self(serapan), self.capaian(capaian), self.metode)

    def efisien(self, serapan: Decimal | None, capaian: Decimal | None) -> bool | None:
        return ang.efisien(self(serapan), self.capaian(capaian), self.efisiensi(serapan, capaian))


def lkjip_figures(c: LkjipContent) -> LkjipFigures:
    """Every computed figure of the LKjIP of `c`."""
    basis = _Basis(c)
    skala = c.settings.kategori.skala
    tahun = c.settings.tahun
    targets = _pk_targets(c)

    def measure(ind: Indikator, tujuan: Tujuan, sasaran: Sasaran | None) -> IndikatorKinerja:
        fakta = c.kinerja.realisasi.get(ind.id)
        target = targets.get(ind.id, ind.target.get(tahun))
        realisasi = fakta.nilai if fakta else None
        mentah = capaian_persen(angka_of(target), angka_of(realisasi), ind.arah, ind.rumus_negatif)
        capaian = batasi(mentah, basis.batas)
        # Kondisi akhir by the one rule (a plan ending on predikat "A" ends on "A"), "last" read
        # in the plan's final year only: another year's target is not the end target.
        last = [c.rencana.periode[1]] if ind.akhir == "last" else None
        akhir = kondisi_akhir(ind.target, ind.akhir, ind.satuan, last).nilai
        kemajuan = tingkat_kemajuan(
            angka_of(realisasi), angka_of(akhir), ind.arah, ind.rumus_negatif
        )
        return IndikatorKinerja(
            ind,
            tujuan,
            sasaran,
            target,
            realisasi,
            fakta,
            capaian,
            kategori_for(None if capaian is None else bulatkan(capaian), skala),
            akhir,
            kemajuan,
            sisa_kemajuan=None if kemajuan is None else 100 - basis.shown(kemajuan),
            capaian_mentah=mentah,
            tercapai_predikat=tercapai_predikat(target, realisasi, c.settings.predikat),
        )

    program = tuple(_program(p, basis) for p in c.program.program)
    pagu = ang.jumlah(p.pagu for p in program)
    realisasi_anggaran = ang.jumlah(p.realisasi for p in program)
    serapan = ang.serapan_persen(pagu, realisasi_anggaran)
    program = tuple(_fill_dari(p, basis(serapan), basis) for p in program)

    def group(owner: Sasaran | Tujuan, t: Tujuan, rows: list[Indikator]) -> SasaranKinerja:
        nodes = _program_kegiatan(c, owner)
        pagu_s, realisasi_s = _anggaran_sasaran(c, owner.id, nodes, program)
        serapan_s = ang.serapan_persen(pagu_s, realisasi_s) if pagu_s else None
        sasaran = owner if isinstance(owner, Sasaran) else None
        measured = tuple(_with_efisiensi(measure(i, t, sasaran), serapan_s, basis) for i in rows)
        return SasaranKinerja(owner, t, measured, pagu_s, realisasi_s, serapan_s, nodes)

    diukur = _tujuan_diukur(c)
    kelompok: list[SasaranKinerja] = []
    for t in c.rencana.tujuan:
        own = [i for i in t.indikator if i.id in diukur]
        if own:
            kelompok.append(group(t, t, own))
        kelompok += [group(s, t, s.indikator) for s in t.sasaran]
    sasaran_rows = [k for k in kelompok if k.tingkat == "sasaran"]
    indikator = tuple(i for k in kelompok for i in k.indikator)
    by_id = {i.indikator.id: i for i in indikator}
    tujuan_rows = tuple(
        by_id.get(i.id) or measure(i, t, None) for t in c.rencana.tujuan for i in t.indikator
    )
    rata = rata_rata(basis.capaian(i.capaian) for i in indikator)
    efisiensi_rows = [basis(i.efisiensi) for i in indikator]
    efisiensi_total = rata_rata(efisiensi_rows)
    # pmk214's total is a mean of rows: its sign is the verdict; sisa_anggaran's must also weigh
    # the mean capaian against the agency's serapan
    capaian_total = rata if basis.metode == "sisa_anggaran" else None

    return LkjipFigures(
        tahun=tahun,
        indikator=indikator,
        indikator_tujuan=tujuan_rows,
        sasaran=tuple(sasaran_rows),
        kelompok=tuple(kelompok),
        rata_rata=rata,
        kategori_rata_rata=kategori_for(None if rata is None else bulatkan(rata), skala),
        per_kategori=dict(Counter(i.kategori for i in indikator if i.kategori)),
        program=program,
        pagu=pagu,
        pagu_murni=ang.jumlah(p.pagu_murni for p in program),
        realisasi_anggaran=realisasi_anggaran,
        serapan=serapan,
        efisiensi_total=efisiensi_total,
        efisien_total=ang.efisien(basis(serapan), capaian_total, efisiensi_total),
        pegawai=_pegawai(c),
        aset=_aset(c),
        triwulan=_triwulan(c),
        riwayat=_riwayat(c, by_id, basis),
        tahun_riwayat=_tahun_riwayat(c),
        standar=_standar(c, by_id),
    )


def _pk_targets(c: LkjipContent) -> dict[str, Decimal | Tertulis]:
    """The targets the last Perjanjian Kinerja version sets apart from the plan, by indicator
    (elsewhere the plan's target of the report year applies)."""
    last = c.kinerja.perjanjian_kinerja[-1]
    return dict(last.target)


def _with_efisiensi(
    row: IndikatorKinerja, serapan: Decimal | None, basis: _Basis
) -> IndikatorKinerja:
    return replace(
        row,
        efisiensi=basis.efisiensi(serapan, row.capaian),
        efisien=basis.efisien(serapan, row.capaian),
    )


def _program(p: Program, basis: _Basis) -> NodeAnggaran:
    children = tuple(_kegiatan(k, basis) for k in p.kegiatan)
    return _node("program", p, children, basis)


def _kegiatan(k: Kegiatan, basis: _Basis) -> NodeAnggaran:
    if k.sub_kegiatan:
        subs = tuple(
            _leaf(
                "sub_kegiatan",
                s,
                s.anggaran.pagu,
                s.anggaran.pagu_murni,
                s.anggaran.realisasi,
                basis,
            )
            for s in k.sub_kegiatan
        )
        return _node("kegiatan", k, subs, basis)
    a = k.anggaran
    assert a is not None  # the model requires anggaran on a kegiatan without sub_kegiatan
    return _leaf("kegiatan", k, a.pagu, a.pagu_murni, a.realisasi, basis)


def _leaf(
    jenis: str,
    node: Kegiatan | SubKegiatan,
    pagu: Decimal,
    pagu_murni: Decimal | None,
    realisasi: Decimal,
    basis: _Basis,
) -> NodeAnggaran:
    return _assemble(
        jenis, node, pagu, pagu if pagu_murni is None else pagu_murni, realisasi, (), basis
    )


def _node(
    jenis: str, node: Program | Kegiatan, children: tuple[NodeAnggaran, ...], basis: _Basis
) -> NodeAnggaran:
    return _assemble(
        jenis,
        node,
        ang.jumlah(ch.pagu for ch in children),
        ang.jumlah(ch.pagu_murni for ch in children),
        ang.jumlah(ch.realisasi for ch in children),
        children,
        basis,
    )


def _assemble(
    jenis: str,
    node: Program | Kegiatan | SubKegiatan,
    pagu: Decimal,
    pagu_murni: Decimal,
    realisasi: Decimal,
    children: tuple[NodeAnggaran, ...],
    basis: _Basis,
    serapan_total: Decimal | None = None,
) -> NodeAnggaran:
    serapan = ang.serapan_persen(pagu, realisasi)
    indikator = tuple(_indikator_node(i, serapan_total, basis.batas) for i in node.indikator)
    # a node with several indicators: its capaian (what its efisiensi weighs) is the unweighted
    # mean of theirs as printed, as the Lamongan IKI report aggregates a kegiatan (LAMONGAN-NOTES
    # L2); the efisiensi table prints that mean on a row of its own
    capaian = rata_rata(basis.capaian(i.capaian) for i in indikator)
    return NodeAnggaran(
        jenis,
        node,
        pagu,
        pagu_murni,
        realisasi,
        serapan,
        indikator,
        capaian,
        basis.efisiensi(serapan, capaian),
        children,
        basis.efisien(serapan, capaian),
    )


def _indikator_node(
    i: IndikatorProgram, serapan_total: Decimal | None, batas: Decimal | None
) -> IndikatorNode:
    realisasi = serapan_total if i.realisasi_dari == "serapan_total" else i.realisasi
    return IndikatorNode(i, realisasi, batasi(capaian_persen(i.target, realisasi, i.arah), batas))


def _fill_dari(n: NodeAnggaran, serapan_total: Decimal | None, basis: _Basis) -> NodeAnggaran:
    """Recompute the nodes whose indicator takes its realisasi from the total serapan (K1.2)."""
    children = tuple(_fill_dari(ch, serapan_total, basis) for ch in n.children)
    if not any(i.indikator.realisasi_dari for i in n.indikator) and children == n.children:
        return n
    return _assemble(
        n.jenis, n.node, n.pagu, n.pagu_murni, n.realisasi, children, basis, serapan_total
    )


def _tujuan_diukur(c: LkjipContent) -> set[str]:
    """The tujuan indicators the report measures: those the (last) Perjanjian Kinerja lists and
    those given a realisasi. The Magetan LKjIP measures none (IT1 is in neither, Tabel 3.2); the
    Lamongan IKU report measures its tujuan indicator like the sasaran's (LAMONGAN-NOTES L1)."""
    own = {i.id for t in c.rencana.tujuan for i in t.indikator}
    listed = set(c.kinerja.perjanjian_kinerja[-1].indikator)
    given = {iid for iid, r in c.kinerja.realisasi.items() if r.nilai is not None}
    return own & (listed | given)


def _program_kegiatan(c: LkjipContent, owner: Sasaran | Tujuan) -> tuple[str, ...]:
    """The programs/kegiatan attributed to a sasaran (its `dukungan`) or to a tujuan: its own
    `dukungan` when given, else those of its sasaran together, each once (the Lamongan tujuan's
    budget is its IKU's together, LKJIP-SPEC F16)."""
    own = c.kinerja.dukungan.get(owner.id)
    if own is not None or isinstance(owner, Sasaran):
        return tuple(dict.fromkeys(own.program_kegiatan)) if own else ()
    ids = [
        node
        for s in owner.sasaran
        for node in (
            c.kinerja.dukungan[s.id].program_kegiatan if s.id in c.kinerja.dukungan else []
        )
    ]
    return tuple(dict.fromkeys(ids))


def _anggaran_sasaran(
    c: LkjipContent, owner_id: str, listed_ids: tuple[str, ...], program: tuple[NodeAnggaran, ...]
) -> tuple[Decimal, Decimal]:
    """The budget attributed to a sasaran (or tujuan): its allocations where given, else the
    listed programs/kegiatan, each node once (a kegiatan whose program is also listed, in any
    order, is counted through the program)."""
    if not listed_ids:
        return Decimal(0), Decimal(0)
    dukungan = c.kinerja.dukungan.get(owner_id)
    alokasi = dukungan.alokasi if dukungan else {}
    nodes = {n.id: n for p in program for n in p.walk()}
    inside = {n.id: p.id for p in program for n in p.walk() if n is not p}
    listed = set(listed_ids)
    pagu = realisasi = Decimal(0)
    for node_id in listed_ids:
        if inside.get(node_id) in listed:
            continue
        node = nodes[node_id]
        inner = [n.id for n in node.walk()]
        shares = [alokasi[i] for i in inner if i in alokasi]
        if shares:
            pagu += ang.jumlah(a.pagu for a in shares)
            realisasi += ang.jumlah(a.realisasi for a in shares)
        else:
            pagu += node.pagu
            realisasi += node.realisasi
    return pagu, realisasi


def _standar(c: LkjipContent, by_id: dict[str, IndikatorKinerja]) -> tuple[BarisStandar, ...]:
    """Tabel 3.5 rows: the realisasi against the standard, measured like a target (with the
    indicator's arah, DOMAIN §4)."""
    plan = _plan(c)
    rows = []
    for st in c.kinerja.standar:
        ind, induk = plan[st.indikator]
        row = by_id.get(st.indikator)
        realisasi = row.realisasi if row else None
        capaian = capaian_persen(st.standar, angka_of(realisasi), ind.arah, ind.rumus_negatif)
        rows.append(BarisStandar(st, ind, induk, realisasi, capaian))
    return tuple(rows)


def _plan(c: LkjipContent) -> dict[str, tuple[Indikator, Sasaran | Tujuan]]:
    """Every plan indicator by id, with the tujuan or sasaran it belongs to."""
    out: dict[str, tuple[Indikator, Sasaran | Tujuan]] = {}
    for t in c.rencana.tujuan:
        out.update((i.id, (i, t)) for i in t.indikator)
        for s in t.sasaran:
            out.update((i.id, (i, s)) for i in s.indikator)
    return out


def _pegawai(c: LkjipContent) -> RekapPegawai:
    p = c.sumber_daya.pegawai
    rows = tuple(BarisFormasi(f, selisih_formasi(f.kebutuhan, f.realisasi)) for f in p.formasi)
    return RekapPegawai(
        rows,
        sum(f.kebutuhan for f in p.formasi),
        sum(f.realisasi for f in p.formasi),
        sum(r.selisih for r in rows),
        sum(g.jumlah for g in p.golongan),
        sum(k.jumlah for k in p.pendidikan),
        sum(k.jumlah for k in p.jenis_kelamin),
    )


def _aset(c: LkjipContent) -> RekapAset:
    items = c.sumber_daya.aset.item
    rows = tuple(BarisAset(a, saldo_akhir(a.saldo_awal, a.bertambah, a.berkurang)) for a in items)
    return RekapAset(
        rows,
        ang.jumlah(a.saldo_awal for a in items),
        ang.jumlah(a.bertambah for a in items),
        ang.jumlah(a.berkurang for a in items),
        ang.jumlah(r.saldo_akhir for r in rows),
    )


def _triwulan(c: LkjipContent) -> tuple[Triwulan, ...]:
    depan = c.settings.tahun + 1
    plan = {iid: ind for iid, (ind, _) in _plan(c).items()}
    return tuple(
        Triwulan(
            plan[iid],
            tuple(nilai),
            total_triwulan(nilai, plan[iid].agregasi_triwulan),
            angka_of(plan[iid].target.get(depan)),
        )
        for iid, nilai in c.kinerja.target_triwulan.items()
    )


def _tahun_riwayat(c: LkjipContent) -> tuple[int, ...]:
    years = {y for row in c.kinerja.riwayat for y in row.tahun}
    return tuple(sorted(years | {c.settings.tahun})) if years else (c.settings.tahun,)


def _riwayat(
    c: LkjipContent, now: dict[str, IndikatorKinerja], basis: _Basis
) -> tuple[BarisRiwayat, ...]:
    """Tabel 3.3 rows: earlier years from `riwayat`, the report year from the current figures.
    Every year's capaian is measured with the indicator's arah: the row's own, else the plan
    indicator it names (by id, else by name and satuan), else positif."""
    plan = _plan(c)
    rows = []
    linked: set[str] = set()
    for r in c.kinerja.riwayat:
        iid = next(
            (
                i
                for i, cur in now.items()
                if i not in linked and r.tentang(i, cur.indikator.nama, cur.indikator.satuan)
            ),
            None,
        )
        ind = next(
            (ind for i, (ind, _) in plan.items() if r.tentang(i, ind.nama, ind.satuan)), None
        )
        arah = r.arah or (ind.arah if ind else "positif")
        rumus = ind.rumus_negatif if ind else "lan"
        years = {
            y: TahunRiwayat(
                v.target,
                v.realisasi,
                batasi(
                    capaian_persen(angka_of(v.target), angka_of(v.realisasi), arah, rumus),
                    basis.batas,
                ),
            )
            for y, v in r.tahun.items()
        }
        if iid is not None:
            cur = now[iid]
            linked.add(iid)
            years[c.settings.tahun] = TahunRiwayat(cur.target, cur.realisasi, cur.capaian)
        rows.append(BarisRiwayat(r.sasaran, r.indikator, r.satuan, years))
    for iid, cur in now.items():
        if iid not in linked:
            rows.append(
                BarisRiwayat(
                    cur.induk.uraian,
                    cur.indikator.nama,
                    cur.indikator.satuan,
                    {c.settings.tahun: TahunRiwayat(cur.target, cur.realisasi, cur.capaian)},
                )
            )
    return tuple(rows)
