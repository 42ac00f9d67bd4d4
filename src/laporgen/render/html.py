"""Document tree → one self-contained HTML file (CSS inlined, images embedded as data: URIs).

The page shell is a Jinja template (`templates/html/document.html.j2`, autoescape on); the body
is built here by a translator, one method per node type, as `markupsafe.Markup`: every text
goes through `escape` (via `Markup.format`), none is concatenated raw. The same HTML feeds the
PDF (`render/pdf.py`): `print.css` holds the paged-media rules (paper, named landscape pages,
page numbers, TOC page numbers); this module only sets classes and ids they select on.
It computes and formats nothing.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, assert_never

import jinja2
from markupsafe import Markup

from laporgen.document.nodes import (
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

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "html"
PAGE_TEMPLATE = "document.html.j2"
STYLESHEETS = ("style.css",)  # every medium
SCREEN_STYLESHEETS = ("screen.css",)  # browsers: phone layout, scrolling tables
PRINT_STYLESHEETS = ("print.css",)  # paper: WeasyPrint and a browser's print

# The CSS font stack for each typeface the document names (`Document.font`): the open font with
# the same metrics first (what the Typst PDF draws), then the named font, then the generic family.
FONT_STACKS = {
    "Arial": '"Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif',
    "Times New Roman": '"Liberation Serif", "Times New Roman", Times, "DejaVu Serif", serif',
    "Bookman Old Style": '"TeX Gyre Bonum", "Bookman Old Style", "URW Bookman", "DejaVu Serif", serif',
}
# Portrait paper, width × height; landscape pages swap them.
PAPER = {"A4": ("210mm", "297mm"), "F4": ("215mm", "330mm")}
# Images a browser and WeasyPrint both show; anything else is a user error, as in the DOCX.
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
MAX_HEADING = 6

EMPTY = Markup("")


def render_html(document: Document) -> str:
    """Return `document` as one HTML page: `<!DOCTYPE html>` … `</html>`, UTF-8 text.

    The text depends only on `document` and the templates. Raises `LaporgenError` (code
    "template") when a template is missing or broken, and (code "input") for a figure or logo
    file that is not an image a browser can show."""
    anchors = _Anchors.of(document)
    writer = _BodyWriter(anchors)
    width, height = PAPER[document.paper]
    context = {
        "lang": "id",
        "title": document.title,
        "subject": document.subject,
        "author": document.author,
        "date": document.date_iso,
        "meta": dict(document.meta),
        "paper": document.paper,
        "page_width": width,
        "page_height": height,
        "running_header": document.running_header or document.title,
        # a constant of this module, never user text: inlined into a <style> unescaped
        "font_stack": Markup(FONT_STACKS[document.font]),
        "style_css": _stylesheets(STYLESHEETS),
        "screen_css": _stylesheets(SCREEN_STYLESHEETS),
        "print_css": _stylesheets(PRINT_STYLESHEETS),
        "cover": writer.cover(document.cover),
        "front": writer.blocks(document.front),
        "body": writer.blocks(document.body),
    }
    try:
        return _environment().get_template(PAGE_TEMPLATE).render(context)
    except jinja2.TemplateNotFound as exc:
        raise _template_error(PAGE_TEMPLATE, _("HTML page template not found")) from exc
    except jinja2.TemplateError as exc:
        raise _template_error(
            PAGE_TEMPLATE, _("template error: {error}").format(error=exc.message or exc)
        ) from exc


# ---------------------------------------------------------------------------------- template
def _template_error(name: str, message: str) -> LaporgenError:
    return LaporgenError(
        [
            Problem(
                file=display_path(TEMPLATES / name),
                message=message,
                hint=_("restore it from the laporgen repository (templates/html/)"),
                code="template",
            )
        ]
    )


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _stylesheets(names: Sequence[str]) -> Markup:
    """The CSS files' text, trusted (they ship with laporgen) and inlined in a <style>."""
    texts = []
    for name in names:
        path = TEMPLATES / name
        if not path.is_file():
            raise _template_error(name, _("stylesheet not found"))
        text = path.read_text(encoding="utf-8")
        if "</style" in text.lower():
            raise _template_error(name, _("a stylesheet may not contain </style>"))
        texts.append(text)
    return Markup("\n".join(texts))


# ----------------------------------------------------------------------------------- markup
def _attrs(attributes: dict[str, str | int | None]) -> Markup:
    """` name="value"` for each attribute that is not None, escaped; a trailing "_" is dropped
    from a name (`class_`) and other "_" become "-" (`aria_label`)."""
    return EMPTY.join(
        Markup(' {}="{}"').format(Markup(name.rstrip("_").replace("_", "-")), value)
        for name, value in attributes.items()
        if value is not None
    )


def _element(tag: str, content: Markup | str = EMPTY, /, **attributes: str | int | None) -> Markup:
    """`<tag attrs>content</tag>`, the content escaped unless it is already Markup."""
    return Markup("<{0}{1}>{2}</{0}>").format(Markup(tag), _attrs(attributes), content)


def _void(tag: str, /, **attributes: str | int | None) -> Markup:
    """`<tag attrs>` for an element without content (img, col, br)."""
    return Markup("<{0}{1}>").format(Markup(tag), _attrs(attributes))


def _lines(*children: Markup) -> Markup:
    return Markup("\n").join(child for child in children if child)


def _classes(*names: str | None) -> str | None:
    joined = " ".join(name for name in names if name)
    return joined or None


def _data_uri(path: str, field_name: str) -> str:
    """The file at `path` as a `data:` URI; a LaporgenError if it is not a web image."""
    mime, _encoding = mimetypes.guess_type(path)
    if mime not in IMAGE_TYPES:
        raise LaporgenError(
            [
                Problem(
                    file=display_path(path),
                    message=_("not an image a browser can show (use PNG or JPEG)"),
                    field=field_name,
                )
            ]
        )
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return f"data:{mime};base64,{data}"


# ----------------------------------------------------------------------------------- anchors
def _html_id(text: str) -> str:
    """An id usable in a URL fragment: whitespace becomes "-"."""
    return re.sub(r"\s+", "-", text.strip()) or "bagian"


@dataclass
class _Anchors:
    """Every Section, Table and Figure's HTML id, assigned once before writing (the TOC comes
    before the headings it links to), and where the Daftar Isi / Daftar Tabel entries point.

    Section ids are `Section.id`; tables and figures get "tabel-"/"gambar-" before their id,
    because the tree reuses one id for a section and its table ("iku"). A repeated id gets
    "-2", "-3", so every id in the page is unique."""

    ids: list[tuple[object, str]] = field(default_factory=list)  # (node, HTML id), in order
    in_front: set[str] = field(default_factory=set)  # HTML ids of nodes in the front matter
    headings: dict[str, list[str]] = field(default_factory=dict)  # TOC text → ids, in order
    captions: dict[str, list[str]] = field(default_factory=dict)  # "Tabel 3.2 …" → ids

    @classmethod
    def of(cls, document: Document) -> _Anchors:
        anchors = cls()
        taken: set[str] = set()
        anchors._walk(document.front, taken, front=True)
        anchors._walk(document.body, taken, front=False)
        return anchors

    def _claim(self, node: object, base: str, taken: set[str], front: bool) -> str:
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        self.ids.append((node, candidate))
        if front:
            self.in_front.add(candidate)
        return candidate

    def _walk(self, blocks: Iterable[Block], taken: set[str], front: bool) -> None:
        for block in blocks:
            match block:
                case Section():
                    html_id = self._claim(block, _html_id(block.id), taken, front)
                    if block.in_toc:
                        self.headings.setdefault(block.heading, []).append(html_id)
                    self._walk(block.children, taken, front)
                case Landscape():
                    self._walk(block.children, taken, front)
                case ListBlock():
                    for item in block.items:
                        self._walk(item, taken, front)
                case Table() | Figure():
                    prefix = "tabel" if isinstance(block, Table) else "gambar"
                    html_id = self._claim(block, f"{prefix}-{_html_id(block.id)}", taken, front)
                    self.captions.setdefault(f"{block.label} {block.title}", []).append(html_id)
                case _:
                    pass

    def resolver(self, kind: Literal["toc", "captions"]) -> _Resolver:
        table = self.headings if kind == "toc" else self.captions
        return _Resolver({text: list(ids) for text, ids in table.items()})


@dataclass
class _Resolver:
    """Hands out the ids for entry texts in document order (a text used twice links to its
    first, then its second occurrence); None for text with no heading or caption."""

    remaining: dict[str, list[str]]

    def take(self, text: str) -> str | None:
        ids = self.remaining.get(text)
        return ids.pop(0) if ids else None


# ------------------------------------------------------------------------------------ writer
class _BodyWriter:
    """Translates the cover and the blocks into HTML, one method per node type."""

    def __init__(self, anchors: _Anchors):
        self._anchors = anchors
        self._ids = iter(anchors.ids)

    def _id(self, node: object) -> str:
        """The next id `_Anchors` assigned: the writer meets sections, tables and figures in
        the order `_Anchors` walked them (a node object used twice gets two ids)."""
        assigned, html_id = next(self._ids)
        assert assigned is node, "the writer and _Anchors walk the tree in the same order"
        return html_id

    def blocks(self, blocks: Sequence[Block]) -> Markup:
        return _lines(*(self.block(block) for block in blocks))

    def block(self, node: Block) -> Markup:
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
                return _element("div", class_="page-break", aria_hidden="true")
            case Toc():
                return self.toc(node)
            case ListOfTables():
                return self.list_of_tables(node)
            case Signature():
                return self.signature(node)
            case LabelBlock():
                return self.label_block(node)
            case Landscape():
                return _element("div", self.blocks(node.children), class_="landscape")
            case _:
                assert_never(node)

    # ----------------------------------------------------------------------------- cover
    def cover(self, node: Cover) -> Markup:
        """Title lines, the logo if its file exists, the issuer, contact and year lines: the
        issuer and contact lines at the top as a kop (letterhead) when `kop`, else at the foot."""
        title = _lines(*(_element("p", line, class_="cover-title") for line in node.title_lines))
        logo = EMPTY
        if node.logo and Path(node.logo).is_file():
            logo = _element(
                "p", _void("img", src=_data_uri(node.logo, "logo"), alt="Logo"), class_="cover-logo"
            )
        agency = _lines(
            *(_element("p", line, class_="cover-issuer") for line in node.issuer_lines),
            *(_element("p", line, class_="cover-contact") for line in node.contact_lines),
        )
        year = (
            _element("p", node.year_line, class_="cover-issuer cover-year")
            if node.year_line
            else EMPTY
        )
        if node.kop:
            parts = [
                _element("div", agency, class_="cover-kop"),
                _element("div", title, class_="cover-titles"),
                logo,
                _element("div", year, class_="cover-issuers"),
            ]
        else:
            parts = [
                _element("div", title, class_="cover-titles"),
                logo,
                _element("div", _lines(agency, year), class_="cover-issuers"),
            ]
        return _element("section", _lines(*parts), class_="cover")

    # ------------------------------------------------------------------------ text blocks
    def section(self, node: Section) -> Markup:
        """`<section>` holding the heading `<hN id=…>` (N = level) and the children. A BAB's
        number and title are two spans, drawn as two lines; a section with no heading text
        (the closing signature) carries its id on the `<section>` itself."""
        html_id = self._id(node)
        level = min(max(node.level, 1), MAX_HEADING)
        classes = _classes(
            "section",
            f"level-{level}",
            "page-break-before" if node.page_break_before else None,
            None if node.in_toc else "not-in-toc",
        )
        if not node.number and not node.title:
            return _element("section", self.blocks(node.children), id=html_id, class_=classes)
        text: Markup | str = node.heading
        if level == 1 and node.number:
            text = Markup("{} {}").format(
                _element("span", node.number, class_="heading-number"),
                _element("span", node.title, class_="heading-title"),
            )
        heading = _element(f"h{level}", text, id=html_id)
        return _element("section", _lines(heading, self.blocks(node.children)), class_=classes)

    def paragraph(self, node: Paragraph) -> Markup:
        align = "center" if node.style == "center" else node.align
        return _element(
            "p",
            self.inlines(node.inlines),
            class_=_classes(
                node.style, f"align-{align}", "keep-with-next" if node.keep_with_next else None
            ),
        )

    def inlines(self, inlines: Sequence[Inline], bold: bool = False) -> Markup:
        """The runs as text, `<em>`, `<strong>` and `<br>`. `bold`: the text sits where CSS
        already sets it bold (a head cell, a foot or strong cell), so a `<strong>` would add
        nothing but an inline box for WeasyPrint to lay out and draw."""
        parts: list[Markup] = []
        for inline in inlines:
            match inline:
                case Text():
                    text: Markup | str = inline.text
                    if inline.emph:
                        text = _element("em", text)
                    if inline.strong and not bold:
                        text = _element("strong", text)
                    parts.append(Markup("{}").format(text))
                case LineBreak():
                    parts.append(_void("br"))
                case _:
                    assert_never(inline)
        return EMPTY.join(parts)

    def list_block(self, node: ListBlock, in_cell: bool = False, bold: bool = False) -> Markup:
        """`<ol>` for "1." and "a.", `<ul>` for "-" and "•"; the marker is drawn by CSS. In a
        table cell the items' paragraphs are plain, in the cell's look (as in the DOCX);
        `bold` as in `inlines`."""
        items = _lines(
            *(
                _element("li", self._cell_content(item, bold) if in_cell else self.blocks(item))
                for item in node.items
            )
        )
        match node.marker:
            case "1.":
                return _element("ol", items, class_="list-decimal")
            case "a.":
                return _element("ol", items, class_="list-alpha", type="a")
            case "A.":
                return _element("ol", items, class_="list-upper-alpha", type="A")
            case "-":
                return _element("ul", items, class_="list-dash")
            case "•":
                return _element("ul", items, class_="list-bullet")
            case _:
                assert_never(node.marker)

    def signature(self, node: Signature) -> Markup:
        """Place and date, jabatan, room to sign, then name, pangkat and NIP: one block that
        print CSS keeps on one page. With `beside`, the two parties as a borderless table of
        two columns, one row per line (as the DOCX): the rows level, a long jabatan wrapping
        inside its own column."""
        if node.beside is not None:
            return self._signature_pair(node.beside, node)
        lines = [
            _element("p", node.place_date, class_="place-date"),
            *(_element("p", line, class_="jabatan") for line in node.jabatan),
            _element("p", class_="sign-space", aria_hidden="true"),
            _element("p", node.nama, class_="nama"),
            _element("p", node.pangkat, class_="pangkat"),
            *((_element("p", f"NIP. {node.nip}", class_="nip"),) if node.nip else ()),
        ]
        return _element("div", _lines(*lines), class_="signature")

    def _signature_pair(self, left: Signature, right: Signature) -> Markup:
        n = max(len(left.jabatan), len(right.jabatan))

        def lines(s: Signature) -> list[tuple[str, str]]:
            padding = [("", "jabatan")] * (n - len(s.jabatan))
            return [
                (s.place_date, "place-date"),
                *((line, "jabatan") for line in s.jabatan),
                *padding,
                ("", "sign-space"),
                (s.nama, "nama"),
                (s.pangkat, "pangkat"),
                (f"NIP. {s.nip}" if s.nip else "", "nip"),
            ]

        pairs = list(zip(lines(left), lines(right), strict=True))
        while pairs and not any(text for text, _kind in pairs[-1]):  # no NIP on either side
            pairs.pop()
        rows = [
            _element("tr", _lines(*(_element("td", text, class_=kind) for text, kind in pair)))
            for pair in pairs
        ]
        return _element("table", _element("tbody", _lines(*rows)), class_="signature-pair")

    def label_block(self, node: LabelBlock) -> Markup:
        """A borderless three-column table (label, colon, value) in the right half."""
        rows = _lines(
            *(
                _element(
                    "tr",
                    _lines(
                        _element("td", label, class_="label"),
                        _element("td", ":", class_="colon"),
                        _element("td", value, class_="value"),
                    ),
                )
                for label, value in node.rows
            )
        )
        kind = "label-block indented" if node.indented else "label-block"
        return _element("table", _element("tbody", rows), class_=kind)

    # ------------------------------------------------------------------ contents listings
    def toc(self, node: Toc) -> Markup:
        """Daftar Isi: one link per entry to its heading; print CSS adds the page number."""
        resolver = self._anchors.resolver("toc")
        entries = [
            self._entry(text, resolver.take(text), f"toc-level-{level}")
            for level, text in node.entries
        ]
        return self._listing(node.title, entries, "toc")

    def list_of_tables(self, node: ListOfTables) -> Markup:
        """Daftar Tabel / Daftar Gambar: one link per caption to its table or figure."""
        resolver = self._anchors.resolver("captions")
        entries = [self._entry(text, resolver.take(text), "lot-entry") for text in node.entries]
        kind = "list-of-tables" if node.kind == "Tabel" else "list-of-figures"
        return self._listing(node.title, entries, kind)

    def _listing(self, title: str, entries: Sequence[Markup], kind: str) -> Markup:
        return _element(
            "nav",
            _lines(
                _element("p", title, class_="contents-title"),
                _element("ul", _lines(*entries), class_="contents-entries"),
            ),
            class_=_classes("contents", kind),
            aria_label=title,
        )

    def _entry(self, text: str, target: str | None, kind: str) -> Markup:
        if target is None:  # an entry the tree has no heading or caption for: text only
            return _element("li", _element("span", text), class_=kind)
        in_front = target in self._anchors.in_front
        link = _element("a", text, href=f"#{target}", class_="front-target" if in_front else None)
        return _element("li", link, class_=kind)

    # ----------------------------------------------------------------------------- tables
    def table(self, node: Table) -> Markup:
        """Caption ("Tabel 3.2 …" and its lines) above, column widths, `<thead>` rows (repeated
        on every printed page), body, foot; then the source line and notes. The scroll wrapper
        lets a wide table scroll sideways on a phone."""
        caption = EMPTY.join(
            [Markup("{} {}").format(node.label, node.title)]
            + [Markup("{}{}").format(_void("br"), line) for line in node.caption_lines]
        )
        total = sum(column.width for column in node.columns) or 1
        cols = _lines(
            *(
                _void("col", style=f"width: {column.width / total * 100:.2f}%")
                for column in node.columns
            )
        )
        parts = [
            _element("caption", caption),
            _element("colgroup", cols),
            _element("thead", self._rows(node.head, head=True, bold=True)),
            _element("tbody", self._rows(node.body, head=False, bold=False)),
        ]
        if node.foot:  # print.css and style.css set the foot bold, as the head
            parts.append(_element("tfoot", self._rows(node.foot, head=False, bold=True)))
        table = _element(
            "table",
            _lines(*parts),
            id=self._id(node),
            class_=_classes("report-table", None if node.font_size == "normal" else node.font_size),
            style=f"--cell-margin: {node.cell_margin:g}pt",
        )
        after = [_element("p", node.source, class_="source")] if node.source else []
        after += [_element("p", note, class_="note") for note in node.notes]
        return _element(
            "div",
            _lines(_element("div", table, class_="table-scroll"), *after),
            class_=_classes(
                "table-block",
                "keep-together" if node.keep_together else None,
                "keep-with-next" if node.keep_with_next else None,
            ),
        )

    def _rows(self, rows: Sequence[Sequence[Cell]], head: bool, bold: bool) -> Markup:
        """The rows' `<tr>`s; `bold`: the CSS sets these rows' text bold (head and foot)."""
        return _lines(
            *(
                _element("tr", EMPTY.join(self._cell(cell, head, bold) for cell in row))
                for row in rows
            )
        )

    def _cell(self, cell: Cell, head: bool, bold: bool) -> Markup:
        """`<th>` in head rows, else `<td>`; spans as colspan/rowspan; alignment as a class
        ("align-right" for figures). Paragraphs in a cell take the cell's alignment."""
        content = self._cell_content(cell.blocks, bold or cell.strong)
        scope = None
        if head:
            scope = "colgroup" if cell.colspan > 1 else "col"
        return _element(
            "th" if head else "td",
            content,
            colspan=cell.colspan if cell.colspan > 1 else None,
            rowspan=cell.rowspan if cell.rowspan > 1 else None,
            scope=scope,
            class_=_classes(
                f"align-{cell.align}",
                "strong" if cell.strong else None,
                "shade" if cell.shade else None,
                f"level-{cell.level}" if cell.level else None,
            ),
        )

    def _cell_content(self, blocks: Sequence[Block], bold: bool = False) -> Markup:
        """Paragraphs and lists inside a table cell (or a list item in one): no style or
        alignment of their own, the cell's look applies (as in the DOCX). Only text goes in a
        cell; `bold` as in `inlines`.

        A lone paragraph is written straight into the cell, without a `<p>`: it looks the
        same (a `<p>` in a table has no margin or indent), and WeasyPrint lays out and draws
        one box less per cell, a tenth of the PDF's time for a report's ~1,800 cells."""
        match blocks:
            case [Paragraph() as lone]:
                return self.inlines(lone.inlines, bold)
        parts: list[Markup] = []
        for block in blocks:
            match block:
                case Paragraph():
                    parts.append(_element("p", self.inlines(block.inlines, bold)))
                case ListBlock():
                    parts.append(self.list_block(block, in_cell=True, bold=bold))
                case _:
                    raise AssertionError(f"only text in table cells, not {type(block).__name__}")
        return _lines(*parts)

    # ---------------------------------------------------------------------------- figures
    def figure(self, node: Figure) -> Markup:
        """Caption above, then the picture (embedded), or a framed box with `alt` if none."""
        caption = _element("figcaption", f"{node.label} {node.title}")
        width = f"width: {node.width_cm:g}cm"
        if node.png is not None:
            src = "data:image/png;base64," + base64.b64encode(node.png).decode("ascii")
            picture = _void("img", src=src, alt=node.alt, style=width)
        elif node.path is not None and Path(node.path).is_file():
            picture = _void(
                "img", src=_data_uri(node.path, f"{node.id}.path"), alt=node.alt, style=width
            )
        else:
            picture = _element("div", node.alt, class_="figure-placeholder", style=width)
        notes = (_element("p", text, class_="note") for text in node.notes)
        return _element(
            "figure", _lines(caption, picture, *notes), id=self._id(node), class_="figure"
        )
