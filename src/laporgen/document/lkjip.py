"""The LKjIP outline filled: models + figures → the document tree (LKJIP-SPEC §1.3).

For each heading of `outline.LKJIP` the section holds, in order: `narasi/<id>.md`, the
generated tables and sentences of that section, `narasi/<id>.akhir.md`, then its sub-sections.
Numbers of BAB, sections and tables are assigned afterwards by `numbering.py`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..compute.lkjip import LkjipFigures
from ..model.content import LkjipContent
from ..numbers import persen, rupiah, tanggal
from . import front as front_matter
from . import lkjip_kalimat as kalimat
from .builder import (
    OutlineBuilder,
    changed_outline,
    fill_sistematika,
    list_of_figures,
    list_of_tables,
    signature,
    toc_entries,
)
from .cells import nilai_isian
from .front import settle_empty
from .kalimat import para
from .keep import laid_out
from .lkjip_tables import LkjipTables
from .nodes import (
    Block,
    Document,
    Figure,
    Landscape,
    ListBlock,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    Table,
    Text,
    Toc,
)
from .numbering import number_body
from .spm import spm_context
from .outline import LKJIP, LKJIP_FRONT, Bagian

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
LAMPIRAN_NARASI = (
    "lampiran",
    "lampiran-perjanjian-kinerja",
    "lampiran-iku",
    "lampiran-rencana-aksi",
)
"""The narrative keys of the Lampiran (see `LkjipBuilder._lampiran`)."""


def lkjip_document(c: LkjipContent, f: LkjipFigures, charts: bool = True) -> Document:
    """The whole LKjIP as a document tree, numbered, with its Daftar Isi and Daftar Tabel."""
    return LkjipBuilder(c, f, charts).document()


class LkjipBuilder(OutlineBuilder):
    def __init__(self, c: LkjipContent, f: LkjipFigures, charts: bool = True):
        self.c, self.f = c, f
        self.charts = charts and c.settings.grafik
        self.t = LkjipTables(c, f)
        super().__init__(
            c.folder,
            c.narasi,
            changed_outline(LKJIP, c.settings, c.sources["document"]),
            narrative_context(c, f),
            LKJIP_FRONT,
            (*(f"sasaran/{s.id}" for t in c.rencana.tujuan for s in t.sasaran), *LAMPIRAN_NARASI),
            tabel=c.tabel,
            tabel_source=c.sources.get("tabel"),
            spm=c.spm,
            spm_source=c.sources.get("spm"),
            caption=(c.agency.nama_lengkap,),
            spm_bagian="perbandingan-standar",
        )
        self.generated = {
            "kepegawaian": lambda: [
                self.t.formasi(),
                self.t.golongan(),
                self.t.pendidikan(),
                self.t.jenis_kelamin(),
            ],
            "organisasi": lambda: self._gambar(
                "organisasi", "Susunan Organisasi " + c.agency.nama_lengkap
            ),
            "sarana-prasarana": lambda: [self.t.aset()],
            "anggaran": lambda: [self.t.anggaran_belanja()],
            "isu-strategis": lambda: (
                [ListBlock(tuple((para(i),) for i in c.rencana.isu_strategis), "1.")]
                if c.rencana.isu_strategis
                else []
            ),
            "sistematika": self._sistematika,
            "renstra": lambda: [self.t.keterkaitan()] if c.rencana.keterkaitan else [],
            "tujuan-sasaran": lambda: [self.t.tujuan_sasaran()],
            "strategi": lambda: [self.t.strategi()],
            "iku": lambda: [Landscape((self.t.iku(),))],
            "renja": lambda: [self.t.renja()] if c.kinerja.renja else [],
            "perjanjian-kinerja": self._perjanjian,
            "akuntabilitas": lambda: [self.t.kriteria()],
            "target-realisasi": self._target_realisasi,
            "perbandingan-tahun": lambda: [
                Landscape((self.t.perbandingan_tahun(),)),
                *self._grafik("tren"),
            ],
            "perbandingan-renstra": lambda: [
                self.t.perbandingan_renstra(),
                *kalimat.kemajuan(f, self.c.rencana.periode[1]),
            ],
            "perbandingan-standar": lambda: [self.t.perbandingan_standar()],
            "analisis-penyebab": lambda: [
                kalimat.tercapai_sasaran(f, c.agency.nama, c.settings.tahun),
                kalimat.penyebab(f, c.kinerja.analisis),
                self.t.penyebab(),
                self.t.permasalahan(),
            ],
            "analisis-program": lambda: [Landscape((self.t.dukungan(),))],
            "realisasi-anggaran": lambda: [self.t.realisasi_anggaran(), *self._grafik("serapan")],
            "efisiensi": lambda: [
                Landscape((self.t.efisiensi_sasaran(), self.t.efisiensi_program())),
                *kalimat.efisiensi(f),
            ],
            "inovasi": self._inovasi,
            "prestasi": self._prestasi,
            "simpulan": lambda: [
                *kalimat.simpulan(f, c.kinerja.dukungan, len(c.rencana.tujuan), c.settings.tahun),
                self.t.ringkasan(),
                *kalimat.hasil_umum(f, c.settings.tahun, c.kinerja.tahun_lalu),
            ],
            "rencana-aksi": lambda: [self.t.rencana_aksi(), self.t.triwulan()],
        }

    # ------------------------------------------------------------------------------ whole
    def document(self) -> Document:
        c = self.c
        chapters, kosong = settle_empty(
            tuple(self._section(b, 1) for b in self.outline), c.settings.bagian_kosong
        )
        chapters = fill_sistematika(chapters)
        paper = c.settings.kertas
        body = number_body(laid_out(chapters + (self._penutup(),), paper)) + laid_out(
            (self._lampiran(),), paper
        )
        figures = list_of_figures(body)
        opening, kosong_front = settle_empty(
            (
                Section(
                    "kata-pengantar",
                    1,
                    "",
                    "KATA PENGANTAR",
                    (*self._narasi("kata-pengantar"), self._signature()),
                    in_toc=False,
                    page_break_before=True,
                ),
                Section(
                    "ikhtisar-eksekutif",
                    1,
                    "",
                    "IKHTISAR EKSEKUTIF",
                    self._ikhtisar(),
                    in_toc=False,
                    page_break_before=True,
                ),
            ),
            c.settings.bagian_kosong,
        )
        front: list[Block] = [
            *opening,
            PageBreak(),
            Toc("DAFTAR ISI", toc_entries(body)),
            PageBreak(),
            list_of_tables(body),
        ]
        if figures:
            front += [PageBreak(), figures]
        opd = c.agency.nama_lengkap
        tt = c.settings.tanda_tangan
        return Document(
            title=f"Laporan Kinerja {opd} Tahun {c.settings.tahun}",
            subject="Laporan Kinerja Instansi Pemerintah (LKjIP)",
            author=opd,
            date_iso=tt.tanggal.isoformat(),
            cover=front_matter.cover(
                c.agency,
                c.folder,
                c.settings.logo,
                c.settings.sampul,
                (
                    "LAPORAN KINERJA",
                    c.agency.nama.upper(),
                    c.agency.pemda.lengkap.upper(),
                    f"TAHUN {c.settings.tahun}",
                ),
                f"TAHUN {tt.tanggal.year}",
            ),
            front=laid_out(tuple(front), c.settings.kertas),
            body=body,
            paper=c.settings.kertas,
            font=c.settings.huruf,
            running_header=f"LKjIP {opd} Tahun {c.settings.tahun}",
            kosong=kosong_front + kosong,
        )

    def _lampiran(self) -> Section:
        """LAMPIRAN after the closing signature, as the signed LKjIP ends (seed 001): the list of
        attachments, then one page each, drawn from the data the report already holds: the
        Perjanjian Kinerja (each version, with its programs and pagu), the IKU and the Rencana
        Aksi with its quarterly targets. Their tables are numbered by attachment ("Tabel A.1"),
        apart from the BABs' own. Each part, and the list, may have narrative before its tables
        (`narasi/lampiran.md`, `narasi/lampiran-perjanjian-kinerja.md`, …)."""
        c = self.c
        pk = self.c.kinerja.perjanjian_kinerja
        tahun, periode = c.settings.tahun, f"{c.rencana.periode[0]}-{c.rencana.periode[1]}"
        pk_title = f"Perjanjian Kinerja {c.agency.nama_lengkap} Tahun {tahun}" + (
            " dan Perubahannya" if len(pk) > 1 else ""
        )
        parts: list[tuple[str, str, list[Block]]] = [
            (
                "perjanjian-kinerja",
                pk_title,
                [
                    t
                    for n, v in enumerate(pk)
                    for t in (self.t.perjanjian(n), self.t.program_pk(murni=v.versi == "murni"))
                ],
            ),
            ("iku", f"Indikator Kinerja Utama (IKU) Tahun {periode}", [Landscape((self.t.iku(),))]),
            (
                "rencana-aksi",
                f"Rencana Aksi Tahun {tahun + 1}",
                [self.t.rencana_aksi(), self.t.triwulan()],
            ),
        ]
        letters = "ABCDEFGHIJ"
        listing = ListBlock(tuple((para(title),) for _, title, _ in parts), "A.")
        pages: list[Block] = []
        for n, (key, title, blocks) in enumerate(parts):
            wide = all(
                isinstance(b, Landscape) for b in blocks
            )  # the heading goes on the landscape page too
            inner = tuple(ch for b in blocks for ch in b.children) if wide else tuple(blocks)  # type: ignore[union-attr]
            page = Section(
                f"lampiran-{key}",
                2,
                "",
                f"Lampiran {letters[n]}. {title}",
                (*self._narasi(f"lampiran-{key}"), *_numbered(inner, letters[n])),
                page_break_before=not wide,
            )
            pages.append(Landscape((page,)) if wide else page)
        return Section(
            "lampiran",
            1,
            "",
            "LAMPIRAN",
            (
                *self._narasi("lampiran"),
                para("Lampiran Laporan Kinerja ini terdiri atas:"),
                listing,
                *pages,
            ),
            page_break_before=True,
        )

    def _title(self, b: Bagian) -> str:
        return b.title.format(**self.context)

    def _penutup(self) -> Section:
        """The closing signature under BAB IV, kept out of the Daftar Isi."""
        return Section("tanda-tangan", 2, "", "", (self._signature(),), in_toc=False)

    # ---------------------------------------------------------------------------- pieces
    def _signature(self) -> Signature:
        return signature(self.c.agency, self.c.settings.tanda_tangan)

    def _ikhtisar(self) -> tuple[Block, ...]:
        f = self.f
        return (
            *self._narasi("ikhtisar-eksekutif"),
            *kalimat.hasil_umum(f, self.c.settings.tahun, self.c.kinerja.tahun_lalu),
            kalimat.per_kategori(f, self.c.settings.kategori.skala),
        )

    def _sistematika(self) -> list[Block]:
        return self.sistematika_bab(
            "Laporan Kinerja ini disusun dengan sistematika sebagai berikut:"
        )

    def _perjanjian(self) -> list[Block]:
        out: list[Block] = []
        for n, pk in enumerate(self.c.kinerja.perjanjian_kinerja):
            out += [self.t.perjanjian(n), self.t.program_pk(murni=pk.versi == "murni")]
        return out

    def _grafik(self, kind: str) -> list[Block]:
        """A chart of BAB III (the `grafik` setting), drawn from the computed figures."""
        if not self.charts:
            return []
        from . import charts  # Pillow: imported when charts are drawn (`check` draws none)

        if kind == "capaian":
            return [
                Figure(
                    "grafik-capaian",
                    "",
                    "Capaian Kinerja per Indikator terhadap Target",
                    None,
                    "grafik capaian",
                    16.0,
                    charts.capaian_chart(self.f),
                    charts.keterangan(charts.capaian_labels(self.f)),
                )
            ]
        if kind == "serapan":
            return [
                Figure(
                    "grafik-serapan",
                    "",
                    "Serapan Anggaran per Program",
                    None,
                    "grafik serapan",
                    16.0,
                    charts.serapan_chart(self.f),
                    charts.keterangan(charts.serapan_labels(self.f)),
                )
            ]
        png = charts.tren_chart(self.f)
        return (
            [
                Figure(
                    "grafik-tren",
                    "",
                    "Perkembangan Realisasi Indikator dari Tahun ke Tahun",
                    None,
                    "grafik tren",
                    16.0,
                    png,
                    charts.keterangan(charts.tren_labels(self.f)),
                )
            ]
            if png
            else []
        )

    def _target_realisasi(self) -> list[Block]:
        out: list[Block] = [self.t.capaian(), *self._grafik("capaian")]
        n = 0
        for s in self.f.kelompok:
            if s.tingkat == "tujuan":
                title = f"Capaian Tujuan: {s.sasaran.uraian}"
            else:
                n += 1
                title = f"Capaian Sasaran Strategis {n}: {s.sasaran.uraian}"
            out.append(Paragraph((Text(title, strong=True),), keep_with_next=True))
            out += kalimat.capaian_sasaran(s, self.c.settings.tahun)
            if s.tingkat == "sasaran":
                out += self._narasi(f"sasaran/{s.sasaran.id}")
        return out

    def _inovasi(self) -> list[Block]:
        out: list[Block] = []
        for n, i in enumerate(self.c.kinerja.inovasi, 1):
            out.append(Paragraph((Text(f"{n}. {i.nama}", strong=True),), keep_with_next=True))
            out.append(para(i.uraian))
            out += self._gambar_file(i.gambar, i.nama)
        return out

    def _prestasi(self) -> list[Block]:
        out: list[Block] = []
        for n, p in enumerate(self.c.kinerja.prestasi, 1):
            out.append(Paragraph((Text(f"{n}. {p.nama}", strong=True),), keep_with_next=True))
            text = f"Diberikan oleh {p.pemberi}." + (f" {p.uraian}" if p.uraian else "")
            out.append(para(text))
            out += self._gambar_file(p.gambar, p.nama)
        return out

    def _gambar(self, stem: str, title: str) -> list[Block]:
        """A figure from `gambar/<stem>.png|jpg` when the folder has one."""
        for suffix in IMAGE_SUFFIXES:
            path = self.c.folder / "gambar" / f"{stem}{suffix}"
            if path.is_file():
                return [Figure(stem, "", title, str(path.resolve()))]
        return []

    def _gambar_file(self, name: str | None, title: str) -> list[Block]:
        path = self._asset(name)
        return [Figure(Path(path).stem, "", title, path)] if path else []


def _numbered(blocks: tuple[Block, ...], letter: str) -> tuple[Block, ...]:
    """The tables of an attachment numbered "<letter>.<n>" (Tabel A.1, A.2), in order."""
    count = 0

    def number(block: Block) -> Block:
        nonlocal count
        if isinstance(block, Table):
            count += 1
            return replace(block, number=f"{letter}.{count}")
        if isinstance(block, Landscape):
            return replace(block, children=tuple(number(ch) for ch in block.children))
        return block

    return tuple(number(b) for b in blocks)


def narrative_context(c: LkjipContent, f: LkjipFigures) -> dict[str, Any]:
    """The names a narrative file may use, every figure already formatted (README lists them)."""
    p = f.pegawai
    pk = {v.versi: tanggal(v.tanggal) for v in c.kinerja.perjanjian_kinerja}
    return {
        "opd": c.agency.nama_lengkap,
        "opd_singkat": c.agency.nama,
        "pemda": c.agency.pemda.lengkap,
        "tahun": c.settings.tahun,
        "tahun_depan": c.settings.tahun + 1,
        "periode": f"{c.rencana.periode[0]}-{c.rencana.periode[1]}",
        "rencana": c.rencana.nama,
        "unit": c.agency.unit,
        "tugas": c.agency.tugas,
        "fungsi": c.agency.fungsi,
        "dasar_hukum": c.agency.dasar_hukum,
        "visi": c.rencana.visi or "",
        "misi": c.rencana.misi,
        "kepala": c.agency.kepala.nama_gelar,
        "pegawai": {
            "realisasi": p.realisasi,
            "kebutuhan": p.kebutuhan,
            "kekurangan": max(0, -p.selisih),
            "per_tanggal": tanggal(c.sumber_daya.pegawai.per_tanggal),
        },
        "aset": {
            "awal": rupiah(f.aset.saldo_awal),
            "akhir": rupiah(f.aset.saldo_akhir),
            "bertambah": rupiah(f.aset.bertambah),
            "berkurang": rupiah(f.aset.berkurang),
        },
        "anggaran": {
            "pagu": rupiah(f.pagu),
            "realisasi": rupiah(f.realisasi_anggaran),
            "serapan": persen(f.serapan, tanda=True),
            "pagu_murni": rupiah(f.pagu_murni),
        },
        "n_tujuan": len(c.rencana.tujuan),
        "n_sasaran": len(f.sasaran),
        "n_indikator": len(f.indikator),
        "n_program": len(f.program),
        "n_kegiatan": len(f.kegiatan),
        "rata_rata": persen(f.rata_rata, tanda=True),
        "rata_rata_kategori": f.kategori_rata_rata or "-",
        "efisiensi_total": persen(f.efisiensi_total, tanda=True),
        "pk": pk,
        # per indicator and per program/kegiatan, so a sentence quotes a figure instead of typing
        # it (`check` suggests these: narasi.angka)
        "indikator": {
            i.indikator.id: {
                "capaian": persen(i.capaian, tanda=True),
                "kemajuan": persen(i.kemajuan, tanda=True),
                "efisiensi": persen(i.efisiensi, tanda=True),
                "kategori": i.kategori or "-",
                "target": nilai_isian(i.target, i.indikator.satuan),
                "realisasi": nilai_isian(i.realisasi, i.indikator.satuan),
            }
            for i in f.semua_indikator
        },
        "program": {
            n.id: {
                "pagu": rupiah(n.pagu),
                "realisasi": rupiah(n.realisasi),
                "serapan": persen(n.serapan, tanda=True),
                "capaian": persen(n.capaian, tanda=True),
                "efisiensi": persen(n.efisiensi, tanda=True),
            }
            for p in f.program
            for n in p.walk()
        },
        **({"spm": spm_context(c.spm)} if c.spm is not None else {}),  # where it has an SPM
    }
