"""Issue 13 items 3, 6, 7, read back from the built examples: the cover and front matter of the
signed documents (Pemerintah line, logo, contact and year lines, signatures, the decree block
above BAB I), sections without narrative (a DRAF note or left out, and listed by `check`),
pictures in narrative Markdown as numbered "Gambar" figures, the LKjIP's Lampiran, and charts
labelled with the document's names, never the data's ids."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from docx_reading import docx_captions, docx_headings, open_docx
from laporgen.build import build, check, document_for, figures_for
from laporgen.document import charts
from laporgen.document.nodes import Figure, ListOfTables
from laporgen.document.numbering import walk
from laporgen.jenis import load_document

CONTENT = Path(__file__).resolve().parents[1] / "content"
LKJIP = CONTENT / "magetan-dinsos" / "lkjip-2024"
BLITAR = CONTENT / "blitar-dinsos" / "renstra-2021-2026"
MAGETAN = CONTENT / "magetan-dinsos" / "renstra-2018-2023"
IDS = re.compile(r"\b(IS\d+(\.\d+)?|IT\d+|P\d+)\b")  # the data's indicator and program ids
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("front")
    return {
        name: build(folder, out, ("docx", "html")).outputs
        for name, folder in (("lkjip", LKJIP), ("blitar", BLITAR), ("magetan", MAGETAN))
    }


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in open_docx(path).paragraphs]


def cover(path: Path) -> list[str]:
    """The cover's non-empty paragraphs: those before the first section break."""
    out = []
    for p in open_docx(path).paragraphs:
        if p.text:
            out.append(p.text)
        if p._p.find(f"{W}pPr/{W}sectPr") is not None:
            return out
    raise AssertionError("no cover section")


def cover_has_picture(path: Path) -> bool:
    for p in open_docx(path).paragraphs:
        if p._p.findall(f".//{W}drawing"):
            return True
        if p._p.find(f"{W}pPr/{W}sectPr") is not None:
            return False
    return False


# ------------------------------------------------------------------------------------ cover
def test_the_lkjip_cover_names_the_pemerintah_and_year_under_the_logo(built):
    docx = built["lkjip"][0]
    assert cover(docx) == [
        "LAPORAN KINERJA",
        "DINAS SOSIAL",
        "KABUPATEN MAGETAN",
        "TAHUN 2024",
        "PEMERINTAH KABUPATEN MAGETAN",
        "DINAS SOSIAL",
        "TAHUN 2025",
    ]
    assert cover_has_picture(docx)  # the agency's logo (content/magetan-dinsos/logo.png)


def test_the_blitar_cover_opens_with_its_kop_as_the_seed_does(built):
    """Seed 003's cover: PEMERINTAH KABUPATEN BLITAR, DINAS SOSIAL, address and telephone,
    website, e-mail, then the title (document.toml: sampul = "kop")."""
    docx = built["blitar"][0]
    assert cover(docx) == [
        "PEMERINTAH KABUPATEN BLITAR",
        "DINAS SOSIAL",
        "Jl. Jendral Ahmad Yani No.38 Blitar  Telp. (0342) 801357",
        "Email: dinsos@blitarkab.go.id  Website: www.dinsos.blitarkab.go.id",
        "RENCANA STRATEGIS",
        "DINAS SOSIAL",
        "KABUPATEN BLITAR",
        "TAHUN 2021-2026",
    ]
    assert cover_has_picture(docx)
    page = lxml_html.fromstring(built["blitar"][1].read_text(encoding="utf-8"))
    assert [p.text_content() for p in page.xpath('//div[@class="cover-kop"]/p')][:2] == [
        "PEMERINTAH KABUPATEN BLITAR",
        "DINAS SOSIAL",
    ]
    assert page.xpath('//p[@class="cover-logo"]/img/@src')[0].startswith("data:image/png;base64,")


# ------------------------------------------------------------------ signatures, decree block
def test_blitar_kata_pengantar_is_written_and_signed(built):
    docx = built["blitar"][0]
    text = paragraphs(docx)
    start = text.index("KATA PENGANTAR")
    body = text[start + 1 : text.index("DAFTAR ISI")]
    while not body[-1]:  # the page break before the Daftar Isi
        body.pop()
    assert body[0].startswith(
        "Dengan memanjatkan puji syukur ke hadirat Tuhan Yang Maha Esa, kami menyampaikan "
        "Rencana Strategis Dinas Sosial Kabupaten Blitar Tahun 2021-2026."
    )
    assert (
        "Blitar, .............................." in body
    )  # unsigned: the date is filled in by hand
    assert body[-3:] == [
        "(nama kepala dinas)",
        "Pembina Utama Muda (IV/c)",
        "NIP. 000000000000000000",
    ]


def test_the_renstra_closes_with_the_kepala_dinas_signature(built):
    text = paragraphs(built["magetan"][0])
    assert text.count("NIP. 197212211993021002") == 2  # under the Kata Pengantar, after the Penutup
    assert text[-5:] == [
        "",
        "",
        "PARMINTO BUDI UTOMO, S.Sos, M.AP.",
        "Pembina Utama Muda (IV/c)",
        "NIP. 197212211993021002",
    ]


def test_the_decree_block_heads_bab_i_as_seed_000_prints_it(built):
    """Not alone on page i: the Keputusan block stands above BAB I, on its page."""
    docx = built["magetan"][0]
    text = paragraphs(docx)
    at = text.index("Lampiran\t:\tKEPUTUSAN KEPALA DINAS SOSIAL KABUPATEN MAGETAN")
    assert text[at : at + 5] == [
        "Lampiran\t:\tKEPUTUSAN KEPALA DINAS SOSIAL KABUPATEN MAGETAN",
        "NOMOR\t:\t188/    /Kept./403.107/2022",
        "TANGGAL\t:\t",
        "TENTANG\t:\tPERUBAHAN RENCANA STRATEGIS DINAS SOSIAL KABUPATEN MAGETAN TAHUN 2018-2023",
        "BAB I\nPENDAHULUAN",
    ]
    paragraphs_ = open_docx(docx).paragraphs
    assert not paragraphs_[
        at + 4
    ].paragraph_format.page_break_before  # BAB I follows on the same page
    assert (
        paragraphs_[at - 1]._p.find(f"{W}pPr/{W}sectPr") is not None
    )  # … which is the body's first
    page = lxml_html.fromstring(built["magetan"][1].read_text(encoding="utf-8"))
    assert [
        " ".join(td.text_content() for td in tr.xpath("td"))
        for tr in page.xpath('//table[@class="label-block"]//tr')
    ][1] == "NOMOR : 188/    /Kept./403.107/2022"


# ----------------------------------------------------------------------- empty sections
def _blitar_copy(tmp_path: Path) -> Path:
    agency = tmp_path / "blitar-dinsos"
    shutil.copytree(CONTENT / "blitar-dinsos", agency)
    return agency / "renstra-2021-2026"


def test_a_missing_kata_pengantar_is_a_visible_draft_and_a_check_finding(tmp_path):
    folder = _blitar_copy(tmp_path)
    (folder / "narasi" / "kata-pengantar.md").unlink()
    (docx,) = build(folder, tmp_path / "out").outputs
    text = paragraphs(docx)
    at = text.index("KATA PENGANTAR")
    assert (
        text[at + 1]
        == "DRAF \u2014 narasi bagian ini belum ditulis: tulis berkas narasi/kata-pengantar.md."
    )
    missing = [f for f in check(folder) if f.problem.code == "narasi.missing"]
    assert [str(f) for f in missing] == [
        f"W {folder}/narasi/kata-pengantar.md: section 'kata-pengantar' has no narrative: the document marks it DRAF "
        "(or leaves it out: bagian_kosong); write narasi/kata-pengantar.md, or drop the section (outline.hapus in "
        "document.toml) [narasi.missing]"
    ]


def test_bagian_kosong_hilangkan_leaves_the_section_out(tmp_path):
    folder = _blitar_copy(tmp_path)
    (folder / "narasi" / "kata-pengantar.md").unlink()
    settings = folder / "document.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            'periode = "2021-2026"', 'periode = "2021-2026"\nbagian_kosong = "hilangkan"'
        ),
        encoding="utf-8",
    )
    (docx,) = build(folder, tmp_path / "out").outputs
    assert "KATA PENGANTAR" not in [text for _, text in docx_headings(docx)]
    assert [
        f.problem.code for f in check(folder) if f.problem.file.endswith("kata-pengantar.md")
    ] == ["narasi.missing"]


def test_the_examples_have_no_empty_section():
    for folder in (LKJIP, BLITAR, MAGETAN):
        assert document_for(load_document(folder), charts=False).kosong == ()


# ------------------------------------------------------------------------------- pictures
def test_a_narrative_picture_is_a_numbered_gambar_in_docx_html_and_the_daftar_gambar(built):
    docx, page = built["blitar"]
    title = "Gambar 2.1 Bagan Struktur Organisasi Dinas Sosial Kabupaten Blitar"
    assert docx_captions(docx).count(title) == 1
    text = paragraphs(docx)
    assert (
        text[text.index("DAFTAR GAMBAR") + 1].split("\t")[0] == title
    )  # the Daftar Gambar's cached entry (then its page)
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    (figure,) = tree.xpath(f'//figure[figcaption="{title}"]')
    assert figure.xpath("img/@alt") == ["Bagan Struktur Organisasi Dinas Sosial Kabupaten Blitar"]
    assert figure.xpath("img/@src")[0].startswith("data:image/png;base64,")


def test_the_lkjip_bagan_and_the_charts_share_one_numbering():
    document = document_for(load_document(LKJIP))
    figures = [f for f in walk(document.body) if isinstance(f, Figure)]
    assert [(f.label, f.title) for f in figures] == [
        ("Gambar 1.1", "Susunan Organisasi Dinas Sosial Kabupaten Magetan"),
        ("Gambar 3.1", "Capaian Kinerja per Indikator terhadap Target"),
        ("Gambar 3.2", "Perkembangan Realisasi Indikator dari Tahun ke Tahun"),
        ("Gambar 3.3", "Serapan Anggaran per Program"),
    ]
    assert figures[0].path == str((LKJIP / "narasi" / "bagan-organisasi.png").resolve())
    (daftar,) = [b for b in document.front if isinstance(b, ListOfTables) and b.kind == "Gambar"]
    assert daftar.entries[0] == "Gambar 1.1 Susunan Organisasi Dinas Sosial Kabupaten Magetan"


# ------------------------------------------------------------------------------- lampiran
def test_the_lkjip_lampiran_list_and_pages(built):
    docx = built["lkjip"][0]
    text = paragraphs(docx)
    at = text.index("Lampiran Laporan Kinerja ini terdiri atas:")
    assert text[at - 1] == "LAMPIRAN" and text[at + 1 : at + 4] == [
        "A.\tPerjanjian Kinerja Dinas Sosial Kabupaten Magetan Tahun 2024 dan Perubahannya",
        "B.\tIndikator Kinerja Utama (IKU) Tahun 2024-2026",
        "C.\tRencana Aksi Tahun 2025",
    ]
    headings = [
        text
        for style, text in docx_headings(docx)
        if style == "Heading 2" and text.startswith("Lampiran")
    ]
    assert headings == [
        "Lampiran A. Perjanjian Kinerja Dinas Sosial Kabupaten Magetan Tahun 2024 dan Perubahannya",
        "Lampiran B. Indikator Kinerja Utama (IKU) Tahun 2024-2026",
        "Lampiran C. Rencana Aksi Tahun 2025",
    ]
    lampiran = [c.split("\n")[0] for c in docx_captions(docx) if c.split()[1][0].isalpha()]
    assert lampiran == [
        "Tabel A.1 Perjanjian Kinerja",
        "Tabel A.2 Program, Kegiatan, dan Pagu Anggaran",
        "Tabel A.3 Perubahan Perjanjian Kinerja",
        "Tabel A.4 Perubahan Program, Kegiatan, dan Pagu Anggaran",
        "Tabel B.1 Indikator Kinerja Utama",
        "Tabel C.1 Rencana Aksi Peningkatan Kinerja",
        "Tabel C.2 Target Waktu Pencapaian Indikator Kinerja",
    ]
    assert "LAMPIRAN" in [
        t.split("\t")[0] for t in text[: text.index("DAFTAR TABEL")]
    ]  # in the Daftar Isi


# --------------------------------------------------------------------------------- charts
def test_chart_labels_are_the_documents_names_never_ids():
    f = figures_for(load_document(LKJIP))
    capaian = [x.text for x in charts.capaian_labels(f)]
    assert capaian[:2] == [
        "Persentase PPKS yang Mendapatkan\nPerlindungan dan Jaminan Sosial",
        "Persentase PPKS yang Mendapatkan\nPelayanan Rehabilitasi Sosial",
    ]
    assert capaian[3] == "Persentase PSKS yang Aktif dalam\nPenyelenggaraan Kesejahteraan\u2026"
    serapan = [x.text for x in charts.serapan_labels(f)]
    assert serapan[0] == "PROGRAM PENUNJANG URUSAN\nPEMERINTAHAN DAERAH KABUPATEN/KOTA"
    assert serapan[-1] == "Total"
    assert [x.text for x in charts.tren_labels(f)] == [
        "Nilai SAKIP Dinas Sosial",
        "Indeks Kepuasan Masyarakat Dinas Sosial",
    ]
    for label in [*charts.capaian_labels(f), *charts.serapan_labels(f), *charts.tren_labels(f)]:
        assert not IDS.search(label.text)


def test_a_shortened_label_is_given_in_full_under_its_chart(built):
    text = paragraphs(built["lkjip"][0])
    # the caption (not the Daftar Gambar's entry), the chart's paragraph, then the note
    at = (
        len(text) - 1 - text[::-1].index("Gambar 3.1 Capaian Kinerja per Indikator terhadap Target")
    )
    assert text[at + 2] == (
        "Keterangan: Persentase PSKS yang Aktif dalam Penyelenggaraan Kesejahteraan\u2026 = "
        "Persentase PSKS yang Aktif dalam Penyelenggaraan Kesejahteraan Sosial."
    )


@pytest.mark.parametrize(
    "name, width, lines, text",
    [
        ("Nilai SAKIP", 34, 2, "Nilai SAKIP"),
        (
            "Persentase PPKS yang Mendapatkan Perlindungan dan Jaminan Sosial",
            34,
            2,
            "Persentase PPKS yang Mendapatkan\nPerlindungan dan Jaminan Sosial",
        ),
        ("Satu dua tiga empat lima enam tujuh", 10, 2, "Satu dua\ntiga\u2026"),
        ("Penyelenggaraankesejahteraansosial terpadu", 10, 1, "Penyelengg\u2026"),
    ],
)
def test_a_label_is_cut_on_a_word_boundary(name, width, lines, text):
    label = charts.label(name, width, lines)
    assert label.text == text
    assert label.cut == text.endswith("\u2026")
    assert all(len(line) <= width + 1 for line in label.text.split("\n"))


def test_a_lampiran_part_takes_its_narrative(tmp_path):
    agency = tmp_path / "magetan-dinsos"
    shutil.copytree(CONTENT / "magetan-dinsos", agency)
    folder = agency / "lkjip-2024"
    (folder / "narasi" / "lampiran-iku.md").write_text(
        "Indikator Kinerja Utama {{ opd }} ditetapkan dengan Keputusan Kepala Dinas.\n",
        encoding="utf-8",
    )
    (docx,) = build(folder, tmp_path / "out").outputs
    text = paragraphs(docx)
    at = (
        len(text)
        - 1
        - text[::-1].index("Lampiran B. Indikator Kinerja Utama (IKU) Tahun 2024-2026")
    )  # the heading
    assert (
        text[at + 1]
        == "Indikator Kinerja Utama Dinas Sosial Kabupaten Magetan ditetapkan dengan Keputusan Kepala Dinas."
    )
