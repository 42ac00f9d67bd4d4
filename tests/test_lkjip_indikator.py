"""Indicators a new user entered that the Dinas Sosial examples never exercised (issue 14): a
tujuan's own indicators, a lower-is-better indicator's history and standard, a program with two
indicators, a kegiatan with sub-kegiatan. Nothing entered may vanish and every figure must come out
right. The fixture is an invented agency (`tests/lkjip_rekaan/`, marked REKAAN); the expected
figures are recomputed by hand in each test's comments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

import docx
from laporgen.build import build, check
from laporgen.compute.lkjip import lkjip_figures
from laporgen.model.folder import load_lkjip
from laporgen.numbers import persen

FOLDER = Path(__file__).parent / "lkjip_rekaan" / "dikbud-sukamaju" / "lkjip-2025"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> lxml_html.HtmlElement:
    out = tmp_path_factory.mktemp("dikbud")
    build(FOLDER, out, ("html",), page_numbers=False)
    (path,) = out.glob("*.html")
    return lxml_html.parse(str(path)).getroot()


def _text(el: lxml_html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _table(page: lxml_html.HtmlElement, title: str) -> list[list[str]]:
    """The body rows (cell texts) of the first table whose caption holds `title`."""
    table, *_ = [
        t
        for t in page.iter("table")
        if t.find("caption") is not None and title in _text(t.find("caption"))
    ]
    return [
        [_text(c) for c in tr if c.tag == "td"]
        for tr in table.iter("tr")
        if tr.find("td") is not None
    ]


def _names(rows: list[list[str]]) -> str:
    return " | ".join(" ".join(r) for r in rows)


# ------------------------------------------------------------------------- 1. tujuan indicators
def test_tujuan_indicators_are_measured_like_sasaran_indicators():
    """IT1.1 (listed in the PK): 8,14 / 8,20 = 99,27; IT1.2 (not listed, given a realisasi):
    13,05 / 13,20 = 98,86; both count in the average (LAMONGAN-NOTES L1: the tujuan's capaian
    is reported as the IKU's are). Mean of 99,27 98,86 101,07 115,00 = 103,55 (IS2.1 is a
    predikat: no number)."""
    f = lkjip_figures(load_lkjip(FOLDER))
    measured = {i.indikator.id: persen(i.capaian) for i in f.indikator}
    assert measured == {
        "IT1.1": "99,27",
        "IT1.2": "98,86",
        "IS1.1": "101,07",
        "IS1.5": "115,00",
        "IS2.1": "-",
    }
    assert [k.tingkat for k in f.kelompok] == ["tujuan", "sasaran", "sasaran"]
    assert len(f.sasaran) == 2
    assert persen(f.rata_rata) == "103,55"
    # the tujuan's budget: its sasaran's programs/kegiatan together, each once (P2 holds K2.1, K2.2)
    assert f.kelompok[0].pagu == f.node("P2").pagu


def test_tujuan_indicator_rows_print_in_every_capaian_table(page):
    capaian = _table(page, "Tabel 3.2 Capaian Kinerja")
    assert capaian[0] == [
        "Meningkatnya kualitas pendidikan masyarakat",
        "Angka Rata-rata Lama Sekolah",
        "8,20",
        "8,14",
        "99,27",
        "Berhasil",
        "BPS",
    ]
    assert capaian[1][:5] == ["Harapan Lama Sekolah", "13,20", "13,05", "98,86", "Berhasil"]
    kemajuan = _table(page, "Tingkat Kemajuan")
    # 8,14 / 8,30 = 98,07
    assert kemajuan[0][1:] == [
        "Meningkatnya kualitas pendidikan masyarakat",
        "Angka Rata-rata Lama Sekolah",
        "8,14",
        "8,30",
        "98,07",
    ]
    riwayat = _table(page, "Tahun Sebelumnya")
    (it11,) = [r for r in riwayat if "Angka Rata-rata Lama Sekolah" in r]
    assert it11[-3:] == ["8,20", "8,14", "99,27"]
    ringkasan = _table(page, "Tabel 4.1 Capaian Kinerja")
    assert ["Capaian Kinerja Rata-rata", "103,55"] in ringkasan
    for title in ("Rencana Aksi", "Efisiensi Kinerja Sasaran", "Target Waktu"):
        assert "Angka Rata-rata Lama Sekolah" in _names(_table(page, title)), title
    (aksi,) = [r for r in _table(page, "Rencana Aksi") if "Angka Rata-rata Lama Sekolah" in r]
    assert aksi[-1] == "Fasilitasi pendidikan kesetaraan"
    # the appendix copy (C.1) too
    tables = [t for t in page.iter("table") if "Rencana Aksi" in _text(t.find("caption"))]
    assert len(tables) == 2
    assert all("Fasilitasi pendidikan kesetaraan" in _text(t) for t in tables)


def test_simpulan_counts_the_tujuan_indicators(page):
    text = _text(page)
    assert "dengan menggunakan 5 (lima) indikator kinerja" in text
    assert (
        "Tujuan ini terdiri dari 2 (dua) indikator kinerja dengan capaian Angka Rata-rata Lama "
        "Sekolah sebesar 99,27%" in text
    )


# ----------------------------------------------------------------------- 2. arah in the history
def test_history_of_a_lower_is_better_indicator_uses_its_arah(page):
    """IS1.5 arah negatif: (2 × 0,26 − 0,24) / 0,26 = 107,69; (2 × 0,23 − 0,21) / 0,23 = 108,70
    (R/T would give 92,31 and 91,30); 2025: (2 × 0,20 − 0,17) / 0,20 = 115,00."""
    (row,) = [r for r in _table(page, "Tahun Sebelumnya") if "Angka Putus Sekolah SD dan SMP" in r]
    assert row[2:] == ["0,26", "0,24", "107,69", "0,23", "0,21", "108,70", "0,20", "0,17", "115,00"]


def test_history_row_written_by_name_takes_the_plan_indicators_arah(tmp_path):
    folder = tmp_path / "lkjip-2025"
    shutil.copytree(FOLDER, folder)
    shutil.copy(FOLDER.parent / "agency.yaml", tmp_path / "agency.yaml")
    kinerja = folder / "kinerja.yaml"
    kinerja.write_text(kinerja.read_text().replace("satuan: persen, id: IS1.5,", "satuan: persen,"))
    f = lkjip_figures(load_lkjip(folder))
    assert [persen(v.capaian) for v in f.riwayat[0].tahun.values()] == [
        "107,69",
        "108,70",
        "115,00",
    ]


# --------------------------------------------------------------- 3. a program's two indicators
def test_every_indicator_of_a_program_has_its_own_row(page):
    for title in ("Anggaran Belanja", "Program, Kegiatan, dan Pagu Anggaran"):
        text = _names(_table(page, title))
        assert "Angka Partisipasi Kasar SD dan SMP" in text, title
        assert "Angka Putus Sekolah SD dan SMP" in text, title
    dukungan = _names(_table(page, "Menunjang"))
    assert "Angka Putus Sekolah SD dan SMP 115,00" in dukungan
    assert "107,35" not in dukungan


def test_efisiensi_table_prints_each_indicator_and_the_mean_it_weighs(page):
    """P2: APK 99,70 / 100 = 99,70; APS (2 × 0,20 − 0,17) / 0,20 = 115,00; their mean 107,35 on
    a row of its own; serapan 47.718.400.000 / 49.590.000.000 = 96,23; efisiensi
    (1 − 96,23 / 107,35) × 100 = 10,36."""
    rows = _table(page, "Efisiensi Kinerja Program")
    assert rows[0] == [
        "1",
        "PROGRAM PENGELOLAAN PENDIDIKAN",
        "100 persen",
        "99,70 persen",
        "99,70",
        "49.590.000.000",
        "47.718.400.000",
        "96,23",
        "10,36",
        "Efisien",
    ]
    assert rows[1] == ["0,20 persen", "0,17 persen", "115,00"]
    assert rows[2] == ["Rata-rata capaian", "107,35"]


def test_simpulan_range_uses_the_printed_figures(page):
    """S1 is supported by P2 (99,70, 115,00), K2.1 (95,00) and K2.2 (100,00): the range the
    tables show, not P2's hidden mean 107,35."""
    assert "capaian kinerja indikator antara 95,00% sampai dengan 115,00%" in _text(page)


# ---------------------------------------------------------------- 4. sub-kegiatan in the tables
def test_sub_kegiatan_are_numbered_under_their_kegiatan_and_indented(page):
    rows = _table(page, "Realisasi Anggaran Program")
    assert [r[0] for r in rows[:-1]] == ["1", "1.1", "1.1.1", "1.1.2", "1.2"]
    # K2.1 = SK2.1.1 + SK2.1.2 = 12.500.000.000 + 8.750.000.000; P2 = K2.1 + K2.2
    # (no Bidang Pengampu column: the fixture names none)
    assert [r[2] for r in rows[:-1]] == [
        "49.590.000.000",
        "21.250.000.000",
        "12.500.000.000",
        "8.750.000.000",
        "28.340.000.000",
    ]
    for title in (
        "Realisasi Anggaran Program",
        "Efisiensi Kinerja Program",
        "Anggaran Belanja",
        "Program, Kegiatan, dan Pagu Anggaran",
    ):
        (table,) = [t for t in page.iter("table") if title in _text(t.find("caption"))][:1]
        levels = {_text(td): td.get("class") for td in table.iter("td")}
        assert "level-2" in levels["Pembangunan Ruang Kelas Baru"], title
        assert "level-1" in levels["Pengelolaan Pendidikan Sekolah Dasar"], title


def test_sub_kegiatan_indent_in_the_docx(tmp_path):
    """Word shows the depth as the name cell's left indent: a sub-kegiatan one step deeper than
    its kegiatan, which is one step deeper than its program."""
    (path,) = build(FOLDER, tmp_path, ("docx",), page_numbers=False).outputs
    (table,) = [
        t
        for t in docx.Document(str(path)).tables
        if [c.text for c in t.rows[0].cells][:5]
        == ["No.", "Program/Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Serapan (%)"]
    ]
    numbers = [r.cells[0].text for r in table.rows[1:6]]
    assert numbers == ["1", "1.1", "1.1.1", "1.1.2", "1.2"]
    indent = [r.cells[1].paragraphs[0].paragraph_format.left_indent or 0 for r in table.rows[1:6]]
    assert indent[0] < indent[1] < indent[2] == indent[3]
    assert indent[4] == indent[1]


# ---------------------------------------------------------------------------- 5. the standard
def test_capaian_against_the_standard_uses_the_indicators_arah(page):
    """IS1.1: 106,12 / 106,51 = 99,63; IS1.5 (lower is better): (2 × 0,19 − 0,17) / 0,19 = 110,53."""
    rows = _table(page, "Standar Nasional")
    assert [r[3:] for r in rows] == [["106,12", "106,51", "99,63"], ["0,17", "0,19", "110,53"]]
    (table,) = [t for t in page.iter("table") if "Standar Nasional" in _text(t.find("caption"))]
    note = _text(table.getparent().getnext())
    assert "(2 x 5 - 4)/5 x 100 untuk indikator negatif" in note


# -------------------------------------------------------------------------------- check rules
def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "lkjip-2025"
    shutil.copytree(FOLDER, folder)
    shutil.copy(FOLDER.parent / "agency.yaml", tmp_path / "agency.yaml")
    return folder


def test_check_reports_input_about_an_indicator_no_table_prints(tmp_path):
    folder = _copy(tmp_path)
    kinerja = folder / "kinerja.yaml"
    text = kinerja.read_text()
    text = text.replace("  IT1.2: {nilai: 13.05, sumber_data: BPS}\n", "")
    text = text.replace(
        "  IS1.1: [Pendataan anak usia sekolah]",
        "  IS1.1: [Pendataan anak usia sekolah]\n  IT1.2: [Beasiswa]",
    )
    kinerja.write_text(text)
    found = [x for x in check(folder) if x.problem.code == "masukan.tak_tercetak"]
    assert [(x.severity, x.problem.field) for x in found] == [("W", "rencana_aksi.IT1.2")]
    assert "IT1.2 is not measured in this report" in found[0].problem.message


def test_check_compares_printed_capaian_of_history_standard_and_programs(tmp_path):
    folder = _copy(tmp_path)
    kinerja = folder / "kinerja.yaml"
    kinerja.write_text(
        kinerja.read_text()
        .replace(
            "2023: {target: 0.26, realisasi: 0.24}",
            "2023: {target: 0.26, realisasi: 0.24, tercetak: {capaian: 92.31}}",
        )
        .replace(
            "{indikator: IS1.5, standar: 0.19, sumber: Rata-rata Provinsi}",
            "{indikator: IS1.5, standar: 0.19, sumber: Rata-rata Provinsi, tercetak: {capaian: 89.47}}",
        )
    )
    program = folder / "program.yaml"
    program.write_text(
        program.read_text()
        .replace(
            "target: 0.20, realisasi: 0.17}",
            "target: 0.20, realisasi: 0.17, tercetak: {capaian: 85}}",
        )
        .replace(
            "    nama: PROGRAM PENGELOLAAN PENDIDIKAN\n",
            "    nama: PROGRAM PENGELOLAAN PENDIDIKAN\n    tercetak: {capaian: 99.70}\n",
        )
    )
    found = [x for x in check(folder) if x.problem.code == "capaian"]
    messages = sorted(x.problem.message for x in found)
    assert messages == [
        "Angka Putus Sekolah SD dan SMP 2023: printed 92,31, computed 107,69 (0,24 / 0,26)",
        "IS1.5: printed 89,47, computed 110,53 (0,17 / 0,19, negatif)",
        "P2 Angka Putus Sekolah SD dan SMP: printed 85, computed 115,00 (0,17 / 0,20, negatif)",
        "P2: printed 99,70, computed 107,35 (mean of 2 indicators)",
    ]
    assert all(x.severity == "E" for x in found)


def test_fixture_has_no_findings_about_its_figures():
    codes = {x.problem.code for x in check(FOLDER)}
    assert not codes & {"capaian", "masukan.tak_tercetak", "efisiensi", "rollup"}


def test_perjanjian_kinerja_prints_every_indicator_of_a_program(tmp_path):
    """The PK's program table (Tabel 2 of its lampiran): a program with two indicators prints
    both, its No., name and pagu spanning them."""
    agency = Path(__file__).resolve().parents[1] / "content" / "magetan-dinsos"
    shutil.copy(agency / "agency.yaml", tmp_path / "agency.yaml")
    shutil.copytree(agency / "renstra-2024-2026", tmp_path / "renstra-2024-2026")
    folder = tmp_path / "pk-2024"
    shutil.copytree(agency / "pk-2024", folder)
    anggaran = folder / "anggaran.yaml"
    first = '      - {nama: "Kepuasan ASN Dinas Sosial terhadap Layanan Kesekretariatan Dinas Sosial", satuan: Angka, target: 84}\n'
    assert first in anggaran.read_text()
    anggaran.write_text(
        anggaran.read_text().replace(
            first,
            first + "      - {nama: Persentase Laporan Tepat Waktu, satuan: persen, target: 100}\n",
        )
    )
    (path,) = build(folder, tmp_path / "out", ("html",), page_numbers=False).outputs
    rows = _table(lxml_html.parse(str(path)).getroot(), "Program, Kegiatan, dan Pagu Anggaran")
    assert rows[0][2:4] == [
        "Kepuasan ASN Dinas Sosial terhadap Layanan Kesekretariatan Dinas Sosial",
        "84 Angka",
    ]
    assert rows[1] == ["Persentase Laporan Tepat Waktu", "100 persen"]
