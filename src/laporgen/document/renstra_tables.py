"""Every table of the Renstra (RENSTRA-SPEC §2; columns per REGULATIONS §2), from computed
figures to display strings. Each returns one unnumbered `Table`; nothing is computed here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..compute.perubahan import Perubahan
from ..compute.pertumbuhan import NAMA_METODE
from ..compute.renstra import BarisPendanaan, MatriksRencana, RenstraFigures
from ..model.content import RenstraContent
from ..model.nilai import Tertulis
from ..model.renstra import Indikator, Sasaran, Tujuan
from ..model.sumber_daya import Jumlahan, Pendidikan
from ..numbers import KOSONG, angka, persen, rupiah
from .cells import Row, cell, columns, head, isian, items, mid, nomor_kolom, num
from .nodes import Table
from .tables import TableSet, present
from .tc27 import Tc27, nilai_satuan


class RenstraTables(TableSet):
    """The tables of one Renstra: `RenstraTables(content, figures).tc27(matriks)` etc."""

    def __init__(self, c: RenstraContent, f: RenstraFigures):
        self.c, self.f = c, f
        self.opd = c.agency.nama_lengkap
        self.caption = (self.opd,)

    def _table(
        self,
        id: str,
        title: str,
        cols: Any,
        head_rows: Any,
        body: Any,
        foot: Any = (),
        lines: tuple[str, ...] | None = None,
        form: str | None = None,
        **kw: Any,
    ) -> Table:
        """As `TableSet._table`; for a standard form (`form` "T-C.23") numbered by its code when
        the document numbers them so (settings `penomoran_tabel`); numbered by BAB, the code
        follows the title instead."""
        table = super()._table(
            id,
            title
            if not form or self.c.settings.penomoran_tabel == "permendagri"
            else f"{title} ({form})",
            cols,
            head_rows,
            body,
            foot,
            lines,
            **kw,
        )
        return (
            replace(table, number=form)
            if form and self.c.settings.penomoran_tabel == "permendagri"
            else table
        )

    # ------------------------------------------------------------------------------- BAB I
    def perubahan(self, changes: list[Perubahan], bagian: Mapping[str, str] | None = None) -> Table:
        """What this Perubahan/Review changed against the version it revises (issue 7): a
        narrative change names its section by `bagian` (id → "1.1 Latar Belakang", the numbered
        headings); a program, kegiatan or sub kegiatan its code; a node added or removed whole
        its pagu indikatif over the period. The reasons (`alasan` of document.toml, by the id
        of what changed) fill an Alasan column when any is given."""
        alasan = self.c.settings.alasan
        body = [
            (
                mid(str(n)),
                cell(ch.jenis.capitalize()),
                cell(BAGIAN.get(ch.bagian, ch.bagian)),
                cell(_uraian_perubahan(ch, bagian or {})),
                mid(str(ch.tahun) if ch.tahun else ""),
                *(num(_nilai_perubahan(ch, v)) for v in (ch.sebelum, ch.sesudah)),
                *((cell(alasan.get(ch.id, "")),) if alasan else ()),
            )
            for n, ch in enumerate(changes, 1)
        ]
        return self._table(
            "perubahan",
            "Perubahan terhadap Rencana Strategis Sebelumnya",
            columns(
                (0.8, "center"),
                (1.6, "left"),
                (1.8, "left"),
                (6 if not alasan else 4.5, "left"),
                (1, "center"),
                (2, "right"),
                (2, "right"),
                *(((3.5, "left"),) if alasan else ()),
            ),
            head(
                (
                    "No.",
                    "Perubahan",
                    "Bagian",
                    "Uraian",
                    "Tahun",
                    "Sebelum",
                    "Sesudah",
                    *(("Alasan",) if alasan else ()),
                )
            ),
            body,
            font_size="small",
            notes=(
                (
                    "Sebelum/Sesudah sebuah program, kegiatan atau sub kegiatan yang ditambah atau "
                    "dihapus: pagu indikatifnya selama periode Renstra (Rp).",
                )
                if any(
                    ch.bagian in RUPIAH_BAGIAN - {"pagu_total"}
                    and ch.tahun is None
                    and ch.jenis != "diubah"
                    for ch in changes
                )
                else ()
            ),
        )

    # ------------------------------------------------------------------------------ BAB II
    def _jumlahan(
        self,
        id: str,
        title: str,
        label: str,
        rows: Sequence[Jumlahan | Pendidikan],
        total: int,
        keterangan: str | None = None,
    ) -> Table:
        extra = (keterangan,) if keterangan else ()
        body = [
            (
                mid(str(n)),
                cell(r.uraian),
                *((mid(r.keterangan or KOSONG),) if keterangan else ()),
                num(angka(r.jumlah)),
            )
            for n, r in enumerate(rows, 1)
        ]
        foot = [
            (cell("Jumlah", colspan=2 + len(extra), strong=True), num(angka(total), strong=True))
        ]
        cols = columns(
            (0.9, "center"), (5, "left"), *(((1.6, "center"),) if keterangan else ()), (2, "right")
        )
        source = f"Sumber : {self.c.sumber_daya.sumber}" if self.c.sumber_daya.sumber else None
        return self._table(
            id,
            title,
            cols,
            head(("No.", label, *extra, "Jumlah (orang)")),
            body,
            foot,
            source=source,
        )

    def _pendidikan_persen(self) -> Table:
        """Staff by education level as the source gives them: shares in percent, their total
        computed (the Renstra's text may print 100 where the shares add up to 99,9)."""
        rows = self.c.sumber_daya.pendidikan
        body = [(mid(str(n)), cell(r.uraian), num(angka(r.persen))) for n, r in enumerate(rows, 1)]
        foot = [
            (
                cell("Jumlah", colspan=2, strong=True),
                num(angka(self.f.sdm.pendidikan_persen), strong=True),
            )
        ]
        source = f"Sumber : {self.c.sumber_daya.sumber}" if self.c.sumber_daya.sumber else None
        return self._table(
            "sdm-pendidikan",
            "Persentase Pegawai Berdasarkan Tingkat Pendidikan",
            columns((0.9, "center"), (5, "left"), (2, "right")),
            head(("No.", "Tingkat Pendidikan", "Persentase (%)")),
            body,
            foot,
            source=source,
        )

    def sdm(self) -> list[Table]:
        s, f = self.c.sumber_daya, self.f.sdm
        out = []
        if s.golongan:
            out.append(
                self._jumlahan(
                    "sdm-golongan",
                    "Jumlah Pegawai Berdasarkan Golongan/Ruang",
                    "Golongan/Ruang",
                    s.golongan,
                    f.golongan,
                )
            )
        if s.jabatan:
            eselon = "Eselon" if any(r.keterangan for r in s.jabatan) else None
            out.append(
                self._jumlahan(
                    "sdm-jabatan",
                    "Jumlah Pegawai Berdasarkan Jabatan",
                    "Jabatan",
                    s.jabatan,
                    f.jabatan,
                    eselon,
                )
            )
        if s.pendidikan_persen:
            out.append(self._pendidikan_persen())
        elif s.pendidikan:
            out.append(
                self._jumlahan(
                    "sdm-pendidikan",
                    "Jumlah Pegawai Berdasarkan Tingkat Pendidikan",
                    "Tingkat Pendidikan",
                    s.pendidikan,
                    f.pendidikan,
                )
            )
        if s.status:
            body = [
                (
                    mid(str(n)),
                    cell(r.status),
                    num(angka(r.laki_laki)),
                    num(angka(r.perempuan)),
                    num(angka(r.laki_laki + r.perempuan)),
                )
                for n, r in enumerate(s.status, 1)
            ]
            foot = [
                (
                    cell("Jumlah", colspan=2, strong=True),
                    num(angka(f.laki_laki), strong=True),
                    num(angka(f.perempuan), strong=True),
                    num(angka(f.laki_laki + f.perempuan), strong=True),
                )
            ]
            out.append(
                self._table(
                    "sdm-status",
                    "Jumlah Pegawai Berdasarkan Status dan Jenis Kelamin",
                    columns((0.9, "center"), (4, "left"), (2, "right"), (2, "right"), (2, "right")),
                    head(("No.", "Status", "Laki-laki", "Perempuan", "Jumlah")),
                    body,
                    foot,
                )
            )
        return out

    def aset(self) -> Table:
        body = [
            (mid(str(n)), cell(a.nama), num(angka(a.jumlah)), cell(a.satuan))
            for n, a in enumerate(self.c.sumber_daya.aset, 1)
        ]
        source = (
            f"Sumber : {self.c.sumber_daya.sumber_aset}" if self.c.sumber_daya.sumber_aset else None
        )
        return self._table(
            "aset",
            "Daftar Sarana dan Prasarana",
            columns((0.9, "center"), (6, "left"), (1.6, "right"), (2, "left")),
            head(("No.", "Nama Aset", "Jumlah", "Satuan")),
            body,
            source=source,
            font_size="small",
        )

    def pelayanan(self) -> Table:
        kp = present(self.c.evaluasi.kinerja_pelayanan, "evaluasi.kinerja_pelayanan")
        years, d = kp.tahun, kp.desimal
        body = []
        for n, r in enumerate(self.f.pelayanan, 1):
            i = r.indikator
            body.append(
                (
                    mid(str(n)),
                    cell(nama_bersatuan(i.nama, i.satuan)),
                    num(isian(i.target_nspk)),
                    num(isian(i.target_ikk)),
                    num(isian(i.target_lain)),
                    *(num(isian(i.target.get(y))) for y in years),
                    *(num(isian(i.realisasi.get(y))) for y in years),
                    *(num(angka(r.rasio[y], d)) for y in years),
                )
            )
        k = len(years)
        # REGULATIONS §2: the standard 20 columns keep their numbers when fewer years are shown.
        numbers = [*range(1, 6), *range(6, 6 + k), *range(11, 11 + k), *range(16, 16 + k)]
        return self._table(
            "tc23",
            "Pencapaian Kinerja Pelayanan",
            columns(
                (0.8, "center"),
                (5, "left"),
                (1.2, "right"),
                (1.2, "right"),
                (1.2, "right"),
                *[(1.2, "right")] * (3 * k),
            ),
            head(
                (
                    cell("No.", rowspan=2),
                    cell("Indikator Kinerja sesuai Tugas dan Fungsi Perangkat Daerah", rowspan=2),
                    cell("Target NSPK", rowspan=2),
                    cell("Target IKK", rowspan=2),
                    cell("Target Indikator Lainnya", rowspan=2),
                    cell("Target Renstra Perangkat Daerah Tahun", colspan=k),
                    cell("Realisasi Capaian Tahun", colspan=k),
                    cell("Rasio Capaian (%) Tahun", colspan=k),
                ),
                tuple(str(y) for _ in range(3) for y in years),
            )
            + (nomor_kolom([f"({x})" for x in numbers]),),
            body,
            form="T-C.23",
            font_size="small",
        )

    def akhir_periode(self) -> Table:
        ap = present(self.c.evaluasi.akhir_periode, "evaluasi.akhir_periode")
        body = [
            (
                cell(r.indikator.nama),
                num(_with(r.indikator.target, r.indikator.satuan)),
                num(_with(r.indikator.realisasi, r.indikator.satuan)),
                num(angka(r.kemajuan, ap.desimal)),
            )
            for r in self.f.akhir_periode
        ]
        return self._table(
            "akhir-periode",
            "Perbandingan Realisasi Kinerja sampai dengan Akhir Periode Renstra",
            columns((6, "left"), (2.4, "right"), (2.4, "right"), (2, "right")),
            head(
                (
                    "Indikator Kinerja",
                    "Target Akhir Renstra",
                    f"Realisasi {ap.tahun}",
                    "Tingkat Kemajuan (%)",
                ),
            )
            + (nomor_kolom(["(1)", "(2)", "(3)", "(4)"]),),
            body,
            lines=(self.opd, f"Tahun {ap.tahun}"),
        )

    def rincian(self) -> list[Table]:
        out = []
        for n, r in enumerate(self.c.evaluasi.rincian, 1):
            years = r.tahun
            body = [
                (
                    cell(b.nama),
                    *(
                        x
                        for y in years
                        for x in (
                            num(isian(b.target.get(y))),
                            num(_na(b.realisasi.get(y), y, b.realisasi)),
                        )
                    ),
                )
                for b in r.baris
            ]
            out.append(
                self._table(
                    f"rincian-{n}",
                    r.judul,
                    columns((4.5, "left"), *[(1.2, "right")] * (2 * len(years))),
                    head(
                        (cell("Uraian", rowspan=2), *(cell(str(y), colspan=2) for y in years)),
                        tuple(x for _ in years for x in ("Target", "Realisasi")),
                    ),
                    body,
                    notes=tuple(r.catatan) + (f"Satuan: {r.satuan}",),
                    font_size="small",
                )
            )
        return out

    def anggaran(self) -> Table:
        ar = present(self.c.evaluasi.anggaran_realisasi, "evaluasi.anggaran_realisasi")
        years = ar.tahun
        body = [_anggaran_row(r) for top in self.f.anggaran for r in top.walk()]
        foot = [_anggaran_row(present(self.f.anggaran_total, "the T-C.24 total"), strong=True)]
        k = len(years)
        return self._table(
            "tc24",
            "Anggaran dan Realisasi Pendanaan Pelayanan",
            columns(
                (4.0, "left"),
                *[(2.6, "right")] * (2 * k),
                *[(1.3, "right")] * k,
                (1.4, "right"),
                (1.4, "right"),
            ),
            head(
                (
                    cell("Uraian", rowspan=2),
                    cell("Anggaran pada Tahun (Rp)", colspan=k),
                    cell("Realisasi Anggaran pada Tahun (Rp)", colspan=k),
                    cell("Rasio antara Realisasi dan Anggaran (%) Tahun", colspan=k),
                    cell("Rata-rata Pertumbuhan (%)", colspan=2),
                ),
                (*(str(y) for _ in range(3) for y in years), "Anggaran", "Realisasi"),
            )
            + (nomor_kolom([f"({x})" for x in range(1, 3 * k + 4)]),),
            body,
            foot,
            form="T-C.24",
            font_size="tiny" if k > 2 else "small",
            notes=(f"Rata-rata pertumbuhan = {NAMA_METODE[self.c.settings.pertumbuhan]}.",),
        )

    # ---------------------------------------------------------------------------- BAB III
    def telaah_provinsi(self) -> Table:
        body = [
            (
                mid(str(n)),
                cell(t.sasaran),
                items(t.permasalahan),
                items(t.penghambat),
                items(t.pendorong),
            )
            for n, t in enumerate(self.c.analisis.telaah_provinsi, 1)
        ]
        return self._table(
            "telaah-provinsi",
            "Permasalahan Pelayanan Berdasarkan Sasaran Renstra Provinsi serta Faktor Penghambat dan Pendorong",
            columns((0.8, "center"), (3, "left"), (4, "left"), (4, "left"), (4, "left")),
            head(
                (
                    "No.",
                    "Sasaran Jangka Menengah Renstra Provinsi",
                    f"Permasalahan Pelayanan {self.c.agency.nama}",
                    "Faktor Penghambat",
                    "Faktor Pendorong",
                ),
            )
            + (nomor_kolom(["(1)", "(2)", "(3)", "(4)", "(5)"]),),
            body,
            font_size="small",
        )

    def pokok_masalah(self) -> Table:
        """Permasalahan as the three columns other agencies print: Pokok Masalah (spanning its
        masalah), Masalah, Akar Masalah (a list)."""
        body: list[Row] = []
        pokok = [p for p in self.c.analisis.permasalahan if p.masalah]
        for n, p in enumerate(pokok, 1):
            for k, m in enumerate(p.masalah):
                lead: Row = (
                    (mid(str(n), rowspan=len(p.masalah)), cell(p.judul, rowspan=len(p.masalah)))
                    if k == 0
                    else ()
                )
                body.append((*lead, cell(m.uraian), items(m.akar_masalah)))
        return self._table(
            "pokok-masalah",
            "Pokok Masalah, Masalah dan Akar Masalah",
            columns((0.8, "center"), (4, "left"), (4, "left"), (5, "left")),
            head(
                ("No.", "Pokok Masalah", "Masalah", "Akar Masalah"),
            )
            + (nomor_kolom(["(1)", "(2)", "(3)", "(4)"]),),
            body,
            font_size="small",
        )

    # ----------------------------------------------------------------------------- BAB IV
    def tujuan_sasaran(self) -> Table:
        """T-C.25 with the form's columns (REGULATIONS §2.4): No, Tujuan, Sasaran, Indikator and a
        target per year; by default a Satuan column (each row its indicator's unit, the figures
        bare), or with `kolom_tc25 = []` the unit in the cell ("0,26%") as both signed documents
        print it (seed 000 lines 3222-3240, seed 003 lines 827-846: neither has a Satuan column).
        No Kondisi Akhir column. Tujuan and Sasaran cells span their indicators' rows. A
        "Formulasi Perhitungan" column when an indicator has a formula (Blitar's second Tabel 4.1,
        seed 003, prints one; the form has none)."""
        years = self.c.rencana.tahun
        every = [i for _, i in self.c.rencana.located_indikator()]
        # The Satuan and Kondisi Awal columns many documents add (REGULATIONS §2.4) when asked;
        # unless the content asks, a Satuan column when an indicator has a unit, so a unit is
        # written once per row, not in every cell ("3,1 indeks 3,2 indeks …").
        kolom = self.c.settings.kolom_tc25
        if kolom is None:
            kolom = ["satuan"] if any(i.satuan.strip() for i in every) else []
        added = [k for k in ("satuan", "kondisi_awal") if k in kolom]
        with_formula = any(i.formula for i in every)
        body: list[Row] = []
        for t_no, t in enumerate(self.c.rencana.tujuan, 1):
            groups: list[tuple[Sasaran | None, list[Indikator]]] = (
                [(None, list(t.indikator))] if t.indikator else []
            )
            groups += [(s, list(s.indikator)) for s in t.sasaran]
            span = sum(len(inds) for _, inds in groups)
            first = True
            for s, inds in groups:
                for n, ind in enumerate(inds):
                    lead: Row = (
                        (mid(str(t_no), rowspan=span), cell(t.uraian, rowspan=span))
                        if first
                        else ()
                    )
                    if n == 0:
                        lead += (cell(s.uraian if s else "", rowspan=len(inds)),)
                    formula = (cell(_formula(ind)),) if with_formula else ()

                    # with a Satuan column the figures stand bare; without, each carries its unit
                    def shown(
                        v: Decimal | Tertulis | None,
                        u: str = ind.satuan,
                        bare: bool = "satuan" in added,
                    ) -> str:
                        return isian(v) if bare else nilai_satuan(v, u)

                    extra = tuple(
                        mid(ind.satuan) if k == "satuan" else num(shown(ind.kondisi_awal))
                        for k in added
                    )
                    body.append(
                        (
                            *lead,
                            cell(ind.nama),
                            *formula,
                            *extra,
                            *(num(shown(ind.target.get(y))) for y in years),
                        )
                    )
                    first = False
        n = len(years)
        fcols = ((3.2, "left"),) if with_formula else ()
        fhead = (cell("Formulasi Perhitungan", rowspan=2),) if with_formula else ()
        total_cols = 4 + n + (1 if with_formula else 0) + len(added)
        titles = {
            "satuan": "Satuan",
            "kondisi_awal": f"Kondisi Awal ({self.c.settings.tahun_awal})",
        }
        xcols = tuple((1.0, "center") if k == "satuan" else (1.2, "right") for k in added)
        xhead = tuple(cell(titles[k], rowspan=2) for k in added)
        return self._table(
            "tc25",
            "Tujuan dan Sasaran Jangka Menengah Pelayanan",
            columns(
                (0.8, "center"),
                (2.6, "left"),
                (2.8, "left"),
                (3.6, "left"),
                *fcols,
                *xcols,
                *[(1.2, "right")] * n,
            ),
            head(
                (
                    cell("No.", rowspan=2),
                    cell("Tujuan", rowspan=2),
                    cell("Sasaran", rowspan=2),
                    cell("Indikator Tujuan/Sasaran", rowspan=2),
                    *fhead,
                    *xhead,
                    cell("Target Kinerja Tujuan/Sasaran pada Tahun ke-", colspan=n),
                ),
                tuple(str(y) for y in years),
            )
            + (nomor_kolom([f"({x})" for x in range(1, total_cols + 1)]),),
            body,
            form="T-C.25",
            font_size="small",
        )

    # ------------------------------------------------------------------------------ BAB V
    def swot(self) -> Table:
        s = present(self.c.analisis.swot, "analisis.swot")
        by = {
            q: [x.uraian for x in s.strategi if x.kuadran == q]
            for q in ("S-O", "W-O", "S-T", "W-T")
        }
        body = [
            (
                cell("KEKUATAN (S)", strong=True),
                items(s.kekuatan),
                items(by["S-O"], "•"),
                items(by["S-T"], "•"),
            ),
            (
                cell("KELEMAHAN (W)", strong=True),
                items(s.kelemahan),
                items(by["W-O"], "•"),
                items(by["W-T"], "•"),
            ),
        ]
        return self._table(
            "swot",
            "Analisis SWOT",
            columns((2, "left"), (4, "left"), (4, "left"), (4, "left")),
            head(
                (
                    "Faktor Internal",
                    "Uraian",
                    cell("PELUANG (O)\n" + "\n".join(f"- {x}" for x in s.peluang)),
                    cell("ANCAMAN (T)\n" + "\n".join(f"- {x}" for x in s.ancaman)),
                )
            ),
            body,
            font_size="small",
        )

    def kebijakan(self) -> Table:
        nama = {p.id: p.nama for p in self.c.program.program} if self.c.program else {}
        body = [
            (
                mid(str(n)),
                cell(k.perspektif),
                cell(k.strategi),
                cell(k.kebijakan),
                items([nama.get(p, p) for p in k.program]),
            )
            for n, k in enumerate(self.c.analisis.kebijakan, 1)
        ]
        return self._table(
            "kebijakan",
            "Kebijakan menurut Perspektif Balanced Scorecard",
            columns((0.8, "center"), (2.4, "left"), (4, "left"), (4, "left"), (4, "left")),
            head(("No.", "Perspektif", "Strategi", "Kebijakan Umum", "Program")),
            body,
            font_size="small",
        )

    def tc26(self) -> Table:
        """T-C.26: Tujuan, Sasaran, Strategi, Arah Kebijakan (REGULATIONS §2.5), under full-width
        VISI and MISI rows; the "Urusan pemerintahan" column when a sasaran names its urusan (the
        signed Magetan Renstra prints it, seed 000 line 3386; Blitar's Tabel 5.3 does not)."""
        r = self.c.rencana
        urusan = any(s.urusan for t in r.tujuan for s in t.sasaran)
        width = 5 if urusan else 4
        top = []
        if r.visi:
            top.append((cell(f"VISI : {r.visi}", colspan=width, strong=True),))
        misi = {t.misi for t in r.tujuan if t.misi}
        if not misi:  # no tujuan says its misi: every MISI row heads the table
            top += [
                (cell(f"MISI {n} : {m}", colspan=width, strong=True),)
                for n, m in enumerate(r.misi, 1)
            ]
        # each MISI row followed by the tujuan under it; a tujuan naming no misi comes last
        groups: list[tuple[int | None, list[Tujuan]]] = [
            (n, [t for t in r.tujuan if t.misi == n])
            for n in range(1, len(r.misi) + 1)
            if n in misi
        ]
        groups.append((None, [t for t in r.tujuan if not t.misi or t.misi not in dict(groups)]))
        body: list[Row] = []
        for n, tujuan in groups:
            if n is not None:
                body.append((cell(f"MISI {n} : {r.misi[n - 1]}", colspan=width, strong=True),))
            for t in tujuan:
                body += _tc26_rows(t, urusan)
        return self._table(
            "tc26",
            "Tujuan, Sasaran, Strategi dan Kebijakan",
            columns(
                (3, "left"),
                (3, "left"),
                (4, "left"),
                (4.5, "left"),
                *(((3.2, "left"),) if urusan else ()),
            ),
            head(
                (
                    "Tujuan",
                    "Sasaran",
                    "Strategi",
                    "Arah Kebijakan",
                    *(("Urusan Pemerintahan",) if urusan else ()),
                )
            ),
            top + body,
            form="T-C.26",
            font_size="small",
        )

    def strategi_tahun(self) -> Table:
        """Strategi and arah kebijakan per sasaran with a ✓ in each plan year the strategy runs
        (`strategi.tahun`): Sasaran (spanning its strategies), Strategi, Arah Kebijakan, a column
        per year of the period."""
        years = self.c.rencana.tahun
        body: list[Row] = []
        for t in self.c.rencana.tujuan:
            for s in t.sasaran:
                for k, st in enumerate(s.strategi):
                    lead: Row = (cell(s.uraian, rowspan=len(s.strategi)),) if k == 0 else ()
                    body.append(
                        (
                            *lead,
                            cell(st.uraian),
                            items(st.arah_kebijakan),
                            *(mid("✓" if y in st.tahun else "") for y in years),
                        )
                    )
        n = len(years)
        return self._table(
            "strategi-tahun",
            "Strategi dan Arah Kebijakan per Sasaran dan Tahun Pelaksanaan",
            columns((3.2, "left"), (3.6, "left"), (4.2, "left"), *[(0.9, "center")] * n),
            head(
                (
                    cell("Sasaran", rowspan=2),
                    cell("Strategi", rowspan=2),
                    cell("Arah Kebijakan", rowspan=2),
                    cell("Tahun Pelaksanaan", colspan=n),
                ),
                tuple(str(y) for y in years),
            ),
            body,
            font_size="small",
        )

    # ----------------------------------------------------------------------------- BAB VI
    def tc27(self, mr: MatriksRencana, form: str = "T-C.27") -> Table:
        """One T-C.27 matrix in the form's layout (see `tc27`); `form` its code, "T-C.27.2" for
        the second of several."""
        t = Tc27(self.c, self.f.akhir_rencana)
        m = mr.matriks
        lay = t.layout(mr)
        return self._table(
            f"tc27-{'-'.join(map(str, m.tahun))}",
            m.judul,
            t.columns(m, lay),
            t.head(m, lay),
            t.body(mr, lay),
            t.foot(mr, lay),
            form=form,
            font_size="tiny" if len(m.tahun) > 2 else "small",
        )

    # ---------------------------------------------------------------------------- BAB VII
    def tc28(self) -> Table:
        urusan = present(self.c.analisis.indikator_urusan, "analisis.indikator_urusan")
        years = self.c.rencana.tahun
        cols = columns(
            (0.8, "center"),
            (5, "left"),
            (1.2, "center"),
            (1.4, "right"),
            *[(1.2, "right")] * len(years),
            (1.4, "right"),
            (2, "left"),
        )
        body: list[Row] = []
        if urusan.kelompok:  # the group row across the whole table
            body.append((cell(urusan.kelompok, colspan=len(cols), strong=True),))
        for n, r in enumerate(self.f.kinerja_urusan, 1):
            body.append(
                (
                    mid(str(n)),
                    cell(r.nama),
                    mid(r.satuan),
                    num(isian(r.kondisi_awal)),
                    *(num(isian(r.target.get(y))) for y in years),
                    num(isian(r.akhir)),
                    cell(r.sumber_data),
                )
            )
        awal = self.c.settings.tahun_awal
        return self._table(
            "tc28",
            "Indikator Kinerja Perangkat Daerah yang Mengacu pada Tujuan dan Sasaran RPJMD",
            cols,
            head(
                (
                    cell("No.", rowspan=2),
                    cell("Indikator", rowspan=2),
                    cell("Satuan", rowspan=2),
                    cell("Kondisi Kinerja pada Awal Periode", rowspan=1),
                    cell("Target Capaian Setiap Tahun", colspan=len(years)),
                    cell("Kondisi Kinerja pada Akhir Periode", rowspan=2),
                    cell("Sumber Data", rowspan=2),
                ),
                (str(awal), *(str(y) for y in years)),
            ),
            body,
            form="T-C.28",
            font_size="small",
        )


# ----------------------------------------------------------------------------------- helpers
def _tc26_rows(t: Tujuan, urusan: bool) -> list[Row]:
    """The T-C.26 rows of one tujuan: a row per strategi, tujuan and sasaran cells spanning theirs.
    A sasaran without strategi is left out, as the signed Magetan T-C.26 leaves out its second
    sasaran (seed 000 line 3378); `check` reports it (check/renstra.py)."""
    chains = [(s, st) for s in t.sasaran for st in s.strategi]
    rows: list[Row] = []
    for k, (s, st) in enumerate(chains):
        first_of_s = k == 0 or chains[k - 1][0] is not s
        span_s = sum(1 for x, _ in chains if x is s)
        row: Row = (cell(t.uraian, rowspan=len(chains)),) if k == 0 else ()
        row += (cell(s.uraian, rowspan=span_s),) if first_of_s else ()
        row += (cell(st.uraian), items(st.arah_kebijakan))
        if urusan and first_of_s:
            row += (cell(s.urusan or KOSONG, rowspan=span_s),)
        rows.append(row)
    return rows


BAGIAN = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "indikator": "Indikator",
    "target": "Target",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
    "pagu": "Pagu (Rp)",
    "pagu_total": "Pagu (Rp)",
    "spm": "Indikator SPM",
    "spm_target": "Target SPM",
    "spm_sasaran": "Jumlah Sasaran SPM",
    "spm_terlayani": "Jumlah Terlayani SPM",
    "spm_realisasi": "Realisasi SPM",
    "spm_rincian": "Rincian SPM",
    "narasi": "Narasi",
}


RUPIAH_BAGIAN = frozenset({"program", "kegiatan", "sub_kegiatan", "pagu_total"})
"""The changes whose figure is a pagu indikatif (of a node added or removed whole: over the
period), printed in Rupiah as the pagu rows are."""


def _uraian_perubahan(ch: Perubahan, bagian: Mapping[str, str]) -> str:
    """What changed, as the reader finds it: a section by its numbered heading, a program tree
    node with its code."""
    if ch.bagian == "narasi":  # "latar-belakang.akhir.md" is text of the same section
        return bagian.get(ch.id.removesuffix(".akhir"), ch.uraian)
    return f"{ch.kode} {ch.uraian}" if ch.kode else ch.uraian


def _nilai_perubahan(ch: Perubahan, value: Decimal | str | None) -> str:
    """A Sebelum or Sesudah cell: "-" where the other side has a value (an added year's target
    had none before), blank where neither has (a section whose text changed)."""
    if value is None:
        return "" if ch.sebelum is None and ch.sesudah is None else KOSONG
    if isinstance(value, str):
        return value
    return rupiah(value, False) if ch.bagian in RUPIAH_BAGIAN else angka(value)


def _with(value: Decimal | Tertulis | None, satuan: str) -> str:
    """A number with its unit; text (a predikat, "n.a") as written, without one."""
    if value is None or isinstance(value, Tertulis):
        return isian(value)
    return f"{angka(value)} {satuan}".strip()


def _na(value: Decimal | Tertulis | None, year: int, given: Mapping[int, object]) -> str:
    """ "n/a" where a realisasi is recorded as unknown (null), "-" where none was given, text
    as written."""
    return "n/a" if value is None and year in given else isian(value)


def _formula(ind: Indikator) -> str:
    if not ind.formula:
        return KOSONG
    kali = f" x {angka(ind.formula.kali)}" if ind.formula.kali is not None else ""
    return f"({ind.formula.pembilang}) / ({ind.formula.penyebut}){kali}"


def _anggaran_row(r: BarisPendanaan, strong: bool = False) -> Row:
    years = list(r.anggaran)
    bold = strong or bool(r.children)
    indent = "    " * r.level
    return (
        cell(indent + r.uraian.nama, strong=bold),
        *(num(rupiah(r.anggaran[y], False), strong=bold) for y in years),
        *(num(rupiah(r.realisasi[y], False), strong=bold) for y in years),
        *(num(persen(r.rasio[y]), strong=bold) for y in years),
        num(persen(r.pertumbuhan_anggaran), strong=bold),
        num(persen(r.pertumbuhan_realisasi), strong=bold),
    )


_PERSEN = ("%", "persen")


def nama_bersatuan(nama: str, satuan: str) -> str:
    """An indicator's name with its unit where the name does not state it: T-C.23 has no Satuan
    column (the form's 20 columns keep their numbers), so "Panjang jalan kondisi baik (km)";
    a "Persentase …" in % states its unit already, as the signed forms print it."""
    unit = satuan.strip()
    if not unit:
        return nama
    stated = unit.lower() in _PERSEN and nama.lstrip().lower().startswith(
        ("persentase", "presentase")
    )
    if stated or f"({unit.lower()})" in nama.lower():
        return nama
    return f"{nama} ({unit})"
