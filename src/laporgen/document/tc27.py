"""Tabel T-C.27, Rencana Program, Kegiatan dan Pendanaan Perangkat Daerah, laid out as the form
of Permendagri 86/2017 (REGULATIONS §2.6), one `Table` per printed matrix:

  (1) Tujuan · (2) Sasaran · (3) Kode · (4) Program dan Kegiatan · (5) Indikator Kinerja ·
  (6) Data Capaian pada Tahun Awal Perencanaan · (7)–(16) Target and Rp per year ·
  (17)–(18) Kondisi Kinerja pada Akhir Periode · (19) Unit Kerja · (20) Lokasi

The tujuan and sasaran have rows of their own, carrying their indicators and targets, and the
programs that serve them follow (`Matriks.tujuan_sasaran` "baris"). A signed document that
deviates from the form says so in its content (`Matriks`): Blitar's 2021 matrix names tujuan and
sasaran on each program row behind a "No" column ("kolom"), Blitar's 2022-2026 matrix and
Magetan's print none ("tidak"). Kode and Lokasi are dropped when no row has one; Unit Kerja
defaults to the agency. Program rows are bold, kegiatan and sub-kegiatan rows indented one and
two steps (`Cell.level`). Nothing is computed here: pagu and totals come from `compute.renstra`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from ..compute.renstra import MatriksRencana, NodeRencana, kondisi_akhir
from ..model.content import RenstraContent
from ..model.nilai import NilaiTarget, Tertulis, nilai_of, satuan_of
from ..model.rencana_program import IndikatorRencana, Matriks, ProgramRencana
from ..model.renstra import Indikator, Sasaran, Tujuan
from ..numbers import KOSONG, angka, rupiah
from .cells import Row, cell, columns, head, isian, mid, num
from .nodes import Align, Column

LEVEL = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
NOMENKLATUR = {
    "lama": "Program lama",
    "baru": "Program baru",
}  # Magetan's group rows (seed 000 lines 3497, 3620)

# The form's column titles (REGULATIONS §2.6).
H_TUJUAN, H_SASARAN, H_KODE = "Tujuan", "Sasaran", "Kode"
H_PROGRAM = "Program dan Kegiatan"
H_INDIKATOR = "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)"
H_AWAL = "Data Capaian pada Tahun Awal Perencanaan"
H_TARGET = "Target Kinerja Program dan Kerangka Pendanaan"
H_AKHIR = "Kondisi Kinerja pada Akhir Periode Renstra Perangkat Daerah"
H_UNIT = "Unit Kerja Perangkat Daerah Penanggung Jawab"
H_LOKASI = "Lokasi"


@dataclass(frozen=True)
class _Layout:
    """Which of the form's columns a matrix prints."""

    lead: str  # "baris": Tujuan, Sasaran; "kolom": No, Tujuan, Sasaran; "tidak": none
    kode: bool
    awal: bool
    akhir: bool
    unit: bool
    lokasi: bool

    @property
    def lead_width(self) -> int:
        return {"baris": 2, "kolom": 3, "tidak": 0}[self.lead]


class Tc27:
    """Builds the rows of one T-C.27 matrix."""

    def __init__(self, c: RenstraContent, akhir_rencana: dict[str, Decimal | Tertulis | None]):
        self.c = c
        self.akhir_rencana = akhir_rencana
        self.models = {p.id: p for p in c.program.program} if c.program else {}

    def layout(self, mr: MatriksRencana) -> _Layout:
        m = mr.matriks
        nodes = [n for p in mr.program for n in p.walk()]
        return _Layout(
            lead=m.tujuan_sasaran,
            # "kolom" is Blitar's 2021 matrix, which has no Kode column (seed 003 line 980).
            kode=m.tujuan_sasaran != "kolom" and any(n.node.kode for n in nodes),
            awal=m.tahun_awal is not None,
            akhir=m.kolom_akhir,
            unit=m.kolom_unit_kerja,
            lokasi=m.kolom_lokasi and any(n.node.lokasi for n in nodes),
        )

    # --------------------------------------------------------------------------------- head
    def head(self, m: Matriks, lay: _Layout) -> tuple[Row, ...]:
        k = len(m.tahun)
        lead = {"baris": (H_TUJUAN, H_SASARAN), "kolom": ("No", H_TUJUAN, H_SASARAN), "tidak": ()}[
            lay.lead
        ]
        first = (
            *(cell(t, rowspan=3) for t in lead),
            *((cell(H_KODE, rowspan=3),) if lay.kode else ()),
            cell(H_PROGRAM, rowspan=3),
            cell(H_INDIKATOR, rowspan=3),
            *(
                (cell(H_AWAL + (f" ({m.tahun_awal})" if m.tahun_awal else ""), rowspan=3),)
                if lay.awal
                else ()
            ),
            cell(H_TARGET, colspan=2 * k),
            *((cell(H_AKHIR, colspan=2, rowspan=2),) if lay.akhir else ()),
            *((cell(H_UNIT, rowspan=3),) if lay.unit else ()),
            *((cell(H_LOKASI, rowspan=3),) if lay.lokasi else ()),
        )
        second = tuple(cell(str(y), colspan=2) for y in m.tahun)
        third = tuple(x for _ in range(k + (1 if lay.akhir else 0)) for x in ("Target", "Rp"))
        return head(first, second, third)

    def columns(self, m: Matriks, lay: _Layout) -> tuple[Column, ...]:
        lead: dict[str, tuple[tuple[float, Align], ...]] = {
            "baris": ((2.2, "left"), (2.2, "left")),
            "kolom": ((0.6, "center"), (2.2, "left"), (2.2, "left")),
            "tidak": (),
        }
        year: list[tuple[float, Align]] = [(1.3, "right"), (2.6, "right")]
        return columns(
            *lead[lay.lead],
            *(((1.9, "left"),) if lay.kode else ()),
            (3.0, "left"),
            (2.6, "left"),
            *(((1.1, "right"),) if lay.awal else ()),
            *year * len(m.tahun),
            *(((1.3, "right"), (2.9, "right")) if lay.akhir else ()),
            *(((1.2, "left"),) if lay.unit else ()),
            *(((0.9, "left"),) if lay.lokasi else ()),
        )

    # --------------------------------------------------------------------------------- body
    def body(self, mr: MatriksRencana, lay: _Layout) -> list[Row]:
        programs = list(mr.program)
        if lay.lead != "baris":
            return self._programs(programs, mr.matriks, lay)
        rows: list[Row] = []
        tujuan_of = {p.id: self.models[p.id].tujuan for p in programs}
        sasaran_of = {p.id: self.models[p.id].sasaran for p in programs}
        # Programs serving no tujuan (often the program penunjang) come first; when none serves
        # one, the plan's rows head the table and every program follows them.
        free = [p for p in programs if not tujuan_of[p.id] and not sasaran_of[p.id]]
        if len(free) < len(programs):
            rows += self._programs(free, mr.matriks, lay)
        # A tujuan's cell spans its rows and all under it, a sasaran's its rows and its
        # programs': a page of program rows then still reads which sasaran they serve
        # (`keep.split_tall_merges` repeats a cell cut by a page break, "(lanjutan)").
        for t in self.c.rencana.tujuan:
            under = self._plan_rows(t, mr.matriks, lay)
            under += self._programs(
                [p for p in programs if tujuan_of[p.id] == t.id and not sasaran_of[p.id]],
                mr.matriks,
                lay,
            )
            for s in t.sasaran:
                mine = self._plan_rows(s, mr.matriks, lay)
                mine += self._programs(
                    [p for p in programs if sasaran_of[p.id] == s.id], mr.matriks, lay
                )
                under += _spanned(mine, (1,))
            rows += _spanned(under, (0,))
        if len(free) == len(programs):
            rows += self._programs(free, mr.matriks, lay)
        return rows

    def _plan_rows(self, plan: Tujuan | Sasaran, m: Matriks, lay: _Layout) -> list[Row]:
        """A tujuan's or sasaran's rows: its text in its own column, one row per indicator with
        the indicator's targets; no Rp (the form funds programs)."""
        is_tujuan = isinstance(plan, Tujuan)
        inds: list[Indikator | None] = list(plan.indikator) or [None]
        rows: list[Row] = []
        for k, ind in enumerate(inds):
            text = plan.uraian if k == 0 else ""
            lead = (
                (cell(text, strong=True), cell(""))
                if is_tujuan
                else (cell(""), cell(text, strong=True))
            )
            awal = (
                (num(nilai_satuan(ind.kondisi_awal, ind.satuan) if ind else ""),)
                if lay.awal
                else ()
            )
            per_year = tuple(
                x
                for y in m.tahun
                for x in (num(nilai_satuan(ind.target.get(y), ind.satuan) if ind else ""), num(""))
            )
            akhir = (
                (
                    num(nilai_satuan(self.akhir_rencana.get(ind.id), ind.satuan) if ind else ""),
                    num(""),
                )
                if lay.akhir
                else ()
            )
            rows.append(
                (
                    *lead,
                    *((cell(""),) if lay.kode else ()),
                    cell(""),
                    cell(ind.nama if ind else ""),
                    *awal,
                    *per_year,
                    *akhir,
                    *self._unit_lokasi(None, lay, first=False),
                )
            )
        return rows

    def _programs(self, programs: list[NodeRencana], m: Matriks, lay: _Layout) -> list[Row]:
        rows: list[Row] = []
        nomenklatur = {self.models[p.id].nomenklatur for p in programs}
        last: str | None = None
        first_of_tujuan: set[str] = set()
        for p in programs:
            model = self.models[p.id]
            if len(nomenklatur) > 1 and model.nomenklatur != last:
                rows.append(
                    (
                        cell(
                            NOMENKLATUR[model.nomenklatur], colspan=self._width(m, lay), strong=True
                        ),
                    )
                )
                last = model.nomenklatur
            mine = [
                row
                for n in p.walk()
                if any(n.pagu.get(y) is not None for y in m.tahun)
                for row in self._node_rows(n, model, m, lay, first_of_tujuan)
            ]
            rows += _spanned(mine, range(lay.lead_width)) if lay.lead == "kolom" else mine
        return rows

    def _node_rows(
        self, n: NodeRencana, program: ProgramRencana, m: Matriks, lay: _Layout, seen: set[str]
    ) -> list[Row]:
        years = m.tahun
        strong = n.jenis == "program"
        # An indicator is shown in the matrices whose years it has targets for (Blitar's 2021
        # and 2022-2026 matrices carry different indicators for the same node).
        inds: list[IndikatorRencana | None] = [
            i for i in n.node.indikator if any(i.target.get(y) is not None for y in years)
        ]
        inds = inds or list(n.node.indikator[:1]) or [None]
        # A year in which the node has neither pagu nor a target prints "-", as every figure
        # that is not there: Magetan's one matrix runs its old programs over 2019-2020 and its
        # new ones over 2021-2023, and a program a Perubahan adds has no figure before it.
        active = {
            y
            for y in years
            if n.pagu.get(y) is not None or any(i and i.target.get(y) is not None for i in inds)
        }
        rows: list[Row] = []
        for k, ind in enumerate(inds):
            first = k == 0
            lead: Row = ()
            if lay.lead == "kolom":
                # Blitar's 2021 matrix (seed 003 line 980): tujuan and sasaran named on every
                # program row, "No" the tujuan's number on the first program row under it.
                named = strong and first
                t_id = program.tujuan or ""
                number = self._tujuan_number(t_id) if named and t_id not in seen else ""
                if named:
                    seen.add(t_id)
                lead = (
                    mid(number),
                    cell(self._plan_name("tujuan", program.tujuan) if named else "", strong=strong),
                    cell(
                        self._plan_name("sasaran", program.sasaran) if named else "", strong=strong
                    ),
                )
            elif lay.lead == "baris":
                lead = (cell(""), cell(""))
            kode = (cell((n.node.kode or "") if first else ""),) if lay.kode else ()
            name = cell(n.node.nama if first else "", strong=strong, level=LEVEL[n.jenis])
            awal = (
                (num(target_text(ind.kondisi_awal, ind.satuan) if ind else ""),) if lay.awal else ()
            )
            per_year = tuple(
                x
                for y in years
                for x in (
                    num(
                        ""
                        if ind is None
                        else target_text(ind.target.get(y), ind.satuan)
                        if y in active
                        else KOSONG,
                        strong=strong,
                    ),
                    num(
                        rupiah(n.pagu.get(y), False) if first and y in active else KOSONG,
                        strong=strong,
                    ),
                )
            )
            akhir: Row = ()
            if lay.akhir:
                ak = kondisi_akhir(ind, years) if ind else None
                akhir = (
                    num(nilai_satuan(ak.nilai, ak.satuan) if ak else "", strong=strong),
                    num(rupiah(n.pagu_akhir(years), False) if first else KOSONG, strong=strong),
                )
            rows.append(
                (
                    *lead,
                    *kode,
                    name,
                    cell(ind.nama if ind else "", strong=strong),
                    *awal,
                    *per_year,
                    *akhir,
                    *self._unit_lokasi(n, lay, first),
                )
            )
        return rows

    def _unit_lokasi(self, n: NodeRencana | None, lay: _Layout, first: bool) -> Row:
        unit = (n.node.unit_kerja or self.c.agency.nama) if n is not None and first else ""
        lokasi = (n.node.lokasi or "") if n is not None and first else ""
        return (*((cell(unit),) if lay.unit else ()), *((cell(lokasi),) if lay.lokasi else ()))

    # --------------------------------------------------------------------------------- foot
    def foot(self, mr: MatriksRencana, lay: _Layout) -> list[Row]:
        m = mr.matriks
        if not m.total:
            return []
        span = lay.lead_width + (1 if lay.kode else 0) + 2 + (1 if lay.awal else 0)
        tail = (1 if lay.unit else 0) + (1 if lay.lokasi else 0)
        return [
            (
                cell("TOTAL", colspan=span, strong=True),
                *(
                    x
                    for y in m.tahun
                    for x in (cell(""), num(rupiah(mr.total[y], False), strong=True))
                ),
                *((cell(""), num(rupiah(mr.total_akhir, False), strong=True)) if lay.akhir else ()),
                *((cell("", colspan=tail),) if tail else ()),
            )
        ]

    # ------------------------------------------------------------------------------ helpers
    def _width(self, m: Matriks, lay: _Layout) -> int:
        return (
            lay.lead_width
            + (1 if lay.kode else 0)
            + 2
            + (1 if lay.awal else 0)
            + 2 * len(m.tahun)
            + (2 if lay.akhir else 0)
            + (1 if lay.unit else 0)
            + (1 if lay.lokasi else 0)
        )

    def _tujuan_number(self, id: str) -> str:
        for n, t in enumerate(self.c.rencana.tujuan, 1):
            if t.id == id:
                return str(n)
        return ""

    def _plan_name(self, kind: str, id: str | None) -> str:
        for t in self.c.rencana.tujuan:
            if kind == "tujuan" and t.id == id:
                return t.uraian
            for s in t.sasaran:
                if kind == "sasaran" and s.id == id:
                    return s.uraian
        return ""


def _spanned(rows: list[Row], columns: Iterable[int]) -> list[Row]:
    """`rows` with the cells of `columns` (positions in the first row) merged down all of
    them: the first row's cell spans the rows, the others' cells at those positions are
    dropped. A column is a position in the row as built, before any merge (the lead columns
    come first, so the positions below a spanned one are still theirs); a group row ("Program
    baru", one cell across) spans the columns left beside the merged cells."""
    if not rows:
        return rows
    spanned = set(columns)
    first = tuple(
        replace(c, rowspan=len(rows)) if k in spanned else c for k, c in enumerate(rows[0])
    )
    return [
        first,
        *(
            (replace(row[0], colspan=row[0].colspan - len(spanned)),)
            if len(row) == 1 and row[0].colspan > 1
            else tuple(c for k, c in enumerate(row) if k not in spanned)
            for row in rows[1:]
        ),
    ]


def target_text(value: NilaiTarget, satuan: str) -> str:
    """A T-C.27 target cell: the number with its unit ("38 orang", "100%"), text as written."""
    if isinstance(value, Tertulis):
        return value.teks
    return nilai_satuan(nilai_of(value), satuan_of(value, satuan))


def nilai_satuan(number: Decimal | Tertulis | None, unit: str) -> str:
    """A number with its unit ("38 orang", "100%"); text (a predikat, "n.a", a note) as written."""
    if number is None or isinstance(number, Tertulis):
        return isian(number)
    return (
        f"{angka(number)}%"
        if unit.strip() in ("%", "persen", "Persen")
        else f"{angka(number)} {unit}".strip()
    )
