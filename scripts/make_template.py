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
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from laporgen.render.ooxml import add_field, set_default_font, set_style_font

FONT = "Arial"
BLACK = RGBColor(0, 0, 0)


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
    paragraph_style(doc, "Table Text Tiny", base="Table Text", size=7)
    paragraph_style(doc, "Note", size=10, italic=True, align=left)
    paragraph_style(doc, "Contents Title", size=14, bold=True, align=center, after=18)
    # Word's built-in names are lower case ("toc 1"); only then does its TOC field use them.
    for level in (1, 2, 3):
        toc = paragraph_style(doc, f"toc {level}", size=12, align=left, after=4)
        toc.paragraph_format.left_indent = Cm(0.75 * (level - 1))
        toc.element.customStyle = False
    figures = paragraph_style(doc, "table of figures", size=12, align=left, after=4)
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
    for key, value in (("w:val", "thickThinSmallGap"), ("w:sz", "24"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _lines(doc: DocxDocument, name: str, style: str) -> list:
    """A docxtpl loop printing each item of the list `name` as a paragraph in `style`."""
    return [doc.add_paragraph(text, style=style)
            for text in (f"{{%p for line in {name} %}}", "{{ line }}", "{%p endfor %}")]


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
    year = [doc.add_paragraph(text, style="Cover Issuer")
            for text in ("{%p if year_line %}", "{{ year_line }}", "{%p endif %}")]
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
    props.last_modified_by = "laporgen"
    return doc


def main(argv: list[str]) -> int:
    """Write the template to argv[1] (default src/laporgen/templates/laporgen.docx); return exit status."""
    out = (
        Path(argv[1])
        if len(argv) > 1
        else Path(__file__).resolve().parents[1] / "src" / "laporgen" / "templates" / "laporgen.docx"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    build_template().save(str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
