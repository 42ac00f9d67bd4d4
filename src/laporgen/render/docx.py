"""Document tree → .docx: a body written with python-docx (tables element by element, see
`ooxml.new_table`) poured into the Word template that docxtpl has filled in.

The template (`src/laporgen/templates/laporgen.docx`, made by `scripts/make_template.py`) owns the styles,
margins, cover layout, running header and page-number footer. This module only translates
nodes into paragraphs, tables and fields in those styles; it computes and formats nothing.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO, Literal, assert_never

import jinja2
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.section import Section as DocxSection
from docx.shared import Cm, Emu, Length, Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docxtpl import DocxTemplate, InlineImage
from docxtpl.subdoc import Subdoc
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from laporgen import collector
from laporgen.document.nodes import (
    opens_landscape,
    Align,
    Block,
    Cell,
    Column,
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
from laporgen.errors import LaporgenError, Problem, display_path
from laporgen.i18n import _
from laporgen.render import ooxml
from laporgen.render.grid import grid_positions
from laporgen.render.package import StableZipWriter

# The styles the renderer asks the template for (Word's internal names for toc/figures lists).
BODY, NOTE, NORMAL, CAPTION = "Body Text", "Note", "Normal", "Caption"
TABLE_TEXT, TABLE_TEXT_SMALL, TABLE_TEXT_TINY, TABLE_GRID = (
    "Table Text",
    "Table Text Small",
    "Table Text Tiny",
    "Table Grid",
)
TABLE_STYLE = {"normal": TABLE_TEXT, "small": TABLE_TEXT_SMALL, "tiny": TABLE_TEXT_TINY}
# A cell's top and bottom margin by text size: without one, a cell's text touches the rule
# above it. A little less than the Typst template's and the CSS's (1,5, 1 and 0,5 pt): Word's
# and LibreOffice's line of Arial has room above the capitals already, and the pages of the
# examples are laid out tight (with 1 pt a small table of Blitar's BAB II ran onto a page of
# its own).
CELL_MARGIN_Y = {"normal": Pt(1), "small": Pt(0.75), "tiny": Pt(0.5)}
CONTENTS_TITLE, TOC_LEVELS, FIGURES_LIST = (
    "Contents Title",
    ("toc 1", "toc 2", "toc 3"),
    "table of figures",
)
REQUIRED_STYLES = (
    BODY,
    NOTE,
    NORMAL,
    CAPTION,
    TABLE_TEXT,
    TABLE_TEXT_SMALL,
    TABLE_TEXT_TINY,
    TABLE_GRID,
    CONTENTS_TITLE,
    *TOC_LEVELS,
    FIGURES_LIST,
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Heading 4",
)

PAPER = {"A4": (Mm(210), Mm(297)), "F4": (Mm(215), Mm(330))}
HEAD_FILL, SHADE_FILL = "D9D9D9", "F2F2F2"
LIST_INDENT = Cm(0.75)
LEVEL_INDENT = Cm(
    0.3
)  # a step of `Cell.level`: a kegiatan under its program, a sub-kegiatan under that
LOGO_HEIGHT = Cm(4.5)
KOP_LOGO_HEIGHT = Cm(
    7
)  # a kop cover has nothing under the logo but the year: it fills the lower half
PLACEHOLDER_HEIGHT = Cm(4)
JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}  # w:jc values
PARAGRAPH_STYLE = {"body": BODY, "note": NOTE, "source": NOTE, "center": NORMAL}
# Tables of more rows than this keep their rows as serialized XML (`_SpooledRows`).
SPOOL_ROWS = 500
TEXT_AFTER_TABLE = Pt(12)  # a body paragraph after a table stands as far off as a heading


def render_docx(
    document: Document,
    template: Path,
    out: BinaryIO,
    carry: Mapping[int, int] | None = None,
    marked: bool = False,
) -> None:
    """Write `document` as .docx bytes to `out`, laid out by the Word `template`.

    `carry` and `marked` serve the layout pass (`render/carry.py`): `carry[n]` paragraphs and
    headings at the end of the n-th portrait stretch before a landscape page print on that
    landscape page instead (`portrait_stretches`); `marked` bookmarks each paragraph or heading
    that could be carried (`carry_mark`), for the layout to tell which page it is on.

    The bytes depend only on `document`, the template, `carry`, `marked` and
    `SOURCE_DATE_EPOCH`. Raises `LaporgenError` (code "template") when the template is missing,
    unreadable, lacks a style, or its Jinja placeholders fail."""
    with collector.paused():
        _render_docx(document, template, out, carry or {}, marked)


def _render_docx(
    document: Document, template: Path, out: BinaryIO, carry: Mapping[int, int], marked: bool
) -> None:
    tpl = _open_template(template)
    docx = tpl.get_docx()
    ooxml.set_all_fonts(docx, document.font)  # the document's typeface, as the PDF engines draw it
    cover_sections = len(docx.sections) - 1
    page = _Page.of(docx.sections[-1], document.paper)
    subdoc = tpl.new_subdoc()
    spooled = _SpooledRows()
    writer = _BodyWriter(subdoc, page, spooled, _Bookmarks.of(document))
    specs = writer.write(document.front, document.body, carry, marked)
    _render(tpl, template, _context(tpl, document, _BodySlot()))
    _pour_body(tpl, subdoc, writer.tables)
    _set_up_sections(list(tpl.docx.sections), cover_sections, specs, page)
    _set_properties(tpl.docx, document)
    ooxml.update_fields_on_open(tpl.docx)
    buffer = io.BytesIO()
    _save(tpl.docx, buffer, _zip_time(document.date_iso), spooled)
    out.write(buffer.getvalue())


def _save(docx: DocxDocument, out: BinaryIO, moment: datetime, spooled: _SpooledRows) -> None:
    """Save the package as python-docx's `save` does (each part prepared, then the content
    types, the package relationships and the parts, in its order), into a `StableZipWriter`:
    dated `moment`, compressed once. The three `PackageWriter` steps are python-docx's own,
    unchanged since 0.8 though not public; tests/render/test_docx.py and test_determinism.py
    read the result back."""
    package = docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    writer = StableZipWriter(out, moment)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    body = docx.part
    PackageWriter._write_parts(writer, [part for part in parts if part is not body])  # type: ignore[arg-type]  # a PhysPkgWriter by its methods
    # the document part last, its spooled rows streamed in (a zip's entries may come in any order)
    writer.write_pieces(body.partname, spooled.pieces(body.blob))
    if len(body.rels):
        writer.write(body.partname.rels_uri, body.rels.xml)
    writer.close()


class _SpooledRows:
    """The rows of large tables as serialized XML: a 20 000-row Renstra held as lxml elements
    took ~75 KiB a row (1,6 GB), as bytes ~5 KiB. A spooled table keeps a comment where its
    rows go; `pieces` splits the serialized document part at those comments and puts the rows
    in. Each row's bytes declare the `w` namespace again (they were serialized on their own):
    redundant, and valid XML."""

    def __init__(self) -> None:
        self._rows: dict[bytes, list[bytes]] = {}

    def start(self, tbl: CT_Tbl) -> list[bytes]:
        """Mark where `tbl`'s rows go; returns the list `spool` adds them to."""
        marker = f"laporgen-rows-{len(self._rows)}"
        tbl.append(etree.Comment(marker))
        rows: list[bytes] = []
        self._rows[f"<!--{marker}-->".encode()] = rows
        return rows

    @staticmethod
    def spool(rows: list[bytes], tr: etree._Element) -> None:
        """Move the finished row `tr` out of its table into `rows`, serialized."""
        rows.append(etree.tostring(tr))
        tr.getparent().remove(tr)

    def pieces(self, blob: bytes) -> Iterator[bytes]:
        """`blob` with each marker replaced by its rows (a marker copied to several places,
        as `_pour_body` copies the body to every slot, gets them in each)."""
        if not self._rows:
            yield blob
            return
        start = 0
        for match in re.finditer(b"<!--laporgen-rows-\\d+-->", blob):
            yield blob[start : match.start()]
            yield from self._rows[match.group()]
            start = match.end()
        yield blob[start:]


# ---------------------------------------------------------------------------------- template
def _template_error(template: Path, message: str, hint: str | None = None) -> LaporgenError:
    return LaporgenError(
        [Problem(file=display_path(template), message=message, hint=hint, code="template")]
    )


def _open_template(template: Path) -> DocxTemplate:
    """Return the loaded template, checked for the styles the renderer uses."""
    if not template.is_file():
        raise _template_error(
            template,
            _("Word template not found"),
            _("regenerate it with scripts/make_template.py"),
        )
    tpl = DocxTemplate(template)
    try:
        docx = tpl.get_docx()
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
    ) as exc:
        raise _template_error(
            template,
            _("not a readable Word .docx file ({error})").format(error=exc),
            _("open it in Word and save it again as .docx"),
        ) from exc
    missing = [name for name in REQUIRED_STYLES if name not in docx.styles]
    if missing:
        raise _template_error(
            template,
            _("the template lacks the styles {styles}").format(styles=", ".join(missing)),
            _("copy them from the bundled laporgen.docx (Word: Organizer)"),
        )
    return tpl


def _context(tpl: DocxTemplate, document: Document, body: _BodySlot) -> dict[str, object]:
    """Return the Jinja context of the template's placeholders."""
    cover = document.cover
    return {
        "title_lines": list(cover.title_lines),
        "issuer_lines": list(cover.issuer_lines),
        "contact_lines": list(cover.contact_lines),
        "year_line": cover.year_line,
        "kop": cover.kop,
        "logo": _logo(tpl, cover.logo, KOP_LOGO_HEIGHT if cover.kop else LOGO_HEIGHT),
        "running_header": document.running_header,
        "title": document.title,
        "subject": document.subject,
        "author": document.author,
        "date": document.date_iso,
        "meta": dict(document.meta),
        "body": body,
    }


def _logo(tpl: DocxTemplate, logo: str | None, height: Length) -> InlineImage | str:
    """The cover logo, or "" without one; a file Word cannot show is a LaporgenError."""
    if not logo or not Path(logo).is_file():
        return ""
    try:
        from docx.image.image import Image

        Image.from_file(logo)  # what InlineImage will read at render time, read now to fail early
    except UnrecognizedImageError as exc:
        raise LaporgenError(
            [
                Problem(
                    display_path(logo),
                    _("not an image Word can show (use PNG or JPEG)"),
                    field="logo",
                    hint=_("point `logo` in document.toml at a PNG or JPEG file"),
                    code="input.image",
                )
            ]
        ) from exc
    return InlineImage(tpl, logo, height=height)


def _render(tpl: DocxTemplate, template: Path, context: dict[str, object]) -> None:
    """Fill the template's placeholders; a broken or unknown placeholder is a LaporgenError."""
    # Sandboxed: a template (a user's --template too) cannot reach Python internals.
    env = SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    try:
        if "body" not in tpl.get_undeclared_template_variables(env):
            raise _template_error(
                template,
                _("the template has no {{p body }} placeholder, so the report would be lost"),
                _("put a paragraph holding just {{p body }} where the report goes"),
            )
        tpl.render(context, env, autoescape=True)
    except jinja2.TemplateError as exc:
        near = " ".join(line.strip() for line in getattr(exc, "docx_context", ()) if line.strip())
        raise _template_error(
            template,
            _("placeholder error: {error}").format(error=exc.message or type(exc).__name__),
            _("near “{text}”; placeholders are {names}").format(
                text=near[:120], names=", ".join(sorted(context))
            )
            if near
            else _("placeholders are {names}").format(names=", ".join(sorted(context))),
        ) from exc
    except etree.XMLSyntaxError as exc:
        raise _template_error(
            template,
            _("placeholders produced broken Word XML ({error})").format(error=exc),
            _("put {%p ... %} tags in paragraphs of their own"),
        ) from exc


_BODY_MARKER = "laporgen-body-placeholder-6d1c"


class _BodySlot:
    """What the template's `{{p body }}` renders to: a marker paragraph, which `_pour_body` then
    replaces with the body's elements. Handing docxtpl the Subdoc instead makes it serialize the
    whole body to text, run its regular expressions over it and parse it back: half the render
    time of a large document, for the same XML."""

    def __html__(self) -> str:
        return f"<w:p><w:r><w:t>{_BODY_MARKER}</w:t></w:r></w:p>"

    __str__ = __html__


def _pour_body(tpl: DocxTemplate, subdoc: Subdoc, tables: dict[CT_Tbl, CT_Tbl]) -> None:
    """Move the body written into `subdoc` to where the template's `{{p body }}` marker
    paragraph is (a copy of it to every such place), each table in place of its stand-in (see
    `_BodyTarget.add_table_element`), then number the pictures' `wp:docPr` ids in document
    order from 1001, as docxtpl does when the body passes through it (Word calls a file with two
    equal ids corrupt)."""
    body = tpl.docx.element.body
    slots = [t.getparent().getparent() for t in body.iter(qn("w:t")) if t.text == _BODY_MARKER]
    blocks = [
        tables.get(element, element)
        for element in subdoc.element.body
        if element.tag != qn("w:sectPr")
    ]
    for n, slot in enumerate(slots):
        for block in blocks if n == len(slots) - 1 else [deepcopy(block) for block in blocks]:
            slot.addprevious(block)
        slot.getparent().remove(slot)
    for number, doc_pr in enumerate(body.iter(qn("wp:docPr")), start=1001):
        doc_pr.set("id", str(number))


# ---------------------------------------------------------------------------------- sections
@dataclass(frozen=True, slots=True)
class _Page:
    """Portrait paper size and the template's side margins."""

    width: Length
    height: Length
    left: Length
    right: Length

    @classmethod
    def of(cls, section: DocxSection, paper: str) -> _Page:
        width, height = PAPER[paper]
        return cls(width, height, section.left_margin or Cm(2.5), section.right_margin or Cm(2.5))

    def text_width(self, landscape: bool) -> Length:
        """Return the width between the side margins, in EMU."""
        across = self.height if landscape else self.width
        return Emu(across - self.left - self.right)


@dataclass(frozen=True, slots=True)
class _SectionSpec:
    """What a section written by the body writer needs: page numbers and orientation."""

    numbering: ooxml.PageNumberFormat
    start: int | None
    landscape: bool


def _set_up_sections(
    sections: list[DocxSection], covers: int, specs: list[_SectionSpec], page: _Page
) -> None:
    """Give the cover sections the paper size and every body section the template's last
    section setup (margins, header, footer) plus its own orientation and page numbering."""
    if len(sections) != covers + len(specs):
        raise AssertionError(f"{len(sections)} sections, expected {covers} + {len(specs)}")
    last = sections[-1]
    for section in sections[covers:-1]:
        ooxml.copy_section_setup(last, section)
    for section in sections[:covers]:
        _set_paper(section, page, landscape=False)
    for section, spec in zip(sections[covers:], specs):
        _set_paper(section, page, spec.landscape)
        ooxml.set_page_numbering(section, spec.numbering, spec.start)


def _set_paper(section: DocxSection, page: _Page, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = page.height, page.width
    else:
        section.page_width, section.page_height = page.width, page.height


# -------------------------------------------------------------------------------- properties
def _set_properties(docx: DocxDocument, document: Document) -> None:
    """Core properties from the document, dated by `date_iso` (never by the clock); the
    application properties laporgen's own, without a page count (see `render/contents.py`)."""
    day = date.fromisoformat(document.date_iso)
    stamp = datetime(day.year, day.month, day.day, tzinfo=UTC)
    props = docx.core_properties
    # Word's core properties hold at most 255 characters each (python-docx refuses more).
    props.title, props.subject, props.author = (
        document.title[:255],
        document.subject[:255],
        document.author[:255],
    )
    props.created = props.modified = stamp
    ooxml.set_core_properties(
        docx,
        {
            "lastModifiedBy": document.author[:255],
            "revision": "1",
            "lastPrinted": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    )
    app = next(
        (
            rel.target_part
            for rel in docx.part.package.rels.values()
            if rel.reltype == RT.EXTENDED_PROPERTIES
        ),
        None,
    )
    if app is not None:  # a generic part: python-docx reads and writes its bytes as they are
        app._blob = ooxml.app_properties(pages=None)


def _zip_time(date_iso: str) -> datetime:
    """Return the zip entries' timestamp: SOURCE_DATE_EPOCH if set, else the document date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    else:
        moment = datetime.combine(date.fromisoformat(date_iso), datetime.min.time())
    return max(moment.replace(tzinfo=None), datetime(1980, 1, 1))  # zip dates start in 1980


# -------------------------------------------------------------------------------- containers
class _StyleIds:
    """Style names resolved to ids once: python-docx resolves a name on every assignment by
    scanning all styles, which made a 30-table document take seconds."""

    def __init__(self, docx: DocxDocument):
        self._ids = {style.name: style.style_id for style in docx.styles}

    def id(self, name: str) -> str:
        return self._ids[name]

    def apply(self, paragraph: DocxParagraph, name: str) -> DocxParagraph:
        ooxml.set_paragraph_style(paragraph, self._ids[name])
        return paragraph


class _BodyTarget:
    """The subdocument body. Section breaks are written lazily, by the next block, so that a
    document ending in a landscape block has no empty portrait page after it."""

    def __init__(self, subdoc: Subdoc):
        self._subdoc = subdoc
        self.styles = _StyleIds(subdoc.docx)
        self.pending: _SectionSpec | None = None
        self.at_section_start = True
        self.closed: list[_SectionSpec] = []
        self.tables: dict[CT_Tbl, CT_Tbl] = {}
        self.after_table = False  # the last thing written is a table or its source and notes

    def _flush(self) -> None:
        if self.pending is not None:
            ooxml.mark_section_break(self.styles.apply(self._subdoc.add_paragraph(), NORMAL))
            self.closed.append(self.pending)
            self.pending = None
            self.after_table = False  # a new page: nothing above to keep away from
        self.at_section_start = False

    def add_paragraph(self, style: str) -> DocxParagraph:
        self._flush()
        paragraph = self.styles.apply(self._subdoc.add_paragraph(), style)
        self._space_after_table(paragraph, style)
        return paragraph

    def add_p(self, style: str, jc: str, keep_with_next: bool, indent: ooxml.Indent | None) -> CT_P:
        self._flush()
        paragraph = self.styles.apply(self._subdoc.add_paragraph(), style)
        ooxml.format_paragraph(paragraph._p, jc, keep_with_next, indent)
        self._space_after_table(paragraph, style)  # after: python-docx keeps the pPr order
        return paragraph._p

    def _space_after_table(self, paragraph: DocxParagraph, style: str) -> None:
        """Body Text has no space before, so the first one after a table (or after the
        table's source and notes) would touch its bottom border: give it a heading's."""
        if style != NOTE and self.after_table:
            self.after_table = False
            if style == BODY:
                paragraph.paragraph_format.space_before = TEXT_AFTER_TABLE

    def add_table(self, rows: int, cols: int) -> DocxTable:
        self._flush()
        self.after_table = True
        return self._subdoc.add_table(rows, cols)

    def add_table_element(self, tbl: CT_Tbl) -> None:
        """Append a table built by `ooxml.new_table`: an empty stand-in here, the table itself
        only when the body is poured into the document (`_pour_body`). Measured with lxml 6:
        moving a table built on its own into the document takes milliseconds, but moving it
        again once it was added here grows with the square of its size (3 s at 2 000 rows)."""
        self._flush()
        self.after_table = True
        stand_in = OxmlElement("w:tbl")
        self._subdoc.element.body._insert_tbl(stand_in)
        self.tables[stand_in] = tbl


class _CellTarget:
    """A table cell (a `w:tc` from `ooxml.add_cell`), filled paragraph by paragraph."""

    def __init__(self, tc: CT_Tc, styles: _StyleIds):
        self._tc = tc
        self._styles = styles
        self.empty = True

    def add_p(self, style: str, jc: str, keep_with_next: bool, indent: ooxml.Indent | None) -> CT_P:
        self.empty = False
        return ooxml.add_paragraph(self._tc, self._styles.id(style), jc, keep_with_next, indent)

    def close(self, style: str, keep_with_next: bool = False) -> None:
        """Give a cell with no content the one paragraph Word requires."""
        if self.empty:
            if keep_with_next:
                ooxml.add_paragraph(self._tc, self._styles.id(style), "left", keep_with_next=True)
            else:
                ooxml.add_paragraph(self._tc, self._styles.id(style))


Target = _BodyTarget | _CellTarget
_Target = Literal["heading", "caption"]


class _Bookmarks:
    """The bookmarks (`_Toc000000001`, …: Word's prefix for what its TOC fields link to) of
    every heading the Daftar Isi lists and every caption a Daftar Tabel/Gambar lists, by text
    in document order. The lists are written before what they point at, so the names are
    planned first and handed out twice: to the lists' entries (`anchor`) and to the headings
    and captions (`mark`)."""

    def __init__(self, names: dict[tuple[_Target, str], list[int]]):
        self._anchors = {key: list(numbers) for key, numbers in names.items()}
        self._marks = {key: list(numbers) for key, numbers in names.items()}

    @classmethod
    def of(cls, document: Document) -> _Bookmarks:
        names: dict[tuple[_Target, str], list[int]] = {}
        numbers = itertools.count(1)

        def walk(blocks: Sequence[Block]) -> None:
            for block in blocks:
                match block:
                    case Section(in_toc=True):
                        names.setdefault(("heading", block.heading), []).append(next(numbers))
                    case Table() | Figure():
                        names.setdefault(("caption", f"{block.label} {block.title}"), []).append(
                            next(numbers)
                        )
                if isinstance(block, Section | Landscape):
                    walk(block.children)
                elif isinstance(block, ListBlock):
                    for item in block.items:
                        walk(item)

        walk([*document.front, *document.body])
        return cls(names)

    def anchor(self, kind: _Target, text: str) -> str | None:
        """The bookmark a list entry `text` links to; None for a text nothing carries."""
        found = self._anchors.get((kind, text))
        return _bookmark_name(found.pop(0)) if found else None

    def mark(self, p: CT_P, kind: _Target, text: str) -> None:
        """Bookmark the heading or caption paragraph `p` showing `text`."""
        found = self._marks.get((kind, text))
        if found:
            number = found.pop(0)
            ooxml.add_bookmark(p, number, _bookmark_name(number))


def _bookmark_name(number: int) -> str:
    return f"_Toc{number:09d}"


@dataclass(frozen=True, slots=True)
class _Look:
    """How a paragraph is drawn where the context (a table cell) overrides the node."""

    style: str
    align: Align
    bold: bool = False
    keep_with_next: bool = False  # a row of a table kept together


def _seq_split(number: str) -> tuple[str, str]:
    """Split a caption number into the text before its last run of digits and those digits:
    "3.2" → ("3.", "2"), "T-C.23" → ("T-C.", "23"), "7" → ("", "7"); ("A", "") if there are
    no trailing digits. Only the digits go in a SEQ field; the rest is plain text."""
    digits = len(number) - len(number.rstrip("0123456789"))
    return number[: len(number) - digits], number[len(number) - digits :]


def _level_indent(level: int) -> ooxml.Indent | None:
    """The left indent of a table cell's text at hierarchy depth `level` (`Cell.level`)."""
    return ooxml.Indent(Emu(LEVEL_INDENT * level).twips, 0) if level > 0 else None


def _marker(marker: Literal["1.", "a.", "A.", "-", "•"], index: int) -> str:
    """Return the label of list item `index` (1-based): "3.", "c.", "C.", "-", "•"."""
    match marker:
        case "1.":
            return f"{index}."
        case "a." | "A.":
            letters = ""
            while index:
                index, rest = divmod(index - 1, 26)
                letters = chr(ord(marker[0]) + rest) + letters
            return f"{letters}."
        case "-" | "•":
            return marker
        case _:
            assert_never(marker)


def _only_text(cell: Cell) -> Text | None:
    """The one run of text of a cell holding nothing else (one paragraph, not kept with the next,
    no tab or line end), else None: what `ooxml.add_text_cell` draws as `_cell` would."""
    if len(cell.blocks) != 1:
        return None
    paragraph = cell.blocks[0]
    if (
        not isinstance(paragraph, Paragraph)
        or paragraph.keep_with_next
        or len(paragraph.inlines) != 1
    ):
        return None
    text = paragraph.inlines[0]
    if not isinstance(text, Text) or "\t" in text.text or "\n" in text.text or "\r" in text.text:
        return None
    return text


# ------------------------------------------------------------------------------------ writer
class _BodyWriter:
    """Translates front matter and body blocks into the subdocument, one method per node."""

    def __init__(self, subdoc: Subdoc, page: _Page, spooled: _SpooledRows, bookmarks: _Bookmarks):
        self._body = _BodyTarget(subdoc)
        self._page = page
        self._spooled = spooled
        self._bookmarks = bookmarks
        self._numbering: ooxml.PageNumberFormat = "lowerRoman"
        self._restart = True
        self._landscape = False
        self._turned_early = False  # a heading opened the landscape section of the block after it
        self._reopened: _SectionSpec | None = None  # a landscape section continued (`_turn`)
        self._short: frozenset[int] = frozenset()  # see `_short_portrait_runs`
        self._carried: frozenset[int] = frozenset()  # printed on the landscape page after them
        self._marks: dict[int, str] = {}  # bookmark names of what could be carried, by node id
        self._mark_ids = itertools.count(CARRY_MARK_ID)

    @property
    def tables(self) -> dict[CT_Tbl, CT_Tbl]:
        """The tables written so far, by their stand-ins in the body."""
        return self._body.tables

    def write(
        self,
        front: Sequence[Block],
        body: Sequence[Block],
        carry: Mapping[int, int] | None = None,
        marked: bool = False,
    ) -> list[_SectionSpec]:
        """Write all blocks; return the page setup of each section written, in order. `carry`
        and `marked`: see `render_docx`."""
        if front:
            self._blocks(front)
            self._end_section()
        self._numbering, self._restart = "decimal", True
        self._short = _short_portrait_runs(body, self._page.text_width(landscape=False))
        stretches = portrait_stretches(body, self._short)
        carry, leads = carry or {}, _leading_into_lists(body)
        self._carried = frozenset(
            id(leaf)
            for n, stretch in enumerate(stretches)
            if carry.get(n)
            for leaf in stretch[_carried_from(stretch, carry[n], leads) :]
        )
        if marked:
            self._marks = {
                id(leaf): carry_mark(n, len(stretch) - i)
                for n, stretch in enumerate(stretches)
                for i, leaf in enumerate(stretch)
            }
        self._blocks(body)
        last = self._body.pending or self._current_spec()
        return [*self._body.closed, last]

    def _current_spec(self) -> _SectionSpec:
        if self._reopened is not None:
            return self._reopened
        return _SectionSpec(self._numbering, 1 if self._restart else None, self._landscape)

    def _turn(self) -> None:
        """Go on in landscape: in the landscape section just closed if nothing was written
        since (two landscape blocks, or a heading opening one, one after the other: a section
        apiece started each on a page of its own, the last page of the first nearly empty);
        else in a new section."""
        pending = self._body.pending
        if pending is not None and pending.landscape and not self._restart:  # not across BAB I
            self._body.pending, self._reopened = None, pending
        else:
            self._end_section()
        self._landscape = True

    def _end_section(self) -> None:
        """Close the current section (its break is written by the next block); a section with
        nothing in it yet is not closed but takes the new setup."""
        if self._body.pending is None and not self._body.at_section_start:
            self._body.pending = self._current_spec()
            self._restart, self._reopened = False, None

    def _blocks(self, blocks: Sequence[Block]) -> None:
        for block in blocks:
            self._block(block)

    def _block(self, node: Block) -> None:
        self._turn_before(node)
        match node:
            case Section():
                self._section(node)
            case Paragraph():
                self._paragraph(self._body, node)
            case ListBlock():
                self._list(self._body, node, depth=0)
            case Table():
                self._table(node)
            case Figure():
                self._figure(node)
            case PageBreak():
                self._body.add_paragraph(NORMAL).add_run().add_break(WD_BREAK.PAGE)
            case Toc():
                entries = [(TOC_LEVELS[min(level, 3) - 1], text) for level, text in node.entries]
                self._field_list(node.title, 'TOC \\o "1-3" \\h \\z \\u', "heading", entries)
            case ListOfTables():
                entries = [(FIGURES_LIST, text) for text in node.entries]
                self._field_list(node.title, f'TOC \\h \\z \\c "{node.kind}"', "caption", entries)
            case Signature():
                self._signature(node)
            case LabelBlock():
                self._label_block(node)
            case Landscape():
                self._landscape_block(node)
            case _:
                assert_never(node)

    def _turn_before(self, node: Block) -> None:
        """Go on in landscape before `node` if it prints on the landscape pages after it: a
        short stretch between two landscape blocks, or the carried end of a portrait stretch
        (`render_docx`)."""
        if (id(node) in self._short or id(node) in self._carried) and not self._landscape:
            self._turn()
            self._turned_early = True

    def _mark(self, node: Block, p: CT_P) -> None:
        """Bookmark paragraph `p` drawing `node` if the layout pass asked for it."""
        name = self._marks.get(id(node))
        if name is not None:
            ooxml.add_bookmark(p, next(self._mark_ids), name)

    # ------------------------------------------------------------------------ text blocks
    def _section(self, node: Section) -> None:
        """A heading in style "Heading <level>", then the section's blocks."""
        if not self._landscape and opens_landscape(node):
            # Keep-with-next cannot cross a section break: printed in portrait, the heading
            # would stand alone at the foot of the page before its landscape table.
            self._turn()
            self._turned_early = True
        starts_page = self._body.at_section_start or self._body.pending is not None
        heading = self._body.add_paragraph(f"Heading {node.level}")
        if node.level == 1 and node.number:
            heading.add_run(node.number)
            heading.add_run().add_break()
            heading.add_run(node.title)
        else:
            heading.add_run(node.heading)
        if node.in_toc:
            self._bookmarks.mark(heading._p, "heading", node.heading)
        self._mark(node, heading._p)
        if node.page_break_before and not starts_page:
            heading.paragraph_format.page_break_before = True
        if not node.in_toc:
            ooxml.keep_out_of_outline(heading)
        self._blocks(node.children)

    def _paragraph(
        self,
        target: Target,
        node: Paragraph,
        look: _Look | None = None,
        marker: str | None = None,
        indent: ooxml.Indent | None = None,
    ) -> None:
        """Draw `node` in `look` if given (table cells), else in the node's own style and
        alignment; `marker` is a list label put before the text, `indent` a list item's."""
        look = look or _Look(
            PARAGRAPH_STYLE[node.style], "center" if node.style == "center" else node.align
        )
        p = target.add_p(
            look.style, JC[look.align], node.keep_with_next or look.keep_with_next, indent
        )
        if isinstance(target, _BodyTarget):
            self._mark(node, p)
        if marker is not None:
            ooxml.add_text_run(p, f"{marker}\t", properties=False)
        for inline in node.inlines:
            match inline:
                case Text():
                    ooxml.add_text_run(p, inline.text, inline.strong or look.bold, inline.emph)
                case LineBreak():
                    ooxml.add_break_run(p)
                case _:
                    assert_never(inline)

    def _list(self, target: Target, node: ListBlock, depth: int, look: _Look | None = None) -> None:
        """Items as paragraphs with the label written out and a hanging indent per depth;
        a sub-list is indented one step further."""
        left = Emu(LIST_INDENT * (depth + 1)).twips
        for index, item in enumerate(node.items, start=1):
            label: str | None = _marker(node.marker, index)
            for block in item:
                match block:
                    case Paragraph():
                        if isinstance(target, _BodyTarget):
                            self._turn_before(block)
                        hanging = LIST_INDENT.twips if label is not None else 0
                        self._paragraph(target, block, look, label, ooxml.Indent(left, hanging))
                        label = None
                    case ListBlock():
                        self._list(target, block, depth + 1, look)
                    case _:
                        assert isinstance(target, _BodyTarget), "only text in table cells"
                        self._block(block)

    def _signature(self, node: Signature) -> None:
        """Lines centred in the right part of the text area (the right 45%, so a long name with
        degrees fits on one line), kept on one page."""
        if node.beside is not None:
            self._signature_pair(node.beside, node)
            return
        lines = [
            node.place_date,
            *node.jabatan,
            "",
            "",
            "",
            node.nama,
            node.pangkat,
            *((f"NIP. {node.nip}",) if node.nip else ()),
        ]
        name_at = len(node.jabatan) + 4
        half = Emu(self._page.text_width(self._landscape) * 9 // 20)
        for i, text in enumerate(lines):
            paragraph = self._body.add_paragraph(NORMAL)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt = paragraph.paragraph_format
            fmt.left_indent, fmt.keep_with_next = half, i < len(lines) - 1
            if i == 0:
                fmt.space_before = Pt(12)
            run = paragraph.add_run(text)
            if i == name_at:
                run.bold = run.underline = True

    def _signature_pair(self, left: Signature, right: Signature) -> None:
        """Two parties side by side, centred by tab stops at 22,5% and 72,5% of the text width
        (the right party, with degrees and NIP, gets the wider share), rows level (the shorter
        jabatan is padded), kept on one page."""
        rows = _signature_rows(left, right)
        width = self._page.text_width(self._landscape)
        name_at = max(len(left.jabatan), len(right.jabatan)) + 4
        for i, texts in enumerate(rows):
            paragraph = self._body.add_paragraph(NORMAL)
            fmt = paragraph.paragraph_format
            fmt.keep_with_next = i < len(rows) - 1
            fmt.tab_stops.add_tab_stop(Emu(width * 9 // 40), WD_TAB_ALIGNMENT.CENTER)
            fmt.tab_stops.add_tab_stop(Emu(width * 29 // 40), WD_TAB_ALIGNMENT.CENTER)
            if i == 0:
                fmt.space_before = Pt(12)
            for text in texts:
                paragraph.add_run("\t")
                run = paragraph.add_run(text)
                if i == name_at and text:
                    run.bold = run.underline = True

    def _label_block(self, node: LabelBlock) -> None:
        """Each row "label<tab>:<tab>value" from a third of the text area's width (the value
        then holds a decree's title on two lines, as the seed prints it): tab stops at the colon
        and at the value, a hanging indent so a long value wraps under itself; the rows kept
        together, with space after the block."""
        half = Emu(self._page.text_width(self._landscape) * 35 // 100)
        label_width = Cm(2.4)
        colon_width = Cm(0.5)
        for i, (label, value) in enumerate(node.rows):
            paragraph = self._body.add_paragraph(NORMAL)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            fmt = paragraph.paragraph_format
            fmt.left_indent = Emu(half + label_width + colon_width)
            fmt.first_line_indent = Emu(-(label_width + colon_width))
            fmt.tab_stops.add_tab_stop(Emu(half + label_width))
            fmt.tab_stops.add_tab_stop(Emu(half + label_width + colon_width))
            fmt.keep_with_next = True
            fmt.space_after = Pt(24) if i == len(node.rows) - 1 else Pt(0)
            paragraph.add_run(f"{label}\t:\t{value}")

    # ----------------------------------------------------------------------------- fields
    def _caption(
        self, label: str, number: str, title: str, lines: Sequence[str], seq: bool = True
    ) -> None:
        """ "Tabel 3.2 title" and extra lines, kept with what follows; the last digits of the
        number are a SEQ field so Word can list the captions (see `_seq_split`), unless `seq` is
        False (a continued table, listed once)."""
        paragraph = self._body.add_paragraph(CAPTION)
        paragraph.paragraph_format.keep_with_next = True
        identifier = label.removesuffix(number).rstrip()  # "Tabel", "Gambar"
        fixed, counted = _seq_split(number)
        paragraph.add_run(f"{identifier} {fixed}" if seq else f"{identifier} {number}")
        if counted and seq:
            ooxml.add_seq_field(paragraph, identifier, counted)
        paragraph.add_run(f" {title}")
        for line in lines:
            paragraph.add_run().add_break()
            paragraph.add_run(line)
        self._bookmarks.mark(paragraph._p, "caption", f"{label} {title}")

    def _field_list(
        self, title: str, instruction: str, kind: _Target, entries: Sequence[tuple[str, str]]
    ) -> None:
        """A title, then a TOC field whose cached result is one paragraph per (style, text), as
        Word writes it: the text linked to its heading's or caption's bookmark, a dot leader
        and a PAGEREF field whose result is left empty here (see `render/contents.py`)."""
        heading = self._body.add_paragraph(CONTENTS_TITLE)
        heading.add_run(title)
        rows = [self._body.add_paragraph(style) for style, _ in entries]
        if not rows:
            rows = [self._body.add_paragraph(NORMAL)]
        ooxml.begin_field(rows[0], instruction)
        right = Emu(self._page.text_width(landscape=False)).twips
        for paragraph, (_style, text) in zip(rows, entries):
            ooxml.add_contents_entry(paragraph, self._bookmarks.anchor(kind, text), text, "", right)
        ooxml.end_field(rows[-1])

    # ----------------------------------------------------------------------------- tables
    def _table(self, node: Table) -> None:
        """Caption above; a bordered grid with repeating head rows and merged spans; then the
        source line and notes. Built element by element (`ooxml.new_table`): tables are where
        the thousands of cells are."""
        self._caption(
            node.label, node.number, node.title, node.caption_lines, seq=not node.continued
        )
        rows = (*node.head, *node.body, *node.foot)
        styles = self._body.styles
        widths = self._column_widths(node.columns)
        tbl = ooxml.new_table(
            styles.id(TABLE_GRID),
            widths,
            round(node.cell_margin * 20),
            CELL_MARGIN_Y[node.font_size].twips,
        )
        text_style = TABLE_STYLE[node.font_size]
        first_foot = len(node.head) + len(node.body)
        starts = {(r, c): cell for r, c, cell in grid_positions(rows, len(node.columns))}
        below: dict[tuple[int, int], int] = {}  # grid positions a cell above covers → its colspan
        for (r, c), above in starts.items():
            below.update(((r + dr, c), above.colspan) for dr in range(1, above.rowspan))
        spool = self._spooled.start(tbl) if len(rows) > SPOOL_ROWS else None
        after = (*([node.source] if node.source else []), *node.notes)
        for r in range(len(rows)):
            least = node.head_least_pt[r] if r < len(node.head_least_pt) else 0.0
            tr = ooxml.add_row(tbl, header=r < len(node.head), min_height=Pt(least).twips)
            # A row kept with the next (the whole table kept together, or `keep_rows`): its
            # paragraphs kept with the next paragraph, Word's and LibreOffice's way to say it;
            # the last row is kept with the source line and notes.
            keep = node.keep_together or r in node.keep_rows if r < len(rows) - 1 else bool(after)
            c = 0
            while c < len(widths):
                cell = starts.get((r, c))
                span = cell.colspan if cell is not None else below.get((r, c), 1)
                width = sum(widths[c : c + span])
                if cell is None:
                    merge: ooxml.VerticalMerge = "continue" if (r, c) in below else None
                    tc = ooxml.add_cell(tr, width, span, merge)
                    if keep:
                        ooxml.add_paragraph(tc, styles.id(text_style), "left", keep_with_next=True)
                    else:
                        ooxml.add_paragraph(tc)
                else:
                    head, foot = r < len(node.head), r >= first_foot
                    fill = HEAD_FILL if head else SHADE_FILL if cell.shade else None
                    merge = "restart" if cell.rowspan > 1 else None
                    bold = cell.strong or head or foot
                    text = _only_text(cell)
                    indent = _level_indent(cell.level)
                    if text is not None:  # the common case, made in one step
                        ooxml.add_text_cell(
                            tr,
                            width,
                            span,
                            merge,
                            fill,
                            True,
                            styles.id(text_style),
                            JC[cell.align],
                            text.text,
                            text.strong or bold,
                            text.emph,
                            indent,
                            keep,
                        )
                    else:
                        tc = ooxml.add_cell(tr, width, span, merge, fill, centered=True)
                        self._cell(tc, cell, _Look(text_style, cell.align, bold, keep), indent)
                c += span
            if spool is not None:
                self._spooled.spool(spool, tr)
        self._body.add_table_element(tbl)
        for n, line in enumerate(after, 1):
            paragraph = self._body.add_paragraph(NOTE)
            if n < len(after):
                paragraph.paragraph_format.keep_with_next = True
            paragraph.add_run(line)

    def _column_widths(self, columns: Sequence[Column]) -> list[int]:
        """Fixed column widths in twips, proportional to `Column.width`, filling the text area."""
        total = sum(column.width for column in columns)
        available = self._page.text_width(self._landscape)
        return [Emu(int(available * column.width / total)).twips for column in columns]

    def _cell(self, tc: CT_Tc, cell: Cell, look: _Look, indent: ooxml.Indent | None = None) -> None:
        """Fill one (possibly merged) grid cell, its paragraphs drawn in `look`; `indent` its
        paragraphs' (`Cell.level`)."""
        text_style = look.style
        slot = _CellTarget(tc, self._body.styles)
        for block in cell.blocks:
            match block:
                case Paragraph():
                    self._paragraph(slot, block, look, indent=indent)
                case ListBlock():
                    self._list(slot, block, 0, look)
                case _:
                    assert_never(block)
        slot.close(text_style, look.keep_with_next)

    # ---------------------------------------------------------------------------- figures
    def _figure(self, node: Figure) -> None:
        """Caption above, then the picture centred (or a framed box with `alt` if none), then
        the notes."""
        self._picture(node)
        for text in node.notes:
            self._body.add_paragraph(NOTE).add_run(text)

    def _picture(self, node: Figure) -> None:
        self._caption(node.label, node.number, node.title, ())
        width = min(Cm(node.width_cm), self._page.text_width(self._landscape))
        if node.png is not None:  # a chart laporgen drew
            paragraph = self._body.add_paragraph(NORMAL)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = bool(node.notes)
            paragraph.add_run().add_picture(io.BytesIO(node.png), width=width)
            return
        if node.path is not None and Path(node.path).is_file():
            paragraph = self._body.add_paragraph(NORMAL)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = bool(node.notes)
            try:
                paragraph.add_run().add_picture(node.path, width=width)
            except UnrecognizedImageError as exc:
                message = _("not an image Word can show (use PNG or JPEG)")
                raise LaporgenError(
                    [
                        Problem(
                            file=display_path(node.path), message=message, field=f"{node.id}.path"
                        )
                    ]
                ) from exc
            return
        box = self._body.add_table(1, 1)
        box.style, box.alignment, box.autofit = TABLE_GRID, WD_TABLE_ALIGNMENT.CENTER, False
        box.columns[0].width = box.cell(0, 0).width = Cm(node.width_cm)
        box.rows[0].height, box.rows[0].height_rule = (
            PLACEHOLDER_HEIGHT,
            WD_ROW_HEIGHT_RULE.AT_LEAST,
        )
        cell = box.cell(0, 0)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        self._body.styles.apply(cell.paragraphs[0], NORMAL)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.paragraphs[0].add_run(node.alt)

    # --------------------------------------------------------------------------- sections
    def _landscape_block(self, node: Landscape) -> None:
        """The blocks in a landscape section of their own; the next block returns to portrait."""
        if self._landscape and not self._turned_early:
            self._blocks(node.children)
            return
        if not self._turned_early:
            self._turn()
        self._landscape, self._turned_early = True, False
        self._blocks(node.children)
        self._end_section()
        self._landscape = False


SHORT_RUN_LINES = 8  # lines of body text a portrait page between two landscape ones must pass
BODY_PT, AVERAGE_EM = 12.0, 0.5  # Body Text's size; Arial's average advance, in ems


def _short_portrait_runs(body: Sequence[Block], width: Length) -> frozenset[int]:
    """The ids of the headings (sections) and paragraphs that stand, in reading order,
    between two landscape blocks and print on their own in at most SHORT_RUN_LINES lines of
    body text: a one-sentence section between two wide tables. Printed in portrait they fill a
    page of their own, nearly empty; the writer prints them on the landscape pages
    instead. A run holding anything else (a table, a figure, a list, a BAB starting its own
    page) stays in portrait."""
    items: list[tuple[Block | None, float]] = []  # None: a landscape block

    def walk(blocks: Sequence[Block]) -> None:
        for block in blocks:
            match block:
                case Landscape():
                    items.append((None, 0.0))
                case Section():
                    if opens_landscape(block):
                        items.append((None, 0.0))
                    else:
                        items.append((block, float("inf") if block.page_break_before else 1.0))
                    walk(block.children)
                case Paragraph():
                    items.append((block, _lines(block, width.pt)))
                case _:
                    items.append((block, float("inf")))

    walk(body)
    short: set[int] = set()
    run: list[tuple[Block | None, float]] = []
    after_landscape = False
    for block, lines in items:
        if block is None:
            if after_landscape and run and sum(n for _, n in run) <= SHORT_RUN_LINES:
                short.update(id(b) for b, _ in run)
            run, after_landscape = [], True
        elif after_landscape:
            run.append((block, lines))
    return frozenset(short)


CARRY_LEAVES = 16  # the most paragraphs and headings at the end of a stretch a layout may carry
CARRY_MARK_ID = 900_000_000  # the carry marks' bookmark ids, clear of the contents' (`_Bookmarks`)


def carry_mark(stretch: int, from_end: int) -> str:
    """The bookmark name of the paragraph or heading `from_end` places from the end (1: the
    last) of portrait stretch number `stretch` (`portrait_stretches`); a leading "_" hides it
    in Word, as its own "_Toc" ones."""
    return f"_Carry_{stretch}_{from_end}"


def portrait_stretches(body: Sequence[Block], short: frozenset[int]) -> list[tuple[Block, ...]]:
    """Each stretch of portrait text that the writer ends by turning to landscape, in order:
    the paragraphs (a list item's too) and headings printed last before the turn, back to
    the last block that cannot go onto a landscape page (a table, a figure, a signature, a BAB
    heading starting its own page, the landscape pages before), at most CARRY_LEAVES of them.
    `short`: `_short_portrait_runs`. The writer's own turns, followed step by step: the n-th
    stretch is the one `carry[n]` of `render_docx` counts from."""
    stretches: list[tuple[Block, ...]] = []
    run: list[Block] = []
    landscape = False
    shared = _shared_nodes(body)  # told apart by id, a node printed twice cannot be carried

    def turn() -> None:
        nonlocal run, landscape
        if not landscape:
            stretches.append(tuple(run[-CARRY_LEAVES:]))
        run, landscape = [], True

    def leaf(block: Block) -> None:
        if id(block) in short:
            turn()
        if id(block) in shared:
            barrier()
        elif not landscape:
            run.append(block)

    def barrier() -> None:
        nonlocal run
        if not landscape:
            run = []

    def walk(blocks: Sequence[Block]) -> None:
        nonlocal run, landscape
        for block in blocks:
            match block:
                case Landscape():
                    turn()
                    run, landscape = [], False
                case Section() if opens_landscape(block) or id(block) in short:
                    turn()
                    walk(block.children)
                case Section() if block.page_break_before:
                    barrier()
                    walk(block.children)
                case Section():
                    leaf(block)
                    walk(block.children)
                case Paragraph():
                    leaf(block)
                case ListBlock():
                    for item in block.items:
                        for inner in item:
                            if isinstance(inner, Paragraph):
                                leaf(inner)
                            elif isinstance(inner, ListBlock):
                                walk((inner,))
                            else:
                                barrier()
                case _:
                    barrier()

    walk(body)
    return stretches


def _shared_nodes(blocks: Sequence[Block]) -> set[int]:
    """The ids of the nodes that stand in more than one place of `blocks` (one frozen
    paragraph put twice)."""
    seen: set[int] = set()
    shared: set[int] = set()

    def walk(nodes: Sequence[Block]) -> None:
        for node in nodes:
            (shared if id(node) in seen else seen).add(id(node))
            if isinstance(node, Section | Landscape):
                walk(node.children)
            elif isinstance(node, ListBlock):
                for item in node.items:
                    walk(item)

    walk(blocks)
    return shared


def _carried_from(stretch: Sequence[Block], n: int, leads: set[int]) -> int:
    """Where the carried end of `stretch` starts: its last `n`, and before them what would
    be left behind at the foot of the page without what it leads into (a heading, a paragraph
    kept with the next, the sentence leading into a list: "… adalah:"), if the stretch has
    more before it."""
    start = len(stretch) - n
    while start > 1 and _leads_on(stretch[start - 1], leads):
        start -= 1
    return start


def _leads_on(block: Block, leads: set[int]) -> bool:
    match block:
        case Section():
            return True
        case Paragraph():
            return block.keep_with_next or id(block) in leads
        case _:
            return False


def _leading_into_lists(blocks: Sequence[Block]) -> set[int]:
    """The ids of the paragraphs followed by a list, in any sequence of blocks."""
    found: set[int] = set()
    for block, after in zip(blocks, (*blocks[1:], None)):
        if isinstance(block, Paragraph) and isinstance(after, ListBlock):
            found.add(id(block))
        if isinstance(block, Section | Landscape):
            found |= _leading_into_lists(block.children)
        elif isinstance(block, ListBlock):
            for item in block.items:
                found |= _leading_into_lists(item)
    return found


def _lines(paragraph: Paragraph, width: float) -> float:
    """About how many lines of Body Text `paragraph` prints in `width` points, at Arial's
    average advance of about half an em (a renderer reads no font metrics: enough to tell a
    sentence from a page)."""
    text = "".join(i.text if isinstance(i, Text) else " " for i in paragraph.inlines)
    return max(1.0, -(-len(text) * AVERAGE_EM * BODY_PT // width))


def _signature_rows(left: Signature, right: Signature) -> list[tuple[str, str]]:
    """The lines of two signature blocks side by side, row by row: place and date, jabatan
    (the shorter padded), room to sign, name, pangkat, NIP."""
    n = max(len(left.jabatan), len(right.jabatan))

    def lines(s: Signature) -> list[str]:
        return [
            s.place_date,
            *s.jabatan,
            *[""] * (n - len(s.jabatan)),
            "",
            "",
            "",
            s.nama,
            s.pangkat,
            f"NIP. {s.nip}" if s.nip else "",
        ]

    return list(zip(lines(left), lines(right)))
