"""The document tree: a small closed set of frozen node types that every renderer handles.

The tree arrives finished: numbers ("Tabel 3.2"), captions, formatted figures ("92,50",
"Rp 24.175.862.284"), "-" for no number and landscape flags are decided in `document/`.
Renderers only decide *how* their format draws a node; they never compute or format numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right", "justify"]
Font = Literal["Arial", "Times New Roman", "Bookman Old Style"]
"""The document's typeface, as Word names it (the DOCX asks for it; the PDF engines draw a
metric-compatible open font shipped with laporgen)."""


# ----------------------------------------------------------------------------------- inlines
@dataclass(frozen=True, slots=True)
class Text:
    """A run of text; `strong`/`emph` as Markdown's ** and *."""

    text: str
    strong: bool = False
    emph: bool = False


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A line break inside a paragraph or cell."""


Inline = Text | LineBreak


# ------------------------------------------------------------------------------------ blocks
@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    align: Align = "justify"
    style: Literal["body", "note", "source", "center"] = "body"
    keep_with_next: bool = False


Marker = Literal["1.", "a.", "A.", "-", "•"]
"""How a list labels its items: 1., 2.; a., b.; a dash; a bullet."""


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A numbered or bulleted list. `marker` says how items are labelled:
    "1." (1., 2.), "a." (a., b.), "A." (A., B.: the LKjIP's list of Lampiran), "-" (dash) or
    "•" (bullet). Items are block sequences so a list item may hold a sub-list (or, from
    narrative Markdown, a Figure)."""

    items: tuple[tuple["Block", ...], ...]
    marker: Marker = "1."


@dataclass(frozen=True, slots=True)
class Cell:
    """One grid cell. A merged cell appears once, at its top-left position, with its span;
    the positions it covers are simply absent from later rows (as in HTML).

    `level` is the depth of the row's item in a hierarchy the table lists, for the cell that
    names it: 0 a program (or a top-level row), 1 a kegiatan, 2 a sub-kegiatan. Renderers
    indent the cell's text by `level` steps (DOCX: 0,3 cm a step as a left paragraph
    indent; HTML: `class="level-N"`). Weight is `strong`: T-C.27 sets it on a program's row,
    so program, kegiatan and sub-kegiatan rows are told apart by weight and indent."""

    blocks: tuple[Paragraph | ListBlock, ...]
    colspan: int = 1
    rowspan: int = 1
    align: Align = "left"
    strong: bool = False
    shade: bool = False
    level: int = 0


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its alignment default and its relative width (any positive number;
    renderers scale widths to the text area).

    A builder gives `width` as a weight; `table_layout.lay_out_tables` then replaces it with the
    column's share of the text area (the shares of a table sum to 1) and sets `min_width`: the
    widest unbreakable piece of text in the column (a number, a code, a word) plus the cell
    margins, in points. A renderer whose text area is at least the one the layout assumed
    (`table_layout.TEXT_WIDTH_MM`) can scale the shares and every piece fits; one with a
    narrower area should give no column less than `min_width`."""

    width: float = 1.0
    align: Align = "left"
    min_width: float = 0.0


@dataclass(frozen=True, slots=True)
class Table:
    """A captioned table. `head` rows repeat on every page; `number` is e.g. "3.2".
    `caption_lines` are extra caption lines under the title (OPD, period). `source` is the
    "Sumber : ..." line under the table; `notes` are footnote paragraphs under it.
    `font_size`: normal (10 pt in the default template), small (9 pt), tiny (8 pt, the least
    a table prints: for the widest matrices such as T-C.27 with five years of target and pagu).
    `cell_margin`: the left and right padding of every cell, in points; renderers set it
    explicitly, since the column widths include it. `keep_together`: the table is short and is
    never split across pages (nor is its caption separated from it). `keep_rows`: the rows
    (counted over head, body and foot together) printed on the page of the row after them, so
    that a total row never opens a page alone and a merged cell's rows stay on one page
    (`keep.keep_together` decides them). `keep_with_next`: the table's last row, and the
    source line and notes under it, print on the page of the block after it (a signature
    block, which never opens a page alone). `continued`: a later part
    of a table too wide for its page, split by year span: it has the number of the part before
    it, its title ends "(lanjutan)", and it is not listed in the Daftar Tabel (the DOCX gives
    its caption no SEQ field).
    Builders give the size they want; `table_layout.lay_out_tables` may make it smaller, sets the
    margins and the columns' widths, and turns or splits a table too wide for its page."""

    id: str
    number: str
    title: str
    columns: tuple[Column, ...]
    head: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]
    foot: tuple[tuple[Cell, ...], ...] = ()
    caption_lines: tuple[str, ...] = ()
    source: str | None = None
    notes: tuple[str, ...] = ()
    font_size: Literal["normal", "small", "tiny"] = "normal"
    cell_margin: float = 3.0
    keep_together: bool = False
    keep_rows: frozenset[int] = frozenset()
    keep_with_next: bool = False
    continued: bool = False
    head_least_pt: tuple[float, ...] = ()
    """The least height of each header row, in points (0: as its text needs), set by the layout
    where a header cell spanning rows needs more than its rows give: LibreOffice does not grow
    the rows under such a cell, and cut its last lines off ("Kegiatan (output)" in T-C.27)."""

    @property
    def label(self) -> str:
        return f"Tabel {self.number}"


@dataclass(frozen=True, slots=True)
class Figure:
    """An image with a caption above it ("Gambar 1.1"). `path` is an absolute file path, or
    `png` the image itself (a chart laporgen drew, from the same computed figures as the
    tables); with neither, a framed placeholder with `alt` text. `notes` are paragraphs printed
    under the picture in the note style, as a table's notes (a chart's "Keterangan: …" giving
    the full names of the labels it had to shorten).

    Figures come from the document builders (charts; `gambar/<id>.png`) and from narrative
    Markdown (`![Bagan Organisasi](bagan.png)`, see `narrative.py`); all are numbered
    "<bab>.<n>" by `numbering.number_body` and listed in the Daftar Gambar. `width_cm` is the
    printed width; a renderer draws the picture no wider than the text area."""

    id: str
    number: str
    title: str
    path: str | None
    alt: str = ""
    width_cm: float = 14.0
    png: bytes | None = None
    notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"Gambar {self.number}"


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class Toc:
    """The Daftar Isi: a field in DOCX. `entries` are (level, text) of every numbered
    heading, used as the field's cached result so the document reads right before an update."""

    title: str
    entries: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class ListOfTables:
    """The Daftar Tabel (or Daftar Gambar, by `kind`)."""

    title: str
    kind: Literal["Tabel", "Gambar"]
    entries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Signature:
    """The signature block: place and date, jabatan lines, space, name, pangkat, NIP (no NIP
    line when `nip` is empty: a Bupati has none). `beside` is a second party signing on the
    left, its rows level with these (the two blocks of a Perjanjian Kinerja)."""

    place_date: str
    jabatan: tuple[str, ...]
    nama: str
    pangkat: str
    nip: str
    beside: Signature | None = None


@dataclass(frozen=True, slots=True)
class LabelBlock:
    """Label–value lines aligned at their colon, in the right part of the text area (from about a
    third of its width): the head of
    a document printed as the attachment of a decree, as the signed Renstra prints it above
    BAB I ("Lampiran : KEPUTUSAN KEPALA DINAS …", "NOMOR : …", "TANGGAL : …", "TENTANG : …").
    A long value wraps under itself, not under its label. An empty value leaves room to fill
    in by hand. Renderers draw no border; the block is kept on one page.

    `indented` starts the block at the body text's first-line indent instead, with a body
    paragraph's space after: the parties named in a Perjanjian Kinerja ("Nama : …",
    "Jabatan : Kepala Dinas …"), whose long jabatan wraps under itself, not to the margin."""

    rows: tuple[tuple[str, str], ...]
    indented: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its content. Level 1 is a BAB ("BAB I" on one line, "PENDAHULUAN" on the
    next) or an unnumbered front/back-matter chapter (number ""). Wide tables go in a
    `Landscape` block. `in_toc` False keeps a heading out of the Daftar Isi.
    `page_break_before` starts the section on a new page (every BAB does)."""

    id: str
    level: int
    number: str
    title: str
    children: tuple["Block", ...]
    in_toc: bool = True
    page_break_before: bool = False

    @property
    def heading(self) -> str:
        """The heading as the TOC shows it: "BAB I PENDAHULUAN", "A. Latar Belakang"."""
        if not self.number:
            return self.title
        return f"{self.number} {self.title}"


@dataclass(frozen=True, slots=True)
class Landscape:
    """Blocks printed on landscape pages (wide tables), between two section breaks."""

    children: tuple["Block", ...]


Block = (
    Section
    | Paragraph
    | ListBlock
    | Table
    | Figure
    | PageBreak
    | Toc
    | ListOfTables
    | Signature
    | LabelBlock
    | Landscape
)


@dataclass(frozen=True, slots=True)
class Cover:
    """The cover page, as the signed covers lay it out: the title lines, the logo (an absolute
    path; None without one), the issuer lines ("PEMERINTAH KABUPATEN MAGETAN", "DINAS SOSIAL"),
    the contact lines under them in smaller type (address and telephone, e-mail and website)
    and the year line last ("TAHUN 2025").

    `kop` False (the LKjIP's cover): title at the top, the logo in the middle, issuer, contact
    and year lines at the foot, so the lower half is never empty. `kop` True (the Blitar
    Renstra's cover): issuer and contact lines at the top as a letterhead (kop surat) closed by
    a rule, then the title, the logo, the year at the foot."""

    title_lines: tuple[str, ...]
    issuer_lines: tuple[str, ...]
    logo: str | None = None
    contact_lines: tuple[str, ...] = ()
    year_line: str = ""
    kop: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A whole document. `front` is roman-numbered front matter (Kata Pengantar, Daftar Isi);
    `body` is arabic-numbered from BAB I. `paper` is "A4" or "F4"; `font` the typeface. `kosong` names the sections
    that had nothing in them (a narrative file not yet written), marked as drafts or left out
    by the document's `bagian_kosong` setting: renderers ignore it, `laporgen check` lists
    them [narasi.missing]."""

    title: str
    subject: str
    author: str
    date_iso: str
    cover: Cover
    front: tuple[Block, ...]
    body: tuple[Block, ...]
    paper: Literal["A4", "F4"] = "A4"
    font: Font = "Arial"
    running_header: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    kosong: tuple[str, ...] = ()


# ------------------------------------------------------------------------------ table grid
# Where each cell of a table stands on the grid: a merged Cell appears once, at its top-left
# position, and the positions it covers are absent from later rows (as in HTML). Used by the
# table layout (column widths) and the renderers that draw a real grid (DOCX, Excel).
def grid_positions(rows: Sequence[Sequence[Cell]], columns: int) -> list[tuple[int, int, Cell]]:
    """(row, column, cell) for every cell, each at the first grid position not covered by a
    span from above or the left; a ValueError when a cell spans past the table's edge."""
    taken: dict[int, set[int]] = {}  # row → its columns a cell from a row above covers
    placed: list[tuple[int, int, Cell]] = []
    count = len(rows)
    for r, row in enumerate(rows):
        covered = taken.pop(r, ())
        c = 0
        for cell in row:
            while c in covered:
                c += 1
            if c + cell.colspan > columns or r + cell.rowspan > count:
                raise ValueError(f"table row {r + 1}: a cell spans past the table's edge")
            if cell.rowspan > 1:  # positions in this row are behind `c` from here on
                for dr in range(1, cell.rowspan):
                    taken.setdefault(r + dr, set()).update(range(c, c + cell.colspan))
            placed.append((r, c, cell))
            c += cell.colspan
    return placed


# ------------------------------------------------------------------------------ page turns
def opens_landscape(node: Section) -> bool:
    """Whether the first thing under the heading of `node` (or of its first subsection, and so
    on down) is a landscape block, or one paragraph leading into it ("… disajikan pada tabel
    berikut."). Such a heading starts the landscape pages, in every renderer: printed in
    portrait, the heading (and that paragraph) stood alone on a mostly blank page before the
    landscape table, as nothing keeps a heading with what follows across a change of page
    orientation."""
    children = node.children
    if children and isinstance(children[0], Section):
        return opens_landscape(children[0])
    if children and isinstance(children[0], Paragraph):
        children = children[1:]
    return bool(children) and isinstance(children[0], Landscape)
