"""The HTML renderer, read back by XPath (lxml's HTML parser): headings and ids, TOC and Daftar
Tabel links, captions, head rows and spans, alignment, landscape wrappers, lists, escaping,
embedded images, paper, self-containment and determinism."""

from __future__ import annotations

import base64
import re
import struct
import zlib
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from laporgen.document.nodes import (
    Cell,
    Column,
    Cover,
    Document,
    Figure,
    Landscape,
    LineBreak,
    ListBlock,
    ListOfTables,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    Table,
    Text,
    Toc,
)
from laporgen.errors import LaporgenError
from laporgen.render.html import render_html

NASTY = '<&>"'


def para(text: str, **kwargs) -> Paragraph:
    return Paragraph((Text(text),), **kwargs)


def cell(text: str, **kwargs) -> Cell:
    return Cell((para(text),), **kwargs)


def png(path: Path) -> Path:
    """Write a 1×1 white PNG to `path`."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )
    return path


def capaian_table(mark: str = "", id: str = "capaian") -> Table:
    """Tabel 1.1: two head rows (rowspan at the sides, colspan over Target/Realisasi)."""
    head = (
        (
            cell("No", rowspan=2, align="center"),
            cell(f"Indikator{mark}", rowspan=2, align="center"),
            cell("2024", colspan=2, align="center"),
            cell("Capaian (%)", rowspan=2, align="center"),
        ),
        (cell("Target", align="center"), cell("Realisasi", align="center")),
    )
    body = (
        (
            cell("1"),
            cell(f"Indeks Kepuasan{mark}"),
            cell("90,00", align="right"),
            cell("83,25", align="right"),
            cell("92,50", align="right"),
        ),
        (
            cell("2"),
            Cell(
                (para("Pagu"), ListBlock(((para("satu"),), (para("dua"),)), "-")),
            ),
            cell("24.175.862.284", align="right"),
            cell("22.000.000.000", align="right"),
            cell("91,00", align="right", shade=True),
        ),
    )
    foot = ((cell("Rata-rata", colspan=4), cell("91,75", align="right", strong=True)),)
    return Table(
        id=id,
        number="1.1",
        title=f"Capaian Kinerja{mark}",
        columns=(
            Column(0.5),
            Column(3),
            Column(2, "right"),
            Column(2, "right"),
            Column(1.5, "right"),
        ),
        head=head,
        body=body,
        foot=foot,
        caption_lines=(f"Dinas Sosial{mark}", "Tahun 2024"),
        source=f"Sumber : DPA{mark}",
        notes=(f"Catatan{mark}",),
    )


def wide_table() -> Table:
    return Table(
        id="lebar",
        number="2.1",
        title="Perbandingan Capaian",
        columns=tuple(Column(1.0, "right") for _ in range(11)),
        head=(tuple(cell(f"K{i}", align="center") for i in range(11)),),
        body=(tuple(cell(f"{i},00", align="right") for i in range(11)),),
        font_size="small",
    )


def sample_document(
    mark: str = "", paper: str = "A4", figure: Path | None = None, logo: Path | None = None
) -> Document:
    """A small LKjIP-like document; `mark` is appended to every text field."""
    front = (
        Section(
            "kata-pengantar",
            1,
            "",
            f"KATA PENGANTAR{mark}",
            (para(f"Puji syukur{mark}."),),
            in_toc=False,
            page_break_before=True,
        ),
        PageBreak(),
        Toc(
            f"DAFTAR ISI{mark}",
            (
                (1, f"BAB I PENDAHULUAN{mark}"),
                (2, f"A. Latar Belakang{mark}"),
                (3, "1. Kepegawaian"),
                (1, "BAB II PERENCANAAN KINERJA"),
            ),
        ),
        PageBreak(),
        ListOfTables(
            "DAFTAR TABEL",
            "Tabel",
            (f"Tabel 1.1 Capaian Kinerja{mark}", "Tabel 2.1 Perbandingan Capaian"),
        ),
        ListOfTables("DAFTAR GAMBAR", "Gambar", (f"Gambar 1.1 Struktur Organisasi{mark}",)),
    )
    bab1 = Section(
        "pendahuluan",
        1,
        "BAB I",
        f"PENDAHULUAN{mark}",
        (
            Section(
                "latar-belakang",
                2,
                "A.",
                f"Latar Belakang{mark}",
                (
                    Paragraph(
                        (
                            Text("Teks "),
                            Text(f"tebal{mark}", strong=True),
                            LineBreak(),
                            Text("miring", emph=True),
                        ),
                        keep_with_next=True,
                    ),
                    Section(
                        "kepegawaian",
                        3,
                        "1.",
                        "Kepegawaian",
                        (
                            ListBlock(
                                (
                                    (para(f"Satu{mark}"),),
                                    (
                                        para("Dua"),
                                        ListBlock(((para("Dua a"),), (para("Dua b"),)), "a."),
                                    ),
                                ),
                                "1.",
                            ),
                            Section(
                                "rincian",
                                4,
                                "a.",
                                "Rincian",
                                (para("Catatan", style="note"),),
                                in_toc=False,
                            ),
                        ),
                    ),
                ),
            ),
            capaian_table(mark),
            Figure(
                "bagan",
                "1.1",
                f"Struktur Organisasi{mark}",
                str(figure) if figure else None,
                alt=f"Bagan{mark}",
            ),
        ),
        page_break_before=True,
    )
    bab2 = Section(
        "perencanaan",
        1,
        "BAB II",
        "PERENCANAAN KINERJA",
        (
            para("Tabel lebar berikut."),
            Landscape((wide_table(),)),
            Section(
                "tanda-tangan",
                2,
                "",
                "",
                (
                    Signature(
                        f"Magetan, Februari 2025{mark}",
                        ("KEPALA DINAS SOSIAL", f"KABUPATEN MAGETAN{mark}"),
                        f"PARMINTO{mark}",
                        "Pembina Utama Muda (IV/c)",
                        "197212211993021002",
                    ),
                ),
                in_toc=False,
            ),
        ),
        page_break_before=True,
    )
    return Document(
        title=f"Laporan Kinerja{mark}",
        subject=f"LKjIP{mark}",
        author=f"Dinas Sosial{mark}",
        date_iso="2025-02-01",
        cover=Cover(
            (f"LAPORAN KINERJA{mark}", "TAHUN 2024"),
            (f"DINAS SOSIAL{mark}", "TAHUN 2025"),
            str(logo) if logo else None,
        ),
        front=front,
        body=(bab1, bab2),
        paper=paper,  # type: ignore[arg-type]
        running_header=f"LKjIP Dinas Sosial{mark}",
    )


def parse(document: Document) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_html(document))


def text(element: lxml.html.HtmlElement) -> str:
    """The element's text with <br> as a line break, runs of spaces collapsed."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return re.sub(r"[ \t]+", " ", element.text_content()).strip()


@pytest.fixture(scope="module")
def page() -> lxml.html.HtmlElement:
    return parse(sample_document())


# ------------------------------------------------------------------------------ headings
def test_headings_are_h1_to_h4_with_the_section_ids(page):
    headings = [(h.tag, h.get("id"), text(h)) for h in page.xpath("//h1|//h2|//h3|//h4")]
    assert headings == [
        ("h1", "kata-pengantar", "KATA PENGANTAR"),
        ("h1", "pendahuluan", "BAB I PENDAHULUAN"),
        ("h2", "latar-belakang", "A. Latar Belakang"),
        ("h3", "kepegawaian", "1. Kepegawaian"),
        ("h4", "rincian", "a. Rincian"),
        ("h1", "perencanaan", "BAB II PERENCANAAN KINERJA"),
    ]
    bab = page.xpath("//h1[@id='pendahuluan']/span/@class")
    assert bab == ["heading-number", "heading-title"]  # drawn on two lines, as in the DOCX


def test_section_without_heading_text_keeps_its_id_on_the_section(page):
    (section,) = page.xpath("//section[@id='tanda-tangan']")
    assert not section.xpath("h1|h2|h3|h4|h5|h6")
    assert section.xpath("div[@class='signature']")


def test_every_id_is_unique_even_when_a_section_and_its_table_share_one():
    doc = sample_document()
    bab1 = doc.body[0]
    twice = capaian_table(id="pendahuluan")  # one node object placed twice, once in a list
    listed = ListBlock(((para("Tabel dalam daftar:"), twice),))
    clash = replace(bab1, children=(*bab1.children, twice, listed))
    html = parse(replace(doc, body=(clash, doc.body[1])))
    ids = html.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert {"pendahuluan", "tabel-pendahuluan", "tabel-pendahuluan-2"} <= set(ids)
    assert html.xpath("//li/div/div/table/@id") == ["tabel-pendahuluan-2"]


def test_page_break_classes_for_sections_that_start_a_page(page):
    assert "page-break-before" in page.xpath("//h1[@id='pendahuluan']/..")[0].get("class")
    assert "not-in-toc" in page.xpath("//h1[@id='kata-pengantar']/..")[0].get("class")
    assert len(page.xpath("//div[@class='page-break']")) == 2


# ------------------------------------------------------------------- contents listings
def test_toc_links_resolve_to_heading_ids(page):
    (toc,) = page.xpath("//nav[contains(@class, 'toc')]")
    assert text(toc.xpath("p[@class='contents-title']")[0]) == "DAFTAR ISI"
    links = [(a.get("href"), text(a), a.getparent().get("class")) for a in toc.xpath(".//a")]
    assert links == [
        ("#pendahuluan", "BAB I PENDAHULUAN", "toc-level-1"),
        ("#latar-belakang", "A. Latar Belakang", "toc-level-2"),
        ("#kepegawaian", "1. Kepegawaian", "toc-level-3"),
        ("#perencanaan", "BAB II PERENCANAAN KINERJA", "toc-level-1"),
    ]
    for href, _, _ in links:
        assert page.xpath(f"//h1[@id='{href[1:]}']|//h2[@id='{href[1:]}']|//h3[@id='{href[1:]}']")


def test_list_of_tables_links_to_table_ids_and_figures_to_figure_ids(page):
    tables = page.xpath("//nav[contains(@class, 'list-of-tables')]//a")
    assert [(a.get("href"), text(a)) for a in tables] == [
        ("#tabel-capaian", "Tabel 1.1 Capaian Kinerja"),
        ("#tabel-lebar", "Tabel 2.1 Perbandingan Capaian"),
    ]
    for a in tables:
        assert page.xpath(f"//table[@id='{a.get('href')[1:]}']")
    (figure,) = page.xpath("//nav[contains(@class, 'list-of-figures')]//a")
    assert figure.get("href") == "#gambar-bagan" and page.xpath("//figure[@id='gambar-bagan']")


def test_an_entry_without_a_heading_is_listed_without_a_link():
    doc = sample_document()
    toc = Toc("DAFTAR ISI", ((1, "BAB IX TIDAK ADA"), (1, "BAB I PENDAHULUAN")))
    html = parse(replace(doc, front=(toc,)))
    items = html.xpath("//nav[contains(@class, 'toc')]//li")
    assert [text(li) for li in items] == ["BAB IX TIDAK ADA", "BAB I PENDAHULUAN"]
    assert not items[0].xpath("a") and items[1].xpath("a/@href") == ["#pendahuluan"]


def test_toc_links_to_front_matter_are_marked_for_roman_page_numbers():
    doc = sample_document()
    toc = Toc("DAFTAR ISI", ((1, "KATA PENGANTAR"), (1, "BAB I PENDAHULUAN")))
    front = (replace(doc.front[0], in_toc=True), toc)
    html = parse(replace(doc, front=front))
    assert [a.get("class") for a in html.xpath("//nav//a")] == ["front-target", None]


def test_toc_page_numbers_follow_a_leader_of_spaced_dots(page):
    """Spaced dots: WeasyPrint draws a box per repeat of the leader, half as many as for
    dense dots (the speed of the PDF, issue 9)."""
    css = "".join(page.xpath("//style[@media='print']/text()"))
    leaders = re.findall(r"content: (leader\([^)]*\)) target-counter\(attr\(href url\), page", css)
    assert leaders == ['leader(". ")', 'leader(". ")']


# -------------------------------------------------------------------------------- tables
def test_table_caption_above_with_number_title_and_lines(page):
    (table,) = page.xpath("//table[@id='tabel-capaian']")
    caption = table.xpath("caption")
    assert caption and table.index(caption[0]) == 0
    assert text(caption[0]) == "Tabel 1.1 Capaian Kinerja\nDinas Sosial\nTahun 2024"
    assert table.xpath("following::p[1]/@class") == ["source"]
    assert [text(p) for p in table.xpath("following::p[position() <= 2]")] == [
        "Sumber : DPA",
        "Catatan",
    ]


def test_table_head_rows_in_thead_with_grouped_spans(page):
    (table,) = page.xpath("//table[@id='tabel-capaian']")
    rows = table.xpath("thead/tr")
    assert len(rows) == 2
    first = [
        (text(th), th.get("colspan"), th.get("rowspan"), th.get("scope"))
        for th in rows[0].xpath("th")
    ]
    assert first == [
        ("No", None, "2", "col"),
        ("Indikator", None, "2", "col"),
        ("2024", "2", None, "colgroup"),
        ("Capaian (%)", None, "2", "col"),
    ]
    assert [text(th) for th in rows[1].xpath("th")] == ["Target", "Realisasi"]
    assert len(table.xpath("tbody/tr")) == 2
    assert [text(td) for td in table.xpath("tfoot/tr/td")] == ["Rata-rata", "91,75"]
    assert table.xpath("tfoot/tr/td[1]/@colspan") == ["4"]


def test_column_widths_are_proportional(page):
    widths = page.xpath("//table[@id='tabel-capaian']/colgroup/col/@style")
    assert widths == [
        "width: 5.56%",
        "width: 33.33%",
        "width: 22.22%",
        "width: 22.22%",
        "width: 16.67%",
    ]


def test_numbers_are_right_aligned_by_class_and_css(page):
    (table,) = page.xpath("//table[@id='tabel-capaian']")
    right = [text(td) for td in table.xpath("tbody//td[contains(@class, 'align-right')]")]
    assert right == ["90,00", "83,25", "92,50", "24.175.862.284", "22.000.000.000", "91,00"]
    assert table.xpath("tbody/tr[2]/td[5]/@class") == ["align-right shade"]
    assert table.xpath("tfoot/tr/td[2]/@class") == ["align-right strong"]
    css = "".join(page.xpath("//style/text()"))
    assert re.search(r"\.align-right\s*\{\s*text-align:\s*right;", css)


def test_list_in_a_cell_takes_the_cells_look(page):
    (cell_list,) = page.xpath("//table[@id='tabel-capaian']/tbody/tr[2]/td[2]/ul")
    assert cell_list.get("class") == "list-dash"
    assert cell_list.xpath("li/p/@class") == []  # plain paragraphs: no body style inside a cell


def bold_cells_table() -> Table:
    """Bold runs in a head cell, a body cell, a strong body cell and a foot cell."""
    bold = (Text("tebal", strong=True),)
    return Table(
        id="tebal",
        number="1.9",
        title="Tebal",
        columns=(Column(1), Column(1)),
        head=((Cell((Paragraph(bold),)), cell("Kepala")),),
        body=(
            (Cell((Paragraph((Text("biasa "), *bold)),)), Cell((Paragraph(bold),), strong=True)),
            (Cell((para("satu"), para("dua"))), cell("3")),
        ),
        foot=((Cell((Paragraph(bold),)), cell("9")),),
    )


def test_a_lone_paragraph_in_a_cell_is_written_without_a_p():
    """WeasyPrint pays a block box per <p>; a lone paragraph looks the same without it (the
    speed of the PDF, issue 9). Two paragraphs stay two <p>s."""
    (table,) = parse(replace(sample_document(), body=(bold_cells_table(),))).xpath("//table")
    assert table.xpath("thead/tr/th[2]/text()") == ["Kepala"]
    assert not table.xpath("thead//p|tfoot//p|tbody/tr[1]//p")
    assert [text(p) for p in table.xpath("tbody/tr[2]/td[1]/p")] == ["satu", "dua"]
    (capaian,) = parse(sample_document()).xpath("//table[@id='tabel-capaian']")
    assert capaian.xpath("tbody/tr[2]/td[2]/p/text()") == ["Pagu"]  # a list comes after it
    assert capaian.xpath("tbody/tr[2]/td[2]/ul/li/text()") == ["satu", "dua"]


def test_bold_runs_are_strong_only_where_the_css_does_not_set_bold():
    """Head, foot and strong cells are bold by CSS: a <strong> there would only add boxes."""
    page = parse(replace(sample_document(), body=(bold_cells_table(),)))
    (table,) = page.xpath("//table")
    assert table.xpath(".//strong/text()") == ["tebal"]  # the one in the plain body cell
    assert table.xpath("tbody/tr[1]/td[1]/strong/text()") == ["tebal"]
    assert [text(cell) for cell in table.xpath(".//th|.//td")][:4] == [
        "tebal",
        "Kepala",
        "biasa tebal",
        "tebal",
    ]
    css = "".join(page.xpath("//style/text()"))
    assert re.search(r"table\.report-table th \{[^}]*font-weight: bold", css)
    assert re.search(
        r"table\.report-table tfoot td, table\.report-table td\.strong \{ font-weight: bold", css
    )


def test_table_scrolls_sideways_on_a_phone(page):
    assert page.xpath("//div[@class='table-scroll']/table[@id='tabel-capaian']")
    css = "".join(page.xpath("//style[@media='screen']/text()"))
    assert re.search(r"\.table-scroll\s*\{\s*overflow-x:\s*auto;", css)
    assert page.xpath("//meta[@name='viewport']")


def test_landscape_block_is_a_wrapper_on_a_named_landscape_page(page):
    (wrapper,) = page.xpath("//div[@class='landscape']")
    assert wrapper.xpath(".//table/@id") == ["tabel-lebar"]
    assert wrapper.xpath(".//table/@class") == ["report-table small"]
    print_css = "".join(page.xpath("//style[@media='print']/text()"))
    assert re.search(r"\.landscape\s*\{\s*page:\s*landscape;", print_css)
    assert "@page landscape { size: 297mm 210mm; }" in print_css


# ---------------------------------------------------------------------- text and lists
def test_paragraph_inlines_styles_and_alignment(page):
    (p,) = page.xpath("//h2[@id='latar-belakang']/following-sibling::p[1]")
    assert p.get("class") == "body align-justify keep-with-next"
    assert p.xpath("strong/text()") == ["tebal"] and p.xpath("em/text()") == ["miring"]
    assert text(p) == "Teks tebal\nmiring"
    assert page.xpath("//h4[@id='rincian']/following-sibling::p/@class") == ["note align-justify"]


def test_lists_by_marker_with_sublists(page):
    (outer,) = page.xpath("//h3[@id='kepegawaian']/following-sibling::ol")
    assert outer.get("class") == "list-decimal"
    assert [text(li.xpath("p")[0]) for li in outer.xpath("li")] == ["Satu", "Dua"]
    (inner,) = outer.xpath("li[2]/ol")
    assert (inner.get("class"), inner.get("type")) == ("list-alpha", "a")


def test_signature_block(page):
    (signature,) = page.xpath("//div[@class='signature']")
    lines = [(p.get("class"), text(p)) for p in signature.xpath("p")]
    assert lines == [
        ("place-date", "Magetan, Februari 2025"),
        ("jabatan", "KEPALA DINAS SOSIAL"),
        ("jabatan", "KABUPATEN MAGETAN"),
        ("sign-space", ""),
        ("nama", "PARMINTO"),
        ("pangkat", "Pembina Utama Muda (IV/c)"),
        ("nip", "NIP. 197212211993021002"),
    ]


def test_cover_page_shell_and_running_header(page):
    assert [text(p) for p in page.xpath("//section[@class='cover']//p")] == [
        "LAPORAN KINERJA",
        "TAHUN 2024",
        "DINAS SOSIAL",
        "TAHUN 2025",
    ]
    assert text(page.xpath("//div[@class='running-header']")[0]) == "LKjIP Dinas Sosial"
    assert page.xpath("/html/@lang") == ["id"]
    assert page.xpath("//title/text()") == ["Laporan Kinerja"]
    assert page.xpath("//meta[@name='dcterms.created']/@content") == ["2025-02-01"]
    assert page.xpath("//div[@class='front-matter']//h1/@id") == ["kata-pengantar"]
    assert page.xpath("//main[@class='main-matter']/section/h1/@id") == [
        "pendahuluan",
        "perencanaan",
    ]


# ------------------------------------------------------------------------------- escaping
def test_markup_characters_are_escaped_everywhere():
    source = render_html(sample_document(NASTY))
    assert NASTY not in source
    assert "&lt;&amp;&gt;&#34;" in source or "&lt;&amp;&gt;&quot;" in source
    html = lxml.html.document_fromstring(source)
    assert text(html.xpath("//title")[0]) == f"Laporan Kinerja{NASTY}"
    assert text(html.xpath("//h1[@id='pendahuluan']")[0]) == f"BAB I PENDAHULUAN{NASTY}"
    assert text(html.xpath("//caption")[0]).startswith(
        f"Tabel 1.1 Capaian Kinerja{NASTY}\nDinas Sosial{NASTY}"
    )
    assert text(html.xpath("//thead//th[2]")[0]) == f"Indikator{NASTY}"
    assert text(html.xpath("//nav[contains(@class,'toc')]//a")[0]) == f"BAB I PENDAHULUAN{NASTY}"
    assert html.xpath("//nav[contains(@class,'toc')]/@aria-label") == [f"DAFTAR ISI{NASTY}"]
    assert html.xpath("//meta[@name='author']/@content") == [f"Dinas Sosial{NASTY}"]
    assert text(html.xpath("//div[@class='running-header']")[0]) == f"LKjIP Dinas Sosial{NASTY}"
    assert text(html.xpath("//p[@class='nama']")[0]) == f"PARMINTO{NASTY}"
    assert not html.xpath("//script")


# -------------------------------------------------------------------------------- images
def test_images_are_embedded_as_data_uris(tmp_path):
    picture, logo = png(tmp_path / "bagan.png"), png(tmp_path / "logo.png")
    html = parse(sample_document(figure=picture, logo=logo))
    (img,) = html.xpath("//figure[@id='gambar-bagan']/img")
    assert (
        img.get("src") == "data:image/png;base64," + base64.b64encode(picture.read_bytes()).decode()
    )
    assert img.get("alt") == "Bagan" and img.get("style") == "width: 14cm"
    assert (
        text(html.xpath("//figure[@id='gambar-bagan']/figcaption")[0])
        == "Gambar 1.1 Struktur Organisasi"
    )
    assert html.xpath("//p[@class='cover-logo']/img/@src")[0].startswith("data:image/png;base64,")


def test_figure_without_a_file_is_a_placeholder_box(page):
    (box,) = page.xpath("//figure[@id='gambar-bagan']/div[@class='figure-placeholder']")
    assert text(box) == "Bagan"
    assert not page.xpath("//section[@class='cover']//img")


def test_a_figure_that_is_not_an_image_is_an_input_error(tmp_path):
    bogus = tmp_path / "bagan.docx"
    bogus.write_bytes(b"not an image")
    with pytest.raises(LaporgenError) as caught:
        render_html(sample_document(figure=bogus))
    (problem,) = caught.value.problems
    assert (problem.field, problem.code) == ("bagan.path", "input")
    assert "not an image a browser can show" in problem.message


def test_no_external_resources(tmp_path):
    html = parse(sample_document(figure=png(tmp_path / "b.png"), logo=png(tmp_path / "l.png")))
    assert not html.xpath("//link|//script|//iframe|//object|//embed|//base")
    for url in html.xpath("//@src|//@href"):
        assert url.startswith(("#", "data:")), url
    css = "".join(html.xpath("//style/text()"))
    assert "@import" not in css and not re.search(r"url\(", css)


# ---------------------------------------------------------------------------- paper, output
@pytest.mark.parametrize(("paper", "size"), [("A4", "210mm 297mm"), ("F4", "215mm 330mm")])
def test_paper_size_from_the_document(paper, size):
    html = parse(sample_document(paper=paper))
    css = "".join(html.xpath("//style[@media='print']/text()"))
    width, height = size.split()
    assert f"@page {{ size: {width} {height}; }}" in css
    assert f"@page landscape {{ size: {height} {width}; }}" in css
    assert html.xpath("//body/@class") == [f"paper-{paper.lower()}"]


def test_same_document_same_html():
    assert render_html(sample_document(NASTY)) == render_html(sample_document(NASTY))


def test_a_missing_template_is_a_template_error(monkeypatch, tmp_path):
    from laporgen.render import html as html_module

    monkeypatch.setattr(html_module, "TEMPLATES", tmp_path)
    with pytest.raises(LaporgenError) as caught:
        render_html(sample_document())
    assert caught.value.problems[0].code == "template"


def test_a_table_kept_with_next_does_not_break_after_it():
    """`Table.keep_with_next` (a table right before a signature): its block is marked, and the
    print CSS avoids a page break after it."""
    table = replace(capaian_table(), keep_with_next=True)
    document = replace(sample_document(), front=(), body=(Section("b", 1, "", "B", (table,)),))
    (block,) = parse(document).xpath("//table[@id='tabel-capaian']/ancestor::div[1]/..")
    assert "keep-with-next" in block.get("class").split()
    css = (
        Path(__file__).resolve().parents[2] / "src/laporgen/templates/html/print.css"
    ).read_text()
    assert ".keep-with-next { break-after: avoid; }" in css
