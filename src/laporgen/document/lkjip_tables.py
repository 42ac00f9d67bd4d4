"""Every table of the LKjIP (LKJIP-SPEC §2), from computed figures to display strings.

Each function returns one unnumbered `Table` (numbering.py numbers them). Figures are
formatted here with `numbers.py`; nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from ..compute.lkjip import IndikatorNode, LkjipFigures, NodeAnggaran, SasaranKinerja
from ..model.anggaran import IndikatorProgram
from ..model.lkjip import AnalisisSasaran
from ..model.content import LkjipContent
from ..model.nilai import Tertulis
from ..model.renstra import Indikator
from ..numbers import KOSONG, angka, persen, rupiah, tanggal, terbilang
from .cells import Row, cell, columns, head, isian, items, mid, nomor_kolom, num
from .iku import iku_table
from .nodes import Cell, ListBlock, Paragraph, Table, Text
from .perjanjian import BarisTarget, target_body
from .tables import TableSet


class LkjipTables(TableSet):
    """The tables of one LKjIP: `LkjipTables(content, figures).capaian()` etc."""

    def __init__(self, c: LkjipContent, f: LkjipFigures):
        self.c, self.f = c, f
        self.opd = c.agency.nama_lengkap
        self.tahun = c.settings.tahun
        self.periode = f"{c.rencana.periode[0]}-{c.rencana.periode[1]}"
        self.caption = (self.opd, f"Tahun {self.tahun}")

    def _induk(self, sasaran: str) -> str:
        """The header of the column naming what an indicator measures: "Tujuan/ Sasaran …" once
        a tujuan's own indicators are measured beside the sasaran's."""
        if any(k.tingkat == "tujuan" for k in self.f.kelompok):
            return f"Tujuan/ {sasaran}"
        return sasaran

    # ------------------------------------------------------------------------------ BAB I
    def formasi(self) -> Table:
        p = self.f.pegawai
        body = [
            (
                mid(str(n)),
                cell(r.formasi.jabatan),
                num(angka(r.formasi.kebutuhan)),
                num(angka(r.formasi.realisasi)),
                num(angka(r.selisih)),
            )
            for n, r in enumerate(p.formasi, 1)
        ]
        foot = [
            (
                cell("Jumlah", colspan=2, strong=True),
                num(angka(p.kebutuhan), strong=True),
                num(angka(p.realisasi), strong=True),
                num(angka(p.selisih), strong=True),
            )
        ]
        return self._table(
            "formasi",
            "Rencana Kebutuhan dan Realisasi Pegawai",
            columns((0.9, "center"), (5, "left"), (1.6, "right"), (1.6, "right"), (2, "right")),
            head(
                (
                    "No.",
                    "Jabatan",
                    "Kebutuhan (orang)",
                    "Realisasi (orang)",
                    "Kekurangan/ Kelebihan (orang)",
                )
            ),
            body,
            foot,
            (self.opd, f"Per {tanggal(self.c.sumber_daya.pegawai.per_tanggal)}"),
        )

    def _kelompok(
        self, id: str, title: str, label: str, rows: list[tuple[str, int]], total: int
    ) -> Table:
        body = [
            (mid(str(n)), cell(text), num(angka(jumlah)))
            for n, (text, jumlah) in enumerate(rows, 1)
        ]
        foot = [(cell("Jumlah", colspan=2, strong=True), num(angka(total), strong=True))]
        return self._table(
            id,
            title,
            columns((0.9, "center"), (5, "left"), (2, "right")),
            head(("No.", label, "Jumlah (orang)")),
            body,
            foot,
            (self.opd, f"Per {tanggal(self.c.sumber_daya.pegawai.per_tanggal)}"),
        )

    def golongan(self) -> Table:
        rows = [
            (f"{g.pangkat} ({g.golongan})", g.jumlah) for g in self.c.sumber_daya.pegawai.golongan
        ]
        return self._kelompok(
            "golongan",
            "Pegawai Berdasarkan Pangkat/Golongan Ruang",
            "Pangkat/Golongan Ruang",
            rows,
            self.f.pegawai.golongan,
        )

    def pendidikan(self) -> Table:
        rows = [(k.uraian, k.jumlah) for k in self.c.sumber_daya.pegawai.pendidikan]
        return self._kelompok(
            "pendidikan",
            "Pegawai Berdasarkan Tingkat Pendidikan",
            "Pendidikan",
            rows,
            self.f.pegawai.pendidikan,
        )

    def jenis_kelamin(self) -> Table:
        rows = [(k.uraian, k.jumlah) for k in self.c.sumber_daya.pegawai.jenis_kelamin]
        return self._kelompok(
            "jenis-kelamin",
            "Pegawai Berdasarkan Jenis Kelamin",
            "Jenis Kelamin",
            rows,
            self.f.pegawai.jenis_kelamin,
        )

    def aset(self) -> Table:
        a = self.f.aset
        akhir = self.c.sumber_daya.aset.per_tanggal
        awal = akhir.year - 1
        body = [
            (
                mid(str(n)),
                cell(r.aset.nama),
                num(rupiah(r.aset.saldo_awal, False)),
                num(_rp_or_blank(r.aset.bertambah)),
                num(_rp_or_blank(r.aset.berkurang)),
                num(rupiah(r.saldo_akhir, False)),
            )
            for n, r in enumerate(a.baris, 1)
        ]
        foot = [
            (
                cell("Jumlah", colspan=2, strong=True),
                num(rupiah(a.saldo_awal, False), strong=True),
                num(_rp_or_blank(a.bertambah), strong=True),
                num(_rp_or_blank(a.berkurang), strong=True),
                num(rupiah(a.saldo_akhir, False), strong=True),
            )
        ]
        ket = self.c.sumber_daya.aset.keterangan
        lines = (self.opd, f"Per {tanggal(akhir)}") + ((f"({ket})",) if ket else ())
        return self._table(
            "aset",
            "Aset Tetap",
            columns(
                (0.9, "center"),
                (3.4, "left"),
                (2.6, "right"),
                (2.2, "right"),
                (2, "right"),
                (2.6, "right"),
            ),
            head(
                (
                    cell("No.", rowspan=2),
                    cell("Aset Tetap", rowspan=2),
                    cell(f"Per 31 Desember {awal} (Rp)", rowspan=2),
                    cell(f"Mutasi Tahun {akhir.year} (Rp)", colspan=2),
                    cell(f"Per {tanggal(akhir)} (Rp)", rowspan=2),
                ),
                ("Bertambah", "Berkurang"),
            ),
            body,
            foot,
            lines,
        )

    def anggaran_belanja(self) -> Table:
        body = []
        for _, n, strong, _, level in _program_rows(self.f.program):
            inds: list[IndikatorProgram | None] = [i.indikator for i in n.indikator] or [None]
            span = len(inds)
            for k, ind in enumerate(inds):
                name = n.node.nama.upper() if strong else n.node.nama
                lead = (cell(name, strong=strong, level=level, rowspan=span),) if k == 0 else ()
                money = (num(rupiah(n.pagu, False), strong=strong, rowspan=span),) if k == 0 else ()
                body.append(
                    (
                        *lead,
                        cell(ind.nama if ind else ""),
                        mid(ind.satuan if ind else ""),
                        num(angka(ind.target) if ind else ""),
                        *money,
                    )
                )
        foot = [
            (cell("JUMLAH", colspan=4, strong=True), num(rupiah(self.f.pagu, False), strong=True))
        ]
        return self._table(
            "anggaran-belanja",
            "Anggaran Belanja",
            columns((4.5, "left"), (4.5, "left"), (1.4, "center"), (1.2, "right"), (2.6, "right")),
            head(
                (
                    cell("Program/Kegiatan", rowspan=2),
                    cell("Indikator Kinerja", rowspan=2),
                    cell("Target Kinerja", colspan=2),
                    cell(f"Pagu Anggaran Tahun {self.tahun} (Rp)", rowspan=2),
                ),
                ("Satuan", "Volume"),
            ),
            body,
            foot,
            (self.opd, f"Tahun Anggaran {self.tahun}"),
            font_size="small",
            source=f"Sumber : {_dpa(self.f.program)} Tahun {self.tahun}",
        )

    # ----------------------------------------------------------------------------- BAB II
    def keterkaitan(self) -> Table:
        body = [
            (cell(k.jenjang, strong=True), cell("\n".join(k.uraian)), cell("\n".join(k.indikator)))
            for k in self.c.rencana.keterkaitan
        ]
        return self._table(
            "keterkaitan",
            f"Keterkaitan {self.opd} dengan Tujuan RPD",
            columns((3, "left"), (6, "left"), (4, "left")),
            head(("Jenjang", "Uraian", "Indikator")),
            body,
            lines=(f"Tahun {self.periode}",),
        )

    def tujuan_sasaran(self) -> Table:
        years = self.c.rencana.tahun
        body = []
        for t_no, t in enumerate(self.c.rencana.tujuan, 1):
            for ind in t.indikator:
                body.append(
                    (
                        mid(str(t_no)),
                        cell(t.uraian),
                        cell(""),
                        cell(ind.nama),
                        mid(ind.satuan),
                        *(num(isian(ind.target.get(y))) for y in years),
                    )
                )
            # a tujuan with no indicator of its own has no row of its own: its No. and Tujuan
            # cells span its sasaran rows instead (else they would print nowhere)
            span = sum(len(s.indikator) for s in t.sasaran) if not t.indikator else 0
            if not t.indikator and not span:
                body.append(
                    (
                        mid(str(t_no)),
                        cell(t.uraian),
                        cell(""),
                        cell(""),
                        mid(""),
                        *(num("") for _ in years),
                    )
                )
            for s_no, s in enumerate(t.sasaran, 1):
                for i_no, ind in enumerate(s.indikator):
                    if span:
                        lead: tuple[Cell, ...] = (
                            mid(str(t_no), rowspan=span),
                            cell(t.uraian, rowspan=span),
                        )
                        span = 0
                    else:
                        lead = (mid(""), cell("")) if t.indikator else ()
                    body.append(
                        (
                            *lead,
                            cell(f"{t_no}.{s_no} {s.uraian}" if i_no == 0 else ""),
                            cell(ind.nama),
                            mid(ind.satuan),
                            *(num(isian(ind.target.get(y))) for y in years),
                        )
                    )
        n_cols = 5 + len(years)
        return self._table(
            "tujuan-sasaran",
            "Tujuan, Sasaran, Indikator dan Target Kinerja",
            columns(
                (0.9, "center"),
                (2.6, "left"),
                (3, "left"),
                (3.4, "left"),
                (1.2, "center"),
                *[(1.1, "right")] * len(years),
            ),
            head(
                (
                    cell("No.", rowspan=2),
                    cell("Tujuan", rowspan=2),
                    cell("Sasaran", rowspan=2),
                    cell("Indikator Kinerja", rowspan=2),
                    cell("Satuan", rowspan=2),
                    cell("Target Kinerja pada Tahun Renstra", colspan=len(years)),
                ),
                tuple(str(y) for y in years),
            )
            + (nomor_kolom([f"({n})" for n in range(1, n_cols + 1)]),),
            body,
            lines=(self.opd, f"Tahun {self.periode}"),
            font_size="small",
            source=f"Sumber : {self.c.rencana.nama}",
        )

    def strategi(self) -> Table:
        r = self.c.rencana
        body = []
        for t in r.tujuan:
            for s in t.sasaran:
                for st in s.strategi or ():
                    body.append(
                        (cell(t.uraian), cell(s.uraian), cell(st.uraian), items(st.arah_kebijakan))
                    )
                if not s.strategi:
                    body.append((cell(t.uraian), cell(s.uraian), cell(KOSONG), cell(KOSONG)))
        top = []
        if r.visi:
            top.append((cell(f"VISI : {r.visi}", colspan=4, strong=True),))
        for n, m in enumerate(r.misi, 1):
            top.append((cell(f"MISI ke-{n} : {m}", colspan=4, strong=True),))
        return self._table(
            "strategi",
            "Strategi dan Arah Kebijakan",
            columns((2.5, "left"), (3, "left"), (4, "left"), (4.5, "left")),
            head(("Tujuan", "Sasaran", "Strategi", "Arah Kebijakan")),
            top + body,
            lines=(self.opd, f"Tahun {self.periode}"),
            font_size="small",
        )

    def iku(self) -> Table:
        return iku_table(self.c.rencana, self.c.settings.iku, (self.opd, f"Tahun {self.periode}"))

    def renja(self) -> Table:
        plan = _plan_index(self.c)
        body = []
        for n, iid in enumerate(self.c.kinerja.renja, 1):
            ind, owner, _tujuan = plan[iid]
            body.append(
                (
                    mid(str(n)),
                    cell(owner),
                    cell(ind.nama),
                    mid(ind.satuan),
                    num(isian(ind.target.get(self.tahun))),
                )
            )
        return self._table(
            "renja",
            f"Rencana Kerja Tahun {self.tahun}",
            columns((0.9, "center"), (5, "left"), (5, "left"), (1.4, "center"), (1.4, "right")),
            head(
                ("No.", "Tujuan/Sasaran", "Indikator Kinerja", "Satuan", "Target"),
            )
            + (nomor_kolom(["(1)", "(2)", "(3)", "(4)", "(5)"]),),
            body,
            lines=(self.opd,),
            source=f"Sumber : Rencana Kerja {self.opd} Tahun {self.tahun}",
        )

    def perjanjian(self, versi: int) -> Table:
        pk = self.c.kinerja.perjanjian_kinerja[versi]
        plan = _plan_index(self.c)
        rows = [
            BarisTarget(b.sasaran, False, b.indikator, b.satuan, isian(b.target)) for b in pk.baris
        ]
        for iid in pk.indikator:
            ind, owner, tujuan = plan[iid]
            target = pk.target.get(iid, ind.target.get(self.tahun))
            rows.append(BarisTarget(owner, tujuan, ind.nama, ind.satuan, isian(target)))
        title = "Perjanjian Kinerja" if pk.versi == "murni" else "Perubahan Perjanjian Kinerja"
        return self._table(
            f"pk-{pk.versi}",
            title,
            columns((0.9, "center"), (5, "left"), (5, "left"), (1.4, "center"), (1.4, "right")),
            head(
                ("No.", "Tujuan & Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"),
            )
            + (nomor_kolom(["1", "2", "3", "4", "5"]),),
            target_body(rows),
            source=f"Sumber : {title} {self.opd} Tahun {self.tahun}",
        )

    def program_pk(self, murni: bool) -> Table:
        body = []
        for label, n, strong, _, level in _program_rows(self.f.program):
            inds: list[IndikatorProgram | None] = [i.indikator for i in n.indikator] or [None]
            pagu = n.pagu_murni if murni else n.pagu
            for k, ind in enumerate(inds):
                target = (
                    ""
                    if ind is None
                    else f"{angka(ind.target_murni if murni and ind.target_murni is not None else ind.target)} {ind.satuan}"
                )
                body.append(
                    (
                        *_node_lead(label, n.node.nama, strong, level, len(inds), k),
                        cell(ind.nama if ind else ""),
                        num(target),
                        *_spanned(k, num(rupiah(pagu, False), strong=strong, rowspan=len(inds))),
                    )
                )
        total = self.f.pagu_murni if murni else self.f.pagu
        foot = [(cell("JUMLAH", colspan=4, strong=True), num(rupiah(total, False), strong=True))]
        title = (
            "Program, Kegiatan, dan Pagu Anggaran"
            if murni
            else "Perubahan Program, Kegiatan, dan Pagu Anggaran"
        )
        return self._table(
            "program-murni" if murni else "program-perubahan",
            title,
            columns((0.8, "center"), (4.6, "left"), (4.6, "left"), (1.8, "right"), (2.4, "right")),
            head(
                ("No.", "Program/Kegiatan", "Indikator Kinerja", "Target", "Anggaran (Rp)"),
            )
            + (nomor_kolom(["1", "2", "3", "4", "5"]),),
            body,
            foot,
            font_size="small",
            source=f"Sumber : Dokumen Pelaksanaan Anggaran Tahun {self.tahun}"
            + ("" if murni else " (setelah perubahan)"),
        )

    # ---------------------------------------------------------------------------- BAB III
    def kriteria(self) -> Table:
        skala = self.c.settings.kategori.skala
        body = []
        for n, t in enumerate(skala, 1):
            if t.max is not None:  # a range with its own upper bound, inclusive
                body.append(
                    (
                        mid(f"{n}."),
                        mid(_range(t.min, t.max, True)),
                        cell(_range_words(t.min, t.max, True)),
                        cell(t.label),
                    )
                )
                continue
            upper = skala[n - 2].min if n > 1 else None
            body.append(
                (
                    mid(f"{n}."),
                    mid(_range(t.min, upper)),
                    cell(_range_words(t.min, upper)),
                    cell(t.label),
                )
            )
        return self._table(
            "kriteria",
            "Kriteria Capaian Kinerja",
            columns((0.9, "center"), (2.4, "center"), (6, "left"), (3, "left")),
            head(
                (
                    cell("No.", rowspan=2),
                    cell("Nilai Capaian Kinerja", colspan=2),
                    cell("Kategori", rowspan=2),
                ),
                ("%", "Keterangan Persentase"),
            ),
            body,
            lines=(),
        )

    def capaian(self) -> Table:
        body = []
        for s in self.f.kelompok:
            for n, i in enumerate(s.indikator):
                body.append(
                    (
                        *_sasaran_cells(s, n),
                        cell(i.indikator.nama),
                        num(_nilai(i.target)),
                        num(_nilai(i.realisasi)),
                        num(persen(i.capaian)),
                        cell(i.kategori or KOSONG),
                        cell(i.fakta.sumber_data if i.fakta and i.fakta.sumber_data else KOSONG),
                    )
                )
        return self._table(
            "capaian",
            "Capaian Kinerja",
            columns(
                (3.2, "left"),
                (3.4, "left"),
                (1.5, "right"),
                (1.6, "right"),
                (1.6, "right"),
                (1.8, "left"),
                (1.8, "left"),
            ),
            head(
                (
                    self._induk("Sasaran Strategis"),
                    "Indikator Kinerja",
                    "Target",
                    "Realisasi",
                    "Capaian (%)",
                    "Kategori",
                    "Sumber Data",
                )
            ),
            body,
            font_size="small",
            notes=_batas_note(self.c, self.f),
        )

    def perbandingan_tahun(self) -> Table:
        years = self.f.tahun_riwayat
        body = []
        last = None
        for r in self.f.riwayat:
            cells = [cell(r.sasaran if r.sasaran != last else ""), cell(r.indikator)]
            last = r.sasaran
            for y in years:
                v = r.tahun.get(y)
                cells += [
                    num(_nilai(v.target if v else None)),
                    num(_nilai(v.realisasi if v else None)),
                    num(persen(v.capaian if v else None)),
                ]
            body.append(tuple(cells))
        return self._table(
            "perbandingan-tahun",
            "Perbandingan Capaian Kinerja dengan Tahun Sebelumnya",
            columns((3, "left"), (3.6, "left"), *[(1.1, "right")] * (3 * len(years))),
            head(
                (
                    cell(self._induk("Sasaran"), rowspan=2),
                    cell("Indikator Kinerja", rowspan=2),
                    *(cell(f"Tahun {y}", colspan=3) for y in years),
                ),
                tuple(x for _ in years for x in ("Target", "Realisasi", "Capaian (%)")),
            ),
            body,
            font_size="small",
        )

    def perbandingan_renstra(self) -> Table:
        rumus = _rumus_kemajuan([i.indikator for i in self.f.indikator])
        body = [
            (
                mid(str(n)),
                cell(i.induk.uraian),
                cell(i.indikator.nama),
                num(_nilai(i.realisasi)),
                num(_nilai(i.target_akhir)),
                num(persen(i.kemajuan)),
            )
            for n, i in enumerate(self.f.indikator, 1)
        ]
        return self._table(
            "perbandingan-renstra",
            "Tingkat Kemajuan Capaian Kinerja dengan Akhir Tahun Rencana Strategis",
            columns(
                (0.9, "center"),
                (3.6, "left"),
                (3.8, "left"),
                (1.8, "right"),
                (1.8, "right"),
                (1.8, "right"),
            ),
            head(
                (
                    "No.",
                    self._induk("Sasaran"),
                    "Indikator Kinerja",
                    f"Realisasi Kinerja Tahun {self.tahun}",
                    f"Target Akhir Renstra ({self.c.rencana.periode[1]})",
                    "Tingkat Kemajuan (%)",
                ),
            )
            + (nomor_kolom(["1", "2", "3", "4", "5", rumus[0]]),),
            body,
            font_size="small",
            notes=rumus[1:],
        )

    def perbandingan_standar(self) -> Table:
        rumus = _rumus_kemajuan([r.indikator for r in self.f.standar])
        body = [
            (
                mid(str(n)),
                cell(r.induk.uraian),
                cell(r.indikator.nama),
                num(_nilai(r.realisasi)),
                num(angka(r.standar.standar)),
                num(persen(r.capaian)),
            )
            for n, r in enumerate(self.f.standar, 1)
        ]
        if not body:
            body = [(mid("NIHIL", colspan=6),)]  # type: ignore[list-item]  # one cell spanning the six columns
        return self._table(
            "perbandingan-standar",
            "Perbandingan Capaian dengan Standar Nasional/ Provinsi/ Kabupaten/Kota Lain",
            columns(
                (0.9, "center"),
                (3.6, "left"),
                (3.8, "left"),
                (1.8, "right"),
                (2, "right"),
                (1.6, "right"),
            ),
            head(
                (
                    "No.",
                    self._induk("Sasaran"),
                    "Indikator Kinerja",
                    f"Realisasi Tahun {self.tahun}",
                    "Standar Nasional/ Provinsi/ Daerah Lain",
                    "Capaian (%)",
                ),
            )
            + (nomor_kolom(["1", "2", "3", "4", "5", rumus[0]]),),
            body,
            font_size="small",
            notes=rumus[1:],
        )

    def penyebab(self) -> Table:
        body = []
        for s in self.f.kelompok:
            analisis = self.c.kinerja.analisis.get(s.sasaran.id)
            for n, i in enumerate(s.indikator):
                body.append(
                    (
                        *_sasaran_cells(s, n),
                        cell(i.indikator.nama),
                        num(_nilai(i.target)),
                        num(_nilai(i.realisasi)),
                        num(persen(i.capaian)),
                        _faktor(analisis) if analisis and n == 0 else cell(""),
                    )
                )
        return self._table(
            "penyebab",
            "Analisis Penyebab Keberhasilan/Kegagalan Pencapaian Kinerja",
            columns(
                (2.8, "left"),
                (3, "left"),
                (1.4, "right"),
                (1.6, "right"),
                (1.6, "right"),
                (5.2, "left"),
            ),
            head(
                (
                    self._induk("Sasaran Strategis"),
                    "Indikator Kinerja",
                    "Target",
                    "Realisasi",
                    "Capaian (%)",
                    "Penyebab Keberhasilan/ Kegagalan",
                )
            ),
            body,
            font_size="small",
            lines=(),
        )

    def permasalahan(self) -> Table:
        body = []
        for s in self.f.kelompok:
            a = self.c.kinerja.analisis.get(s.sasaran.id)
            names = "\n".join(i.indikator.nama for i in s.indikator)
            body.append(
                (
                    cell(s.sasaran.uraian),
                    cell(names),
                    items(a.permasalahan if a else []),
                    items(a.solusi if a else []),
                )
            )
        return self._table(
            "permasalahan",
            "Permasalahan Pencapaian Kinerja dan Alternatif Solusi yang Telah Dilakukan",
            columns((3, "left"), (3, "left"), (4.5, "left"), (4.5, "left")),
            head(
                (
                    self._induk("Sasaran Strategis"),
                    "Indikator Kinerja",
                    "Permasalahan dalam Pencapaian Indikator Kinerja",
                    "Alternatif Solusi",
                )
            ),
            body,
            font_size="small",
            lines=(),
        )

    def dukungan(self) -> Table:
        body = []
        for s in self.f.kelompok:
            d = self.c.kinerja.dukungan.get(s.sasaran.id)
            tidak = d.tidak_menunjang if d else []
            nodes: list[NodeAnggaran | None] = [self.f.node(i) for i in s.program_kegiatan] or [
                None
            ]
            node_rows = [row for node in nodes for row in _node_rows(node, tidak)]
            span = len(node_rows)
            for n, i in enumerate(s.indikator):
                lead = (cell(s.sasaran.uraian, rowspan=len(s.indikator) * span),) if n == 0 else ()
                first = (
                    *lead,
                    cell(i.indikator.nama, rowspan=span),
                    num(persen(i.capaian), rowspan=span),
                )
                for k, row in enumerate(node_rows):
                    body.append((first if k == 0 else ()) + row)
        return self._table(
            "dukungan",
            "Program/Kegiatan yang Menunjang Keberhasilan ataupun Kegagalan Pencapaian Pernyataan Kinerja",
            columns(
                (2.6, "left"),
                (2.8, "left"),
                (1.2, "right"),
                (4, "left"),
                (3.4, "left"),
                (1.2, "right"),
                (2.2, "right"),
                (1.8, "center"),
            ),
            head(
                (
                    self._induk("Sasaran"),
                    "Indikator Kinerja",
                    "Capaian (%)",
                    "Program/ Kegiatan",
                    "Indikator Kinerja",
                    "Capaian (%)",
                    "Anggaran (Rp)",
                    "Menunjang/ Tidak Menunjang",
                )
            ),
            body,
            font_size="small",
        )

    def realisasi_anggaran(self) -> Table:
        body = []
        for label, n, strong, program, level in _program_rows(self.f.program):
            body.append(
                (
                    mid(label),
                    cell(n.node.nama, strong=strong, level=level),
                    cell(_bidang(n, program)),
                    num(rupiah(n.pagu, False), strong=strong),
                    num(rupiah(n.realisasi, False), strong=strong),
                    num(persen(n.serapan), strong=strong),
                )
            )
        foot = [
            (
                cell("TOTAL", colspan=3, strong=True),
                num(rupiah(self.f.pagu, False), strong=True),
                num(rupiah(self.f.realisasi_anggaran, False), strong=True),
                num(persen(self.f.serapan), strong=True),
            )
        ]
        return self._table(
            "realisasi-anggaran",
            "Realisasi Anggaran Program dan Kegiatan",
            columns(
                (0.8, "center"),
                (5, "left"),
                (3, "left"),
                (2.4, "right"),
                (2.4, "right"),
                (1.4, "right"),
            ),
            head(
                (
                    "No.",
                    "Program/Kegiatan",
                    "Bidang Pengampu",
                    "Anggaran (Rp)",
                    "Realisasi (Rp)",
                    "Serapan (%)",
                )
            ),
            body,
            foot,
            font_size="small",
        )

    def efisiensi_sasaran(self) -> Table:
        body = []
        for s in self.f.kelompok:
            for n, i in enumerate(s.indikator):
                money = (
                    (
                        num(rupiah(s.pagu, False), rowspan=len(s.indikator)),
                        num(rupiah(s.realisasi_anggaran, False), rowspan=len(s.indikator)),
                        num(persen(s.serapan), rowspan=len(s.indikator)),
                    )
                    if n == 0
                    else ()
                )
                body.append(
                    (
                        *_sasaran_cells(s, n),
                        cell(i.indikator.nama),
                        num(_nilai(i.target)),
                        num(_nilai(i.realisasi)),
                        num(persen(i.capaian)),
                        *money,
                        num(persen(i.efisiensi)),
                        cell(_efisien(i.efisien)),
                    )
                )
        foot = [
            (
                cell("Efisiensi Total (rata-rata)", colspan=8, strong=True),
                num(persen(self.f.efisiensi_total), strong=True),
                cell(_efisien(self.f.efisien_total), strong=True),
            )
        ]
        return self._table(
            "efisiensi-sasaran",
            "Efisiensi Kinerja Sasaran",
            columns(
                (2.6, "left"),
                (2.8, "left"),
                (1.1, "right"),
                (1.1, "right"),
                (1.2, "right"),
                (2.2, "right"),
                (2.2, "right"),
                (1.2, "right"),
                (1.3, "right"),
                (1.5, "left"),
            ),
            _efisiensi_head(self._induk("Sasaran"), "Indikator Kinerja"),
            body,
            foot,
            font_size="small",
            notes=(_efisiensi_note(self.c),),
        )

    def efisiensi_program(self) -> Table:
        body = []
        for label, n, strong, _, level in _program_rows(self.f.program):
            inds: list[IndikatorNode | None] = [*n.indikator] or [None]
            # several indicators: each its own row, then the mean their efisiensi weighs
            rata = len(inds) > 1
            span = len(inds) + rata
            money = (
                num(rupiah(n.pagu, False), rowspan=span),
                num(rupiah(n.realisasi, False), rowspan=span),
                num(persen(n.serapan), rowspan=span),
                num(persen(n.efisiensi), rowspan=span),
                cell(_efisien(n.efisien), rowspan=span),
            )
            for k, ind in enumerate(inds):
                body.append(
                    (
                        *_node_lead(label, n.node.nama, strong, level, span, k),
                        num(
                            f"{angka(ind.indikator.target)} {ind.indikator.satuan}"
                            if ind
                            else KOSONG
                        ),
                        num(
                            f"{angka(ind.realisasi)} {ind.indikator.satuan}"
                            if ind and ind.realisasi is not None
                            else KOSONG
                        ),
                        num(persen(n.capaian_baris[k])),
                        *(money if k == 0 else ()),
                    )
                )
            if rata:
                body.append(
                    (
                        cell("Rata-rata capaian", "right", colspan=2),
                        num(persen(n.capaian)),
                    )
                )
        return self._table(
            "efisiensi-program",
            "Efisiensi Kinerja Program dan Kegiatan",
            columns(
                (0.8, "center"),
                (4, "left"),
                (1.5, "right"),
                (1.5, "right"),
                (1.2, "right"),
                (2.2, "right"),
                (2.2, "right"),
                (1.2, "right"),
                (1.3, "right"),
                (1.5, "left"),
            ),
            _efisiensi_head("No.", "Program/ Kegiatan"),
            body,
            font_size="small",
            notes=(_efisiensi_note(self.c),),
        )

    # ----------------------------------------------------------------------------- BAB IV
    def ringkasan(self) -> Table:
        body = []
        for s in self.f.kelompok:
            for n, i in enumerate(s.indikator):
                body.append(
                    (
                        *_sasaran_cells(s, n),
                        cell(i.indikator.nama),
                        num(_nilai(i.target)),
                        num(_nilai(i.realisasi)),
                        num(persen(i.capaian)),
                    )
                )
        foot = [
            (
                cell("Capaian Kinerja Rata-rata", colspan=4, strong=True),
                num(persen(self.f.rata_rata), strong=True),
            ),
            (
                cell("Kategori", colspan=4, strong=True),
                cell((self.f.kategori_rata_rata or KOSONG).upper(), "right", strong=True),
            ),
        ]
        return self._table(
            "ringkasan",
            f"Capaian Kinerja {self.opd}",
            columns((4, "left"), (4.5, "left"), (1.5, "right"), (1.5, "right"), (1.8, "right")),
            head(
                (
                    self._induk("Sasaran"),
                    "Indikator Kinerja",
                    "Target",
                    "Realisasi",
                    "Capaian Kinerja (%)",
                )
            ),
            body,
            foot,
            lines=(f"Tahun {self.tahun}",),
        )

    def rencana_aksi(self) -> Table:
        body = []
        for s in self.f.kelompok:
            for n, i in enumerate(s.indikator):
                body.append(
                    (
                        *_sasaran_cells(s, n),
                        cell(i.indikator.nama),
                        items(self.c.kinerja.rencana_aksi.get(i.indikator.id, []), "1."),
                    )
                )
        return self._table(
            "rencana-aksi",
            "Rencana Aksi Peningkatan Kinerja",
            columns((3.5, "left"), (3.5, "left"), (7, "left")),
            head(
                (
                    "Tujuan & Sasaran Strategis",
                    "Indikator Kinerja",
                    f"Rencana Aksi Tahun {self.tahun + 1}",
                )
            ),
            body,
            lines=(self.opd, f"Tahun {self.tahun + 1}"),
            font_size="small",
        )

    def triwulan(self) -> Table:
        by_id = {t.indikator.id: t for t in self.f.triwulan}
        body = []
        for s in self.f.kelompok:
            for n, i in enumerate(s.indikator):
                t = by_id.get(i.indikator.id)
                values = t.nilai if t else (None,) * 4
                body.append(
                    (
                        *_sasaran_cells(s, n),
                        cell(i.indikator.nama),
                        *(num(_nilai(v)) for v in values),
                        num(_nilai(t.total if t else None)),
                    )
                )
        return self._table(
            "triwulan",
            "Target Waktu Pencapaian Indikator Kinerja",
            columns((3.4, "left"), (3.6, "left"), *[(1.1, "right")] * 5),
            head(
                (
                    cell(self._induk("Sasaran"), rowspan=2),
                    cell("Indikator Kinerja", rowspan=2),
                    cell(f"Target Tahun {self.tahun + 1}", colspan=5),
                ),
                ("TW I", "TW II", "TW III", "TW IV", "Total"),
            ),
            body,
            lines=(self.opd, f"Tahun {self.tahun + 1}"),
            font_size="small",
        )


# ----------------------------------------------------------------------------------- helpers
def _rp_or_blank(value: Decimal) -> str:
    """A zero mutasi is an empty cell, as the asset table prints it."""
    return "" if value == 0 else rupiah(value, False)


def _nilai(value: Decimal | Tertulis | None) -> str:
    """An input value (target, realisasi) with its own decimals; text as written."""
    return isian(value)


def _sasaran_cells(s: SasaranKinerja, n: int) -> tuple[Cell, ...]:
    """The sasaran name on its first indicator's row, spanning all its indicators' rows; the
    later rows leave the covered position out."""
    return (cell(s.sasaran.uraian, rowspan=len(s.indikator)),) if n == 0 else ()


def _plan_index(c: LkjipContent) -> dict[str, tuple[Indikator, str, bool]]:
    """Indicator id → (indicator, the tujuan or sasaran it belongs to, whether a tujuan)."""
    out: dict[str, tuple[Indikator, str, bool]] = {}
    for t in c.rencana.tujuan:
        for ind in t.indikator:
            out[ind.id] = (ind, t.uraian, True)
        for s in t.sasaran:
            for ind in s.indikator:
                out[ind.id] = (ind, s.uraian, False)
    return out


def _node_rows(node: NodeAnggaran | None, tidak: list[str]) -> list[tuple[Cell, ...]]:
    """A supporting program/kegiatan in Tabel 3.8: one row per indicator, its name, budget and
    verdict spanning them."""
    if node is None:
        return [(cell(KOSONG), cell(KOSONG), num(KOSONG), num(KOSONG), mid(KOSONG))]
    inds: list[IndikatorNode | None] = [*node.indikator] or [None]
    span = len(inds)
    rows = []
    for k, ind in enumerate(inds):
        lead = (cell(node.node.nama, strong=node.jenis == "program", rowspan=span),)
        tail = (
            num(rupiah(node.pagu, False), rowspan=span),
            mid("Tidak Menunjang" if node.id in tidak else "Menunjang", rowspan=span),
        )
        rows.append(
            (
                *(lead if k == 0 else ()),
                cell(ind.indikator.nama if ind else KOSONG),
                num(persen(node.capaian_baris[k])),
                *(tail if k == 0 else ()),
            )
        )
    return rows


def _node_lead(
    label: str, nama: str, strong: bool, level: int, span: int, k: int
) -> tuple[Cell, ...]:
    """The No. and name cells of a program/kegiatan/sub-kegiatan row, spanning its `span`
    indicator rows (on the first, `k == 0`), the name indented by its depth."""
    if k:
        return ()
    return (mid(label, rowspan=span), cell(nama, strong=strong, level=level, rowspan=span))


def _spanned(k: int, *cells: Cell) -> tuple[Cell, ...]:
    """Cells that span a node's rows: given on its first row only."""
    return cells if k == 0 else ()


def _bidang(n: NodeAnggaran, program: NodeAnggaran) -> str:
    """The node's own bidang pengampu, else its program's."""
    return getattr(n.node, "bidang", None) or getattr(program.node, "bidang", None) or ""


def _batas_note(c: LkjipContent, f: LkjipFigures) -> tuple[str, ...]:
    """Under the capaian table when `batas_capaian` caps a value: which, and that the average and
    efisiensi use the capped value too."""
    batas = c.settings.perhitungan.batas_capaian
    if batas == "none":
        return ()
    capped = [
        i for i in f.indikator if i.capaian_mentah is not None and i.capaian_mentah > Decimal(batas)
    ]
    if not capped:
        return (
            f"Capaian di atas {batas}% dicatat {batas}% (batas capaian); tidak ada capaian yang melampauinya.",
        )
    rows = "; ".join(f"{i.indikator.nama} {persen(i.capaian_mentah)}%" for i in capped)
    return (
        f"Capaian di atas {batas}% dicatat {batas}% (batas capaian), juga dalam rata-rata dan efisiensi; "
        f"capaian sebelum dibatasi: {rows}.",
    )


def _rumus_kemajuan(indikator: Iterable[Indikator]) -> tuple[str, ...]:
    """Tabel 3.4's column-6 header and the notes its formula needs: 4/5 x 100 when every indicator
    is higher-is-better; otherwise each arah's formula in a note under the table (F7)."""
    rumus = {"positif": "4/5 x 100", "lan": "(2 x 5 - 4)/5 x 100", "inverse": "5/4 x 100"}
    kinds = dict.fromkeys("positif" if i.arah == "positif" else i.rumus_negatif for i in indikator)
    if list(kinds) in ([], ["positif"]):
        return ("6=4/5x100",)
    if list(kinds) != ["positif"] and len(kinds) == 1:
        return (f"6={rumus[next(iter(kinds))].replace(' ', '')}",)
    words = {
        "positif": "indikator positif (semakin tinggi semakin baik)",
        "lan": "indikator negatif (semakin rendah semakin baik)",
        "inverse": "indikator negatif (rumus kebalikan)",
    }
    return ("6", "Kolom 6 = " + "; ".join(f"{rumus[k]} untuk {words[k]}" for k in kinds) + ".")


def _efisien(verdict: bool | None) -> str:
    """The Keterangan of an efisiensi row, from the verdict compute gives for either method;
    empty without one: the efisiensi cell beside it already shows "-" (two dashes side by side
    read "- -", as a sub kegiatan without indicators printed)."""
    if verdict is None:
        return ""
    return "Efisien" if verdict else "Tidak efisien"


def _efisiensi_head(first: str, second: str) -> tuple[Row, ...]:
    """The two header rows of both efisiensi tables: kinerja and anggaran groups."""
    return head(
        (
            cell(first, rowspan=2),
            cell(second, rowspan=2),
            cell("Kinerja", colspan=3),
            cell("Anggaran", colspan=3),
            cell("Tingkat Efisiensi (%)", rowspan=2),
            cell("Keterangan", rowspan=2),
        ),
        ("Target", "Realisasi", "Capaian (%)", "Anggaran (Rp)", "Realisasi (Rp)", "Serapan (%)"),
    )


def _dpa(program: tuple[NodeAnggaran, ...]) -> str:
    """The budget document the pagu come from: the DPA Perubahan only when the content has an
    APBD-Perubahan (a `pagu_murni` that differs from its pagu, somewhere), else the DPA itself."""
    changed = any(n.pagu_murni != n.pagu for p in program for n in p.walk())
    return "Dokumen Pelaksanaan Anggaran" + (" Perubahan" if changed else "")


def _program_rows(
    program: tuple[NodeAnggaran, ...],
) -> Iterator[tuple[str, NodeAnggaran, bool, NodeAnggaran, int]]:
    """(number, node, is program, its program, depth) for every program and the nodes under it,
    numbered by the hierarchy as the budget tables print them: "2" a program, "2.1" its
    kegiatan, "2.1.1" that kegiatan's sub-kegiatan (so a reader sees which rows add up to which)."""
    for p_no, p in enumerate(program, 1):
        yield str(p_no), p, True, p, 0
        for k_no, k in enumerate(p.children, 1):
            yield f"{p_no}.{k_no}", k, False, p, 1
            for s_no, sk in enumerate(k.children, 1):
                yield f"{p_no}.{k_no}.{s_no}", sk, False, p, 2


def _efisiensi_note(c: LkjipContent) -> str:
    if c.settings.perhitungan.efisiensi == "sisa_anggaran":
        return (
            "Tingkat efisiensi = 100% - serapan anggaran; efisien bila ada sisa anggaran dan capaian kinerja "
            "lebih tinggi daripada serapan anggaran."
        )
    basis = (
        "persentase capaian dan serapan sebagaimana tercantum dalam tabel (dua desimal)"
        if c.settings.perhitungan.basis == "tampil"
        else "nilai sebelum pembulatan"
    )
    return (
        "Tingkat efisiensi = (1 - serapan anggaran / capaian kinerja) x 100% (PMK Nomor 214 Tahun 2017), "
        f"dihitung dari {basis}; nilai positif berarti efisien. Efisiensi total adalah rata-rata baris."
    )


def _range(low: Decimal | None, high: Decimal | None, inclusive: bool = False) -> str:
    if low is None:
        return f"≤ {angka(high)}%" if inclusive else f"< {angka(high)}%"
    if high is None:
        return f"≥ {angka(low)}%"
    return (
        f"{angka(low)}% s.d. {angka(high)}%"
        if inclusive
        else f"{angka(low)}% s.d. < {angka(high)}%"
    )


def _range_words(low: Decimal | None, high: Decimal | None, inclusive: bool = False) -> str:
    """The Keterangan column, generated from the thresholds so it cannot contradict them (L-1)."""

    def words(x: Decimal) -> str:
        return terbilang(int(x)) if x == x.to_integral_value() else angka(x)

    if low is None:
        if high is None:
            return ""
        return (
            f"Sampai dengan {words(high)} persen" if inclusive else f"Di bawah {words(high)} persen"
        )
    if high is None:
        return f"Sama dengan atau lebih dari {words(low)} persen"
    if inclusive:
        return f"{words(low).capitalize()} persen sampai dengan {words(high)} persen"
    return f"{words(low).capitalize()} persen sampai dengan kurang dari {words(high)} persen"


def _faktor(a: AnalisisSasaran) -> Cell:
    """The "Penyebab Keberhasilan/ Kegagalan" cell of a sasaran: its `penyebab` as a list, as the
    seed prints them; supporting and hindering factors each under their own label, so the one
    column still tells them apart."""
    if not (a.pendukung or a.penghambat):
        return items(a.penyebab)
    blocks: list[Paragraph | ListBlock] = []
    for label, lines in (
        ("", a.penyebab),
        ("Pendukung:", a.pendukung),
        ("Penghambat:", a.penghambat),
    ):
        if not lines:
            continue
        if label:
            blocks.append(Paragraph((Text(label, strong=True),), align="left"))
        blocks.append(
            ListBlock(tuple((Paragraph((Text(line),), align="left"),) for line in lines), "-")
        )
    return Cell(tuple(blocks))
