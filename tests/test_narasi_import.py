"""`laporgen import FILE.docx --into PATH`: a bidang's Word narrative into narasi/<id>.md, headings
matched to the outline by number or title, figures found (and made placeholders on request),
nothing written on any problem."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from PIL import Image

from laporgen.cli import main
from laporgen.commands.narasi_import import Bagian, match_heading
from tests.docx_reading import docx_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "content" / "magetan-dinsos"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 0, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def _word(path: Path, *, stray: bool = True) -> Path:
    """A bidang's Word file: chapter and section headings (one numbered the Renstra way, one
    by title only), bold/italic, a list, a table, a picture, a computed figure typed in."""
    d = Document()
    d.add_heading("BAB III AKUNTABILITAS KINERJA", 1)
    d.add_paragraph("Pengantar bab tiga.")
    d.add_heading("3.1 Capaian Kinerja Organisasi Tahun 2024", 2)
    p = d.add_paragraph("Rata-rata capaian kinerja adalah ")
    p.add_run("99,37%").bold = True
    p.add_run(" dengan kategori ")
    p.add_run("Berhasil").italic = True
    p.add_run(".")
    d.add_paragraph("Pertama", style="List Bullet")
    d.add_paragraph("Kedua", style="List Bullet")
    t = d.add_table(rows=2, cols=2)
    for cell, text in zip(
        (*t.rows[0].cells, *t.rows[1].cells), ("Uraian", "Nilai", "A {{ x }}", "1.234")
    ):
        cell.text = text
    d.add_picture(io.BytesIO(_png()))
    d.add_heading("Inovasi Tahun 2024", 2)
    d.add_paragraph("Sesuai Peraturan Bupati Nomor 5 Tahun 2024.")
    if stray:
        d.add_heading("Judul Tak Dikenal", 2)
        d.add_paragraph("Teks ini tidak punya bagian.")
    d.save(path)
    return path


@pytest.fixture
def agency(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path / "magetan-dinsos")
    monkeypatch.chdir(tmp_path)
    for name in ("akuntabilitas", "capaian", "inovasi"):  # sections the Word file writes
        (tmp_path / "magetan-dinsos/lkjip-2024/narasi" / f"{name}.md").unlink(missing_ok=True)
    return tmp_path / "magetan-dinsos" / "lkjip-2024"


def test_word_narrative_lands_in_the_sections_its_headings_name(agency, tmp_path, capsys):
    word = _word(tmp_path / "bab3.docx", stray=False)
    assert main(["import", str(word), "--into", str(agency)]) == 0
    narasi = agency / "narasi"
    assert (narasi / "akuntabilitas.md").read_text() == "Pengantar bab tiga.\n"
    assert (narasi / "capaian.md").read_text() == (
        "Rata-rata capaian kinerja adalah **99,37%** dengan kategori *Berhasil*.\n\n"
        "- Pertama\n- Kedua\n\n"
        "Tabel: [ISI] judul tabel\n\n"  # Word gave it no caption: one to write, as for pictures
        "| Uraian | Nilai |\n| --- | --- |\n| A {{ '{{' }} x }} | 1.234 |\n\n"
        "![[ISI] judul gambar](gambar/bab3-1.png)\n"
    )
    assert (narasi / "inovasi.md").read_text() == "Sesuai Peraturan Bupati Nomor 5 Tahun 2024.\n"
    assert (narasi / "gambar" / "bab3-1.png").read_bytes() == _png()
    out = capsys.readouterr().out.splitlines()
    assert "capaian.md: 99,37% matches {{ rata_rata }}" in out
    assert (
        "magetan-dinsos/lkjip-2024/narasi/capaian.md <- A. Capaian Kinerja Organisasi Tahun 2024"
        in out
    )
    assert out[-1] == "rerun with --placeholders to write these figures as placeholders"


def test_placeholders_flag_writes_the_figure_as_its_placeholder_and_the_build_prints_it(
    agency, tmp_path
):
    word = _word(tmp_path / "bab3.docx", stray=False)
    assert main(["import", str(word), "--into", str(agency), "--placeholders"]) == 0
    text = (agency / "narasi" / "capaian.md").read_text()
    assert text.startswith(
        "Rata-rata capaian kinerja adalah **{{ rata_rata }}** dengan kategori *Berhasil*."
    )
    # the year of a regulation is not the report's year: never a placeholder
    assert (
        agency / "narasi" / "inovasi.md"
    ).read_text() == "Sesuai Peraturan Bupati Nomor 5 Tahun 2024.\n"
    assert main(["build", str(agency), "--out", str(tmp_path / "out")]) == 0
    built = docx_text(next((tmp_path / "out").glob("*.docx")))
    assert "Rata-rata capaian kinerja adalah 99,37% dengan kategori Berhasil." in built
    assert (
        "Gambar 3.1 [ISI] judul gambar" in built
    )  # the picture, numbered, its caption still to write


def test_existing_narrative_is_replaced_only_when_asked_and_nothing_is_written_before(
    agency, tmp_path, capsys
):
    word = _word(tmp_path / "bab3.docx", stray=False)
    capaian = agency / "narasi" / "capaian.md"
    capaian.write_text("Teks lama {{ rata_rata }}.\n")
    assert main(["import", str(word), "--into", str(agency)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: magetan-dinsos/lkjip-2024/narasi/capaian.md: this narrative file exists and the Word file would "
        "change it; rerun with --overwrite to replace it (its placeholders are lost), or delete it first [import.exists]"
    ]
    assert capaian.read_text() == "Teks lama {{ rata_rata }}.\n"
    assert not (agency / "narasi" / "akuntabilitas.md").exists()
    assert main(["import", str(word), "--into", str(agency), "--overwrite"]) == 0
    assert capaian.read_text().startswith("Rata-rata capaian kinerja adalah **99,37%**")


@pytest.mark.parametrize(
    "make, message",
    [
        (
            lambda p: p.write_text("bukan Word"),
            "not a Word file (.docx); save it in Word or LibreOffice as .docx (not .doc or .rtf)",
        ),
        (
            lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"),
            "not a Word document (.docx); save it in Word or LibreOffice as a Word document (.docx)",
        ),
        (lambda p: None, "no such file; give the path of the Word file (.docx)"),
    ],
    ids=["text file", "zip without document.xml", "missing"],
)
def test_a_file_that_is_not_a_word_document_is_refused_by_name(
    agency, tmp_path, capsys, make, message
):
    path = tmp_path / "narasi.docx"
    make(path)
    before = sorted(p.read_bytes() for p in (agency / "narasi").rglob("*") if p.is_file())
    assert main(["import", str(path), "--into", str(agency)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"error: narasi.docx: {message} [import.file]"]
    assert sorted(p.read_bytes() for p in (agency / "narasi").rglob("*") if p.is_file()) == before


def test_a_heading_that_names_no_section_stops_the_import_and_nothing_is_written(
    agency, tmp_path, capsys
):
    word = _word(tmp_path / "bab3.docx")  # ends with "Judul Tak Dikenal"
    assert main(["import", str(word), "--into", str(agency)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: bab3.docx: the heading 'Judul Tak Dikenal' matches no section of the document; write its number or "
        "title as `laporgen outline PATH` prints them, or add the section to document.toml's [outline] [import.heading]"
    ]
    assert not (agency / "narasi" / "capaian.md").exists()


def test_a_word_file_without_heading_styles_is_refused_with_the_fix(agency, tmp_path, capsys):
    d = Document()
    d.add_paragraph().add_run(
        "BAB I PENDAHULUAN"
    ).bold = True  # bold Normal text, not a Heading style
    d.add_paragraph("Isi latar belakang.")
    d.save(tmp_path / "bab1.docx")
    assert main(["import", str(tmp_path / "bab1.docx"), "--into", str(agency)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: bab1.docx: the Word file has no headings in Word's heading styles; give each chapter and section "
        "title the style Heading 1, 2 or 3 (Judul 1, 2, 3), with the numbers and titles `laporgen outline PATH` "
        "prints [import.heading]"
    ]


def test_a_shortened_title_under_its_chapter_finds_its_section(agency, tmp_path):
    d = Document()
    d.add_heading("BAB I PENDAHULUAN", 1)
    d.add_heading("C. Tugas dan Fungsi", 2)  # the section is "C. Tugas dan Fungsi Organisasi"
    d.add_paragraph("Tugas pokok dinas.")
    d.save(tmp_path / "bab1.docx")
    assert main(["import", str(tmp_path / "bab1.docx"), "--into", str(agency), "--overwrite"]) == 0
    assert (agency / "narasi" / "tugas-fungsi.md").read_text() == "Tugas pokok dinas.\n"


def test_a_picture_takes_the_caption_paragraph_under_it(agency, tmp_path):
    d = Document()
    d.add_heading("BAB I PENDAHULUAN", 1)
    d.add_heading("B. Kedudukan dan Susunan Organisasi", 2)
    d.add_picture(io.BytesIO(_png()))
    d.add_paragraph("Gambar 1.1 Bagan Organisasi Dinas Sosial", style="Caption")
    d.add_paragraph("Teks sesudah gambar.")
    d.save(tmp_path / "bab1.docx")
    assert main(["import", str(tmp_path / "bab1.docx"), "--into", str(agency), "--overwrite"]) == 0
    assert (agency / "narasi" / "organisasi.md").read_text() == (
        "![Bagan Organisasi Dinas Sosial](gambar/bab1-1.png)\n\nTeks sesudah gambar.\n"
    )


SECTIONS = [
    Bagian("akuntabilitas", "BAB III", "AKUNTABILITAS KINERJA", "akuntabilitas"),
    Bagian("capaian", "A.", "Capaian Kinerja Organisasi Tahun 2024", "akuntabilitas"),
    Bagian("efisiensi", "C.", "Efisiensi Penggunaan Sumber Daya Tahun 2024", "akuntabilitas"),
    Bagian("penutup", "BAB IV", "PENUTUP", "penutup"),
    Bagian("simpulan", "A.", "Simpulan", "penutup"),
    Bagian("kinerja-pelayanan", "2.3", "Kinerja Pelayanan Perangkat Daerah", "gambaran"),
]


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("BAB III AKUNTABILITAS KINERJA", "akuntabilitas"),
        ("BAB III", "akuntabilitas"),  # the number alone
        ("bab iii akuntabilitas kinerja", "akuntabilitas"),
        (
            "3.1 Capaian Kinerja Organisasi Tahun 2024",
            "capaian",
        ),  # another numbering, the title agrees
        ("C. Efisiensi Penggunaan Sumber Daya", "efisiensi"),  # the year left out: alike enough
        ("A. Simpulan", "simpulan"),  # "A." is two sections: the title decides
        ("A.", None),  # ... and without one, none is guessed
        (
            "Bab 2.3 Kinerja Pelayanan",
            "kinerja-pelayanan",
        ),  # "Bab" before a decimal number, title shortened
        ("BAB III Capaian Kinerja", None),  # number and title disagree, title not alike
        ("Lampiran", None),
    ],
)
def test_a_heading_matches_its_section_by_number_when_the_title_agrees_else_by_title(
    heading, expected
):
    found = match_heading(heading, SECTIONS)
    assert (found.id if found else None) == expected


def test_a_bare_letter_number_names_the_section_of_the_chapter_before_it():
    assert match_heading("A.", SECTIONS, chapter="penutup").id == "simpulan"
    assert match_heading("A.", SECTIONS, chapter="akuntabilitas").id == "capaian"


@pytest.mark.parametrize(
    "prompt",
    [
        "[ISI] Capaian kinerja organisasi tahun {{ tahun }}.\n",
        "<!-- Opsional: pengantar capaian ditulis otomatis dari data. -->\n",
    ],
    ids=["isi", "opsional"],
)
def test_a_file_holding_only_its_init_prompt_is_filled_without_overwrite(agency, tmp_path, prompt):
    """The narrative files `laporgen init` writes hold a one-line prompt: the Word text is what
    they wait for, so no --overwrite is asked (a new user had to give it for every file)."""
    word = _word(tmp_path / "bab3.docx", stray=False)
    capaian = agency / "narasi" / "capaian.md"
    capaian.write_text(prompt)
    assert main(["import", str(word), "--into", str(agency)]) == 0
    assert capaian.read_text().startswith("Rata-rata capaian kinerja adalah **99,37%**")


def test_a_prompt_with_text_of_the_users_own_is_not_replaced_unasked(agency, tmp_path):
    word = _word(tmp_path / "bab3.docx", stray=False)
    capaian = agency / "narasi" / "capaian.md"
    capaian.write_text("[ISI] Capaian kinerja.\n\nTeks yang sudah ditulis.\n")
    assert main(["import", str(word), "--into", str(agency)]) == 2
    assert capaian.read_text() == "[ISI] Capaian kinerja.\n\nTeks yang sudah ditulis.\n"


def test_a_word_table_under_its_caption_is_a_numbered_table(agency, tmp_path):
    """A bidang's Word table under its "Tabel 3.1 …" caption prints as a table numbered with the
    rest, its figures right-aligned: a new user's came out as one line of "| … |" text."""
    from docx_reading import docx_captions, docx_tables

    d = Document()
    d.add_heading("BAB III AKUNTABILITAS KINERJA", 1)
    d.add_heading("3.1 Capaian Kinerja Organisasi Tahun 2024", 2)
    d.add_paragraph("Jumlah sekolah menurut jenjang:")
    d.add_paragraph("Tabel 3.1 Jumlah Sekolah per Jenjang")
    t = d.add_table(rows=3, cols=2)
    for cell, text in zip(
        (c for row in t.rows for c in row.cells), ("Jenjang", "Jumlah", "SD", "412", "SMP", "98")
    ):
        cell.text = text
    d.save(tmp_path / "tabel.docx")
    assert main(["import", str(tmp_path / "tabel.docx"), "--into", str(agency)]) == 0
    assert (agency / "narasi" / "capaian.md").read_text() == (
        "Jumlah sekolah menurut jenjang:\n\nTabel 3.1 Jumlah Sekolah per Jenjang\n\n"
        "| Jenjang | Jumlah |\n| --- | --- |\n| SD | 412 |\n| SMP | 98 |\n"
    )
    assert main(["build", str(agency), "--out", str(tmp_path / "out")]) == 0
    docx = next((tmp_path / "out").glob("*.docx"))
    captions = [c for c in docx_captions(docx) if "Jumlah Sekolah" in c]
    assert (
        len(captions) == 1
        and captions[0].startswith("Tabel 3.")
        and captions[0].endswith(" Jumlah Sekolah per Jenjang")
    )
    assert [["Jenjang", "Jumlah"], ["SD", "412"], ["SMP", "98"]] in docx_tables(docx)
