"""The WordprocessingML pieces python-docx has no API for, each in one named helper, and the
table builder that large tables need.

Elements are built with `OxmlElement` or lxml's `SubElement` (or copied from such elements,
cached) and placed in schema order (python-docx's `insert_element_before`, or appended in that
order); no XML is assembled from strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from docx.document import Document as DocxDocument
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section as DocxSection
from docx.shared import Twips
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree
from lxml.etree import SubElement

PageNumberFormat = Literal["decimal", "lowerRoman"]
CORE_PROPERTIES_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
CUSTOM_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
EXTENDED_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
APPLICATION = "laporgen"

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
# A Renstra's T-C.27 has thousands of rows: building its cells through python-docx's proxies
# (`_Cell`, `add_run`, generic ordered insertion) took ~0.3 ms per cell, so tables, and the
# paragraphs and runs in them, are built here element by element with lxml. Elements and
# attributes come out in the order python-docx writes them (the same bytes as before), which
# is the schema order: w:tblPr before w:tblGrid before w:tr; w:trPr before w:tc; w:tcPr before
# the cell's paragraphs; w:pPr before w:r; w:rPr before w:t.
_W = {
    name: qn(f"w:{name}")
    for name in (
        "tblStyle",
        "tblW",
        "jc",
        "tblLayout",
        "tblCellMar",
        "top",
        "left",
        "bottom",
        "right",
        "tblLook",
        "tblGrid",
        "gridCol",
        "tr",
        "trPr",
        "cantSplit",
        "tblHeader",
        "tc",
        "tcPr",
        "tcW",
        "gridSpan",
        "vMerge",
        "shd",
        "vAlign",
        "p",
        "pPr",
        "pStyle",
        "keepNext",
        "tabs",
        "tab",
        "ind",
        "r",
        "rPr",
        "b",
        "i",
        "t",
        "br",
        "val",
        "type",
        "w",
        "color",
        "fill",
        "pos",
        "hanging",
        "firstLine",
    )
}
_TBL_LOOK = {
    qn(f"w:{k}"): v
    for k, v in (
        ("firstColumn", "1"),
        ("firstRow", "1"),
        ("lastColumn", "0"),
        ("lastRow", "0"),
        ("noHBand", "0"),
        ("noVBand", "1"),
        ("val", "04A0"),
    )
}
_PRESERVE = qn("xml:space")
VerticalMerge = Literal["restart", "continue"] | None


def new_table(
    style_id: str, widths: Sequence[int], side_margin: int | None = None, top_margin: int = 0
) -> CT_Tbl:
    """An empty `w:tbl` in table style `style_id`, centred, with fixed column `widths` (twips),
    left/right cell margins of `side_margin` twips if given (else the style's: Word's default
    is 108) and top/bottom ones of `top_margin` (Word's default is none: the text of a cell
    touches the rule above it); add rows with `add_row`."""
    tbl = OxmlElement("w:tbl")
    w = _W
    tbl_pr = SubElement(tbl, qn("w:tblPr"))
    SubElement(tbl_pr, w["tblStyle"], {w["val"]: style_id})
    SubElement(tbl_pr, w["tblW"], {w["type"]: "auto", w["w"]: "0"})
    SubElement(tbl_pr, w["jc"], {w["val"]: "center"})
    SubElement(tbl_pr, w["tblLayout"], {w["type"]: "fixed"})
    if side_margin is not None or top_margin:
        margins = SubElement(tbl_pr, w["tblCellMar"])
        for side, width in (
            ("top", top_margin),
            ("left", side_margin),
            ("bottom", top_margin),
            ("right", side_margin),
        ):
            if width:  # in the schema's order: top, left, bottom, right
                SubElement(margins, w[side], {w["w"]: str(width), w["type"]: "dxa"})
    SubElement(tbl_pr, w["tblLook"], _TBL_LOOK)
    grid = SubElement(tbl, w["tblGrid"])
    for width in widths:
        SubElement(grid, w["gridCol"], {w["w"]: str(width)})
    return tbl  # type: ignore[return-value]


def add_row(tbl: CT_Tbl, header: bool) -> CT_Row:
    """Append a row that never breaks across pages (`w:cantSplit`); a `header` row repeats at
    the top of every page (`w:tblHeader`)."""
    tr = SubElement(tbl, _W["tr"])
    tr_pr = SubElement(tr, _W["trPr"])
    SubElement(tr_pr, _W["cantSplit"])
    if header:
        SubElement(tr_pr, _W["tblHeader"])
    return tr  # type: ignore[return-value]


def add_cell(
    tr: CT_Row,
    width: int,
    span: int = 1,
    merge: VerticalMerge = None,
    fill: str | None = None,
    centered: bool = False,
) -> CT_Tc:
    """Append a cell `width` twips wide spanning `span` grid columns; `merge` "restart" starts a
    vertically merged cell, "continue" is a grid position it covers in a later row; `fill` is a
    background colour (hex RGB), `centered` centres the content vertically. The cell is empty:
    Word requires at least one paragraph in it (`add_paragraph`)."""
    tc = _cell_template(width, span, merge, fill, centered).__copy__()
    tr.append(tc)
    return tc


@lru_cache(maxsize=1024)
def _cell_template(
    width: int, span: int, merge: VerticalMerge, fill: str | None, centered: bool
) -> CT_Tc:
    """A `w:tc` with these properties, copied by `add_cell`: copying an element (lxml's
    `__copy__` copies the whole subtree, and is cheaper than `copy.deepcopy`) is several times
    faster than building the same elements one by one. Never modified."""
    w = _W
    tc = OxmlElement("w:tc")
    tc_pr = SubElement(tc, w["tcPr"])
    SubElement(tc_pr, w["tcW"], {w["type"]: "dxa", w["w"]: str(width)})
    if span > 1:
        SubElement(tc_pr, w["gridSpan"], {w["val"]: str(span)})
    if merge == "restart":
        SubElement(tc_pr, w["vMerge"], {w["val"]: "restart"})
    elif merge == "continue":
        SubElement(tc_pr, w["vMerge"])
    if fill is not None:
        SubElement(tc_pr, w["shd"], {w["val"]: "clear", w["color"]: "auto", w["fill"]: fill})
    if centered:
        SubElement(tc_pr, w["vAlign"], {w["val"]: "center"})
    return tc  # type: ignore[return-value]


def add_text_cell(
    tr: CT_Row,
    width: int,
    span: int,
    merge: VerticalMerge,
    fill: str | None,
    centered: bool,
    style_id: str,
    jc: str,
    text: str,
    bold: bool = False,
    italic: bool = False,
    indent: Indent | None = None,
    keep_with_next: bool = False,
) -> None:
    """Append a cell (`add_cell`) holding one paragraph (`add_paragraph`) with one run of `text`
    (`add_text_run`; no tabs or line ends): the same XML, made as one copy of a cached cell and
    its text set, `indent` its paragraph's left indent, the paragraph kept with the next if
    `keep_with_next`. Most cells of a large table are this, and building each of them element
    by element was most of the time of a 2 000-row table."""
    tc = _text_cell_template(
        width,
        span,
        merge,
        fill,
        centered,
        style_id,
        jc,
        bold,
        italic,
        bool(text),
        indent,
        keep_with_next,
    ).__copy__()
    if text:
        t = tc[-1][-1][-1]
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_PRESERVE, "preserve")
    tr.append(tc)


@lru_cache(maxsize=1024)
def _text_cell_template(
    width: int,
    span: int,
    merge: VerticalMerge,
    fill: str | None,
    centered: bool,
    style_id: str,
    jc: str,
    bold: bool,
    italic: bool,
    has_text: bool,
    indent: Indent | None = None,
    keep_with_next: bool = False,
) -> CT_Tc:
    tc = _cell_template(width, span, merge, fill, centered).__copy__()
    add_text_run(
        add_paragraph(tc, style_id, jc, keep_with_next, indent),
        "text" if has_text else "",
        bold,
        italic,
    )
    return tc


@dataclass(frozen=True, slots=True)
class Indent:
    """A list item's indentation, in twips: text at `left`, the first line `hanging` back
    (0: no hanging label), a tab stop at `left` for the label's tab."""

    left: int
    hanging: int


def add_paragraph(
    parent: CT_Tc,
    style_id: str | None = None,
    jc: str | None = None,
    keep_with_next: bool = False,
    indent: Indent | None = None,
) -> CT_P:
    """Append a paragraph to a table cell: in style `style_id` if given (else a bare `w:p`), and
    formatted as by `format_paragraph` when `jc` is given."""
    p = _paragraph_template(style_id, jc, keep_with_next, indent).__copy__()
    parent.append(p)
    return p


@lru_cache(maxsize=1024)
def _paragraph_template(
    style_id: str | None, jc: str | None, keep_with_next: bool, indent: Indent | None
) -> CT_P:
    p = OxmlElement("w:p")
    if style_id is not None:
        SubElement(SubElement(p, _W["pPr"]), _W["pStyle"], {_W["val"]: style_id})
    if jc is not None:
        format_paragraph(p, jc, keep_with_next, indent)  # type: ignore[arg-type]
    return p  # type: ignore[return-value]


def format_paragraph(
    p: CT_P, jc: str, keep_with_next: bool = False, indent: Indent | None = None
) -> None:
    """Give `p`, whose properties hold only its style so far, alignment `jc` ("left", "center",
    "right", "both"), keep-with-next and a list `indent`."""
    w = _W
    ppr = p.find(w["pPr"])
    if ppr is None:
        ppr = p.makeelement(w["pPr"], {})
        p.insert(0, ppr)
    if keep_with_next:
        SubElement(ppr, w["keepNext"])
    if indent is not None:
        SubElement(
            SubElement(ppr, w["tabs"]), w["tab"], {w["pos"]: str(indent.left), w["val"]: "left"}
        )
        first = {w["hanging"]: str(indent.hanging)} if indent.hanging else {w["firstLine"]: "0"}
        SubElement(ppr, w["ind"], {w["left"]: str(indent.left), **first})
    SubElement(ppr, w["jc"], {w["val"]: jc})


def add_text_run(
    p: CT_P, text: str, bold: bool = False, italic: bool = False, properties: bool = True
) -> None:
    """Append a run of `text` (a tab becomes `w:tab`, a line end `w:br`, as python-docx's
    `add_run` writes them), bold and/or italic; `properties` False leaves out its (then empty)
    `w:rPr`."""
    w = _W
    r = _run_template(bold, italic, properties).__copy__()
    p.append(r)
    if not text:
        return
    if "\t" not in text and "\n" not in text and "\r" not in text:
        _add_t(r, text)
        return
    chunk: list[str] = []
    for char in text:
        if char in "\t\r\n":
            if chunk:
                _add_t(r, "".join(chunk))
                chunk.clear()
            SubElement(r, w["tab"] if char == "\t" else w["br"])
        else:
            chunk.append(char)
    if chunk:
        _add_t(r, "".join(chunk))


@lru_cache(maxsize=8)
def _run_template(bold: bool, italic: bool, properties: bool) -> BaseOxmlElement:
    r = OxmlElement("w:r")
    if properties:
        r_pr = SubElement(r, _W["rPr"])
        if bold:
            SubElement(r_pr, _W["b"])
        if italic:
            SubElement(r_pr, _W["i"])
    return r


def _add_t(r: BaseOxmlElement, text: str) -> None:
    t = SubElement(r, _W["t"])
    t.text = text
    if len(text.strip()) < len(text):
        t.set(_PRESERVE, "preserve")


def add_break_run(p: CT_P) -> None:
    """Append a run holding a line break."""
    SubElement(SubElement(p, _W["r"]), _W["br"])


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


def add_bookmark(p: CT_P, bookmark_id: int, name: str) -> None:
    """Put the whole of paragraph `p` (after its properties) in the bookmark `name`: what a
    contents entry's hyperlink and PAGEREF field point at. `bookmark_id` must be unique in
    the document (§17.13.6.2)."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name})
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else p.index(ppr) + 1, start)
    p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)}))


def add_contents_entry(
    paragraph: DocxParagraph, anchor: str | None, text: str, page: str, tab_twips: int
) -> None:
    """Write one line of a contents list as Word's TOC field writes it: `text`, a tab to a
    right-aligned dot-leader stop at `tab_twips`, then a `PAGEREF anchor \\h` field showing
    `page` ("" until the page is known), all in a hyperlink to the bookmark `anchor`; just the
    text when there is no `anchor`."""
    paragraph.paragraph_format.tab_stops.add_tab_stop(
        Twips(tab_twips), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )
    if anchor is None:
        paragraph.add_run(text)
        return
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): anchor, qn("w:history"): "1"})
    paragraph._p.append(link)
    runs = [_text_run(text), OxmlElement("w:r")]
    runs[-1].append(OxmlElement("w:tab"))
    runs += _field_runs(f"PAGEREF {anchor} \\h", page)
    link.extend(runs)


def _text_run(text: str) -> BaseOxmlElement:
    r = OxmlElement("w:r")
    _add_t(r, text)
    return r


def _field_runs(instruction: str, cached: str) -> list[BaseOxmlElement]:
    """The runs of a one-run-result complex field: begin, instruction, separate, the cached
    result `cached`, end."""
    runs = [OxmlElement("w:r") for _ in range(5)]
    runs[0].append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"}))
    instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    instr.text = f" {instruction} "
    runs[1].append(instr)
    runs[2].append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}))
    _add_t(runs[3], cached)
    runs[4].append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))
    return runs


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
    attrs: dict[str, str] = {qn("w:fmt"): fmt}
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


def set_all_fonts(document: DocxDocument, name: str) -> None:
    """Make `name` the font of the whole document: the default and every style that names a
    font of its own (`set_style_font`)."""
    set_default_font(document, name)
    for style in document.styles.element.iterchildren(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            rfonts = rpr.find(qn("w:rFonts"))
            for attr in _RFONTS_THEME_ATTRS:
                rfonts.attrib.pop(qn(attr), None)
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                rfonts.set(qn(attr), name)


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


# -------------------------------------------------------------------------------- properties
def set_core_properties(document: DocxDocument, values: dict[str, str]) -> None:
    """Set the `cp:` core properties named in `values` ("lastModifiedBy", "revision",
    "lastPrinted") by their full names.

    python-docx's setters for them look the `cp` prefix up in its global namespace map, which
    docxcompose (imported by docxtpl) rebinds to the custom-properties namespace; through them
    these properties land in a namespace the schema does not allow, the pattern behind Word's
    "unreadable content" reports (docxcompose #101, python-docx #1037). Elements a writer so
    misled left in that namespace (a template saved by one) are dropped."""
    core = document.core_properties._element
    for stray in [e for e in core if etree.QName(e).namespace == CUSTOM_PROPERTIES_NS]:
        core.remove(stray)
    for name, value in values.items():
        tag = f"{{{CORE_PROPERTIES_NS}}}{name}"
        element = core.find(tag)
        if element is None:
            element = SubElement(core, tag)
        element.text = value


def app_properties(pages: int | None) -> bytes:
    """`docProps/app.xml` true to the document: written by laporgen, `pages` long when a
    layout counted them (else no count, which Word fills in itself)."""
    ns = EXTENDED_PROPERTIES_NS
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    SubElement(root, f"{{{ns}}}Application").text = APPLICATION
    if pages is not None:
        SubElement(root, f"{{{ns}}}Pages").text = str(pages)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
