"""Document outlines as data: which chapters and sections a document type has, in order.

Section ids name the narrative files (`narasi/<id>.md` before the generated content of the
section, `narasi/<id>.akhir.md` after it). Titles may use {tahun}, {tahun_depan}, {periode};
numbers ("BAB I", "A.", "1.") are assigned by `numbering.py`, never typed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bagian:
    """One heading of an outline and the headings under it."""

    id: str
    title: str
    children: tuple["Bagian", ...] = ()

    def walk(self):
        """Yield this heading and every heading under it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


B = Bagian

LKJIP = (
    B("pendahuluan", "PENDAHULUAN", (
        B("latar-belakang", "Latar Belakang"),
        B("organisasi", "Kedudukan dan Susunan Organisasi"),
        B("tugas-fungsi", "Tugas dan Fungsi Organisasi"),
        B("sumber-daya", "Sumber Daya Organisasi", (
            B("kepegawaian", "Kepegawaian"),
            B("sarana-prasarana", "Sarana dan Prasarana"),
            B("anggaran", "Anggaran"),
        )),
        B("isu-strategis", "Isu Strategis dan Permasalahan Utama Perangkat Daerah"),
        B("landasan-hukum", "Landasan Hukum"),
        B("sistematika", "Sistematika Penyajian"),
    )),
    B("perencanaan", "PERENCANAAN KINERJA", (
        B("renstra", "Rencana Strategis Tahun {periode}", (
            B("visi-misi", "Visi dan Misi Tahun {periode}"),
            B("tujuan-sasaran", "Tujuan, Sasaran, Indikator, dan Target Kinerja Tahun {periode}"),
            B("strategi", "Strategi dan Arah Kebijakan Tahun {periode}"),
            B("iku", "Indikator Kinerja Utama (IKU) Tahun {periode}"),
        )),
        B("renja", "Rencana Kerja Tahun {tahun}"),
        B("perjanjian-kinerja", "Perjanjian Kinerja Tahun {tahun}"),
    )),
    B("akuntabilitas", "AKUNTABILITAS KINERJA", (
        B("capaian", "Capaian Kinerja Organisasi Tahun {tahun}", (
            B("target-realisasi", "Target dan Realisasi Kinerja Tahun {tahun}"),
            B("perbandingan-tahun", "Perbandingan antara Realisasi Kinerja serta Capaian Kinerja "
              "Tahun {tahun} dengan Tahun Lalu dan Beberapa Tahun Terakhir"),
            B("perbandingan-renstra", "Perbandingan antara Realisasi Kinerja sampai dengan Tahun "
              "{tahun} dengan Target Jangka Menengah dalam Dokumen Perencanaan Strategis"),
            B("perbandingan-standar", "Perbandingan antara Realisasi Kinerja Tahun {tahun} dengan "
              "Standar Nasional, Standar Provinsi atau Capaian Pemerintah Daerah Lain"),
            B("analisis-penyebab", "Analisis Penyebab Keberhasilan/Kegagalan atau "
              "Peningkatan/Penurunan Kinerja serta Alternatif Solusi yang Telah Dilakukan"),
            B("analisis-program", "Analisis Program/Kegiatan yang Menunjang Keberhasilan ataupun "
              "Kegagalan Pencapaian Pernyataan Kinerja"),
        )),
        B("realisasi-anggaran", "Realisasi Anggaran Tahun {tahun}"),
        B("efisiensi", "Efisiensi Penggunaan Sumber Daya Tahun {tahun}"),
        B("inovasi", "Inovasi Tahun {tahun}"),
        B("prestasi", "Prestasi dan Penghargaan Tahun {tahun}"),
    )),
    B("penutup", "PENUTUP", (
        B("simpulan", "Simpulan"),
        B("rencana-aksi", "Rencana Aksi Tahun {tahun_depan}"),
    )),
)
"""LKjIP BAB I–IV (PermenPAN-RB 53/2014, as the Magetan LKjIP 2024 lays it out: LKJIP-SPEC §1.3)."""

LKJIP_FRONT = ("kata-pengantar", "ikhtisar-eksekutif")
"""Front-matter chapters that take narrative (`narasi/kata-pengantar.md`, ...)."""

RENSTRA = (
    B("pendahuluan", "PENDAHULUAN", (
        B("latar-belakang", "Latar Belakang"),
        B("landasan-hukum", "Landasan Hukum"),
        B("maksud-tujuan", "Maksud dan Tujuan", (
            B("maksud", "Maksud"),
            B("tujuan-penyusunan", "Tujuan"),
        )),
        B("sistematika", "Sistematika Penulisan"),
    )),
    B("gambaran-pelayanan", "GAMBARAN PELAYANAN PERANGKAT DAERAH", (
        B("tugas-fungsi-struktur", "Tugas, Fungsi, dan Struktur Organisasi Perangkat Daerah", (
            B("tugas-fungsi", "Tugas dan Fungsi"),
            B("struktur-organisasi", "Struktur Organisasi"),
        )),
        B("sumber-daya", "Sumber Daya Perangkat Daerah", (
            B("sdm", "Sumber Daya Manusia"),
            B("sarana-prasarana", "Sumber Daya Sarana dan Prasarana"),
        )),
        B("kinerja-pelayanan", "Kinerja Pelayanan Perangkat Daerah"),
        B("tantangan-peluang", "Tantangan dan Peluang Pengembangan Pelayanan Perangkat Daerah"),
    )),
    B("permasalahan-isu", "PERMASALAHAN DAN ISU-ISU STRATEGIS PERANGKAT DAERAH", (
        B("identifikasi-permasalahan", "Identifikasi Permasalahan Berdasarkan Tugas dan Fungsi Pelayanan Perangkat Daerah"),
        B("telaah-visi-misi", "Telaahan Visi, Misi, dan Program Kepala Daerah dan Wakil Kepala Daerah Terpilih"),
        B("telaah-renstra-kl", "Telaahan Renstra Kementerian/Lembaga dan Renstra Provinsi"),
        B("telaah-rtrw-klhs", "Telaahan Rencana Tata Ruang Wilayah dan Kajian Lingkungan Hidup Strategis"),
        B("isu-strategis", "Penentuan Isu-Isu Strategis"),
    )),
    B("tujuan-sasaran", "TUJUAN DAN SASARAN", (
        B("tujuan-sasaran-jangka-menengah", "Tujuan dan Sasaran Jangka Menengah Perangkat Daerah"),
    )),
    B("strategi-kebijakan", "STRATEGI DAN ARAH KEBIJAKAN", (
        B("strategi", "Strategi"),
        B("kebijakan", "Arah Kebijakan"),
    )),
    B("rencana-program", "RENCANA PROGRAM DAN KEGIATAN SERTA PENDANAAN"),
    B("kinerja-urusan", "KINERJA PENYELENGGARAAN BIDANG URUSAN"),
    B("penutup", "PENUTUP"),
)
"""Renstra PD BAB I–VIII (Permendagri 86/2017; the merged outline of RENSTRA-SPEC §1.2).
A content folder renames, drops or adds sections in document.toml's [outline]."""

RENSTRA_FRONT = ("kata-pengantar",)


def apply_changes(outline: tuple[Bagian, ...], judul: dict[str, str], hapus: list[str],
                  tambah: list[tuple[str, str, str]]) -> tuple[tuple[Bagian, ...], list[str]]:
    """The outline with sections renamed, dropped and added (`tambah`: (id, title, after id));
    returns it with the ids the changes name that the outline does not have."""
    known = {b.id for top in outline for b in top.walk()}
    unknown = [i for i in (*judul, *hapus, *(after for _, _, after in tambah)) if i not in known]

    def change(b: Bagian) -> list[Bagian]:
        if b.id in hapus:
            return []
        children = tuple(x for ch in b.children for x in change(ch))
        out = [Bagian(b.id, judul.get(b.id, b.title), children)]
        out += [Bagian(new_id, title) for new_id, title, after in tambah if after == b.id]
        return out

    return tuple(x for b in outline for x in change(b)), unknown
