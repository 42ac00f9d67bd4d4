"""The Perjanjian Kinerja as a document tree: the agreement between the head of the agency (pihak
pertama) and the Bupati/Wali Kota (pihak kedua) with both signatures, then its lampiran: the
sasaran · indikator · target table and the program/kegiatan/anggaran table, signed again.

The wording is the PK format of PermenPAN-RB 53/2014 (Lampiran II); each section also takes
`narasi/<id>.md` before its generated content and `narasi/<id>.akhir.md` after it.
"""

from __future__ import annotations

from typing import Any

from ..compute.pk import PkFigures
from ..model.nilai import Tertulis
from ..model.pk import IndikatorPk, PkContent
from ..model.renstra import Tujuan
from ..numbers import angka, rupiah, tanggal
from .builder import OutlineBuilder
from .cells import cell, columns, head, isian, mid, nomor_kolom, num
from .front import logo_path
from .kalimat import para
from .keep import laid_out
from .nodes import Block, Cover, Document, LabelBlock, Signature, Table
from .outline import Bagian
from .perjanjian import BarisTarget, target_body
from .tables import TableSet

PK = (
    Bagian("perjanjian", "{judul} Tahun {tahun}"),
    Bagian("lampiran", "Lampiran {judul} Tahun {tahun}"),
)
"""The PK's two parts: the agreement, and the lampiran of targets and budget."""

JUDUL = {"murni": "Perjanjian Kinerja", "perubahan": "Perubahan Perjanjian Kinerja"}


def pk_document(c: PkContent, f: PkFigures, charts: bool = True) -> Document:
    """The whole PK as a document tree (it has no chart: `charts` is the registry's signature)."""
    return PkBuilder(c, f).document()


class PkTables(TableSet):
    """The lampiran's tables, with the columns of the PK tables the LKjIP reprints (Tabel 2.5-2.8
    of the Magetan LKjIP 2024), so the two documents show the same rows."""

    def __init__(self, c: PkContent, f: PkFigures):
        self.c, self.f = c, f
        self.opd = c.agency.nama_lengkap
        self.tahun = c.settings.tahun
        self.judul = JUDUL[c.settings.versi]
        self.caption = (self.opd, f"Tahun {self.tahun}")

    def target(self) -> Table:
        """Tabel 1: the sasaran merged over its indicators, a tujuan's own indicator told apart
        (document/perjanjian.py); no "Sumber :" line: the table is the agreement itself."""
        rows = [
            BarisTarget(
                r.sasaran.uraian,
                isinstance(r.sasaran, Tujuan),
                r.indikator.nama,
                r.indikator.satuan,
                isian(r.target),
            )
            for r in self.f.target
        ]
        return self._table(
            "pk-target",
            self.judul,
            columns((0.9, "center"), (5, "left"), (5, "left"), (1.4, "center"), (1.4, "right")),
            head(
                ("No.", "Tujuan & Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"),
            )
            + (nomor_kolom(["1", "2", "3", "4", "5"]),),
            target_body(rows),
        )

    def program(self) -> Table:
        body = []
        for r in self.f.program:
            # one row per indicator, the No., name and pagu spanning them (a program with two
            # indicators prints both, as LKjIP Tabel 2.6 does)
            inds: list[IndikatorPk | None] = [*r.indikator] or [None]
            span = len(inds)
            for k, ind in enumerate(inds):
                # text (a predikat, "n.a", a note) as written, without the unit
                target = (
                    ""
                    if ind is None
                    else isian(ind.target)
                    if isinstance(ind.target, Tertulis)
                    else f"{angka(ind.target)} {ind.satuan}"
                )
                lead = (
                    mid(r.nomor, rowspan=span),
                    cell(r.nama, strong=r.program, level=r.tingkat, rowspan=span),
                )
                pagu = (num(rupiah(r.pagu, False), strong=r.program, rowspan=span),)
                body.append(
                    (
                        *(lead if k == 0 else ()),
                        cell(ind.nama if ind else ""),
                        num(target),
                        *(pagu if k == 0 else ()),
                    )
                )
        foot = [
            (
                cell("JUMLAH", colspan=4, strong=True),
                num(rupiah(self.f.total_pagu, False), strong=True),
            )
        ]
        perubahan = self.c.settings.versi == "perubahan"
        a = self.c.anggaran
        # programs and pagu read from the plan, none typed: the plan is the source
        dari_rencana = not a.program and not a.pagu
        sumber = a.sumber or (
            f"{self.c.rencana.nama} (pagu indikatif Tahun {self.tahun})"
            if dari_rencana
            else f"Dokumen Pelaksanaan Anggaran Tahun {self.tahun}"
            + (" (setelah perubahan)" if perubahan else "")
        )
        # the table names the sub kegiatan it lists (the DPA's level since Permendagri 90/2019)
        sub = self.f.sub_kegiatan
        return self._table(
            "pk-program",
            ("Perubahan " if perubahan else "")
            + ("Program, Kegiatan, Sub Kegiatan," if sub else "Program, Kegiatan,")
            + " dan Pagu Anggaran",
            columns((0.8, "center"), (4.6, "left"), (4.6, "left"), (1.8, "right"), (2.4, "right")),
            head(
                (
                    "No.",
                    "Program/Kegiatan/Sub Kegiatan" if sub else "Program/Kegiatan",
                    "Indikator Kinerja",
                    "Target",
                    "Anggaran (Rp)",
                ),
            )
            + (nomor_kolom(["1", "2", "3", "4", "5"]),),
            body,
            foot,
            font_size="small",
            source=f"Sumber : {sumber}",
        )


class PkBuilder(OutlineBuilder):
    def __init__(self, c: PkContent, f: PkFigures):
        self.c, self.f = c, f
        self.t = PkTables(c, f)
        super().__init__(
            c.folder,
            c.narasi,
            PK,
            narrative_context(c, f),
            tabel=c.tabel,
            tabel_source=c.sources.get("tabel"),
        )
        self.generated = {
            "perjanjian": self._perjanjian,
            "lampiran": lambda: [self.t.target(), self.t.program(), self._signatures()],
        }

    def _title(self, b: Bagian) -> str:
        return b.title.format(**self.context)

    def document(self) -> Document:
        c = self.c
        # laid out as every type's tables are: no number or word broken in a cell ("1.1.1")
        sections = laid_out(tuple(self._section(b, 1) for b in PK), c.settings.kertas)
        body = tuple(self._numbered(s) for s in sections)
        judul, opd = self.context["judul"], c.agency.nama_lengkap
        return Document(
            title=f"{judul} {opd} Tahun {c.settings.tahun}",
            subject=judul,
            author=opd,
            date_iso=c.settings.tanda_tangan.tanggal.isoformat(),
            cover=Cover(
                (
                    judul.upper(),
                    c.agency.nama.upper(),
                    c.agency.pemda.lengkap.upper(),
                    f"TAHUN {c.settings.tahun}",
                ),
                (opd.upper(),),
                logo_path(c.agency, self.folder, c.settings.logo),
            ),
            front=(),
            body=body,
            paper=c.settings.kertas,
            running_header=f"{judul} {opd} Tahun {c.settings.tahun}",
        )

    def _numbered(self, block: Any) -> Any:
        """The lampiran's tables numbered 1 and 2 (a PK has no chapters, so no "BAB I")."""
        from dataclasses import replace

        children = []
        n = 0
        for child in block.children:
            if isinstance(child, Table):
                n += 0 if child.continued else 1  # a split table's parts share its number
                child = replace(child, number=str(n))
            children.append(child)
        return replace(block, children=tuple(children), in_toc=False)

    def _perjanjian(self) -> list[Block]:
        c, k, p2 = self.c, self.c.agency.kepala, self.c.settings.pihak_kedua
        jabatan_kedua = " ".join(p2.jabatan).title()
        return [
            para(
                "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
                "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
            ),
            _pihak(k.nama_gelar, f"Kepala {c.agency.nama_lengkap}"),
            para("selanjutnya disebut pihak pertama."),
            _pihak(p2.nama_gelar, jabatan_kedua),
            para("selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
            para(
                "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
                "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
                "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
            ),
            para(
                "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
                "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
                "dan sanksi."
            ),
            self._signatures(),
        ]

    def _signatures(self) -> Signature:
        """Pihak kedua on the left, pihak pertama (with place and date) on the right."""
        k, p2, tt = self.c.agency.kepala, self.c.settings.pihak_kedua, self.c.settings.tanda_tangan
        kedua = Signature("", ("Pihak Kedua,", *p2.jabatan), p2.nama_gelar, "", "")
        return Signature(
            f"{tt.tempat}, {tanggal(tt.tanggal, tt.gaya_tanggal)}",
            ("Pihak Pertama,", *k.jabatan),
            k.nama_gelar,
            f"{k.pangkat} ({k.golongan})",
            k.nip,
            beside=kedua,
        )


def _pihak(nama: str, jabatan: str) -> LabelBlock:
    """The "Nama : …" and "Jabatan : …" lines naming one party, their colons aligned and a long
    jabatan wrapping under itself."""
    return LabelBlock((("Nama", nama), ("Jabatan", jabatan)), indented=True)


def narrative_context(c: PkContent, f: PkFigures) -> dict[str, Any]:
    """The names a PK narrative file may use, every figure already formatted."""
    return {
        "opd": c.agency.nama_lengkap,
        "opd_singkat": c.agency.nama,
        "pemda": c.agency.pemda.lengkap,
        "tahun": c.settings.tahun,
        "judul": JUDUL[c.settings.versi],
        "rencana": c.rencana.nama,
        "kepala": c.agency.kepala.nama_gelar,
        "pihak_kedua": c.settings.pihak_kedua.nama_gelar,
        "n_indikator": len(f.target),
        "n_program": sum(1 for r in f.program if r.program),
        "pagu": rupiah(f.total_pagu),
    }
