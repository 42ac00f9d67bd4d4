"""Read a rendered .docx back through python-docx, for assertions in renderer and end-to-end
tests. Every helper takes the file path and returns plain Python data."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

EMU_PER_MM = 36000


@dataclass(frozen=True)
class SectionInfo:
    """One Word section's page setup. `page_format` is the w:pgNumType fmt ("lowerRoman",
    "decimal") or None; `page_start` the restart number or None (continues)."""

    orientation: str  # "portrait" | "landscape"
    width_mm: float
    height_mm: float
    page_format: str | None
    page_start: int | None


def open_docx(path: Path | str) -> DocxDocument:
    """Return the python-docx Document at `path`."""
    return docx.Document(str(path))


def docx_xml(path: Path | str, part: str = "word/document.xml") -> str:
    """Return the raw XML text of one package part (default: the main document)."""
    with zipfile.ZipFile(path) as package:
        return package.read(part).decode("utf-8")


def docx_headings(path: Path | str) -> list[tuple[str, str]]:
    """Return (style name, text) of every body paragraph in a "Heading N" style, in order.
    A line break inside a heading reads as "\\n" ("BAB I\\nPENDAHULUAN")."""
    return [
        (p.style.name, p.text)
        for p in open_docx(path).paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]


def _table_rows(table: DocxTable) -> list[list[str]]:
    """Cell texts row by row, HTML-shaped: a merged cell appears once, at its top-left grid
    position; the positions it covers (to the right, and below) are absent."""
    seen: list[object] = []  # keeps the lxml proxies alive so identity checks hold
    rows: list[list[str]] = []
    for row in table.rows:
        texts: list[str] = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            texts.append(cell.text)
        rows.append(texts)
    return rows


def docx_tables(path: Path | str) -> list[list[list[str]]]:
    """Return every top-level table as rows of cell texts, merged cells de-duplicated
    (see `_table_rows`); paragraphs inside a cell are joined with "\\n"."""
    return [_table_rows(table) for table in open_docx(path).tables]


def table_captions(path: Path | str) -> list[str]:
    """The captions of the tables only ("Tabel …"), in order: one per `docx_tables` entry of a
    document whose tables are all captioned (figures have captions too)."""
    return [c for c in docx_captions(path) if c.startswith("Tabel ")]


def docx_captions(path: Path | str) -> list[str]:
    """Return the text of every "Caption" paragraph, including the SEQ field's cached number,
    e.g. "Tabel 3.2 Capaian Kinerja"; extra caption lines follow after "\\n"."""
    return [
        p.text
        for p in open_docx(path).paragraphs
        if p.style is not None and p.style.name == "Caption"
    ]


def _texts(container: DocxDocument | object) -> list[str]:
    out: list[str] = []
    for item in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, DocxParagraph):
            out.append(item.text)
        else:
            for row in item.rows:
                for cell in _unique_cells(row.cells):
                    out.extend(_texts(cell))
    return out


def _unique_cells(cells: tuple) -> list:
    unique: list = []
    for cell in cells:
        if not unique or unique[-1]._tc is not cell._tc:
            unique.append(cell)
    return unique


def docx_text(path: Path | str) -> str:
    """Return all body text in reading order (paragraphs and table cells), one paragraph per
    line. A vertically merged cell's text appears once per row it spans."""
    return "\n".join(_texts(open_docx(path)))


def docx_sections(path: Path | str) -> list[SectionInfo]:
    """Return every section's orientation, page size in mm (to 0.1 mm) and page numbering."""
    infos: list[SectionInfo] = []
    for section in open_docx(path).sections:
        numbering = section._sectPr.find(qn("w:pgNumType"))
        start = None if numbering is None else numbering.get(qn("w:start"))
        infos.append(
            SectionInfo(
                orientation="landscape"
                if section.orientation == WD_ORIENT.LANDSCAPE
                else "portrait",
                width_mm=round(section.page_width / EMU_PER_MM, 1),
                height_mm=round(section.page_height / EMU_PER_MM, 1),
                page_format=None if numbering is None else numbering.get(qn("w:fmt")),
                page_start=None if start is None else int(start),
            )
        )
    return infos
