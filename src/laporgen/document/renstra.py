"""The Renstra outline filled: models + figures → the document tree (RENSTRA-SPEC §1.2).

As for the LKjIP: each section holds `narasi/<id>.md`, its generated tables and sentences,
`narasi/<id>.akhir.md`, then its sub-sections. The outline is data: document.toml's [outline]
renames, drops or adds sections; numbering ("2.1", "Tabel 2.3") is generated.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..compute.capaian import rata_rata
from ..compute.perubahan import Perubahan
from ..compute.renstra import RenstraFigures
from ..model.analisis import Permasalahan
from ..model.content import RenstraContent
from ..numbers import angka_terbilang, bulatkan, persen, rupiah, tanggal
from . import front as front_matter
from .builder import (
    OutlineBuilder,
    changed_outline,
    fill_sistematika,
    list_of_figures,
    list_of_tables,
    signature,
    toc_entries,
)
from .front import settle_empty
from .kalimat import daftar, para
from .iku import iku_table, iku_target_table
from .keep import laid_out
from .nodes import (
    Block,
    Document,
    Landscape,
    ListBlock,
    PageBreak,
    Paragraph,
    Section,
    Table,
    Text,
    Toc,
)
from .numbering import number_body, walk
from .outline import RENSTRA, RENSTRA_FRONT, URAIAN_BAB
from .renstra_tables import RenstraTables
from .spm import spm_context
from .tables import present

JUDUL = {
    "awal": "Rencana Strategis",
    "perubahan": "Perubahan Rencana Strategis",
    # the Indonesian word, as the signed Magetan document prints it ("Reviu Renstra", seed 000 BAB VIII)
    "review": "Reviu Rencana Strategis",
}


def renstra_document(
    c: RenstraContent, f: RenstraFigures, changes: list[Perubahan] | None = None
) -> Document:
    """The whole Renstra as a document tree, numbered, with its Daftar Isi and Daftar Tabel;
    `changes` (a Perubahan/Review against its previous version) adds their table to BAB I."""
    return RenstraBuilder(c, f, changes).document()


class RenstraBuilder(OutlineBuilder):
    def __init__(
        self, c: RenstraContent, f: RenstraFigures, changes: list[Perubahan] | None = None
    ):
        self.c, self.f = c, f
        self.changes = changes
        self.t = RenstraTables(c, f)
        super().__init__(
            c.folder,
            c.narasi,
            changed_outline(RENSTRA, c.settings, c.sources["document"]),
            narrative_context(c, f),
            RENSTRA_FRONT,
            tabel=c.tabel,
            tabel_source=c.sources.get("tabel"),
            spm=c.spm,
            spm_source=c.sources.get("spm"),
            caption=(c.agency.nama_lengkap,),
            spm_bagian="kinerja-pelayanan",
        )
        if c.settings.iku.bagian:
            caption = (c.agency.nama_lengkap, f"Tahun {c.settings.periode}")
            iku = (
                iku_target_table(
                    c.rencana, c.settings.iku, c.settings.tahun_awal, f.akhir_rencana, caption
                )
                if c.settings.iku.bentuk == "target"
                else iku_table(c.rencana, c.settings.iku, caption)
            )
            self.place(
                c.settings.iku.bagian,
                "akhir",
                [Landscape((iku,))],
                c.sources["document"],
                ("iku", "bagian"),
                "ref.iku",
            )
        a = c.analisis
        self.generated = {
            "sdm": lambda: [*self.t.sdm()],
            "sarana-prasarana": lambda: [self.t.aset()] if c.sumber_daya.aset else [],
            "kinerja-pelayanan": self._kinerja_pelayanan,
            "tantangan-peluang": self._tantangan_peluang,
            "identifikasi-permasalahan": self._permasalahan,
            "telaah-visi-misi": self._visi_misi,
            "telaah-renstra-kl": lambda: (
                [Landscape((self.t.telaah_provinsi(),))] if a.telaah_provinsi else []
            ),
            "isu-strategis": lambda: [daftar(c.isu_strategis)] if c.isu_strategis else [],
            "tujuan-sasaran-jangka-menengah": lambda: [Landscape((self.t.tujuan_sasaran(),))],
            "strategi": lambda: [Landscape((self.t.swot(),))] if a.swot else [],
            # T-C.26 closes the Kebijakan section, after its narrative, as both signed documents
            # place it (Blitar's Tabel 5.3 after 5.2's policy table and text, seed 003 line 962;
            # Magetan's after the paragraph head "Kebijakan", seed 000 line 3378); BAB V itself
            # holds it only when the outline has no Kebijakan section.
            "strategi-kebijakan": lambda: [] if self._has("kebijakan") else [self.t.tc26()],
            "kebijakan": lambda: [Landscape((self.t.kebijakan(),))] if a.kebijakan else [],
            "rencana-program": self._rencana_program,
            "kinerja-urusan": lambda: [Landscape((self.t.tc28(),))] if a.indikator_urusan else [],
            "penutup": lambda: [daftar(a.kaidah_pelaksanaan)] if a.kaidah_pelaksanaan else [],
            "sistematika": self._sistematika,
            "latar-belakang": lambda: [self.t.perubahan(changes)] if changes else [],
        }
        self.closing = {"kebijakan": lambda: [self.t.tc26()]}
        # The strategies with a ✓ per plan year close the Strategi section (or BAB V without one).
        if any(st.tahun for t in c.rencana.tujuan for s in t.sasaran for st in s.strategi):
            home = "strategi" if self._has("strategi") else "strategi-kebijakan"
            after = self.closing.get(home)
            self.closing[home] = lambda: [
                *(after() if after else []),
                Landscape((self.t.strategi_tahun(),)),
            ]

    def _has(self, id: str) -> bool:
        return any(b.id == id for top in self.outline for b in top.walk())

    # ------------------------------------------------------------------------------ whole
    def document(self) -> Document:
        c = self.c
        mode = c.settings.bagian_kosong
        chapters, kosong = settle_empty(tuple(self._section(b, 1) for b in self.outline), mode)
        chapters = fill_sistematika(chapters, URAIAN_BAB)
        if self.changes:
            chapters = self._changes_with_headings(chapters)
        body = number_body(laid_out(chapters + self._closing(), c.settings.kertas), style="desimal")
        if c.settings.penetapan:
            body = self._decree(body)
        judul = JUDUL[c.settings.varian]
        opening, kosong_front = settle_empty(
            (
                Section(
                    "kata-pengantar",
                    1,
                    "",
                    "KATA PENGANTAR",
                    (*self._narasi("kata-pengantar"), *self._signature()),
                    in_toc=False,
                    page_break_before=True,
                ),
            ),
            mode,
        )
        front: list[Block] = [
            *opening,
            PageBreak(),
            Toc("DAFTAR ISI", toc_entries(body)),
            PageBreak(),
            list_of_tables(body),
        ]
        figures = list_of_figures(body)
        if figures:
            front += [PageBreak(), figures]
        opd = c.agency.nama_lengkap
        tt = c.settings.tanda_tangan
        return Document(
            title=f"{judul} {opd} Tahun {c.settings.periode}",
            subject=judul,
            author=opd,
            date_iso=(tt.tanggal.isoformat() if tt else f"{c.settings.tahun_awal}-01-01"),
            cover=front_matter.cover(
                c.agency,
                c.folder,
                c.settings.logo,
                c.settings.sampul,
                (
                    judul.upper(),
                    c.agency.nama.upper(),
                    c.agency.pemda.lengkap.upper(),
                    f"TAHUN {c.settings.periode}",
                ),
                f"TAHUN {tt.tanggal.year}" if tt else "",
            ),
            front=laid_out(tuple(front), c.settings.kertas),
            body=body,
            paper=c.settings.kertas,
            font=c.settings.huruf,
            running_header=f"{judul} {opd} {c.settings.periode}",
            kosong=kosong_front + kosong,
        )

    def _decree(self, body: tuple[Block, ...]) -> tuple[Block, ...]:
        """The decree block at the head of BAB I's page, as seed 000 prints it: the Renstra is
        the decree's attachment (Lampiran), so BAB I follows on the same page."""
        c = self.c
        p = c.settings.penetapan
        assert p is not None
        tentang = (
            p.tentang
            or f"{JUDUL[c.settings.varian]} {c.agency.nama_lengkap} Tahun {c.settings.periode}".upper()
        )
        first, *rest = body
        if isinstance(first, Section):
            first = replace(first, page_break_before=False)
        when = p.tanggal if isinstance(p.tanggal, str) else tanggal(p.tanggal, "panjang")
        return (front_matter.decree_block(p.judul, p.nomor, when, tentang), first, *rest)

    def _changes_with_headings(self, chapters: tuple[Block, ...]) -> tuple[Block, ...]:
        """The chapters with the table of changes naming each changed section by its numbered
        heading ("1.1 Latar Belakang"), known once the outline is settled: numbering the
        sections does not depend on the table's text."""
        assert self.changes is not None
        headings = {
            b.id: b.heading
            for b in walk(number_body(chapters, style="desimal"))
            if isinstance(b, Section) and b.title
        }
        return _replaced(chapters, "perubahan", self.t.perubahan(self.changes, headings))

    def _closing(self) -> tuple[Block, ...]:
        signature = self._signature()
        return (
            (Section("tanda-tangan", 2, "", "", tuple(signature), in_toc=False),)
            if signature
            else ()
        )

    # ---------------------------------------------------------------------------- pieces
    def _signature(self) -> list[Block]:
        """The Kepala Dinas's signature (pengesahan) under the Kata Pengantar and after the
        Penutup; an unsigned document leaves the date to fill in by hand."""
        return [signature(self.c.agency, self.c.settings.tanda_tangan)]

    def _sistematika(self) -> list[Block]:
        return self.sistematika_bab(
            f"Sistematika penulisan {self.context['dokumen']} {self.context['opd']} Tahun "
            f"{self.c.settings.periode} adalah sebagai berikut:"
        )

    def _kinerja_pelayanan(self) -> list[Block]:
        out: list[Block] = []
        if self.c.evaluasi.kinerja_pelayanan:
            out.append(Landscape((self.t.pelayanan(),)))
        if self.c.evaluasi.akhir_periode:
            out.append(self.t.akhir_periode())
        out += [Landscape((t,)) for t in self.t.rincian()]
        if self.c.evaluasi.anggaran_realisasi:
            out.append(Landscape((self.t.anggaran(),)))
            out.append(self._anggaran_sentence())
        return out

    def _anggaran_sentence(self) -> Paragraph:
        """RENSTRA-SPEC §5.3: the average budget and realisation rate, from T-C.24's TOTAL."""
        total = present(self.f.anggaran_total, "the T-C.24 total")
        years = list(total.anggaran)
        anggaran = [v for v in total.anggaran.values() if v is not None]
        rasio = [v for v in total.rasio.values() if v is not None]
        mean_anggaran = sum(anggaran, Decimal(0)) / len(anggaran) if anggaran else None
        mean_rasio = sum(rasio, Decimal(0)) / len(rasio) if rasio else None
        return para(
            f"Selama tahun {years[0]}-{years[-1]}, rata-rata anggaran pelayanan per tahun sebesar "
            f"{rupiah(_round_rp(mean_anggaran))} dengan rata-rata rasio realisasi terhadap anggaran sebesar "
            f"{persen(mean_rasio, tanda=True)}."
        )

    def _tantangan_peluang(self) -> list[Block]:
        a = self.c.analisis
        out: list[Block] = []
        if a.swot and not a.tantangan:
            for label, values in (
                ("Kekuatan", a.swot.kekuatan),
                ("Kelemahan", a.swot.kelemahan),
                ("Peluang", a.swot.peluang),
                ("Ancaman", a.swot.ancaman),
            ):
                if values:
                    out += [
                        Paragraph((Text(label, strong=True),), keep_with_next=True),
                        daftar(values, "-"),
                    ]
        for label, values in (("Tantangan", a.tantangan), ("Peluang", a.peluang)):
            if values:
                out += [Paragraph((Text(label, strong=True),), keep_with_next=True), daftar(values)]
        return out

    def _visi_misi(self) -> list[Block]:
        r, a = self.c.rencana, self.c.analisis
        out: list[Block] = []
        if r.visi:
            out.append(
                para(
                    "Visi Kepala Daerah dan Wakil Kepala Daerah terpilih adalah: ",
                    Text(f"\u201c{r.visi}\u201d", strong=True),
                )
            )
        if r.misi:
            out += [
                para("Misi yang ditetapkan untuk mewujudkan visi tersebut adalah:"),
                daftar(r.misi),
            ]
        for label, values in (
            ("Faktor pendorong", a.faktor_pendorong),
            ("Faktor penghambat", a.faktor_penghambat),
        ):
            if values:
                out += [Paragraph((Text(label, strong=True),), keep_with_next=True), daftar(values)]
        return out

    def _permasalahan(self) -> list[Block]:
        """The problems written as a title and paragraph as a numbered list; those written as a
        pokok masalah with masalah and akar masalah as their table."""
        a = self.c.analisis
        listed = [p for p in a.permasalahan if not p.masalah]
        return _numbered_titles(listed) + (
            [self.t.pokok_masalah()] if len(listed) < len(a.permasalahan) else []
        )

    def _rencana_program(self) -> list[Block]:
        if not self.f.program:
            return []
        n = self.f.counts
        out: list[Block] = [
            para(
                f"Untuk mencapai {angka_terbilang(n['tujuan'])} tujuan dan {angka_terbilang(n['sasaran'])} sasaran dengan "
                f"{angka_terbilang(n['indikator'])} indikator sasaran, {self.c.agency.nama} melaksanakan "
                f"{angka_terbilang(n['program'])} program di luar program penunjang, dengan {angka_terbilang(n['kegiatan'])} kegiatan"
                + (
                    f" dan {angka_terbilang(n['sub_kegiatan'])} sub kegiatan"
                    if n["sub_kegiatan"]
                    else ""
                )
                + "."
            )
        ]
        # Numbered by the form's code, several matrices need numbers of their own.
        several = len(self.f.matriks) > 1 and self.c.settings.penomoran_tabel == "permendagri"
        out += [
            Landscape((self.t.tc27(m, f"T-C.27.{n}" if several else "T-C.27"),))
            for n, m in enumerate(self.f.matriks, 1)
        ]
        return out


def _numbered_titles(items: list[Permasalahan]) -> list[Block]:
    if not items:
        return []
    return [
        ListBlock(
            tuple(
                (para(Text(p.judul, strong=True)), *((para(p.uraian),) if p.uraian else ()))
                for p in items
            ),
            "1.",
        )
    ]


def _round_rp(value: Decimal | None) -> Decimal | None:
    return None if value is None else bulatkan(value, 0)


def narrative_context(c: RenstraContent, f: RenstraFigures) -> dict[str, Any]:
    """The names a Renstra narrative file may use (README lists them)."""
    n = f.counts
    return {
        "opd": c.agency.nama_lengkap,
        "opd_singkat": c.agency.nama,
        "pemda": c.agency.pemda.lengkap,
        "periode": c.settings.periode,
        "dokumen": JUDUL[c.settings.varian],
        "rencana": c.rencana.nama,
        "visi": c.rencana.visi or "",
        "misi": c.rencana.misi,
        "unit": c.agency.unit,
        "tugas": c.agency.tugas,
        "fungsi": c.agency.fungsi,
        "dasar_hukum": c.agency.dasar_hukum,
        "kepala": c.agency.kepala.nama_gelar,
        "n_tujuan": n["tujuan"],
        "n_sasaran": n["sasaran"],
        "n_indikator": n["indikator"],
        "n_program": n["program"],
        "n_kegiatan": n["kegiatan"],
        "n_sub_kegiatan": n["sub_kegiatan"],
        "tc24": _tc24(f),
        **({"spm": spm_context(c.spm)} if c.spm is not None else {}),  # where it has an SPM
    }


def _tc24(f: RenstraFigures) -> dict[str, str]:
    """T-C.24's means as a sentence quotes them (`check` suggests these: narasi.angka)."""
    t = f.anggaran_total
    if t is None:
        return dict.fromkeys(TC24_PLACEHOLDERS, "-")
    return {
        "rata_anggaran": rupiah(_round_rp(rata_rata(t.anggaran.values()))),
        "rata_rasio": persen(rata_rata(t.rasio.values()), tanda=True),
        # the Total row's "Rata-rata pertumbuhan" columns, as T-C.24 prints them
        "pertumbuhan_anggaran": persen(t.pertumbuhan_anggaran, tanda=True),
        "pertumbuhan_realisasi": persen(t.pertumbuhan_realisasi, tanda=True),
    }


TC24_PLACEHOLDERS = ("rata_anggaran", "rata_rasio", "pertumbuhan_anggaran", "pertumbuhan_realisasi")


def _replaced(blocks: tuple[Block, ...], id: str, table: Table) -> tuple[Block, ...]:
    """`blocks` with the table `id` replaced by `table`, wherever it is."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and block.id == id:
            block = table
        elif isinstance(block, (Section, Landscape)):
            block = replace(block, children=_replaced(block.children, id, table))
        out.append(block)
    return tuple(out)
