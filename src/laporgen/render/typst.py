"""Document tree → PDF through Typst markup, compiled in-process by the `typst` package
(`--pdf-engine typst`, the default).

The markup is the layout template `templates/typst/laporgen.typ` (pages, page numbers, styles and
the functions that draw a caption, a table, a signature…) after the document's settings, then one
call of those functions per node, written here by a translator with one method per node type.
Every text of the tree is written as a Typst string literal (`_string`), so nothing a user typed
is ever read as markup or code. The fonts are laporgen's own (`templates/fonts/`), and Typst is
told to ignore the system's, so the PDF is the same on every machine.

Pictures (charts, logo, figure files) are written into a temporary folder that is the
compilation's root: Typst reads files only from there. This module computes and formats nothing.
"""

from __future__ import annotations

import mimetypes
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, assert_never

from laporgen.document.nodes import (
    opens_landscape,
    Align,
    Block,
    Cell,
    Cover,
    Document,
    Figure,
    Inline,
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

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
LAYOUT = TEMPLATES / "typst" / "laporgen.typ"
FONTS = TEMPLATES / "fonts"

# The open font Typst draws for each font the document names (what the DOCX asks Word for):
# metric-compatible, so lines and pages break as they do with the named font.
FONTS_FOR = {
    "Arial": "Liberation Sans",
    "Times New Roman": "Liberation Serif",
    "Bookman Old Style": "TeX Gyre Bonum",
}
PDF_STANDARDS = ("a-2b", "a-3b", "a-2u", "a-3u")

# Portrait paper (width, height) and margins: 2,5 cm, 3 cm on the binding (left) edge. A
# landscape page bound with the portrait ones turns its top edge to the spine, so the binding
# margin goes on top, and 2 cm at the sides gives the widest tables room (as print.css).
PAPER = {"A4": (210, 297), "F4": (215, 330)}  # mm
MARGIN = "(top: 2.5cm, bottom: 2.5cm, left: 3cm, right: 2.5cm)"
LANDSCAPE_MARGIN = "(top: 3cm, bottom: 2cm, left: 2cm, right: 2cm)"
SIDES_MM, LANDSCAPE_SIDES_MM = 55, 40  # left + right of MARGIN and of LANDSCAPE_MARGIN
# Pictures a PDF can hold as Typst reads them; anything else is a user error, as in the DOCX.
IMAGE_TYPES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/svg+xml": ".svg",
}
# A short table is never split across pages: at most this many rows, none with a long text.
# Decided from the tree, not by measuring: measuring each table in Typst is a second layout of
# it, 40 % of the LKjIP's PDF time.
SHORT_TABLE_ROWS = 12
SHORT_CELL_CHARS = 80
LIST_INDENT_CM = 0.75
LEVEL_INDENT_CM = 0.3  # a step of `Cell.level`
TYPST_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "left"}


def render_typst_pdf(document: Document, pdf_standard: str | None = None) -> bytes:
    """Return `document` as PDF bytes laid out by Typst. `pdf_standard` "a-2b" (etc.) makes
    an archival PDF/A file.

    The bytes depend only on `document`, the template, the shipped fonts and the typst
    version: the PDF is dated by the document date, never the clock. Raises `LaporgenError`
    (code "input") for a picture file Typst cannot show, (code "template") when the layout
    template is missing or broken."""
    if pdf_standard is not None and pdf_standard not in PDF_STANDARDS:
        raise LaporgenError(
            [
                Problem(
                    _("command line"),
                    _("unknown PDF standard {standard}").format(standard=pdf_standard),
                    hint=_("use one of {standards}").format(standards=", ".join(PDF_STANDARDS)),
                    code="usage",
                )
            ]
        )
    with tempfile.TemporaryDirectory(prefix="laporgen-typst-") as tmp:
        root = Path(tmp)
        source = typst_markup(document, root).encode("utf-8")
        standards: list[Any] = [pdf_standard] if pdf_standard else []  # checked above

        def compile_pdf() -> bytes:
            import typst  # a compiled extension: imported only when a PDF is asked for

            return typst.compile(  # type: ignore[misc, no-any-return]  # the stub ties input and font paths to one type
                source,
                root=str(root),
                font_paths=[str(FONTS)],
                ignore_system_fonts=True,
                pdf_standards=standards,
                timestamp=_timestamp(document.date_iso),
            )

        pdf, error = _in_child_process(compile_pdf)
    if error is not None:
        raise _compile_error(error)
    assert pdf is not None
    return pdf


def _in_child_process(compile_pdf: Callable[[], bytes]) -> tuple[bytes | None, str | None]:
    """Run `compile_pdf` in a forked child and return (the PDF, None) or (None, Typst's
    error message). Typst memoizes every layout in caches it never empties (a 50-page report
    leaves ~60 MB each time, so a process that makes many PDFs, such as a batch worker or the
    test run, grows without end); in a child they go when it exits. Forking costs a few
    milliseconds and nothing is imported again. Where there is no fork (Windows), in-process."""
    if not hasattr(os, "fork"):
        return _compiled(compile_pdf)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compile, send the result, exit without running anything else
        try:
            os.close(read)
            pdf, error = _compiled(compile_pdf)
            with os.fdopen(write, "wb") as out:
                out.write(b"P" + pdf if pdf is not None else b"E" + (error or "").encode("utf-8"))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read()  # all of it before waiting: a full pipe would block the child
    _pid, status = os.waitpid(pid, 0)
    if not message:
        raise AssertionError(f"the Typst child process ended without a result ({status=})")
    if message[:1] == b"P":
        return message[1:], None
    return None, message[1:].decode("utf-8")


def _compiled(compile_pdf: Callable[[], bytes]) -> tuple[bytes | None, str | None]:
    import typst

    try:
        return compile_pdf(), None
    except typst.TypstError as exc:
        return None, str(exc)


def typst_markup(document: Document, root: Path) -> str:
    """The whole Typst source of `document`; its pictures are written into `root`."""
    if not LAYOUT.is_file():
        raise LaporgenError(
            [
                Problem(
                    display_path(LAYOUT),
                    _("Typst layout template not found"),
                    hint=_("restore it from the laporgen repository (templates/typst/)"),
                    code="template",
                )
            ]
        )
    writer = _Writer(_Anchors.of(document), _Pictures(root), document.paper)
    width, height = PAPER[document.paper]
    day = date.fromisoformat(document.date_iso)
    settings = [
        f"#let lp-title = {_string(document.title)}",
        f"#let lp-author = {_string(document.author)}",
        f"#let lp-keywords = ({_string(document.subject)},)",
        f"#let lp-date = datetime(year: {day.year}, month: {day.month}, day: {day.day})",
        f"#let lp-font = {_string(FONTS_FOR.get(document.font, FONTS_FOR['Arial']))}",
        f"#let lp-width = {width}mm",
        f"#let lp-height = {height}mm",
        f"#let lp-margin = {MARGIN}",
        f"#let lp-running-header = {_string(document.running_header or document.title)}",
    ]
    parts = [
        "\n".join(settings),
        LAYOUT.read_text(encoding="utf-8"),
        writer.cover(document.cover),
    ]
    if document.front:
        parts += [
            '#set page(numbering: "i")\n#counter(page).update(1)',
            writer.blocks(document.front),
        ]
    parts += [
        '#pagebreak(weak: true)\n#set page(numbering: "1")\n#counter(page).update(1)',
        writer.blocks(document.body),
    ]
    return "\n".join(parts) + "\n"


def _timestamp(date_iso: str) -> int:
    """Seconds since 1970 at the document date's midnight UTC: the PDF's own dates."""
    return (date.fromisoformat(date_iso) - date(1970, 1, 1)).days * 86400


def _compile_error(error: str) -> Exception:
    """A Typst error: a picture it could not read is the user's; anything else is a bug in
    the markup this module writes, reported as such (exit 3)."""
    message = " ".join(error.split())
    if "image" in message.lower() or "decode" in message.lower():
        return LaporgenError(
            [
                Problem(
                    "pdf",
                    _("Typst could not draw a picture: {error}").format(error=message[:300]),
                    hint=_("use PNG or JPEG pictures"),
                    code="input.image",
                )
            ]
        )
    return AssertionError(f"laporgen wrote Typst markup that does not compile: {message}")


# ------------------------------------------------------------------------------- literals
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def _string(text: str) -> str:
    """`text` as a Typst string literal: shown exactly as written, never read as markup."""
    return '"' + text.translate(_ESCAPE_TABLE) + '"'


# After a "/" or a dash inside a token, Unicode line breaking may break the token
# ("desa/" | "kelurahan", "2018–" | "2023"). The table layout measured its columns by the pieces
# no break falls inside (`text_width`): a slash and a dash before a figure join, a dash before a
# letter may end a line ("Sukamaju-" | "Cibening": joined, it ran past its column and the
# page). In a table cell each piece holding such a join is put in a `box`, which Typst never
# breaks. (A word joiner, U+2060, kept it whole too, but stayed in the PDF's text: copied out
# of it, or read by pdftotext, "desa/\u2060kelurahan".)
_BREAK_INSIDE_TOKEN = re.compile(r"(?<=\S/)(?=\S)|(?<=\S[\-\u2010\u2013])(?=\d)")
_MAY_BREAK = re.compile(r"(?<=\S[\-\u2010\u2013])(?=[^\d\s\-\u2010\u2013])")
"""Inside a token, where a line may end: after a dash before a letter."""


def _cell_string(text: str, bold: bool) -> str:
    """A cell's lone text as one Typst expression: its string literal, each piece that must not
    break inside (`_BREAK_INSIDE_TOKEN`) boxed, in `strong` when `bold`."""
    parts: list[str] = []
    plain = ""
    for chunk in re.split(r"(\s+)", text):
        for piece in _MAY_BREAK.split(chunk) if chunk.strip() else (chunk,):
            if _BREAK_INSIDE_TOKEN.search(piece):
                if plain:
                    parts.append(_string(plain))
                parts.append(f"box({_string(piece)})")
                plain = ""
            else:
                plain += piece
    if plain or not parts:
        parts.append(_string(plain))
    expression = " + ".join(parts)
    if bold:
        return f"strong({expression})"
    # parenthesized: one expression wherever it goes, after a `#` in markup too
    return expression if len(parts) == 1 else f"({expression})"


def _strings(texts: Iterable[str]) -> str:
    """A Typst array of string literals (the trailing comma keeps a one-item array one)."""
    return "(" + "".join(f"{_string(text)}, " for text in texts) + ")"


# ----------------------------------------------------------------------------- pictures
@dataclass
class _Pictures:
    """Writes pictures into the compilation root and names them for Typst."""

    root: Path
    count: int = 0

    def add_bytes(self, data: bytes, suffix: str) -> str:
        self.count += 1
        name = f"picture-{self.count}{suffix}"
        (self.root / name).write_bytes(data)
        return "/" + name

    def add_file(self, path: str, field_name: str) -> str:
        mime, _encoding = mimetypes.guess_type(path)
        if mime not in IMAGE_TYPES:
            raise LaporgenError(
                [
                    Problem(
                        file=display_path(path),
                        field=field_name,
                        message=_("not an image a PDF can show (use PNG or JPEG)"),
                        code="input.image",
                    )
                ]
            )
        return self.add_bytes(Path(path).read_bytes(), IMAGE_TYPES[mime])


# ------------------------------------------------------------------------------- anchors
@dataclass
class _Anchors:
    """Every Section, Table and Figure's label, assigned once before writing (the Daftar Isi
    comes before the headings it points to), and which label each listing entry points to:
    entries are matched to headings and captions by their text, in document order (as in
    render/html.py)."""

    labels: dict[int, str] = field(default_factory=dict)  # id(node) → label, per occurrence
    order: list[tuple[object, str]] = field(default_factory=list)
    headings: dict[str, list[str]] = field(default_factory=dict)
    captions: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> _Anchors:
        anchors = cls()
        anchors._walk(document.front)
        anchors._walk(document.body)
        return anchors

    def _claim(self, node: object) -> str:
        label = f"lp-{len(self.order) + 1}"
        self.order.append((node, label))
        return label

    def _walk(self, blocks: Iterable[Block]) -> None:
        for block in blocks:
            match block:
                case Section():
                    label = self._claim(block)
                    if block.in_toc and (block.number or block.title):
                        self.headings.setdefault(block.heading, []).append(label)
                    self._walk(block.children)
                case Landscape():
                    self._walk(block.children)
                case ListBlock():
                    for item in block.items:
                        self._walk(item)
                case Table() | Figure():
                    label = self._claim(block)
                    self.captions.setdefault(f"{block.label} {block.title}", []).append(label)
                case _:
                    pass

    def resolver(self, kind: Literal["toc", "captions"]) -> _Resolver:
        table = self.headings if kind == "toc" else self.captions
        return _Resolver({text: list(labels) for text, labels in table.items()})


@dataclass
class _Resolver:
    remaining: dict[str, list[str]]

    def take(self, text: str) -> str | None:
        labels = self.remaining.get(text)
        return labels.pop(0) if labels else None


# -------------------------------------------------------------------------------- writer
class _Writer:
    """Translates the cover and the blocks into Typst markup, one method per node type."""

    def __init__(self, anchors: _Anchors, pictures: _Pictures, paper: str):
        self._anchors = anchors
        self._labels = iter(anchors.order)
        self._pictures = pictures
        self._paper = paper
        self._landscape = False
        self._turned_early = False  # a heading opened the landscape page of the block after it

    def _label(self, node: object) -> str:
        """The next label `_Anchors` assigned: the writer meets sections, tables and figures
        in the order `_Anchors` walked them."""
        assigned, label = next(self._labels)
        assert assigned is node, "the writer and _Anchors walk the tree in the same order"
        return label

    def blocks(self, blocks: Sequence[Block]) -> str:
        return "\n".join(self.block(block) for block in blocks)

    def block(self, node: Block) -> str:
        match node:
            case Section():
                return self.section(node)
            case Paragraph():
                return self.paragraph(node)
            case ListBlock():
                return self.list_block(node)
            case Table():
                return self.table(node)
            case Figure():
                return self.figure(node)
            case PageBreak():
                return "#pagebreak(weak: true)"
            case Toc():
                return self.toc(node)
            case ListOfTables():
                return self.list_of_tables(node)
            case Signature():
                return self.signature(node)
            case LabelBlock():
                rows = ", ".join(
                    f"({_string(label)}, {_string(value)})" for label, value in node.rows
                )
                return (
                    f"#lp-label-block(({rows},), indented: {'true' if node.indented else 'false'})"
                )
            case Landscape():
                return self.landscape(node)
            case _:
                assert_never(node)

    # ------------------------------------------------------------------------------ cover
    def cover(self, node: Cover) -> str:
        logo = "none"
        if node.logo and Path(node.logo).is_file():
            logo = _string(self._pictures.add_file(node.logo, "logo"))
        kop = "true" if node.kop else "false"
        return (
            f"#lp-cover({_strings(node.title_lines)}, {logo}, {_strings(node.issuer_lines)}, "
            f"{_strings(node.contact_lines)}, {_string(node.year_line)}, {kop})"
        )

    # ------------------------------------------------------------------------ text blocks
    def section(self, node: Section) -> str:
        """A `heading` (in the PDF's bookmarks when it is in the Daftar Isi), labelled for the
        Daftar Isi, then the children. A BAB's number and title are two lines."""
        label = self._label(node)
        lines = []
        if not self._landscape and opens_landscape(node):
            # the landscape page opens at the heading, closed after its landscape block
            # (`landscape`): the heading stood alone on a mostly blank portrait page
            lines.append(f"#page(flipped: true, margin: {LANDSCAPE_MARGIN})[")
            self._landscape = self._turned_early = True
        elif node.page_break_before:
            lines.append("#pagebreak(weak: true)")
        if node.number or node.title:
            level = max(node.level, 1)
            if level == 1 and node.number:
                text = f"#{_string(node.number)}#linebreak()#{_string(node.title)}"
            else:
                text = f"#{_string(node.heading)}"
            outlined = "true" if node.in_toc else "false"
            lines.append(
                f"#heading(level: {level}, outlined: {outlined}, bookmarked: {outlined})[{text}] <{label}>"
            )
        lines.append(self.blocks(node.children))
        return "\n".join(lines)

    def paragraph(self, node: Paragraph) -> str:
        keep = ", keep: true" if node.keep_with_next else ""
        content = self.inlines(node.inlines)
        match node.style:
            case "body":
                return f"#lp-body({_paragraph_align(node.align)}{keep})[{content}]"
            case "note" | "source":
                return f"#lp-note[{content}]"
            case "center":
                return f"#lp-plain(align: center{keep})[{content}]"
            case _:
                assert_never(node.style)

    def inlines(self, inlines: Sequence[Inline], bold: bool = False) -> str:
        """The runs as Typst markup: each text a string literal, in `strong`/`emph` calls.
        `bold`: the runs sit where everything is bold (a head or foot cell)."""
        parts = []
        for inline in inlines:
            match inline:
                case Text():
                    text = _string(inline.text)
                    if inline.emph:
                        text = f"emph({text})"
                    if inline.strong or bold:
                        text = f"strong({text})"
                    parts.append(f"#{text}")
                case LineBreak():
                    parts.append("#linebreak()")
                case _:
                    assert_never(inline)
        return "".join(parts)

    def list_block(self, node: ListBlock, in_cell: bool = False, bold: bool = False) -> str:
        """An `enum` for "1." and "a.", a `list` for "-" and "•"; in a table cell, the items'
        paragraphs take the cell's look."""
        items = []
        for item in node.items:
            if in_cell:  # an expression (a string, strong(…), […]): called from markup
                items.append(f"[#{self._cell_content(item, bold)}]")
            else:
                items.append(f"[\n{self.blocks(item)}\n]")
        return f"#lp-list({_string(node.marker)}, ({', '.join(items)},))"

    def signature(self, node: Signature) -> str:
        """One signature block in the right part of the text area; with `beside`, the two
        parties side by side, their rows level (as the DOCX and the HTML)."""
        if node.beside is not None:
            return self._signature_pair(node.beside, node)
        nip = _string(f"NIP. {node.nip}") if node.nip else "none"  # a Bupati has none
        return (
            f"#lp-signature({_string(node.place_date)}, {_strings(node.jabatan)}, "
            f"{_string(node.nama)}, {_string(node.pangkat)}, {nip})"
        )

    def _signature_pair(self, left: Signature, right: Signature) -> str:
        n = max(len(left.jabatan), len(right.jabatan))

        def lines(s: Signature) -> list[str]:
            padding = [""] * (n - len(s.jabatan))
            nip = f"NIP. {s.nip}" if s.nip else ""
            return [s.place_date, *s.jabatan, *padding, "", "", "", s.nama, s.pangkat, nip]

        rows = list(zip(lines(left), lines(right), strict=True))
        while rows and rows[-1] == ("", ""):  # neither has pangkat or NIP: no empty rows under
            rows.pop()
        pairs = ", ".join(_strings(pair) for pair in rows)
        return f"#lp-signature-pair(({pairs},), {n + 4})"

    # -------------------------------------------------------------------- contents listings
    def toc(self, node: Toc) -> str:
        """Daftar Isi: each entry linked to its heading, with the heading's page number."""
        resolver = self._anchors.resolver("toc")
        entries = [
            self._entry(text, resolver.take(text), (min(max(level, 1), 4) - 1) * LIST_INDENT_CM)
            for level, text in node.entries
        ]
        return "\n".join([f"#lp-contents-title({_string(node.title)})", *entries])

    def list_of_tables(self, node: ListOfTables) -> str:
        """Daftar Tabel / Daftar Gambar: each caption linked to its table or figure."""
        resolver = self._anchors.resolver("captions")
        entries = [self._entry(text, resolver.take(text), 0) for text in node.entries]
        return "\n".join([f"#lp-contents-title({_string(node.title)})", *entries])

    def _entry(self, text: str, label: str | None, indent_cm: float) -> str:
        target = f"<{label}>" if label else "none"
        return f"#lp-entry({indent_cm:g}cm, {target}, {_string(text)})"

    # ----------------------------------------------------------------------------- tables
    def table(self, node: Table) -> str:
        """Caption above (stuck to the table), the grid with its head rows repeated on every
        page and no row split, then the source line and notes. A short table is kept whole."""
        label = self._label(node)
        caption = f"#lp-caption({_strings((f'{node.label} {node.title}', *node.caption_lines))}) <{label}>"
        grid = self._grid(node)
        after = [
            f"#lp-note({_string(text)})"
            for text in (*([node.source] if node.source else []), *node.notes)
        ]
        markup = "\n".join([caption, grid, *after])
        if node.keep_with_next and _is_short(node):
            # a short table before a signature moves with it, whole (`Table.keep_with_next`);
            # a long one is left to break: a sticky breakable block is moved whole, as a page
            return f"#block(sticky: true, breakable: false)[\n{markup}\n]"
        return markup

    def _text_width_pt(self) -> float:
        """The width between the side margins of the page being written, in points."""
        short, long = PAPER[self._paper]
        mm = long - LANDSCAPE_SIDES_MM if self._landscape else short - SIDES_MM
        return mm * 72 / 25.4

    def _column_widths(self, node: Table) -> list[float]:
        """Each column's width in points: its share of the text area, never less than its
        `min_width` (its widest unbreakable piece and margins). The layout sized the shares
        for a text area no wider than this one (`table_layout.text_width_of`) and the
        minimums always fit it (a table too wide is split), so the minimum is only a guard:
        Typst lets a word too long for its column overflow the cell."""
        total = sum(column.width for column in node.columns) or 1
        area = self._text_width_pt()
        return [max(column.width / total * area, column.min_width) for column in node.columns]

    def _grid(self, node: Table) -> str:
        columns = ", ".join(f"{width:.2f}pt" for width in self._column_widths(node))
        aligns = ", ".join(f"{_cell_align(column.align)} + horizon" for column in node.columns)
        defaults = [column.align for column in node.columns]
        head = ", ".join(self._row_cells(node.head, defaults, bold=True, fill=True))
        keep = ", keep: true" if _is_short(node) else ""
        lines = [
            f"#lp-table({_string(node.font_size)}, {node.cell_margin:g}pt{keep}, table(",
            f"columns: ({columns},), align: ({aligns},),",
        ]
        if node.head:
            lines.append(f"table.header(repeat: true, {head}),")
        first = len(node.head)
        lines += [
            ", ".join(self._row_cells([row], defaults, bold=False, kept=node.keep_rows, at=r)) + ","
            for r, row in enumerate(node.body, start=first)
        ]
        lines += [", ".join(self._row_cells([row], defaults, bold=True)) + "," for row in node.foot]
        lines.append("))")
        return "\n".join(line for line in lines if line != ",")

    def _row_cells(
        self,
        rows: Sequence[Sequence[Cell]],
        defaults: Sequence[Align],
        bold: bool,
        fill: bool = False,
        kept: frozenset[int] = frozenset(),
        at: int = 0,
    ) -> list[str]:
        """Each cell of `rows` as a table argument. Cells fill the grid left to right,
        skipping the positions a span covers, as in the tree (and in HTML); `defaults` are the
        column alignments, so only a cell aligned otherwise says so. `kept` are the table's
        `keep_rows`, `at` the index of the first of `rows` among the table's rows: a merged
        cell whose rows are all kept with the next is not broken across pages."""
        out: list[str] = []
        covered: dict[int, int] = {}  # column → rows still covered by a rowspan from above
        for row in rows:
            column = 0
            for cell in row:
                while covered.get(column, 0) > 0:
                    column += 1
                default = defaults[column] if column < len(defaults) else "left"
                whole = cell.rowspan > 1 and kept.issuperset(range(at, at + cell.rowspan - 1))
                out.append(self._cell(cell, default, bold, fill, whole))
                for c in range(column, column + cell.colspan):
                    covered[c] = cell.rowspan
                column += cell.colspan
            covered = {c: n - 1 for c, n in covered.items() if n > 1}
        return out

    def _cell(
        self, cell: Cell, default: Align, bold: bool, head_fill: bool = False, whole: bool = False
    ) -> str:
        content = self._cell_content(cell.blocks, bold or cell.strong)
        if cell.level:  # a kegiatan under its program, a sub-kegiatan under that (as the DOCX)
            content = f"pad(left: {cell.level * LEVEL_INDENT_CM:g}cm, {content})"
        options = []
        if cell.colspan > 1:
            options.append(f"colspan: {cell.colspan}")
        if cell.rowspan > 1:
            # the rows it spans may go to the next page (each row still whole) unless the tree
            # keeps them together: kept whole, a cell spanning more rows than a page holds
            # ran past the foot of the page, its last rows lost
            breakable = "false" if whole else "true"
            options.append(f"rowspan: {cell.rowspan}, breakable: {breakable}")
        if cell.align != default:
            options.append(f"align: {_cell_align(cell.align)} + horizon")
        if head_fill:
            options.append("fill: lp-head-fill")
        elif cell.shade:
            options.append("fill: lp-shade-fill")
        if not options:
            return content
        return f"table.cell({', '.join(options)}, {content})"

    def _cell_content(self, blocks: Sequence[Block], bold: bool = False) -> str:
        """A cell's paragraphs and lists, in the cell's look, as one Typst expression: a lone
        run of text is its string literal (the common case: no markup to parse)."""
        match blocks:
            case [Paragraph(inlines=[Text(text=text, strong=strong, emph=False)])]:
                return _cell_string(text, strong or bold)
            case [Paragraph() as lone]:
                return f"[{self.inlines(lone.inlines, bold)}]"
        parts = []
        for block in blocks:
            match block:
                case Paragraph():
                    parts.append(f"#par[{self.inlines(block.inlines, bold)}]")
                case ListBlock():
                    parts.append(self.list_block(block, in_cell=True, bold=bold))
                case _:
                    raise AssertionError(f"only text in table cells, not {type(block).__name__}")
        return "[\n" + "\n".join(parts) + "\n]"

    # ---------------------------------------------------------------------------- figures
    def figure(self, node: Figure) -> str:
        """Caption above, then the picture, or a framed box with `alt`; kept on one page."""
        label = self._label(node)
        width = f"{node.width_cm:g}cm"
        if node.png is not None:
            picture = f"lp-picture({_string(self._pictures.add_bytes(node.png, '.png'))}, {width})"
        elif node.path is not None and Path(node.path).is_file():
            name = self._pictures.add_file(node.path, f"{node.id}.path")
            picture = f"lp-picture({_string(name)}, {width})"
        else:
            picture = f"lp-placeholder({_string(node.alt)}, {width})"
        caption = f"lp-caption(({_string(f'{node.label} {node.title}')},))"
        return f"#block(breakable: false, {{ [#{caption} <{label}>]; {picture} }})"

    # --------------------------------------------------------------------------- sections
    def landscape(self, node: Landscape) -> str:
        """The blocks on landscape pages of their own (the page turned, the binding margin on
        top), with the same running header and page numbers; with the heading before them when
        it opens them (`nodes.opens_landscape`, as in the DOCX)."""
        if self._turned_early:  # a heading opened the page: this block ends it
            self._turned_early = False
            try:
                return f"{self.blocks(node.children)}\n]"
            finally:
                self._landscape = False
        if self._landscape:
            return self.blocks(node.children)
        self._landscape = True
        try:
            children = self.blocks(node.children)
        finally:
            self._landscape = False
        return f"#page(flipped: true, margin: {LANDSCAPE_MARGIN})[\n{children}\n]"


def _is_short(node: Table) -> bool:
    """Whether `node` is kept on one page: few rows, each a line or two."""
    rows = (*node.head, *node.body, *node.foot)
    if len(rows) > SHORT_TABLE_ROWS:
        return False
    texts = (
        inline.text
        for row in rows
        for cell in row
        for block in cell.blocks
        for inline in (block.inlines if isinstance(block, Paragraph) else ())
        if isinstance(inline, Text)
    )
    lists = any(
        isinstance(block, ListBlock) for row in rows for cell in row for block in cell.blocks
    )
    return not lists and all(len(text) <= SHORT_CELL_CHARS for text in texts)


def _paragraph_align(align: Align) -> str:
    match align:
        case "justify":
            return "justify: true"
        case "left":
            return "justify: false"
        case "center" | "right":
            return f"align: {align}, justify: false"
        case _:
            assert_never(align)


def _cell_align(align: Align) -> str:
    return TYPST_ALIGN[align]
