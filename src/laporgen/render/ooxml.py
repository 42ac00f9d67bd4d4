"""The few WordprocessingML pieces python-docx has no API for, each in one named helper.

Elements are built with `OxmlElement` and placed in schema order with python-docx's
`insert_element_before`; no XML is assembled from strings.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Literal

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section as DocxSection
from docx.styles.style import BaseStyle
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

PageNumberFormat = Literal["decimal", "lowerRoman"]

# ECMA-376 Part 1 §17.4.78/§17.4.82: the children of w:trPr and w:tcPr, in schema order.
_TRPR_AFTER_CANTSPLIT = (
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
    "w:ins",
    "w:del",
    "w:trPrChange",
)
_TRPR_AFTER_TBLHEADER = _TRPR_AFTER_CANTSPLIT[2:]
_TCPR_AFTER_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
)
# §17.3.1.26: w:pPr children after w:outlineLvl.
_PPR_AFTER_OUTLINELVL = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
# §17.6.17: w:sectPr children after w:pgNumType.
_SECTPR_AFTER_PGNUMTYPE = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)
# §17.15.1.78: w:settings children after w:updateFields.
_SETTINGS_AFTER_UPDATEFIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
_RFONTS_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


# ------------------------------------------------------------------------------------ tables
def repeat_header_row(row: _Row) -> None:
    """Mark `row` as a header row Word repeats at the top of every page (`w:tblHeader`)."""
    trPr = row._tr.get_or_add_trPr()
    if trPr.find(qn("w:tblHeader")) is None:
        trPr.insert_element_before(OxmlElement("w:tblHeader"), *_TRPR_AFTER_TBLHEADER)


def keep_row_on_one_page(row: _Row) -> None:
    """Forbid `row` from breaking across pages (`w:cantSplit`)."""
    trPr = row._tr.get_or_add_trPr()
    if trPr.find(qn("w:cantSplit")) is None:
        trPr.insert_element_before(OxmlElement("w:cantSplit"), *_TRPR_AFTER_CANTSPLIT)


def shade_cell(cell: _Cell, fill: str) -> None:
    """Give `cell` a solid background `fill` (hex RGB such as "D9D9D9")."""
    tcPr = cell._tc.get_or_add_tcPr()
    for old in tcPr.findall(qn("w:shd")):
        tcPr.remove(old)
    shd = OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    tcPr.insert_element_before(shd, *_TCPR_AFTER_SHD)


# ------------------------------------------------------------------------------------ fields
def _field_char(run: Run, kind: Literal["begin", "separate", "end"]) -> None:
    run._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))


def begin_field(paragraph: DocxParagraph, instruction: str) -> None:
    """Open a complex field in `paragraph`: begin, the instruction text, separate. What is added
    to the document next is the field's cached result, up to `end_field`."""
    _field_char(paragraph.add_run(), "begin")
    instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    _field_char(paragraph.add_run(), "separate")


def end_field(paragraph: DocxParagraph) -> None:
    """Close the complex field opened by `begin_field` at the end of `paragraph`."""
    _field_char(paragraph.add_run(), "end")


def add_field(paragraph: DocxParagraph, instruction: str, cached: str) -> Run:
    """Append a one-paragraph complex field (`PAGE`, `SEQ Tabel`) showing `cached` until Word
    updates it. Returns the run holding the cached result, so callers can format it."""
    begin_field(paragraph, instruction)
    result = paragraph.add_run(cached)
    end_field(paragraph)
    return result


def add_seq_field(paragraph: DocxParagraph, identifier: str, value: str) -> Run:
    """Append a caption number field `SEQ <identifier> \\r <value>` (the field Word's Insert
    Caption writes and `TOC \\c "<identifier>"` collects) showing the digits `value`.

    `\\r` pins the result to `value`, so Word after a field update and LibreOffice (which
    always recomputes SEQ fields, ignoring cached results and w:fldLock) print the number the
    document tree gave, not a running count. Returns the result run."""
    return add_field(paragraph, f"SEQ {identifier} \\r {value} \\* ARABIC", value)


def update_fields_on_open(document: DocxDocument) -> None:
    """Ask Word to refresh fields (TOC, captions list) when the file is opened."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    flag = OxmlElement("w:updateFields", {qn("w:val"): "true"})
    settings.insert_element_before(flag, *_SETTINGS_AFTER_UPDATEFIELDS)


# ------------------------------------------------------------------------------ paragraphs
def keep_out_of_outline(paragraph: DocxParagraph) -> None:
    """Give a heading paragraph body-text outline level (`w:outlineLvl` 9), so Word's TOC and
    navigation pane skip it while it keeps its heading style."""
    pPr = paragraph._p.get_or_add_pPr()
    for old in pPr.findall(qn("w:outlineLvl")):
        pPr.remove(old)
    level = OxmlElement("w:outlineLvl", {qn("w:val"): "9"})
    pPr.insert_element_before(level, *_PPR_AFTER_OUTLINELVL)


# ---------------------------------------------------------------------------------- sections
def mark_section_break(paragraph: DocxParagraph) -> None:
    """Make `paragraph` the last one of its section (an empty `w:sectPr` in its properties);
    the section's page setup is filled in later with `copy_section_setup`."""
    paragraph._p.get_or_add_pPr().get_or_add_sectPr()


def copy_section_setup(source: DocxSection, target: DocxSection) -> None:
    """Replace `target`'s page setup (size, margins, header/footer references, columns) with a
    copy of `source`'s."""
    src, dst = source._sectPr, target._sectPr
    for child in list(dst):
        dst.remove(child)
    for child in src:
        dst.append(deepcopy(child))


def drop_headers_and_footers(section: DocxSection) -> None:
    """Remove `section`'s header and footer references (a first section then has none)."""
    sectPr = section._sectPr
    for ref in sectPr.findall(qn("w:headerReference")) + sectPr.findall(qn("w:footerReference")):
        sectPr.remove(ref)


def set_page_numbering(section: DocxSection, fmt: PageNumberFormat, start: int | None) -> None:
    """Number `section`'s pages in `fmt` ("lowerRoman" i, ii; "decimal" 1, 2), restarting at
    `start`, or continuing from the previous section when `start` is None."""
    sectPr = section._sectPr
    for old in sectPr.findall(qn("w:pgNumType")):
        sectPr.remove(old)
    attrs = {qn("w:fmt"): fmt}
    if start is not None:
        attrs[qn("w:start")] = str(start)
    sectPr.insert_element_before(OxmlElement("w:pgNumType", attrs), *_SECTPR_AFTER_PGNUMTYPE)


# ------------------------------------------------------------------------------------ styles
def set_style_font(style: BaseStyle, name: str) -> None:
    """Give `style` the font `name` for every script, dropping theme-font references (which
    would otherwise win over the explicit name)."""
    rPr = style.element.get_or_add_rPr()
    rFonts = rPr.get_or_add_rFonts()
    for attr in _RFONTS_THEME_ATTRS:
        rFonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rFonts.set(qn(attr), name)


def set_default_font(document: DocxDocument, name: str) -> None:
    """Set the document-wide default font (`w:docDefaults`) to `name`, without theme fonts."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rPr = rpr_default.find(qn("w:rPr"))
    if rPr is None:
        rPr = OxmlElement("w:rPr")
        rpr_default.append(rPr)
    rFonts = rPr.find(qn("w:rFonts"))
    if rFonts is None:
        rFonts = OxmlElement("w:rFonts")
        rPr.insert(0, rFonts)
    for attr in _RFONTS_THEME_ATTRS:
        rFonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rFonts.set(qn(attr), name)


def set_paragraph_style(paragraph: DocxParagraph, style_id: str) -> None:
    """Set the paragraph style by id (`w:pStyle`). Both elements come first by the schema
    (`w:pPr` in `w:p`, `w:pStyle` in `w:pPr`), so they are inserted at position 0 directly:
    python-docx's name lookup and generic ordered insertion made large tables take seconds."""
    p = paragraph._p
    ppr = p.pPr
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    style = ppr.find(qn("w:pStyle"))
    if style is None:
        style = OxmlElement("w:pStyle")
        ppr.insert(0, style)
    style.set(qn("w:val"), style_id)


def cell_grid(table: DocxTable) -> list[list[_Cell]]:
    """The cells of a table not yet merged, row by row, read once from the XML (python-docx's
    `table.cell(r, c)` rebuilds the whole grid on every call: quadratic on large tables)."""
    return [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def set_cell_side_margins(table: DocxTable, twips: int) -> None:
    """Left and right cell margins of the whole table (`w:tblCellMar`), in twentieths of a
    point: tight margins let the widest matrices keep an 11-digit Rupiah figure on one line."""
    tbl_pr = table._tbl.tblPr
    margins = tbl_pr.find(qn("w:tblCellMar"))
    if margins is None:
        margins = OxmlElement("w:tblCellMar")
        # CT_TblPr order: ... w:tblLayout, w:tblCellMar, w:tblLook ...
        look = tbl_pr.find(qn("w:tblLook"))
        if look is not None:
            look.addprevious(margins)
        else:
            tbl_pr.append(margins)
    for side in ("left", "right"):
        element = margins.find(qn(f"w:{side}"))
        if element is None:
            element = OxmlElement(f"w:{side}")
            margins.append(element)
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
