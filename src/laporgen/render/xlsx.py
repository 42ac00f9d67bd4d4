"""Tree → .xlsx: one sheet per table, so staff can hand the tables on and paste them into
other spreadsheets.

Each sheet holds the caption lines, the head rows (bold, shaded, merged exactly as the tree's
spans, frozen), the body and foot rows, then the source line and notes. A right-aligned cell
whose text is an Indonesian figure ("1.234.567", "92,50", "-0,39") becomes a number with a
format showing the same decimals; Excel and LibreOffice then display it with the reader's
locale separators. "-" and "" become empty cells; anything else stays text. No formulas: the
values are laporgen's computed ones. The bytes depend only on the document.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, assert_never

from ..document.nodes import (
    Block,
    Cell,
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
from .grid import grid_positions
from .package import stable_zip

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_TITLE_MAX = 31
"""Excel refuses longer sheet names."""
SHEET_TITLE_FORBIDDEN = re.compile(r"[:\\/?*\[\]]")
TOTAL_WIDTH = 110
"""The width, in characters, the columns of a sheet share (relative `Column.width`s scaled)."""
MIN_WIDTH = 5
LINE_HEIGHT = 15
"""Points per text line of the default 11 pt font: rows are sized for their wrapped text,
because LibreOffice does not grow rows of a loaded .xlsx to fit."""
PAPER = {"A4": 9, "F4": 14}
"""Excel's paperSize codes: 9 A4, 14 Folio (8.5 × 13 in, the F4 of Indonesian offices)."""
HEAD_FILL = "D9D9D9"
EMPTY_TEXTS = ("", "-", "–")
"""A cell showing no number: left empty, so sums over the column work."""

# "1.234.567", "1234", "92,50", "-0,39": Indonesian figures as the tree prints them (thousands
# ".", decimals ","); no leading zeros except "0" itself, so codes like "007" stay text.
_FIGURE = re.compile(r"-?(?:0|[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d*)(?:,(\d+))?")


def render_xlsx(document: Document) -> bytes:
    """The workbook of `document`'s tables as .xlsx bytes, one sheet per table."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    titles: set[str] = set()
    for table in _tables((*document.front, *document.body)):
        sheet = workbook.create_sheet(_sheet_title(table.label, titles))
        _SheetWriter(sheet, PAPER[document.paper]).write(table)
    if not workbook.worksheets:  # a workbook needs a sheet; say why it is empty
        _put_text(
            workbook.create_sheet("Tabel").cell(row=1, column=1), f"{document.title}: no tables"
        )
    moment = _moment(document.date_iso)
    workbook.properties.title = document.title
    workbook.properties.subject = document.subject
    workbook.properties.creator = document.author
    workbook.properties.lastModifiedBy = document.author
    workbook.properties.created = moment
    workbook.properties.modified = moment
    return stable_zip(_save(workbook), moment)


# ----------------------------------------------------------------------------------- tables
def _tables(blocks: Sequence[Block]) -> Iterator[Table]:
    """Every table of `blocks`, in reading order."""
    for block in blocks:
        match block:
            case Table():
                yield block
            case Section() | Landscape():
                yield from _tables(block.children)
            case ListBlock():
                for item in block.items:
                    yield from _tables(item)
            case (
                Paragraph()
                | Figure()
                | PageBreak()
                | Toc()
                | ListOfTables()
                | Signature()
                | LabelBlock()
            ):
                pass
            case _:
                assert_never(block)


def _sheet_title(label: str, taken: set[str]) -> str:
    """ "Tabel 3.2", made a valid, unique Excel sheet name (≤ 31 characters, no : \\ / ? * [ ])."""
    base = SHEET_TITLE_FORBIDDEN.sub("-", label).strip("'")[:SHEET_TITLE_MAX] or "Tabel"
    title, n = base, 1
    while title.lower() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[: SHEET_TITLE_MAX - len(suffix)] + suffix
    taken.add(title.lower())
    return title


class _SheetWriter:
    """Writes one table into one worksheet."""

    def __init__(self, sheet: Worksheet, paper: int):
        self.sheet = sheet
        self.paper = paper
        self.lines: dict[int, int] = {}
        """Text lines each row needs, by row number."""

    def write(self, table: Table) -> None:
        from openpyxl.styles import Alignment, Font

        captions = (f"{table.label} {table.title}".strip(), *table.caption_lines)
        for i, line in enumerate(captions, start=1):
            cell = self.sheet.cell(row=i, column=1)
            _put_text(cell, line)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="left")
        first = len(captions) + 2  # one empty row between caption and table
        rows = (*table.head, *table.body, *table.foot)
        widths = self._widths(table)
        for r, c, cell in grid_positions(rows, len(table.columns)):
            self._cell(first + r, 1 + c, cell, head=r < len(table.head))
            if cell.rowspan == 1:
                bold = r < len(table.head) or cell.strong or _all_strong(cell)
                lines = _line_count(_cell_text(cell), sum(widths[c : c + cell.colspan]), bold)
                self.lines[first + r] = max(self.lines.get(first + r, 1), lines)
        for row, lines in self.lines.items():
            self.sheet.row_dimensions[row].height = LINE_HEIGHT * lines
        after = first + len(rows) + 1
        for i, line in enumerate((*([table.source] if table.source else []), *table.notes)):
            cell = self.sheet.cell(row=after + i, column=1)
            _put_text(cell, line)
            cell.font = Font(italic=True)
        if table.head:
            self.sheet.freeze_panes = self.sheet.cell(row=first + len(table.head), column=1)
            self.sheet.print_title_rows = f"{first}:{first + len(table.head) - 1}"
        self._page_setup()

    def _page_setup(self) -> None:
        """Printed (and converted to PDF) landscape, the table fitted to the page width."""
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.paperSize = self.paper
        self.sheet.page_setup.fitToWidth = 1
        self.sheet.page_setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True

    def _cell(self, row: int, column: int, cell: Cell, head: bool) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        text = _cell_text(cell)
        target = self.sheet.cell(row=row, column=column)
        figure = None if head or cell.align != "right" else _figure(text)
        if figure is not None:
            target.value, target.number_format = figure
        elif text.strip() not in EMPTY_TEXTS:
            _put_text(target, text)
        target.font = Font(bold=head or cell.strong or _all_strong(cell))
        target.alignment = Alignment(
            horizontal="center" if head else ("general" if cell.align == "justify" else cell.align),
            vertical="center",
            wrap_text=True,
            indent=2 * cell.level,  # Cell.level: kegiatan, sub-kegiatan
        )
        if head or cell.shade:
            target.fill = PatternFill("solid", start_color=HEAD_FILL, end_color=HEAD_FILL)
        side = Side(style="thin")
        border = Border(left=side, right=side, top=side, bottom=side)
        for r in range(row, row + cell.rowspan):
            for c in range(column, column + cell.colspan):
                self.sheet.cell(row=r, column=c).border = border
        if cell.colspan > 1 or cell.rowspan > 1:
            self.sheet.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + cell.rowspan - 1,
                end_column=column + cell.colspan - 1,
            )

    def _widths(self, table: Table) -> list[float]:
        """Set and return the column widths in characters: `Column.width`s scaled to
        `TOTAL_WIDTH`."""
        from openpyxl.utils import get_column_letter

        total = sum(column.width for column in table.columns) or 1
        widths = [
            max(MIN_WIDTH, round(TOTAL_WIDTH * column.width / total, 1)) for column in table.columns
        ]
        for i, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(i)].width = width
        return widths


# ------------------------------------------------------------------------------------ cells
def _cell_text(cell: Cell) -> str:
    """The cell's text: paragraphs and line breaks as newlines, list items with their marker."""
    return "\n".join(_block_lines(cell.blocks))


def _block_lines(blocks: Sequence[Paragraph | ListBlock | Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield "".join(i.text if isinstance(i, Text) else "\n" for i in block.inlines)
        elif isinstance(block, ListBlock):
            for n, item in enumerate(block.items, start=1):
                marker = {
                    "1.": f"{n}.",
                    "a.": f"{chr(96 + n)}.",
                    "A.": f"{chr(64 + n)}.",
                    "-": "-",
                    "•": "•",
                }[block.marker]
                lines = list(_block_lines(item)) or [""]
                yield f"{marker} {lines[0]}"
                yield from (f"   {line}" for line in lines[1:])


def _line_count(text: str, width: float, bold: bool) -> int:
    """About how many lines `text` wraps to in a cell `width` characters wide (words wrap
    early, bold and capitals run wider: hence the margins)."""
    per_line = max(1, int(width * (0.75 if bold else 0.9)) - 1)
    return sum(max(1, -(-len(line) // per_line)) for line in text.split("\n"))


def _all_strong(cell: Cell) -> bool:
    """Every run of the cell is bold (a total row's figures): the Excel cell is bold."""
    runs = [
        i for b in cell.blocks if isinstance(b, Paragraph) for i in b.inlines if isinstance(i, Text)
    ]
    return (
        bool(runs)
        and all(run.strong for run in runs)
        and not any(isinstance(b, ListBlock) for b in cell.blocks)
        and not any(
            isinstance(i, LineBreak)
            for b in cell.blocks
            if isinstance(b, Paragraph)
            for i in b.inlines
        )
    )


def _figure(text: str) -> tuple[int | float, str] | None:
    """("92,50" → (92.5, "#,##0.00")): the number a figure shows and a format with its
    decimals; None when `text` is not a figure."""
    match = _FIGURE.fullmatch(text.strip())
    if match is None:
        return None
    decimals = len(match.group(1) or "")
    plain = text.strip().replace(".", "").replace(",", ".")
    value: int | float = float(plain) if decimals else int(plain)
    return value, "#,##0" + ("." + "0" * decimals if decimals else "")


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _put_text(target, text: str) -> None:
    """Text as a cell value, never a formula (openpyxl takes a leading "=" as one), without the
    control characters Excel refuses."""
    target.value = _ILLEGAL.sub("", text)
    target.data_type = "s"


# ------------------------------------------------------------------------------------- file
def _moment(date_iso: str) -> datetime:
    """The document date at midnight: the workbook's created/modified and zip entry dates."""
    moment = datetime.combine(date.fromisoformat(date_iso), datetime.min.time())
    return max(moment, datetime(1980, 1, 1))  # zip dates start in 1980


def _save(workbook) -> bytes:
    """The workbook's bytes. `ExcelWriter` directly: `Workbook.save` stamps the current time
    as the modified date."""
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()
