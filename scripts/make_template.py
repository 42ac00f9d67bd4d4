"""Regenerate `templates/laporgen.docx`, the Word template laporgen renders into.

    PYTHONPATH=src python scripts/make_template.py [src/laporgen/templates/laporgen.docx]

The template owns everything a user may want to restyle in Word: styles, margins, the cover
layout, the running header and the page-number footer. Its Jinja placeholders (filled by
docxtpl, autoescaped) are `title_lines`, `issuer_lines`, `contact_lines`, `year_line`, `kop`,
`logo`, `running_header` and `{{p body }}`, where the rendered report goes. Font: Arial (Liberation Sans on LibreOffice
machines, metric-compatible), as in Indonesian tata naskah dinas.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from laporgen.render.ooxml import (
    APPLICATION,
    add_field,
    app_properties,
    set_core_properties,
    set_default_font,
    set_style_font,
)

FONT = "Arial"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
CONTENTS_NUMBER_GAP = Cm(1)  # wide enough for "viii" or "999" at 12 pt
BLACK = RGBColor(0, 0, 0)
# ECMA-376 Part 1 §17.3.1.26: the children of w:pPr that come after w:pBdr.
PPR_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def paragraph_style(
    doc: DocxDocument,
    name: str,
    base: str = "Normal",
    *,
    size: float = 12,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: float = 0,
    after: float = 0,
    line: float = 1.0,
    keep_next: bool = False,
):
    """Return the paragraph style `name` (created when missing) set to the given look."""
    styles = doc.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base] if name != base else None
    style.quick_style = True
    set_style_font(style, FONT)
    font = style.font
    font.size, font.bold, font.italic, font.color.rgb = Pt(size), bold, italic, BLACK
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = line
    fmt.keep_with_next = keep_next
    return style


def define_styles(doc: DocxDocument) -> None:
    """Every style the renderer uses, with the house look."""
    center, left, just = (
        WD_ALIGN_PARAGRAPH.CENTER,
        WD_ALIGN_PARAGRAPH.LEFT,
        WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    set_default_font(doc, FONT)
    paragraph_style(doc, "Normal", size=12, line=1.15)
    body = paragraph_style(doc, "Body Text", size=12, align=just, after=6, line=1.5)
    body.paragraph_format.first_line_indent = Cm(1.25)
    paragraph_style(doc, "Heading 1", size=14, bold=True, align=center, after=18, keep_next=True)
    paragraph_style(
        doc, "Heading 2", size=12, bold=True, align=left, before=12, after=6, keep_next=True
    )
    paragraph_style(
        doc, "Heading 3", size=12, bold=True, align=left, before=6, after=6, keep_next=True
    )
    paragraph_style(
        doc,
        "Heading 4",
        size=12,
        bold=True,
        italic=True,
        align=left,
        before=6,
        after=6,
        keep_next=True,
    )
    paragraph_style(
        doc, "Caption", size=11, bold=True, align=center, before=6, after=6, keep_next=True
    )
    paragraph_style(doc, "Table Text", size=10)
    paragraph_style(doc, "Table Text Small", base="Table Text", size=9)
    paragraph_style(
        doc, "Table Text Tiny", base="Table Text", size=8
    )  # the least a table prints (issue 13)
    paragraph_style(doc, "Note", size=10, italic=True, align=left)
    paragraph_style(doc, "Contents Title", size=14, bold=True, align=center, after=18)
    # Word's built-in names are lower case ("toc 1"); only then does its TOC field use them.
    # The right indent keeps an entry's text out of the page-number column, so the number
    # never re-wraps it (render/contents.py fills the numbers in after a layout).
    for level in (1, 2, 3):
        toc = paragraph_style(doc, f"toc {level}", size=12, align=left, after=4)
        toc.paragraph_format.left_indent = Cm(0.75 * (level - 1))
        toc.paragraph_format.right_indent = CONTENTS_NUMBER_GAP
        toc.element.customStyle = False
    figures = paragraph_style(doc, "table of figures", size=12, align=left, after=4)
    figures.paragraph_format.right_indent = CONTENTS_NUMBER_GAP
    figures.element.customStyle = False
    paragraph_style(doc, "Cover Title", size=16, bold=True, align=center, after=6)
    paragraph_style(doc, "Cover Issuer", size=14, bold=True, align=center, after=4)
    paragraph_style(doc, "Cover Contact", size=10, align=center, after=2)
    rule = paragraph_style(doc, "Cover Rule", size=4, align=center, after=12)
    add_bottom_rule(rule)
    paragraph_style(doc, "Header", size=9, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph_style(doc, "Footer", size=10, align=center)


def add_bottom_rule(style) -> None:
    """A kop surat's closing rule: a thick line over a thin one under the paragraph."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("w:val", "thickThinSmallGap"),
        ("w:sz", "24"),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(
        borders, *PPR_AFTER_PBDR
    )  # schema order: Word rejects a w:pBdr after w:jc


def _lines(doc: DocxDocument, name: str, style: str) -> list:
    """A docxtpl loop printing each item of the list `name` as a paragraph in `style`."""
    return [
        doc.add_paragraph(text, style=style)
        for text in (f"{{%p for line in {name} %}}", "{{ line }}", "{%p endfor %}")
    ]


def add_cover(doc: DocxDocument) -> None:
    """The cover page, as the signed covers lay it out (issue 13): with `kop`, the issuer and
    contact lines at the top as a letterhead closed by a rule; the title lines; the logo in the
    middle; without `kop`, the issuer ("PEMERINTAH KABUPATEN …", the agency) and contact lines
    at the foot; the year line last. Then the cover's section break."""
    doc.add_paragraph("{%p if kop %}", style="Cover Issuer")
    _lines(doc, "issuer_lines", "Cover Issuer")
    _lines(doc, "contact_lines", "Cover Contact")
    doc.add_paragraph("", style="Cover Rule")
    doc.add_paragraph("{%p endif %}", style="Cover Issuer")
    title = _lines(doc, "title_lines", "Cover Title")
    title[1].paragraph_format.space_before = Cm(1)
    logo = [
        doc.add_paragraph(text, style="Cover Title")
        for text in ("{%p if logo %}", "{{ logo }}", "{%p endif %}")
    ]
    logo[1].paragraph_format.space_before = Cm(2.5)
    spacer = doc.add_paragraph("", style="Cover Title")
    spacer.paragraph_format.space_before = Cm(3.5)
    doc.add_paragraph("{%p if not kop %}", style="Cover Issuer")
    _lines(doc, "issuer_lines", "Cover Issuer")
    _lines(doc, "contact_lines", "Cover Contact")
    doc.add_paragraph("{%p endif %}", style="Cover Issuer")
    year = [
        doc.add_paragraph(text, style="Cover Issuer")
        for text in ("{%p if year_line %}", "{{ year_line }}", "{%p endif %}")
    ]
    year[1].paragraph_format.space_before = Pt(12)
    doc.add_section()  # the cover section: no header, no footer, no page number


def add_header_footer(doc: DocxDocument) -> None:
    """Running header text and a centred PAGE number for every section after the cover."""
    section = doc.sections[-1]
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "{{ running_header }}"
    section.header.paragraphs[0].style = doc.styles["Header"]
    section.footer.is_linked_to_previous = False
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    add_field(footer, "PAGE", "1")


def build_template() -> DocxDocument:
    """Return the template document."""
    doc = Document()
    define_styles(doc)
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.left_margin, section.right_margin = Cm(3), Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.25)
    add_cover(doc)
    doc.add_paragraph("{{p body }}")
    add_header_footer(doc)
    props = doc.core_properties
    props.title = props.subject = props.author = props.comments = props.keywords = ""
    set_core_properties(doc, {"lastModifiedBy": APPLICATION})
    fix_package(doc)
    return doc


def fix_package(doc: DocxDocument) -> None:
    """What python-docx's default document brings that is not true of ours or not valid:
    its thumbnail (a picture of some other document), its application properties ("Microsoft
    Macintosh Word"), Word 2010's `stylesWithEffects.xml` (the default styles, not ours: a
    checker of Word's expectations reports the mismatch) and a `w:zoom` without the
    `w:percent` the schema requires."""
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[
                rel_id
            ]  # parts are saved by walking relationships: the picture goes too
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_properties(pages=None)  # a generic part, saved as its bytes
    for rel_id, rel in list(doc.part.rels.items()):
        if (
            rel.reltype == STYLES_WITH_EFFECTS
        ):  # Word 2010's copy of the styles, stale once ours are set
            del doc.part.rels[rel_id]
    for zoom in doc.settings.element.findall(qn("w:zoom")):
        zoom.set(qn("w:percent"), "100")


def main(argv: list[str]) -> int:
    """Write the template to argv[1] (default src/laporgen/templates/laporgen.docx); return exit status."""
    out = (
        Path(argv[1])
        if len(argv) > 1
        else Path(__file__).resolve().parents[1]
        / "src"
        / "laporgen"
        / "templates"
        / "laporgen.docx"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    build_template().save(str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
