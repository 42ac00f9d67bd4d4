"""The Typst PDF engine (render/typst.py): text never read as markup, every node kind drawn,
spans, the shipped fonts only, the typeface setting, PDF/A, pictures.

The page layout shared with WeasyPrint (paper, landscape pages, roman/arabic numbers, Daftar Isi
page numbers, repeated head rows, signature) is tested on both engines in test_pdf.py."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from pdf_reading import page_sizes_mm, pdf_texts, squeeze

from laporgen.document.nodes import (
    Cell,
    Column,
    Cover,
    Document,
    Figure,
    LabelBlock,
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
from laporgen.document.text_width import unbreakable_pieces
from laporgen.errors import LaporgenError
from laporgen.render.typst import FONTS, _cell_string, render_typst_pdf, typst_markup

# Everything Typst markup or code would read as syntax: markup, math, code, labels, references,
# comments, raw text, escapes and a string's own quote and backslash.
NASTY = r'<&> #let x = 1 $a^2$ *tebal* _miring_ [kurung] \ \\ "kutip" // bukan komentar /* */ @ref <lbl> `raw` = judul - butir + nomor ~ ...'


def para(text: str, **kwargs) -> Paragraph:
    return Paragraph((Text(text),), **kwargs)


def cell(text: str, **kwargs) -> Cell:
    return Cell((para(text),), **kwargs)


def every_node_document(name: str = "Budi", **overrides) -> Document:
    """One of every node kind, with `name` in every place a text can be."""
    spans = Table(
        id="t",
        number="2.1",
        title=f"Tabel {name}",
        columns=(Column(1), Column(2), Column(1, "right"), Column(1, "right")),
        head=(
            (cell("No.", rowspan=2), cell(f"Uraian {name}", rowspan=2), cell("Tahun", colspan=2)),
            (cell("2023"), cell("2024")),
        ),
        body=(
            (cell("1"), cell(name), cell("10,00", align="right"), cell("12,50", align="right")),
            (
                cell("2", rowspan=2),
                Cell((para("baris"), ListBlock(((para("satu"),), (para("dua"),)), "a."))),
                cell("-", align="right", shade=True),
                cell("7", align="right"),
            ),
            (cell(f"{name} bawah"), cell("3", colspan=2, align="center", strong=True)),
        ),
        foot=((cell("Jumlah", colspan=2), cell("10,00"), cell("19,50")),),
        caption_lines=(f"Baris {name}",),
        source=f"Sumber : {name}",
        notes=(f"Catatan {name}",),
        font_size="small",
    )
    inlines = (Text("Awal "), Text(name, strong=True), LineBreak(), Text(name, emph=True))
    body = (
        LabelBlock((("Lampiran", f"Keputusan {name}"), ("NOMOR", ""))),
        Section(
            "bab1",
            1,
            "BAB I",
            f"JUDUL {name}",
            (
                Section(
                    "a",
                    2,
                    "A.",
                    f"Sub {name}",
                    (
                        Paragraph(inlines),
                        para(name, align="center"),
                        para(name, style="note"),
                        para(name, style="center", keep_with_next=True),
                        ListBlock(
                            (
                                (para(f"butir {name}"),),
                                (para("dua"), ListBlock(((para("anak"),),), "-")),
                            ),
                            "1.",
                        ),
                        ListBlock(((para("titik"),),), "•"),
                    ),
                ),
            ),
        ),  # on the decree block's page, as the Renstra prints it
        Section(
            "bab2",
            1,
            "BAB II",
            "TABEL",
            (
                spans,
                Figure("g", "2.1", f"Gambar {name}", None, alt=f"Tidak ada {name}"),
                PageBreak(),
                Landscape((para(f"Lebar {name}"),)),
                Signature(
                    f"Kota {name}, 2025", (f"KEPALA {name}",), name, f"Pangkat {name}", "1234"
                ),
            ),
            page_break_before=True,
        ),
    )
    document = Document(
        title=f"Judul {name}",
        subject=f"Subjek {name}",
        author=f"Penulis {name}",
        date_iso="2025-02-01",
        cover=Cover((f"LAPORAN {name}",), (f"DINAS {name}",)),
        front=(
            Section("kp", 1, "", f"KATA PENGANTAR {name}", (para(name),), in_toc=False),
            PageBreak(),
            Toc(
                "DAFTAR ISI",
                ((1, f"BAB I JUDUL {name}"), (2, f"A. Sub {name}"), (1, "BAB II TABEL")),
            ),
            ListOfTables("DAFTAR TABEL", "Tabel", (f"Tabel 2.1 Tabel {name}",)),
            ListOfTables("DAFTAR GAMBAR", "Gambar", (f"Gambar 2.1 Gambar {name}",)),
        ),
        body=body,
        running_header=f"Kepala {name}",
    )
    return replace(document, **overrides)


@pytest.fixture(scope="module")
def nasty() -> tuple[Document, list[str], bytes]:
    document = every_node_document(NASTY)
    pdf = render_typst_pdf(document)
    return document, pdf_texts(pdf), pdf


# --------------------------------------------------------------------------------- escaping
def test_markup_and_code_characters_print_as_written_everywhere(nasty):
    """The name is in the cover, running header, headings, paragraphs (plain, bold, italic),
    lists, captions, cells, source, notes, listings, signature and metadata: it prints
    exactly as written each time, and nothing of it was run as code or markup."""
    _, texts, pdf = nasty
    flat = squeeze("\n".join(texts))
    for place in (
        f"LAPORAN {NASTY}",
        f"DINAS {NASTY}",
        f"Kepala {NASTY}",
        f"KATA PENGANTAR {NASTY}",
        f"JUDUL {NASTY}",
        f"Sub {NASTY}",
        f"butir {NASTY}",
        f"Tabel 2.1 Tabel {NASTY}",
        f"Baris {NASTY}",
        f"Uraian {NASTY}",
        f"{NASTY} bawah",
        f"Sumber : {NASTY}",
        f"Catatan {NASTY}",
        f"Gambar 2.1 Gambar {NASTY}",
        f"Tidak ada {NASTY}",
        f"Lebar {NASTY}",
        f"Kota {NASTY}, 2025",
        f"KEPALA {NASTY}",
        f"Pangkat {NASTY}",
        f"Lampiran : Keputusan {NASTY}",
    ):
        assert squeeze(place) in flat, place
    # the name alone: cover title, paragraphs ×5 (one split by a line break), cell, signature…
    assert flat.count(squeeze(NASTY)) >= 25
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert (info["/Title"], info["/Author"]) == (f"Judul {NASTY}", f"Penulis {NASTY}")


def test_every_text_is_a_string_literal_in_the_markup(tmp_path):
    """No user text reaches Typst outside a string literal: with the name replaced by a marker,
    the marker only ever appears between quotes."""
    markup = typst_markup(every_node_document("Q9Z"), tmp_path)
    for line in markup.splitlines():
        for match in re.finditer("Q9Z", line):
            before = line[: match.start()]
            quotes = len(re.findall(r'(?<!\\)"', before))
            assert quotes % 2 == 1, line


# ------------------------------------------------------------------------------ node kinds
def test_every_node_kind_is_drawn_in_order(nasty):
    _, texts, _ = nasty
    flat = squeeze("\n".join(texts))
    order = [
        f"LAPORAN {NASTY}",
        "DAFTARISI",
        "DAFTARTABEL",
        "DAFTARGAMBAR",
        "Lampiran:Keputusan",
        "NOMOR:",
        f"BAB I JUDUL {NASTY}",
        f"Awal {NASTY}",
        f"butir {NASTY}",
        "anak",
        "titik",
        f"Tabel 2.1 Tabel {NASTY}",
        "10,0012,50",
        "Jumlah10,0019,50",
        f"Gambar 2.1 Gambar {NASTY}",
        f"Lebar {NASTY}",
        f"Kota {NASTY}",
    ]
    position = 0
    for text in order:  # each after the one before
        position = flat.find(squeeze(text), position)
        assert position != -1, text
    sizes = page_sizes_mm(nasty[2])
    landscape = [i for i, (w, h) in enumerate(sizes) if w > h]
    assert len(landscape) == 1 and squeeze(f"Lebar {NASTY}") in squeeze(texts[landscape[0]])
    assert squeeze(f"Kepala {NASTY}") in squeeze(texts[landscape[0]])  # its running header
    assert squeeze(f"Kota {NASTY}") in squeeze(texts[landscape[0] + 1])  # back to portrait


def test_list_markers_as_the_tree_says(nasty):
    _, texts, _ = nasty
    flat = squeeze(" ".join(texts))
    for item in (f"1. butir {NASTY}", "2. dua", "- anak", "• titik", "a. satu", "b. dua"):
        assert squeeze(item) in flat, item  # "a." is the list inside a cell


def test_listing_page_numbers_in_each_targets_numbering(nasty):
    """Daftar Isi/Tabel/Gambar entries carry the page number of their heading or caption."""
    _, texts, _ = nasty
    listing = "\n".join(texts[1:4])
    assert re.search(r"BAB I JUDUL .*?\.\s*1\s*$", listing, re.MULTILINE | re.DOTALL)
    assert re.search(r"BAB II TABEL\s*\.[\s.]*2\s*$", listing, re.MULTILINE)
    assert re.search(r"Tabel 2\.1 Tabel .*?\.\s*2\s*$", listing, re.MULTILINE | re.DOTALL)


# ---------------------------------------------------------------------------------- fonts
def base_fonts(pdf: bytes) -> dict[str, pypdf.generic.DictionaryObject]:
    """Every font of every page (base name without the subset tag) → its font descriptor."""
    fonts = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            fonts[str(font["/BaseFont"]).split("+", 1)[-1]] = descendant["/FontDescriptor"]
    return fonts


@pytest.mark.parametrize(
    ("huruf", "family"),
    [
        ("Arial", "LiberationSans"),
        ("Times New Roman", "LiberationSerif"),
        ("Bookman Old Style", "TeXGyreBonum"),
    ],
)
def test_the_typeface_setting_picks_a_shipped_font_and_embeds_it(huruf, family):
    pdf = render_typst_pdf(every_node_document("Budi", font=huruf))
    fonts = base_fonts(pdf)
    assert {name.split("-")[0] for name in fonts} == {family}, sorted(fonts)
    assert {"Regular" in n or "-" not in n for n in fonts} and any("Bold" in n for n in fonts)
    for descriptor in fonts.values():  # every font embedded
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor)


def test_the_shipped_fonts_and_their_licences_are_package_data():
    names = {path.name for path in FONTS.iterdir()}
    for family in ("LiberationSans", "LiberationSerif"):
        assert {
            f"{family}-{style}.ttf" for style in ("Regular", "Bold", "Italic", "BoldItalic")
        } <= names
    assert {f"texgyrebonum-{s}.otf" for s in ("regular", "bold", "italic", "bolditalic")} <= names
    assert "SIL-OFL-1.1" in (FONTS / "LICENSE-Liberation.txt").read_text()
    assert "GUST-Font-License" in (FONTS / "LICENSE-TeX-Gyre.txt").read_text()


# ------------------------------------------------------------------------------------ PDF/A
def test_pdf_a_2b_identifies_itself_has_an_output_intent_and_embeds_every_font():
    """What veraPDF would check first: the XMP PDF/A identification, the sRGB output intent,
    every font embedded; and the document's dates and title in the XMP too."""
    pdf = render_typst_pdf(every_node_document("Budi"), pdf_standard="a-2b")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert "2025-02-01T00:00:00" in xmp and "Judul Budi" in xmp
    (intent,) = reader.trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/OutputCondition"] == "sRGB"
    assert intent["/DestOutputProfile"].get_object().get_data()[36:40] == b"acsp"  # an ICC profile
    fonts = base_fonts(pdf)
    assert fonts and all({"/FontFile", "/FontFile2", "/FontFile3"} & set(d) for d in fonts.values())
    assert "/Encrypt" not in reader.trailer


def test_without_a_standard_the_pdf_claims_none():
    pdf = render_typst_pdf(every_node_document("Budi"))
    assert b"pdfaid:part" not in pdf


def test_an_unknown_pdf_standard_is_a_usage_error():
    with pytest.raises(LaporgenError) as caught:
        render_typst_pdf(every_node_document("Budi"), pdf_standard="a-9z")
    assert caught.value.problems[0].code == "usage"


# -------------------------------------------------------------------------------- pictures
def test_pictures_charts_and_the_logo_are_embedded(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), (200, 0, 0)).save(logo)
    chart = io.BytesIO()
    Image.new("RGB", (60, 30), (0, 0, 200)).save(chart, format="PNG")
    document = every_node_document("Budi")
    document = replace(
        document,
        cover=replace(document.cover, logo=str(logo)),
        body=(
            *document.body,
            Figure("c", "2.2", "Grafik", None, png=chart.getvalue(), width_cm=10),
            Figure("f", "2.3", "Foto", str(logo), width_cm=5),
        ),
    )
    reader = pypdf.PdfReader(io.BytesIO(render_typst_pdf(document)))
    images = [name for page in reader.pages for name in page.images]
    assert len(reader.pages[0].images) == 1  # the logo, on the cover
    assert len(images) == 3


def test_a_picture_file_that_is_not_an_image_is_an_input_error(tmp_path):
    bad = tmp_path / "foto.txt"
    bad.write_text("bukan gambar")
    document = every_node_document("Budi")
    document = replace(document, body=(*document.body, Figure("f", "2.3", "Foto", str(bad))))
    with pytest.raises(LaporgenError) as caught:
        render_typst_pdf(document)
    (problem,) = caught.value.problems
    assert problem.field == "f.path" and "not an image" in problem.message


def test_the_pdf_is_the_same_bytes_every_time_and_needs_no_system_font(monkeypatch):
    """Typst is told to ignore the system's fonts: the bytes depend on laporgen alone."""
    document = every_node_document("Budi")
    first = render_typst_pdf(document)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # no effect: the PDF is dated by the document
    assert render_typst_pdf(document) == first


def test_the_layout_template_lives_in_the_package():
    root = Path(__file__).resolve().parents[2] / "src" / "laporgen" / "templates" / "typst"
    assert (root / "laporgen.typ").is_file()


# ------------------------------------------------------------------------------------- CLI
def test_cli_builds_a_pdf_a_with_the_default_engine(run_cli, example_copy, tmp_path):
    code, _, err = run_cli(
        "build", example_copy, "--out", tmp_path / "o", "--format", "pdf", "--pdf-standard", "a-2b"
    )
    assert (code, err) == (0, "")
    (pdf,) = (tmp_path / "o").glob("*.pdf")
    assert b"<pdfaid:part>2</pdfaid:part>" in pdf.read_bytes()


def test_cli_refuses_pdf_a_from_another_engine(run_cli, example_copy, tmp_path):
    code, _, err = run_cli(
        "build",
        example_copy,
        "--out",
        tmp_path / "o",
        "--format",
        "pdf",
        "--pdf-standard",
        "a-2b",
        "--pdf-engine",
        "weasyprint",
    )
    assert code == 2
    assert "--pdf-standard a-2b needs the typst PDF engine" in err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("huruf", ["Times New Roman", "Bookman Old Style"])
def test_docx_html_and_pdf_take_the_same_typeface(huruf):
    """The DOCX names the font in its default and every style; the HTML's font stack and the
    PDF's embedded font are its metric-compatible open twin."""
    import docx as python_docx
    from docx.oxml.ns import qn

    from laporgen.build import TEMPLATES
    from laporgen.render.docx import render_docx
    from laporgen.render.html import FONT_STACKS, render_html
    from laporgen.render.typst import FONTS_FOR

    document = every_node_document("Budi", font=huruf)
    buffer = io.BytesIO()
    render_docx(document, TEMPLATES / "laporgen.docx", buffer)
    styles = python_docx.Document(io.BytesIO(buffer.getvalue())).styles.element
    named = {f.get(qn("w:ascii")) for f in styles.iter(qn("w:rFonts")) if f.get(qn("w:ascii"))}
    assert named == {huruf}
    assert f"--font: {FONT_STACKS[huruf]};" in render_html(document)
    twin = FONTS_FOR[huruf].replace(" ", "")
    assert all(name.startswith(twin) for name in base_fonts(render_typst_pdf(document)))


def test_a_cells_level_indents_its_text(tmp_path):
    """A kegiatan's name (level 1) and a sub-kegiatan's (level 2) are indented 0,3 cm a step,
    as in the DOCX."""
    table = Table(
        "t",
        "1.1",
        "Matriks",
        (Column(1),),
        (),
        tuple((Cell((para(f"Nama {level}"),), level=level),) for level in (0, 1, 2)),
    )
    markup = typst_markup(every_node_document("Budi", body=(table,)), tmp_path)
    assert '"Nama 0",' in markup
    assert 'pad(left: 0.3cm, "Nama 1")' in markup and 'pad(left: 0.6cm, "Nama 2")' in markup
    texts = pdf_texts(render_typst_pdf(every_node_document("Budi", body=(table,))))
    assert "Nama 2" in texts[-1]


def test_a_token_wraps_whole_and_its_text_copies_as_written(tmp_path):
    """A token Unicode may break after its "/" or "-" ("Desa/Kelurahan", "2021-2026") is kept
    whole in a narrow cell by a Typst box, not by a word joiner (U+2060): the PDF's text, as
    pdftotext or a copy reads it, holds the tokens as written and no joiner."""
    words = "Jumlah Desa/Kelurahan penerima bantuan sosial periode 2021-2026 dan Kab./Kota lain"
    table = Table(
        "t",
        "1.1",
        "Sempit",
        (Column(1, "left", 78.0), Column(6)),
        (),
        (
            (Cell((para(words),)), Cell((para("lebar"),))),
            # a list item's text goes into markup (`[#…]`): the boxed text must stay code there
            (Cell((ListBlock(((para("butir Kab./Kota"),),), "-"),)), Cell((para("daftar"),))),
        ),
    )
    document = every_node_document("Budi", body=(table,))
    markup = typst_markup(document, tmp_path)
    assert '("Jumlah " + box("Desa/Kelurahan") + " penerima' in markup
    assert "\u2060" not in markup
    pdf = tmp_path / "sempit.pdf"
    pdf.write_bytes(render_typst_pdf(document))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "\u2060" not in text
    lines = [line.strip() for line in text.splitlines()]
    cell = [line for line in lines[lines.index("Tabel 1.1 Sempit") + 1 :] if line][:12]
    assert len([line for line in cell if "lebar" not in line]) > 3, cell  # it wrapped
    for token in ("Desa/Kelurahan", "2021-2026", "Kab./Kota"):
        assert any(token in line for line in cell), (token, cell)
    assert "box(" not in text and sum("Kab./Kota" in line for line in lines) == 2


def test_columns_are_never_narrower_than_their_widest_piece(tmp_path):
    """A column's `min_width` (its widest unbreakable piece: table_layout) holds in Typst: a
    column gets its share of the text area (16 cm wide on A4 portrait) or its minimum, the
    larger; a table handed over with minimums wider than the text area (the layout splits
    such a table now) gets them, rather than a word overflowing its cell.
    Text sizes and cell margins are the ones the layout measured for (8 pt the least)."""
    number = "24.175.862.284"

    def table(shares: tuple[float, float], mins: tuple[float, float]) -> Table:
        return Table(
            "t",
            "1.1",
            "Anggaran",
            (Column(shares[0], "right", mins[0]), Column(shares[1], "left", mins[1])),
            (),
            ((Cell((para(number),)), Cell((para("Belanja"),))),),
            font_size="tiny",
            cell_margin=2.0,
        )

    area = (210 - 55) * 72 / 25.4

    def columns(t: Table) -> str:
        markup = typst_markup(every_node_document("Budi", body=(t,)), tmp_path)
        assert '#lp-table("tiny", 2pt, ' in markup
        found = re.search(r"columns: \(([^)]*)\)", markup.split("#lp-table(")[1])
        assert found is not None
        return found.group(1)

    assert columns(table((0.25, 0.75), (62.5, 30.0))) == f"{area / 4:.2f}pt, {area * 3 / 4:.2f}pt,"
    assert columns(table((0.02, 0.98), (62.5, 0.0))) == f"62.50pt, {area * 0.98:.2f}pt,"
    assert columns(table((0.5, 0.5), (300.0, 300.0))) == "300.00pt, 300.00pt,"
    good = table((0.25, 0.75), (62.5, 30.0))
    assert number in pdf_texts(render_typst_pdf(every_node_document("Budi", body=(good,))))[-1]


def test_a_picture_typst_cannot_decode_is_an_input_error_from_the_child(tmp_path):
    """The compile runs in a child process; its error comes back as the user's error."""
    broken = tmp_path / "rusak.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    document = every_node_document("Budi")
    document = replace(document, body=(*document.body, Figure("f", "2.3", "Foto", str(broken))))
    with pytest.raises(LaporgenError) as caught:
        render_typst_pdf(document)
    (problem,) = caught.value.problems
    assert problem.code == "input.image" and "Typst could not draw a picture" in problem.message


def test_making_many_pdfs_in_one_process_does_not_grow_it():
    """Typst's caches live and die in the child that compiles (a batch worker or the test run
    otherwise grew by tens of MB a PDF)."""

    def rss_mb() -> float:
        return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20

    document = every_node_document("Budi")
    render_typst_pdf(document)
    before = rss_mb()
    for _ in range(5):
        render_typst_pdf(document)
    assert rss_mb() - before < 5


def test_a_merged_cell_whose_rows_the_tree_keeps_together_is_not_broken(tmp_path):
    """`Table.keep_rows` (document/keep.py): a Sasaran cell over rows kept together is one
    unbreakable cell; over rows not kept, it may break between them (as before)."""
    table = Table(
        id="m",
        number="3.8",
        title="Sasaran",
        columns=(Column(1), Column(1)),
        head=((cell("Sasaran"), cell("Kegiatan")),),
        body=(
            (cell("Kept", rowspan=2), cell("k1")),
            (cell("k2"),),
            (cell("Loose", rowspan=2), cell("l1")),
            (cell("l2"),),
        ),
        keep_rows=frozenset({1}),
    )
    document = replace(every_node_document(), front=(), body=(table,))
    markup = typst_markup(document, tmp_path)
    assert re.search(r"rowspan: 2, breakable: false[^\n]*\"Kept\"", markup), markup
    assert re.search(r"rowspan: 2, breakable: true[^\n]*\"Loose\"", markup), markup


def test_a_short_table_before_a_signature_moves_with_it(tmp_path):
    """`Table.keep_with_next`: caption, grid and source in one unbreakable block stuck to the
    signature after it (the Dinas Perhubungan trial's signature stood alone on a page)."""
    table = Table(
        id="t",
        number="4.3",
        title="Target",
        columns=(Column(1),),
        head=((cell("A"),),),
        body=((cell("x"),),),
        source="Sumber: Renstra",
        keep_with_next=True,
    )
    document = replace(every_node_document(), front=(), body=(table,))
    markup = typst_markup(document, tmp_path)
    assert re.search(r"#block\(sticky: true, breakable: false\)\[\n#lp-caption", markup), markup
    assert "Sumber: Renstra" in markup.split("#block(sticky: true, breakable: false)[")[1]
    plain = replace(document, body=(replace(table, keep_with_next=False),))
    assert "sticky: true, breakable: false" not in typst_markup(plain, tmp_path)


def test_a_heading_opening_a_landscape_table_is_printed_on_its_page():
    """A heading whose first block is a landscape table, or one paragraph leading into it,
    starts the landscape page, as in the DOCX (`nodes.opens_landscape`): printed in portrait it
    stood alone on a mostly blank page (an LKjIP's "4. Indikator Kinerja Utama"). What follows
    the table goes back to portrait."""
    table = Table(
        "t", "3.1", "Lebar", (Column(1), Column(1)), (), ((cell("Isi tabel"), cell("x")),)
    )
    sub = Section(
        "iku", 2, "", "4. Indikator Kinerja Utama", (para("Pengantar."), Landscape((table,)))
    )
    body = (
        Section("bab1", 1, "BAB I", "SATU", (para("Teks."),)),
        Section("bab2", 1, "BAB II", "DUA", (sub, para("Sesudah.")), page_break_before=True),
    )
    pdf = render_typst_pdf(every_node_document("Budi", body=body))
    texts, sizes = pdf_texts(pdf), page_sizes_mm(pdf)
    (page,) = [n for n, text in enumerate(texts) if "Isi tabel" in text]
    assert "BAB II" in texts[page] and "Indikator Kinerja Utama" in texts[page]
    assert "Pengantar." in texts[page]
    assert sizes[page][0] > sizes[page][1]  # landscape
    (after,) = [n for n, text in enumerate(texts) if "Sesudah." in text]
    assert after == page + 1 and sizes[after][0] < sizes[after][1]


@pytest.mark.parametrize(
    "marker, labels",
    [("1.", ["1.", "2.", "3."]), ("a.", ["a.", "b.", "c."]), ("A.", ["A.", "B.", "C."])],
)
def test_a_numbered_list_counts_on(marker, labels):
    """The LKjIP's list of Lampiran ("A.") read "A. / A. / A.": every marker but "1." and "a."
    was drawn as a bullet, the same on each item."""
    items = tuple((para(f"Butir {n}"),) for n in ("satu", "dua", "tiga"))
    body = (Section("l", 1, "", "LAMPIRAN", (ListBlock(items, marker),)),)
    flat = squeeze(" ".join(pdf_texts(render_typst_pdf(every_node_document("Budi", body=body)))))
    for label, n in zip(labels, ("satu", "dua", "tiga"), strict=True):
        assert squeeze(f"{label} Butir {n}") in flat


@pytest.mark.parametrize(
    "text",
    [
        "Ruas Sukamaju-Cibening",
        "Laki-laki 2016/2017",
        "2018-2023",
        "2018–2023",
        "S1/D-IV",
        "-200,00",
    ],
)
def test_a_cell_breaks_where_the_layout_measured(text):
    """Typst keeps whole, in a `box`, exactly the pieces the table layout measured its columns
    by (`text_width.unbreakable_pieces`): a lokasi "Ruas Sukamaju-Cibening" joined whole was
    wider than its column and ran past the page. Outside a box a line may end at a space or
    after a dash before a letter (Unicode line breaking); a box ends where such a place is."""
    expression = _cell_string(text, bold=False)
    marked = ""
    for boxed, plain in re.findall(r'box\("([^"]*)"\)|"([^"]*)"', expression):
        if boxed:
            marked += "\0" + boxed + "\0"
        else:
            marked += re.sub(r"(?<=\S[-\u2010\u2013])(?=[^\d\s-])", "\0", plain)
    assert [p for p in re.split(r"[\s\0]+", marked) if p] == unbreakable_pieces(text)
    assert "\u2060" not in expression
