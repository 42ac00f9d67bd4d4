"""Every figure of a Renstra, computed once from the content (RENSTRA-SPEC §3): T-C.23 rasio,
T-C.24 roll-ups, rasio and growth, T-C.25 kondisi akhir, T-C.27 parents, totals and five-year
pagu per printed matrix, T-C.28 rows, SDM totals. Pure: no I/O, no formatting."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ..model.analisis import BarisUrusan
from ..model.content import RenstraContent
from ..model.evaluasi import IndikatorAkhir, IndikatorPelayanan, UraianAnggaran
from ..model.nilai import NilaiTarget, Tertulis, angka_of, nilai_of
from ..model.rencana_program import (
    IndikatorRencana,
    KegiatanRencana,
    Matriks,
    ProgramRencana,
    SubKegiatanRencana,
)
from ..model.renstra import Indikator
from .anggaran import jumlah, serapan_persen
from .capaian import capaian_persen
from .kemajuan import Akhir, kondisi_akhir as akhir_seri
from .pertumbuhan import Metode, pertumbuhan_persen


@dataclass(frozen=True)
class BarisPelayanan:
    indikator: IndikatorPelayanan
    rasio: dict[int, Decimal | None]


@dataclass(frozen=True)
class BarisAkhirPeriode:
    indikator: IndikatorAkhir
    kemajuan: Decimal | None


@dataclass(frozen=True)
class BarisPendanaan:
    """A T-C.24 row: a leaf as given, a parent summed from its children."""

    uraian: UraianAnggaran
    level: int
    anggaran: dict[int, Decimal | None]
    realisasi: dict[int, Decimal | None]
    rasio: dict[int, Decimal | None]
    pertumbuhan_anggaran: Decimal | None
    pertumbuhan_realisasi: Decimal | None
    children: tuple["BarisPendanaan", ...] = ()

    def walk(self) -> Iterator[BarisPendanaan]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class NodeRencana:
    """A T-C.27 node with its pagu summed up from the leaves, per year (None: no pagu at all
    in the subtree that year, printed "-")."""

    jenis: str
    node: ProgramRencana | KegiatanRencana | SubKegiatanRencana
    pagu: dict[int, Decimal | None]
    children: tuple["NodeRencana", ...]

    @property
    def id(self) -> str:
        return self.node.id

    def walk(self) -> Iterator[NodeRencana]:
        yield self
        for child in self.children:
            yield from child.walk()

    def pagu_akhir(self, years: list[int]) -> Decimal | None:
        """The pagu at the end of the period: the sum over `years` (F5)."""
        values = [self.pagu.get(y) for y in years]
        present = [v for v in values if v is not None]
        return jumlah(present) if present else None


@dataclass(frozen=True)
class MatriksRencana:
    """One printed T-C.27 matrix: the programs it shows and its TOTAL row."""

    matriks: Matriks
    program: tuple[NodeRencana, ...]
    total: dict[int, Decimal]
    total_akhir: Decimal


@dataclass(frozen=True)
class BarisKinerjaUrusan:
    """A T-C.28 row resolved from its reference."""

    baris: BarisUrusan
    nama: str
    satuan: str
    kondisi_awal: Decimal | Tertulis | None
    target: dict[int, Decimal | Tertulis | None]
    akhir: Decimal | Tertulis | None
    sumber_data: str


@dataclass(frozen=True)
class Sdm:
    golongan: int
    jabatan: int
    pendidikan: int
    laki_laki: int
    perempuan: int
    pns: int | None
    pendidikan_persen: Decimal | None = None
    """The total of an education table given in percent (its `pendidikan` count is then 0)."""


@dataclass(frozen=True)
class RenstraFigures:
    pelayanan: tuple[BarisPelayanan, ...]
    akhir_periode: tuple[BarisAkhirPeriode, ...]
    anggaran: tuple[BarisPendanaan, ...]
    anggaran_total: BarisPendanaan | None
    program: tuple[NodeRencana, ...]
    matriks: tuple[MatriksRencana, ...]
    akhir_rencana: dict[str, Decimal | Tertulis | None]
    kinerja_urusan: tuple[BarisKinerjaUrusan, ...]
    sdm: Sdm
    counts: dict[str, int] = field(default_factory=dict)

    def node(self, node_id: str) -> NodeRencana:
        for p in self.program:
            for n in p.walk():
                if n.id == node_id:
                    return n
        raise KeyError(node_id)


def renstra_figures(c: RenstraContent) -> RenstraFigures:
    """Every computed figure of the Renstra of `c`."""
    ev = c.evaluasi
    kp = ev.kinerja_pelayanan
    pelayanan = (
        tuple(
            BarisPelayanan(
                i,
                {
                    y: capaian_persen(
                        angka_of(i.target.get(y)), angka_of(i.realisasi.get(y)), i.arah
                    )
                    for y in kp.tahun
                },
            )
            for i in kp.indikator
        )
        if kp
        else ()
    )
    akhir_periode = tuple(
        BarisAkhirPeriode(i, capaian_persen(angka_of(i.target), angka_of(i.realisasi)))
        for i in (ev.akhir_periode.indikator if ev.akhir_periode else ())
    )
    anggaran, total = _anggaran(c)
    models = c.program.program if c.program else []
    program = tuple(_program(p) for p in models)
    plan = [
        i
        for t in c.rencana.tujuan
        for i in (*t.indikator, *(x for s in t.sasaran for x in s.indikator))
    ]
    return RenstraFigures(
        pelayanan=pelayanan,
        akhir_periode=akhir_periode,
        anggaran=anggaran,
        anggaran_total=total,
        program=program,
        matriks=tuple(
            _matriks(m, models, program) for m in (c.program.matriks if c.program else ())
        ),
        akhir_rencana={i.id: akhir_seri(i.target, i.akhir, i.satuan).nilai for i in plan},
        kinerja_urusan=_kinerja_urusan(c, {i.id: i for i in plan}),
        sdm=_sdm(c),
        counts=_counts(c),
    )


# ------------------------------------------------------------------------------------ T-C.24
def _anggaran(c: RenstraContent) -> tuple[tuple[BarisPendanaan, ...], BarisPendanaan | None]:
    ar = c.evaluasi.anggaran_realisasi
    if ar is None:
        return (), None
    metode = c.settings.pertumbuhan
    rows = tuple(_uraian(u, ar.tahun, metode, 0) for u in ar.uraian)
    total_anggaran = {y: _sum(r.anggaran.get(y) for r in rows) for y in ar.tahun}
    total_realisasi = {y: _sum(r.realisasi.get(y) for r in rows) for y in ar.tahun}
    total = _baris(
        UraianAnggaran(nama="Total"), 0, total_anggaran, total_realisasi, ar.tahun, metode, ()
    )
    return rows, total


def _uraian(u: UraianAnggaran, years: list[int], metode: Metode, level: int) -> BarisPendanaan:
    children = tuple(_uraian(a, years, metode, level + 1) for a in u.anak)
    if children:
        anggaran = {y: _sum(ch.anggaran.get(y) for ch in children) for y in years}
        realisasi = {y: _sum(ch.realisasi.get(y) for ch in children) for y in years}
    else:
        anggaran = {y: u.anggaran.get(y) for y in years}
        realisasi = {y: u.realisasi.get(y) for y in years}
    return _baris(u, level, anggaran, realisasi, years, metode, children)


def _baris(
    u: UraianAnggaran,
    level: int,
    anggaran: dict[int, Decimal | None],
    realisasi: dict[int, Decimal | None],
    years: list[int],
    metode: Metode,
    children: tuple[BarisPendanaan, ...],
) -> BarisPendanaan:
    rasio = {y: _rasio(anggaran.get(y), realisasi.get(y)) for y in years}
    return BarisPendanaan(
        u,
        level,
        anggaran,
        realisasi,
        rasio,
        pertumbuhan_persen([anggaran.get(y) for y in years], metode),
        pertumbuhan_persen([realisasi.get(y) for y in years], metode),
        children,
    )


def _rasio(anggaran: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """Realisasi ÷ anggaran × 100; None without both, or with no anggaran."""
    return None if not anggaran or realisasi is None else serapan_persen(anggaran, realisasi)


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    """Σ of the values present; None when none is (a missing year stays "-")."""
    present = [v for v in values if v is not None]
    return jumlah(present) if present else None


# ------------------------------------------------------------------------------------ T-C.27
def _program(p: ProgramRencana) -> NodeRencana:
    return _node("program", p, tuple(_kegiatan(k) for k in p.kegiatan))


def _kegiatan(k: KegiatanRencana) -> NodeRencana:
    if k.sub_kegiatan:
        return _node(
            "kegiatan",
            k,
            tuple(NodeRencana("sub_kegiatan", s, dict(s.pagu), ()) for s in k.sub_kegiatan),
        )
    return NodeRencana("kegiatan", k, dict(k.pagu), ())


def _node(
    jenis: str, node: ProgramRencana | KegiatanRencana, children: tuple[NodeRencana, ...]
) -> NodeRencana:
    years = sorted({y for ch in children for y in ch.pagu})
    return NodeRencana(
        jenis, node, {y: _sum(ch.pagu.get(y) for ch in children) for y in years}, children
    )


def _matriks(
    m: Matriks, models: list[ProgramRencana], nodes: tuple[NodeRencana, ...]
) -> MatriksRencana:
    shown = tuple(
        n
        for model, n in zip(models, nodes)
        if (m.nomenklatur is None or model.nomenklatur == m.nomenklatur)
        and any(n.pagu.get(y) is not None for y in m.tahun)
    )
    total = {y: jumlah(n.pagu.get(y) or Decimal(0) for n in shown) for y in m.tahun}
    return MatriksRencana(m, shown, total, jumlah(total.values()))


def kondisi_akhir(ind: IndikatorRencana, years: list[int]) -> Akhir:
    """A T-C.27 indicator's kondisi akhir over the matrix's `years`, by the one rule
    (`kemajuan.kondisi_akhir`)."""
    return akhir_seri(ind.target, ind.akhir, ind.satuan, years)


# ------------------------------------------------------------------------------------ T-C.28
def _kinerja_urusan(
    c: RenstraContent, plan: dict[str, Indikator]
) -> tuple[BarisKinerjaUrusan, ...]:
    urusan = c.analisis.indikator_urusan
    if urusan is None:
        return ()
    default_sumber = urusan.sumber_data or c.agency.nama
    rows = []
    for row in urusan.baris:
        if row.indikator is not None:
            ind = plan[row.indikator]
            rows.append(
                BarisKinerjaUrusan(
                    row,
                    ind.nama,
                    ind.satuan,
                    ind.kondisi_awal,
                    dict(ind.target),
                    akhir_seri(ind.target, ind.akhir, ind.satuan).nilai,
                    row.sumber_data or ind.sumber_data or default_sumber,
                )
            )
        elif row.program is not None and c.program is not None:
            prog = next(p for p in c.program.program if p.id == row.program)
            ind_r = prog.indikator[0]
            years = sorted(ind_r.target)
            rows.append(
                BarisKinerjaUrusan(
                    row,
                    ind_r.nama,
                    ind_r.satuan,
                    _isian_of(ind_r.kondisi_awal),
                    {y: _isian_of(ind_r.target[y]) for y in years},
                    kondisi_akhir(ind_r, years).nilai,
                    row.sumber_data or default_sumber,
                )
            )
        else:
            rows.append(
                BarisKinerjaUrusan(
                    row,
                    row.nama or "",
                    row.satuan or "",
                    row.kondisi_awal,
                    dict(row.target),
                    akhir_seri(row.target, "last", row.satuan or "").nilai,
                    row.sumber_data or default_sumber,
                )
            )
    return tuple(rows)


def _isian_of(value: NilaiTarget) -> Decimal | Tertulis | None:
    """A program target cell as T-C.28 prints it: its number, or its text as written."""
    return value if isinstance(value, Tertulis) else nilai_of(value)


# --------------------------------------------------------------------------------- SDM, counts
def _sdm(c: RenstraContent) -> Sdm:
    s = c.sumber_daya
    pns = [x for x in s.status if x.status.strip().upper() == "PNS"]
    return Sdm(
        golongan=sum(x.jumlah for x in s.golongan),
        jabatan=sum(x.jumlah for x in s.jabatan),
        pendidikan=sum(x.jumlah or 0 for x in s.pendidikan),
        laki_laki=sum(x.laki_laki for x in s.status),
        perempuan=sum(x.perempuan for x in s.status),
        pns=pns[0].laki_laki + pns[0].perempuan if pns else None,
        pendidikan_persen=jumlah(x.persen or Decimal(0) for x in s.pendidikan)
        if s.pendidikan_persen
        else None,
    )


def _counts(c: RenstraContent) -> dict[str, int]:
    """Counts of plan elements (RENSTRA-SPEC §5.5). The programs counted are those of the
    current nomenclature: a Perubahan Renstra also lists the old programs of elapsed years.
    Programs, kegiatan and sub kegiatan are counted outside the program penunjang, as the seeds
    count "5 program" for Blitar's six (seed 003 BAB VII): a sentence that counts the programs
    "di luar program penunjang" counts their kegiatan, not the penunjang's too. The program
    penunjang is known by its flag, else its code or name (model/penunjang.py)."""
    every = c.program.program if c.program else []
    programs = [p for p in every if p.nomenklatur == "baru"] or every
    inti = [p for p in programs if not p.is_penunjang]
    return {
        "tujuan": len(c.rencana.tujuan),
        "sasaran": sum(len(t.sasaran) for t in c.rencana.tujuan),
        "indikator": sum(len(s.indikator) for t in c.rencana.tujuan for s in t.sasaran),
        "program": len(inti),
        "program_semua": len(programs),
        "kegiatan": sum(len(p.kegiatan) for p in inti),
        "sub_kegiatan": sum(len(k.sub_kegiatan) for p in inti for k in p.kegiatan),
    }
