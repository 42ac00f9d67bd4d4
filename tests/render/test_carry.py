"""The end of a portrait stretch carried onto the landscape page after it (`render/carry.py`,
`render_docx`'s `carry` and `marked`), and a list item's title line kept with the rest of the
item (`document/keep.py`), read back from the DOCX with python-docx."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
from lxml import etree
from docx.oxml.ns import qn
from docx_reading import docx_sections

from laporgen.build import TEMPLATES, document_for
from laporgen.document.nodes import Document, Landscape, ListBlock, Paragraph, Section
from laporgen.jenis import load_document
from laporgen.render.carry import _portrait_margins, unmarked
from laporgen.render.docx import carry_mark, render_docx

from .test_docx import para, sample_document, wide_table

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = TEMPLATES / "laporgen.docx"


def _render(document: Document, carry: dict[int, int] | None = None, marked: bool = False) -> bytes:
    out = io.BytesIO()
    render_docx(document, TEMPLATE, out, carry, marked)
    return out.getvalue()


def _orientation_of(data: bytes, tmp_path: Path) -> dict[str, str]:
    """The page orientation each body paragraph's text prints in (the first, if repeated)."""
    path = tmp_path / "t.docx"
    path.write_bytes(data)
    orientation = [s.orientation for s in docx_sections(path)]
    found: dict[str, str] = {}
    index = 0
    for paragraph in docx.Document(str(path)).paragraphs:
        found.setdefault(paragraph.text, orientation[index])
        if paragraph._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            index += 1
    return found


def _bookmarks(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    return [start.get(qn("w:name")) for start in etree.fromstring(xml).iter(qn("w:bookmarkStart"))]


def _stretch_document() -> Document:
    """BAB I: four paragraphs, a subsection whose sentence leads into a two-item list, then a
    landscape table, then a paragraph in portrait again."""
    listing = ListBlock(((para("Butir satu."),), (para("Butir dua."),)))
    sub = Section("s12", 2, "1.2", "Sasaran", (para("Sasarannya adalah:"), listing))
    bab = Section(
        "bab1",
        1,
        "BAB I",
        "PENDAHULUAN",
        (
            *(para(f"Paragraf {n}.") for n in range(1, 5)),
            sub,
            Landscape((wide_table(),)),
            para("Sesudah."),
        ),
        page_break_before=True,
    )
    return replace(sample_document(), front=(), body=(bab,))


def test_carried_paragraphs_print_on_the_landscape_page_and_the_rest_stays(tmp_path: Path) -> None:
    document = _stretch_document()
    plain = _orientation_of(_render(document), tmp_path)
    assert {plain[t] for t in ("Paragraf 3.", "Paragraf 4.", "2.\tButir dua.")} == {"portrait"}
    orientation = _orientation_of(_render(document, {0: 1}), tmp_path)
    assert orientation["2.\tButir dua."] == "landscape"
    assert orientation["1.\tButir satu."] == "portrait"
    assert orientation["Paragraf 4."] == "portrait"
    assert orientation["Sesudah."] == "portrait"


def test_a_carried_list_brings_its_leading_sentence_and_heading(tmp_path: Path) -> None:
    """Carrying both items of the list: the sentence "… adalah:" and the heading 1.2 over it
    would be left at the foot of the portrait page, so they come along; the paragraph before
    them stays."""
    orientation = _orientation_of(_render(_stretch_document(), {0: 2}), tmp_path)
    for text in ("1.2 Sasaran", "Sasarannya adalah:", "1.\tButir satu.", "2.\tButir dua."):
        assert orientation[text] == "landscape", text
    assert orientation["Paragraf 4."] == "portrait"


def test_marks_name_what_could_be_carried_and_leave_with_unmarked() -> None:
    document = _stretch_document()
    marked = _render(document, marked=True)
    names = _bookmarks(marked)
    # the stretch, from its end: two items, the leading sentence, the heading, four paragraphs
    assert [n for n in names if n.startswith("_Carry")] == [
        carry_mark(0, k) for k in range(8, 0, -1)
    ]
    assert _bookmarks(unmarked(marked)) == [n for n in names if not n.startswith("_Carry")]
    assert _bookmarks(_render(document)) == _bookmarks(unmarked(marked))


def test_the_portrait_margins_are_read_from_the_sections() -> None:
    assert _portrait_margins(_render(_stretch_document())) == (70.85, 70.85)  # 2,5 cm


def _paragraphs(folder: str) -> list[docx.text.paragraph.Paragraph]:
    document = document_for(load_document(ROOT / "content" / folder))
    return docx.Document(io.BytesIO(_render(document))).paragraphs


def test_a_sistematika_item_keeps_its_bab_line_with_what_the_bab_holds() -> None:
    """Blitar's page 11 (and the Magetan Renstra's page 9) ended with "BAB IV TUJUAN DAN
    SASARAN" alone, its "Bab ini memuat …" overleaf."""
    paragraphs = _paragraphs("blitar-dinsos/renstra-2021-2026")
    titles = [p for p in paragraphs if p.text.startswith("-\tBAB ")]
    assert [p.text for p in titles][3] == "-\tBAB IV TUJUAN DAN SASARAN"
    assert len(titles) == 8
    for title in titles:
        assert title.paragraph_format.keep_with_next, title.text
        following = paragraphs[paragraphs.index(title) + 1]
        assert following.text.startswith("Bab ini")
        assert not following.paragraph_format.keep_with_next, following.text


def test_a_long_list_paragraph_over_a_sub_list_is_not_kept_with_it() -> None:
    """Kept with its Seksi, the Magetan Renstra's eleven-line Bidang paragraph moved to the
    next page whole and left a third of a page empty."""
    paragraphs = _paragraphs("magetan-dinsos/renstra-2018-2023")
    bidang = next(
        p for p in paragraphs if "Bidang Pelayanan dan Rehabilitasi Sosial merumuskan" in p.text
    )
    assert not bidang.paragraph_format.keep_with_next


def test_a_list_paragraph_is_a_title_only_when_short() -> None:
    from laporgen.document.keep import keep_together

    long = "Kalimat panjang sekali. " * 20
    listing = ListBlock(
        (
            (para("Judul butir."), para("Isi.")),
            (para(long), para("Isi.")),
            (para("Sendiri."),),
        )
    )
    (kept,) = keep_together((listing,), "A4")
    assert isinstance(kept, ListBlock)
    flags = [[b.keep_with_next for b in item if isinstance(b, Paragraph)] for item in kept.items]
    assert flags == [[True, False], [False, False], [False]]


def test_a_paragraph_printed_twice_is_never_carried() -> None:
    """Carried paragraphs are told by their node's id; one node put in two places would be
    carried in both (or bookmarked twice under one name)."""
    same = para("Sama.")
    bab = Section(
        "bab1",
        1,
        "BAB I",
        "PENDAHULUAN",
        (para("Satu."), same, para("Dua."), same, para("Tiga."), Landscape((wide_table(),))),
        page_break_before=True,
    )
    marked = _render(replace(sample_document(), front=(), body=(bab,)), marked=True)
    assert [n for n in _bookmarks(marked) if n.startswith("_Carry")] == [carry_mark(0, 1)]
