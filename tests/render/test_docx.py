"""The DOCX renderer, read back through python-docx: headings, captions and SEQ fields, table
header rows and merged cells, sections and paper, escaping, determinism, template errors."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from dataclasses import replace
from pathlib import Path

import docx
from docx.shared import Pt
from docx.oxml.ns import qn
import pytest
from docx_reading import (
    docx_captions,
    docx_headings,
    docx_sections,
    docx_tables,
    docx_text,
    docx_xml,
)

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
from laporgen.render.docx import render_docx

TEMPLATE = Path(__file__).resolve().parents[2] / "src" / "laporgen" / "templates" / "laporgen.docx"
NASTY = '<&>"'


def para(text: str, **kwargs) -> Paragraph:
    return Paragraph((Text(text),), **kwargs)


def cell(text: str, **kwargs) -> Cell:
    return Cell((para(text),), **kwargs)


def grouped_table(mark: str = "") -> Table:
    """Tabel 1.1: a two-row grouped header (rowspan on the sides, colspan over Target/Realisasi)."""
    head = (
        (
            cell("No", rowspan=2),
            cell(f"Indikator{mark}", rowspan=2),
            cell("2024", colspan=2, align="center"),
            cell("Capaian (%)", rowspan=2),
        ),
        (cell("Target"), cell("Realisasi")),
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
            cell("Pagu (Rp)"),
            cell("24.175.862.284", align="right"),
            cell("22.000.000.000", align="right"),
            cell("91,00", align="right", shade=True),
        ),
    )
    foot = ((cell("Rata-rata", colspan=4), cell("91,75", align="right", strong=True)),)
    return Table(
        id="capaian",
        number="1.1",
        title=f"Capaian Kinerja{mark}",
        columns=(
            Column(0.6),
            Column(3),
            Column(2, "right"),
            Column(2, "right"),
            Column(1.4, "right"),
        ),
        head=head,
        body=body,
        foot=foot,
        caption_lines=(f"Dinas Kesehatan{mark}",),
        source=f"Sumber : Dinas Kesehatan{mark}",
        notes=(f"Catatan{mark}",),
    )


def wide_table(mark: str = "") -> Table:
    columns = tuple(Column(1.0, "right") for _ in range(12))
    return Table(
        id="tc23",
        number="2.1",
        title=f"Kinerja Pelayanan{mark}",
        columns=columns,
        head=(tuple(cell(f"K{i}") for i in range(12)),),
        body=(tuple(cell(f"{i},00", align="right") for i in range(12)),),
        font_size="small",
    )


def sample_document(mark: str = "", paper: str = "A4") -> Document:
    """A small LKjIP-like document; `mark` is appended to every text field."""
    front = (
        Section(
            "kata",
            1,
            "",
            f"KATA PENGANTAR{mark}",
            (
                para(
                    f"Puji syukur{mark} ke hadirat Tuhan.",
                ),
                Signature(
                    f"Lamongan, 10 Januari 2025{mark}",
                    (f"KEPALA DINAS{mark}",),
                    f"dr. Budi{mark}",
                    f"Pembina Utama Muda{mark}",
                    "19700101 199003 1 001",
                ),
            ),
            page_break_before=True,
        ),
        Toc(
            f"DAFTAR ISI{mark}",
            (
                (1, f"BAB I PENDAHULUAN{mark}"),
                (2, f"A. Latar Belakang{mark}"),
                (3, "1. Kepegawaian"),
            ),
        ),
        PageBreak(),
        ListOfTables(f"DAFTAR TABEL{mark}", "Tabel", (f"Tabel 1.1 Capaian Kinerja{mark}",)),
    )
    bab1 = Section(
        "bab1",
        1,
        "BAB I",
        f"PENDAHULUAN{mark}",
        (
            Section(
                "latar",
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
                        )
                    ),
                    Section(
                        "pegawai",
                        3,
                        "1.",
                        f"Kepegawaian{mark}",
                        (
                            ListBlock(
                                (
                                    (para(f"Satu{mark}"),),
                                    (
                                        para("Dua"),
                                        ListBlock(
                                            ((para(f"Dua a{mark}"),), (para("Dua b"),)), "a."
                                        ),
                                    ),
                                ),
                                "1.",
                            ),
                        ),
                    ),
                ),
            ),
            grouped_table(mark),
            Figure("bagan", "1.1", f"Struktur Organisasi{mark}", None, alt=f"Bagan{mark}"),
        ),
        page_break_before=True,
    )
    bab2 = Section(
        "bab2",
        1,
        "BAB II",
        f"PERENCANAAN{mark}",
        (
            para(f"Tabel berikut{mark}.", style="note"),
            Landscape((wide_table(mark),)),
            para("Kembali tegak.", style="center"),
        ),
        page_break_before=True,
    )
    return Document(
        title=f"LKjIP 2024{mark}",
        subject=f"Laporan Kinerja{mark}",
        author=f"Dinas{mark}",
        date_iso="2025-01-31",
        cover=Cover((f"LAPORAN KINERJA{mark}", "TAHUN 2024"), (f"DINAS KESEHATAN{mark}",)),
        front=front,
        body=(bab1, bab2),
        paper=paper,
        running_header=f"LKjIP 2024{mark}",
    )


def render_to(path: Path, document: Document, template: Path = TEMPLATE) -> Path:
    with path.open("wb") as out:
        render_docx(document, template, out)
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_to(tmp_path_factory.mktemp("docx") / "lkjip.docx", sample_document())


def test_headings_use_heading_styles_and_bab_prints_on_two_lines(rendered: Path) -> None:
    assert docx_headings(rendered) == [
        ("Heading 1", "KATA PENGANTAR"),
        ("Heading 1", "BAB I\nPENDAHULUAN"),
        ("Heading 2", "A. Latar Belakang"),
        ("Heading 3", "1. Kepegawaian"),
        ("Heading 1", "BAB II\nPERENCANAAN"),
    ]


def test_table_caption_above_with_seq_field_holding_the_tree_number(rendered: Path) -> None:
    assert docx_captions(rendered) == [
        "Tabel 1.1 Capaian Kinerja\nDinas Kesehatan",
        "Gambar 1.1 Struktur Organisasi",
        "Tabel 2.1 Kinerja Pelayanan",
    ]
    xml = docx_xml(rendered)
    # the number's last digits are the field, pinned with \\r so no application renumbers it
    assert xml.count(" SEQ Tabel \\r 1 \\* ARABIC ") == 2
    assert " SEQ Gambar \\r 1 \\* ARABIC " in xml
    caption = next(
        p
        for p in docx.Document(str(rendered)).paragraphs
        if p.style.name == "Caption" and p.text.startswith("Tabel 1.1")
    )
    assert caption.paragraph_format.keep_with_next
    assert caption._p.getnext().tag.endswith("}tbl")  # the table follows its caption


def test_merged_header_cells_come_back_once_with_their_texts(rendered: Path) -> None:
    table = docx_tables(rendered)[0]
    assert table == [
        ["No", "Indikator", "2024", "Capaian (%)"],
        ["Target", "Realisasi"],
        ["1", "Indeks Kepuasan", "90,00", "83,25", "92,50"],
        ["2", "Pagu (Rp)", "24.175.862.284", "22.000.000.000", "91,00"],
        ["Rata-rata", "91,75"],
    ]


def test_head_rows_repeat_and_no_row_splits(rendered: Path) -> None:
    table = docx.Document(str(rendered)).tables[0]
    headers = [
        row._tr.trPr is not None and row._tr.trPr.find("{*}tblHeader") is not None
        for row in table.rows
    ]
    assert headers == [True, True, False, False, False]
    assert all(row._tr.trPr.find("{*}cantSplit") is not None for row in table.rows)


def test_cells_are_aligned_bold_and_shaded_as_the_tree_says(rendered: Path) -> None:
    table = docx.Document(str(rendered)).tables[0]
    figure = table.cell(2, 4).paragraphs[0]
    assert figure.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert table.cell(0, 0).paragraphs[0].runs[0].bold
    assert table.cell(4, 4).paragraphs[0].runs[0].bold
    assert 'w:fill="D9D9D9"' in table.cell(0, 0)._tc.xml
    assert 'w:fill="F2F2F2"' in table.cell(3, 4)._tc.xml


def test_landscape_block_gets_its_own_section_and_numbering_runs_on(rendered: Path) -> None:
    sections = docx_sections(rendered)
    shape = [
        (s.orientation, s.width_mm, s.height_mm, s.page_format, s.page_start) for s in sections
    ]
    assert shape == [
        ("portrait", 210.0, 297.0, None, None),  # cover
        ("portrait", 210.0, 297.0, "lowerRoman", 1),  # front matter
        ("portrait", 210.0, 297.0, "decimal", 1),  # BAB I, BAB II up to the wide table
        ("landscape", 297.0, 210.0, "decimal", None),
        ("portrait", 210.0, 297.0, "decimal", None),
    ]


def test_body_sections_carry_the_template_header_and_footer_but_the_cover_not(
    rendered: Path,
) -> None:
    document = docx.Document(str(rendered))
    refs = [len(s._sectPr.findall("{*}footerReference")) for s in document.sections]
    assert refs[0] == 0 and all(refs[1:])
    assert document.sections[-1].header.paragraphs[0].text == "LKjIP 2024"
    assert " PAGE " in docx_xml(rendered, "word/footer1.xml")


def test_f4_paper_is_215_by_330_mm(tmp_path: Path) -> None:
    path = render_to(tmp_path / "f4.docx", sample_document(paper="F4"))
    sizes = {(s.orientation, s.width_mm, s.height_mm) for s in docx_sections(path)}
    assert sizes == {("portrait", 215.0, 330.0), ("landscape", 330.0, 215.0)}


def test_toc_and_list_of_tables_are_fields_with_cached_entries(rendered: Path) -> None:
    xml = docx_xml(rendered)
    assert 'TOC \\o "1-3" \\h \\z \\u' in xml and 'TOC \\h \\z \\c "Tabel"' in xml
    paragraphs = docx.Document(str(rendered)).paragraphs
    entries = [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("toc")]
    # each entry: its text, a tab to the dot leader, the page number still empty (the build
    # fills it from a layout, render/contents.py; until then Word updates the fields on open)
    assert entries == [
        ("toc 1", "BAB I PENDAHULUAN\t"),
        ("toc 2", "A. Latar Belakang\t"),
        ("toc 3", "1. Kepegawaian\t"),
    ]
    assert '<w:updateFields w:val="true"/>' in docx_xml(rendered, "word/settings.xml")


def test_lists_write_their_markers_and_nest_deeper(rendered: Path) -> None:
    paragraphs = docx.Document(str(rendered)).paragraphs
    items = {
        p.text: p.paragraph_format.left_indent
        for p in paragraphs
        if p.text.split("\t")[0] in {"1.", "2.", "a.", "b."}
    }
    assert set(items) == {"1.\tSatu", "2.\tDua", "a.\tDua a", "b.\tDua b"}
    assert items["a.\tDua a"] > items["1.\tSatu"]


def test_signature_placeholder_and_cover_texts(rendered: Path) -> None:
    text = docx_text(rendered)
    for expected in (
        "LAPORAN KINERJA",
        "DINAS KESEHATAN",
        "Lamongan, 10 Januari 2025",
        "dr. Budi",
        "NIP. 19700101 199003 1 001",
        "Bagan",
        "Teks tebal\nmiring",
    ):
        assert expected in text
    document = docx.Document(str(rendered))
    name = next(p for p in document.paragraphs if p.text == "dr. Budi")
    assert name.runs[0].bold and name.runs[0].underline


def test_core_properties_come_from_the_document(rendered: Path) -> None:
    props = docx.Document(str(rendered)).core_properties
    assert (props.title, props.subject, props.author) == ("LKjIP 2024", "Laporan Kinerja", "Dinas")
    assert props.created.isoformat().startswith("2025-01-31")


def test_markup_characters_survive_in_every_text_field(tmp_path: Path) -> None:
    path = render_to(tmp_path / "nasty.docx", sample_document(mark=NASTY))
    text = docx_text(path)  # opening it at all proves the XML is well formed
    for field in (
        "LAPORAN KINERJA",
        "DINAS KESEHATAN",
        "KATA PENGANTAR",
        "Puji syukur",
        "KEPALA DINAS",
        "dr. Budi",
        "Pembina Utama Muda",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "Satu",
        "Dua a",
        "Indikator",
        "Indeks Kepuasan",
        "Dinas Kesehatan",
        "Sumber : Dinas Kesehatan",
        "Catatan",
        "Bagan",
    ):
        assert field + NASTY in text, field
    assert ("Heading 2", "A. Latar Belakang" + NASTY) in docx_headings(path)
    assert "Tabel 2.1 Kinerja Pelayanan" + NASTY in docx_captions(path)
    document = docx.Document(str(path))
    assert document.sections[-1].header.paragraphs[0].text == "LKjIP 2024" + NASTY
    assert document.core_properties.title == "LKjIP 2024" + NASTY


def test_two_renders_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = io.BytesIO(), io.BytesIO()
    render_docx(sample_document(), TEMPLATE, first)
    render_docx(sample_document(), TEMPLATE, second)
    assert first.getvalue() == second.getvalue()


def test_source_date_epoch_dates_the_zip_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    out = io.BytesIO()
    render_docx(sample_document(), TEMPLATE, out)
    with zipfile.ZipFile(out) as package:
        assert {info.date_time for info in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_document_ending_in_landscape_has_no_trailing_portrait_section(tmp_path: Path) -> None:
    document = replace(sample_document(), body=(Landscape((wide_table(),)),), front=())
    path = render_to(tmp_path / "end.docx", document)
    assert [(s.orientation, s.page_format, s.page_start) for s in docx_sections(path)] == [
        ("portrait", None, None),
        ("landscape", "decimal", 1),
    ]


def write_png(path: Path) -> Path:
    """Write a 2×1 pixel RGB PNG (no imaging library needed) and return its path."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\x00\x00\xff")
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


def test_figure_image_and_cover_logo_are_embedded(tmp_path: Path) -> None:
    image = str(write_png(tmp_path / "bagan.png"))
    base = sample_document()
    figure = Figure("bagan", "1.1", "Struktur Organisasi", image, width_cm=10)
    document = replace(base, cover=replace(base.cover, logo=image), body=(figure,))
    path = render_to(tmp_path / "images.docx", document)
    word = docx.Document(str(path))
    assert len(word.inline_shapes) == 2
    assert round(word.inline_shapes[1].width.cm, 1) == 10.0
    assert docx_captions(path) == ["Gambar 1.1 Struktur Organisasi"]
    assert docx_tables(path) == []  # no placeholder box


def test_figure_file_that_is_no_image_is_a_laporgen_error(tmp_path: Path) -> None:
    fake = tmp_path / "bagan.png"
    fake.write_text("not an image")
    figure = Figure("bagan", "1.1", "Struktur Organisasi", str(fake))
    with pytest.raises(LaporgenError, match="bagan.png"):
        render_to(tmp_path / "out.docx", replace(sample_document(), body=(figure,)))


def test_template_without_body_placeholder_is_a_laporgen_error(tmp_path: Path) -> None:
    template = tmp_path / "nobody.docx"
    word = docx.Document(str(TEMPLATE))
    holder = next(p for p in word.paragraphs if "body" in p.text)
    holder.text = "isi laporan"
    word.save(str(template))
    with pytest.raises(LaporgenError, match="body"):
        render_to(tmp_path / "out.docx", sample_document(), template)


def test_broken_placeholder_in_template_is_a_laporgen_error(tmp_path: Path) -> None:
    template = tmp_path / "broken.docx"
    word = docx.Document(str(TEMPLATE))
    word.paragraphs[0].insert_paragraph_before("{{ title_lines[ }}")
    word.save(str(template))
    with pytest.raises(LaporgenError) as caught:
        render_to(tmp_path / "out.docx", sample_document(), template)
    assert [p.code for p in caught.value.problems] == ["template"]
    assert "placeholder error" in str(caught.value)


def test_unknown_placeholder_in_template_is_a_laporgen_error(tmp_path: Path) -> None:
    template = tmp_path / "unknown.docx"
    word = docx.Document(str(TEMPLATE))
    word.paragraphs[0].insert_paragraph_before("{{ nomor_surat }}")
    word.save(str(template))
    with pytest.raises(LaporgenError, match="nomor_surat"):
        render_to(tmp_path / "out.docx", sample_document(), template)


@pytest.mark.parametrize("content", [None, b"not a zip file"], ids=["missing", "corrupt"])
def test_missing_or_corrupt_template_is_a_laporgen_error(
    tmp_path: Path, content: bytes | None
) -> None:
    template = tmp_path / "laporgen.docx"
    if content is not None:
        template.write_bytes(content)
    with pytest.raises(LaporgenError) as caught:
        render_to(tmp_path / "out.docx", sample_document(), template)
    assert caught.value.problems[0].code == "template"


def test_template_without_a_needed_style_is_a_laporgen_error(tmp_path: Path) -> None:
    template = tmp_path / "plain.docx"
    shutil.copy(TEMPLATE, template)
    word = docx.Document(str(template))
    word.styles["Table Text Small"].delete()
    word.save(str(template))
    with pytest.raises(LaporgenError, match="Table Text Small"):
        render_to(tmp_path / "out.docx", sample_document(), template)


def _kept_document() -> Document:
    """The sample with its grouped table kept together and 2,5 pt cell margins (as
    `document/keep.py` and `document/table_layout.py` decide them)."""
    document = sample_document()

    def kept(block):
        if isinstance(block, Table) and block.id == "capaian":
            return replace(block, keep_together=True, cell_margin=2.5)
        if isinstance(block, Section):
            return replace(block, children=tuple(kept(child) for child in block.children))
        return block

    return replace(document, body=tuple(kept(block) for block in document.body))


def test_short_table_keeps_rows_together_with_explicit_margins_and_caption_with_it(
    tmp_path: Path,
) -> None:
    """Issue 13 item 4: every row but the last kept with the next (each of its paragraphs), no
    row split, the caption kept with the table; item 2: the cell margins set on the table,
    with 1 pt above and below the text of a 10 pt table."""
    path = render_to(tmp_path / "kept.docx", _kept_document())
    document = docx.Document(str(path))
    table = document.tables[0]
    tbl_pr = table._tbl.tblPr
    margins = tbl_pr.find(qn("w:tblCellMar"))
    assert [(m.tag.split("}")[1], m.get(qn("w:w"))) for m in margins] == [
        ("top", "20"),
        ("left", "50"),
        ("bottom", "20"),
        ("right", "50"),
    ]
    rows = table._tbl.tr_lst
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    for n, tr in enumerate(rows):
        keeps = [
            p.pPr is not None and p.pPr.find(qn("w:keepNext")) is not None
            for p in tr.iter(qn("w:p"))
        ]
        # the last row kept with the table's source line under it
        assert keeps and set(keeps) == {True}, f"row {n + 1}"
    caption = next(
        p
        for p in document.paragraphs
        if p.style.name == "Caption" and p.text.startswith("Tabel 1.1")
    )
    assert caption.paragraph_format.keep_with_next


def test_a_table_not_kept_together_keeps_only_its_last_row_with_its_source_line(
    tmp_path: Path,
) -> None:
    path = render_to(tmp_path / "plain.docx", sample_document())
    table = docx.Document(str(path)).tables[0]
    keeps = [
        any(
            p.pPr is not None and p.pPr.find(qn("w:keepNext")) is not None
            for p in tr.iter(qn("w:p"))
        )
        for tr in table._tbl.tr_lst
    ]
    assert keeps == [False] * (len(keeps) - 1) + [True]


def test_a_body_paragraph_after_a_table_stands_off_it(tmp_path: Path) -> None:
    """Seen in the LKjIP (pages 33, 53, 55): text right after a table without a source line
    touched its bottom border, Body Text having no space before. The first body paragraph
    after a table, or after its source and notes, gets a heading's space; the source line
    itself stays against the table, and later paragraphs keep the style's."""
    sourced = replace(grouped_table(), source="Sumber: Renstra")
    body = Section(
        "bab1",
        1,
        "BAB I",
        "PENDAHULUAN",
        (grouped_table(), para("Sesudah tabel."), para("Lalu."), sourced, para("Sesudah sumber.")),
    )
    document = replace(sample_document(), front=(), body=(body,))
    paragraphs = docx.Document(str(render_to(tmp_path / "t.docx", document))).paragraphs
    before = {p.text: p.paragraph_format.space_before for p in paragraphs}
    assert before["Sesudah tabel."] == Pt(12)
    assert before["Sesudah sumber."] == Pt(12)
    assert before["Lalu."] is None and before["Sumber: Renstra"] is None


def test_a_heading_over_a_landscape_table_is_printed_on_the_landscape_page(tmp_path: Path) -> None:
    """Seen in the Renstra 2024-2026 (page 5): "BAB IV" and "4.1 Tujuan …" alone on a portrait
    page, their T-C.25 on the next, landscape one: keep-with-next cannot cross a section break.
    Headings whose first block is a landscape one open the landscape section themselves; what
    follows the landscape block is portrait again."""
    sub = Section("s41", 2, "4.1", "Tujuan", (Landscape((wide_table(),)), para("Sesudah.")))
    bab = Section("bab4", 1, "BAB IV", "TUJUAN DAN SASARAN", (sub,), page_break_before=True)
    intro = Section("bab3", 1, "BAB III", "ISU", (para("Isu."),), page_break_before=True)
    document = replace(sample_document(), front=(), body=(intro, bab))
    path = render_to(tmp_path / "t.docx", document)
    body = docx.Document(str(path)).element.body
    section_of: dict[str, int] = {}
    index = 0
    for element in body.iterchildren(qn("w:p")):
        text = "".join(t.text or "" for t in element.iter(qn("w:t")))
        section_of.setdefault(text, index)
        if element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            index += 1
    orientation = [s.orientation for s in docx_sections(path)]
    assert orientation[section_of["BAB IVTUJUAN DAN SASARAN"]] == "landscape"
    assert orientation[section_of["4.1 Tujuan"]] == "landscape"
    assert orientation[section_of["Isu."]] == "portrait"
    assert orientation[section_of["Sesudah."]] == "portrait"


def test_one_paragraph_leading_into_a_landscape_table_goes_with_it(tmp_path: Path) -> None:
    """Rekaan's 5.1 Strategi (page 9) and Blitar's BAB VII (page 72): a heading and the one
    sentence "… disajikan pada tabel berikut." filled a portrait page of their own. Two
    paragraphs before the table stay in portrait (longer than the short stretch between two
    landscape tables that goes on their pages)."""
    lead = Section("s51", 2, "5.1", "Strategi", (para("Berikut."), Landscape((wide_table(),))))
    long = "Kalimat yang panjang. " * 30
    two = Section(
        "s52", 2, "5.2", "Arah", (para(long), para(f"Dua. {long}"), Landscape((wide_table(),)))
    )
    bab = Section("bab5", 1, "BAB V", "STRATEGI", (lead, two), page_break_before=True)
    path = render_to(tmp_path / "t.docx", replace(sample_document(), front=(), body=(bab,)))
    section_of: dict[str, int] = {}
    index = 0
    for element in docx.Document(str(path)).element.body.iterchildren(qn("w:p")):
        text = "".join(t.text or "" for t in element.iter(qn("w:t")))
        section_of.setdefault(text, index)
        if element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            index += 1
    orientation = [s.orientation for s in docx_sections(path)]
    assert orientation[section_of["5.1 Strategi"]] == "landscape"
    assert orientation[section_of["Berikut."]] == "landscape"
    assert orientation[section_of["5.2 Arah"]] == "portrait"
    assert orientation[section_of[f"Dua. {long}"]] == "portrait"


def _valigns(table) -> list[list[str | None]]:
    """Each row's cells' vertical alignment (None: the top, Word's default)."""
    found = []
    for tr in table._tbl.tr_lst:
        row = []
        for tc in tr.tc_lst:
            v = tc.tcPr.find(qn("w:vAlign")) if tc.tcPr is not None else None
            row.append(v.get(qn("w:val")) if v is not None else None)
        found.append(row)
    return found


def test_a_table_that_may_run_over_pages_has_its_body_cells_at_the_top(tmp_path: Path) -> None:
    """The review saw Blitar's Tabel 6.2 printed by LibreOffice with some cells of a row at the
    top and some in the middle, on pages after the repeated head rows (all were centred; the
    head repeated is what LibreOffice misplaces them after). A table not kept on one page has
    its body and foot cells at the top; its head, and a short table kept together, centred."""
    plain = docx.Document(str(render_to(tmp_path / "plain.docx", sample_document()))).tables[0]
    kept = docx.Document(str(render_to(tmp_path / "kept.docx", _kept_document()))).tables[0]
    heads = len(grouped_table().head)
    rows = _valigns(plain)
    # (a position a merged head cell covers has no alignment of its own)
    assert all("center" in row and set(row) <= {"center", None} for row in rows[:heads])
    assert all(set(row) == {None} for row in rows[heads:])
    assert all("center" in row and set(row) <= {"center", None} for row in _valigns(kept))
