"""The bundled Magetan LKjIP 2024, built and read back as a user's Word would read it.

Expected figures are LKJIP-SPEC §3's, recomputed from the data: where the signed report printed
a slip (L-2: capaian 96; L-3: efisiensi 9,41; L-4: total 3,40) the data win.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docx_reading import (
    docx_captions,
    docx_headings,
    docx_sections,
    docx_tables,
    docx_text,
    docx_xml,
)
from laporgen.build import build

EXAMPLE = Path(__file__).resolve().parents[1] / "content" / "magetan-dinsos" / "lkjip-2024"

CAPTIONS = [
    "Tabel 1.1 Rencana Kebutuhan dan Realisasi Pegawai",
    "Tabel 1.2 Pegawai Berdasarkan Pangkat/Golongan Ruang",
    "Tabel 1.3 Pegawai Berdasarkan Tingkat Pendidikan",
    "Tabel 1.4 Pegawai Berdasarkan Jenis Kelamin",
    "Tabel 1.5 Aset Tetap",
    "Tabel 1.6 Anggaran Belanja",
    "Tabel 2.1 Keterkaitan Dinas Sosial Kabupaten Magetan dengan Tujuan RPD",
    "Tabel 2.2 Tujuan, Sasaran, Indikator dan Target Kinerja",
    "Tabel 2.3 Strategi dan Arah Kebijakan",
    "Tabel 2.4 Indikator Kinerja Utama",
    "Tabel 2.5 Rencana Kerja Tahun 2024",
    "Tabel 2.6 Perjanjian Kinerja",
    "Tabel 2.7 Program, Kegiatan, dan Pagu Anggaran",
    "Tabel 2.8 Perubahan Perjanjian Kinerja",
    "Tabel 2.9 Perubahan Program, Kegiatan, dan Pagu Anggaran",
    "Tabel 3.1 Kriteria Capaian Kinerja",
    "Tabel 3.2 Capaian Kinerja",
    "Tabel 3.3 Perbandingan Capaian Kinerja dengan Tahun Sebelumnya",
    "Tabel 3.4 Tingkat Kemajuan Capaian Kinerja dengan Akhir Tahun Rencana Strategis",
    "Tabel 3.5 Perbandingan Capaian dengan Standar Nasional/ Provinsi/ Kabupaten/Kota Lain",
    "Tabel 3.6 Analisis Penyebab Keberhasilan/Kegagalan Pencapaian Kinerja",
    "Tabel 3.7 Permasalahan Pencapaian Kinerja dan Alternatif Solusi yang Telah Dilakukan",
    "Tabel 3.8 Program/Kegiatan yang Menunjang Keberhasilan ataupun Kegagalan Pencapaian Pernyataan Kinerja",
    "Tabel 3.9 Realisasi Anggaran Program dan Kegiatan",
    "Tabel 3.10 Efisiensi Kinerja Sasaran",
    "Tabel 3.11 Efisiensi Kinerja Program dan Kegiatan",
    "Tabel 4.1 Capaian Kinerja Dinas Sosial Kabupaten Magetan",
    "Tabel 4.2 Rencana Aksi Peningkatan Kinerja",
    "Tabel 4.3 Target Waktu Pencapaian Indikator Kinerja",
]
"""Every table of seed 001 (LKJIP-SPEC §2: 29 tables), each numbered once (the seed reused 2.3
and 3.9 and left the gender table without a number: L-7, L-8)."""

INDIKATOR = ["IS1.1", "IS2.1", "IS3.1", "IS4.1", "IS5.1", "IS5.2"]


@pytest.fixture(scope="module")
def docx(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    (path,) = build(EXAMPLE, out).outputs
    return path


@pytest.fixture(scope="module")
def tables(docx) -> dict[str, list[list[str]]]:
    """Tables by caption number ("3.2"), read back from the DOCX."""
    numbers = [c.split()[1] for c in docx_captions(docx) if c.startswith("Tabel ")]
    return dict(zip(numbers, docx_tables(docx), strict=True))


def column(table: list[list[str]], header: str, skip: int = 1) -> list[str]:
    """The cells under `header` (looked up in the first header row) of the body rows after
    `skip` header rows, counted from the right: a row under a row-spanning sasaran cell lacks
    its leading cells, never its trailing ones."""
    from_right = table[0].index(header) - len(table[0])
    return [row[from_right] for row in table[skip:]]


def test_bab_headings_are_heading_1_in_order(docx):
    bab = [
        text.replace("\n", " ")
        for style, text in docx_headings(docx)
        if style == "Heading 1" and text.startswith("BAB")
    ]
    assert bab == [
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
    ]


def test_front_matter_and_sections(docx):
    headings = [text for _, text in docx_headings(docx)]
    assert headings[:2] == ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF"]
    assert "A. Capaian Kinerja Organisasi Tahun 2024" in headings
    assert "1. Target dan Realisasi Kinerja Tahun 2024" in headings
    assert "B. Rencana Aksi Tahun 2025" in headings
    xml = docx_xml(docx)
    assert 'TOC \\o "1-3"' in xml and "DAFTAR ISI" in docx_text(docx)
    assert "DAFTAR TABEL" in docx_text(docx)


def test_every_seed_table_has_its_caption(docx):
    """The BABs' tables; the Lampiran's ("Tabel A.1") are tested in test_front_matter.py."""
    assert [
        c.split("\n")[0]
        for c in docx_captions(docx)
        if c.startswith("Tabel ") and c.split()[1][0].isdigit()
    ] == CAPTIONS


def test_wide_tables_are_landscape(docx):
    # Tabel 2.4 IKU, 3.3 perbandingan tahun, 3.8 dukungan, 3.10/3.11 efisiensi, Lampiran B (IKU):
    # each landscape section between portrait ones, the last page portrait again
    orientations = [s.orientation for s in docx_sections(docx)]
    assert orientations == [
        "portrait",
        "portrait",
        "portrait",
        "landscape",
        "portrait",
        "landscape",
        "portrait",
        "landscape",
        "portrait",
        "landscape",
        "portrait",
        "landscape",
        "portrait",
    ]


def test_capaian_kategori(tables):
    t = tables["3.2"]
    assert column(t, "Capaian (%)") == ["100,00", "92,50", "95,00", "100,00", "108,62", "100,11"]
    # LKJIP-SPEC L-1: exactly 100 is "Sangat Berhasil" on the printed scale.
    assert column(t, "Kategori") == [
        "Sangat Berhasil",
        "Berhasil",
        "Berhasil",
        "Sangat Berhasil",
        "Sangat Berhasil",
        "Sangat Berhasil",
    ]
    assert column(t, "Realisasi") == ["99,88", "0,259", "0,038", "5,30", "92,33", "87,45"]


def test_rata_rata_and_kategori_footer(tables):
    t = tables["4.1"]
    assert (
        t[-2][-1] == "99,37"
    )  # mean of the six displayed capaian (the seed's 99,54 follows from its 96)
    assert t[-1][-1] == "BERHASIL"


def test_tingkat_kemajuan(tables):
    assert column(tables["3.4"], "Tingkat Kemajuan (%)", skip=2) == [
        "99,98",
        "86,33",
        "63,33",
        "96,36",
        "102,02",
        "99,38",
    ]


def test_serapan_per_program_kegiatan_and_total(tables):
    t = tables["3.9"]
    serapan = column(t, "Serapan (%)")[:-1]  # the last row is TOTAL
    assert serapan[0] == "97,10" and serapan[-1] == "82,65"
    assert serapan == [
        "97,10",
        "99,66",
        "98,23",
        "99,50",
        "93,56",
        "94,29",
        "97,04",
        "99,38",
        "99,38",
        "88,01",
        "87,82",
        "97,42",
        "99,11",
        "99,11",
        "99,48",
        "99,58",
        "99,34",
        "82,65",
        "82,65",
    ]
    assert t[-1][-3:] == ["24.175.862.284", "23.594.861.370", "97,60"]


def test_efisiensi_sasaran_and_total(tables):
    t = tables["3.10"]
    rows = t[2:-1]
    assert [r[-2] for r in rows] == ["0,87", "4,85", "-0,39", "0,56", "10,77", "3,19"]
    assert [r[-1] for r in rows] == [
        "Efisien",
        "Efisien",
        "Tidak efisien",
        "Efisien",
        "Efisien",
        "Efisien",
    ]
    serapan = [r[7] for r in rows if len(r) == 10]
    assert serapan == ["99,13", "88,01", "95,37", "99,44", "96,92"]
    assert t[-1][-2:] == ["3,31", "Efisien"]


def test_efisiensi_program_kegiatan(tables):
    rows = tables["3.11"][2:]
    efisiensi = [r[-2] for r in rows]
    assert efisiensi[:3] == [
        "2,90",
        "0,34",
        "9,42",
    ]  # K1.2: the seed truncated 9,4153 to 9,41 (L-3)
    assert efisiensi[-1] == "17,35"
    assert rows[2][4] == "108,44"  # K1.2's realisasi is the total serapan 97,60 against target 90


def test_anggaran_aset_pegawai(tables, docx):
    assert tables["1.6"][-1][-1] == "24.175.862.284"
    assert tables["1.5"][-1][-4:] == ["24.167.633.296", "281.832.257", "", "24.449.465.553"]
    assert tables["1.1"][-1][-3:] == ["67", "24", "-43"]
    p5 = next(r for r in tables["2.9"] if r[1] == "PROGRAM PENANGANAN BENCANA")
    assert p5[-1] == "175.000.000"  # the seed printed 75.000.000 (L-6)
    text = docx_text(docx)
    assert "Rp 24.175.862.284" in text and "Rp 23.594.861.370" in text and "97,60%" in text


def test_conclusion_sentences_quote_computed_figures(docx):
    text = docx_text(docx)
    assert "capaian kinerja rata-rata 6 (enam) indikator sebesar 99,37% (kategori berhasil)" in text
    assert "1 (satu) tujuan, 5 (lima) sasaran dengan menggunakan 6 (enam) indikator kinerja" in text
    assert "terdapat 3 (tiga) sasaran yang mencapai target" in text
    assert "tingkat efisiensi kinerja sebesar 3,31%" in text
    assert "(tidak efisien)" in text  # the lowest sasaran efisiensi is negative
    # 100 − the printed 99,38 (LKJIP-SPEC F7.5.2 and 001 line 757), not 100 − 99,375 = 0,63
    assert "tingkat kemajuan sebesar 99,38%, sehingga masih kurang 0,62%" in text


def test_signature_in_both_places(docx):
    text = docx_text(docx)
    assert text.count("PARMINTO BUDI UTOMO, S.Sos, M.AP.") == 2
    assert text.count("NIP. 197212211993021002") == 2
