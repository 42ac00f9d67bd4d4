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

from ..model.anggaran import IndikatorProgram, Kegiatan, Program, SubKegiatan
from ..model.content import LkjipContent
from ..model.lkjip import Realisasi
from ..model.nilai import Tertulis, angka_of
from ..model.renstra import Indikator, Sasaran, Tujuan
from ..model.sumber_daya import Aset, Formasi
from ..numbers import bulatkan
from . import anggaran as ang
from .capaian import batasi, capaian_persen, kategori_for, rata_rata, tercapai
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

    @property
    def tercapai(self) -> bool:
        return tercapai(self.capaian)


@dataclass(frozen=True)
class SasaranKinerja:
    sasaran: Sasaran
    tujuan: Tujuan
    indikator: tuple[IndikatorKinerja, ...]
    pagu: Decimal
    realisasi_anggaran: Decimal
    serapan: Decimal | None

    @property
    def tercapai(self) -> bool:
        """Every indicator of the sasaran met its target (F14.3)."""
        return all(i.tercapai for i in self.indikator)


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
    indikator_tujuan: tuple[IndikatorKinerja, ...]
    sasaran: tuple[SasaranKinerja, ...]
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
        )

    tujuan_rows = tuple(measure(i, t, None) for t in c.rencana.tujuan for i in t.indikator)
    program = tuple(_program(p, basis) for p in c.program.program)
    pagu = ang.jumlah(p.pagu for p in program)
    realisasi_anggaran = ang.jumlah(p.realisasi for p in program)
    serapan = ang.serapan_persen(pagu, realisasi_anggaran)
    program = tuple(_fill_dari(p, basis(serapan), basis) for p in program)

    sasaran_rows = []
    for t in c.rencana.tujuan:
        for s in t.sasaran:
            pagu_s, realisasi_s = _anggaran_sasaran(c, s.id, program)
            serapan_s = ang.serapan_persen(pagu_s, realisasi_s) if pagu_s else None
            rows = tuple(_with_efisiensi(measure(i, t, s), serapan_s, basis) for i in s.indikator)
            sasaran_rows.append(SasaranKinerja(s, t, rows, pagu_s, realisasi_s, serapan_s))
    indikator = tuple(i for s in sasaran_rows for i in s.indikator)
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
        riwayat=_riwayat(c, {i.indikator.id: i for i in indikator}, basis),
        tahun_riwayat=_tahun_riwayat(c),
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
    indikator = tuple(_indikator_node(i, serapan_total) for i in node.indikator)
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


def _indikator_node(i: IndikatorProgram, serapan_total: Decimal | None) -> IndikatorNode:
    realisasi = serapan_total if i.realisasi_dari == "serapan_total" else i.realisasi
    return IndikatorNode(i, realisasi, capaian_persen(i.target, realisasi, i.arah))


def _fill_dari(n: NodeAnggaran, serapan_total: Decimal | None, basis: _Basis) -> NodeAnggaran:
    """Recompute the nodes whose indicator takes its realisasi from the total serapan (K1.2)."""
    children = tuple(_fill_dari(ch, serapan_total, basis) for ch in n.children)
    if not any(i.indikator.realisasi_dari for i in n.indikator) and children == n.children:
        return n
    return _assemble(
        n.jenis, n.node, n.pagu, n.pagu_murni, n.realisasi, children, basis, serapan_total
    )


def _anggaran_sasaran(
    c: LkjipContent, sasaran_id: str, program: tuple[NodeAnggaran, ...]
) -> tuple[Decimal, Decimal]:
    """The budget attributed to a sasaran: its allocations where given, else the listed
    programs/kegiatan, each node once (a kegiatan whose program is also listed, in any order,
    is counted through the program)."""
    dukungan = c.kinerja.dukungan.get(sasaran_id)
    if dukungan is None:
        return Decimal(0), Decimal(0)
    nodes = {n.id: n for p in program for n in p.walk()}
    inside = {n.id: p.id for p in program for n in p.walk() if n is not p}
    listed = set(dukungan.program_kegiatan)
    pagu = realisasi = Decimal(0)
    for node_id in dict.fromkeys(dukungan.program_kegiatan):
        if inside.get(node_id) in listed:
            continue
        node = nodes[node_id]
        inner = [n.id for n in node.walk()]
        shares = [dukungan.alokasi[i] for i in inner if i in dukungan.alokasi]
        if shares:
            pagu += ang.jumlah(a.pagu for a in shares)
            realisasi += ang.jumlah(a.realisasi for a in shares)
        else:
            pagu += node.pagu
            realisasi += node.realisasi
    return pagu, realisasi


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
    plan = {i.id: i for t in c.rencana.tujuan for s in t.sasaran for i in s.indikator}
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
    """Tabel 3.3 rows: earlier years from `riwayat`, the report year from the current figures."""
    rows = []
    linked: set[str] = set()
    for r in c.kinerja.riwayat:
        years = {
            y: TahunRiwayat(
                v.target,
                v.realisasi,
                batasi(capaian_persen(angka_of(v.target), v.realisasi), basis.batas),
            )
            for y, v in r.tahun.items()
        }
        iid = next(
            (
                i
                for i, cur in now.items()
                if i not in linked and r.tentang(i, cur.indikator.nama, cur.indikator.satuan)
            ),
            None,
        )
        if iid is not None:
            cur = now[iid]
            linked.add(iid)
            years[c.settings.tahun] = TahunRiwayat(cur.target, cur.realisasi, cur.capaian)
        rows.append(BarisRiwayat(r.sasaran, r.indikator, r.satuan, years))
    for iid, cur in now.items():
        if iid not in linked:
            rows.append(
                BarisRiwayat(
                    cur.sasaran.uraian if cur.sasaran else "",
                    cur.indikator.nama,
                    cur.indikator.satuan,
                    {c.settings.tahun: TahunRiwayat(cur.target, cur.realisasi, cur.capaian)},
                )
            )
    return tuple(rows)
