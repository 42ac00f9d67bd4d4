"""The Daftar Isi, Daftar Tabel and Daftar Gambar of a rendered .docx filled with the page
numbers of a layout pass, so that Word and LibreOffice open it with the lists complete and
without Word's "update fields?" prompt.

Why this way. The lists are Word TOC fields; what a reader sees is the fields' cached result,
and nothing but a layout knows the pages. Word fills them only when asked (`w:updateFields`,
which prompts on every open), LibreOffice never does on import, and neither does any PDF made
from the .docx. So the .docx is laid out once by LibreOffice (`render/libreoffice.py`, the
same engine as `--pdf-engine libreoffice`); every heading and caption the lists point at
carries a bookmark, which the PDF keeps as a named destination, so each entry's page is read
exactly, with no text matching; the page's number is the one printed in its footer (roman in
the front matter, arabic after). Then only the cached results change: each entry's
`PAGEREF _Toc… \\h` result gets that number, `w:updateFields` goes, `docProps/app.xml` gets
the page count. The fields stay fields: Word's "Update Field" rebuilds them after an edit.

The other way, LibreOffice updating the indexes through its API and saving the .docx, was
rejected: LibreOffice re-writes the whole package on save (styles, numbering, section and
table properties, field structure), so the file would no longer be the template's.

One pass is enough: a page number sits in the gap the contents styles keep free at the right
(their right indent), so filling numbers in never re-wraps an entry, and the body's pages are
numbered from 1 whatever the front matter's length. The extra time is one LibreOffice
conversion and a few pages' text read back: the Magetan LKjIP builds in 3.8 s instead of 0.8 s on
a quiet 2-core machine (`laporgen build --no-page-numbers` skips it).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pypdf
from lxml import etree

from laporgen.render import ooxml
from laporgen.render.libreoffice import docx_to_pdf
from laporgen.render.package import replace_entries

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_INSTR, _FLDCHAR, _T, _R = (f"{{{_W}}}{name}" for name in ("instrText", "fldChar", "t", "r"))
_TYPE, _UPDATE_FIELDS = f"{{{_W}}}fldCharType", f"{{{_W}}}updateFields"
_PAGEREF = re.compile(r"^\s*PAGEREF\s+(\S+)")
PAGE_NUMBER = re.compile(r"^(\d+|[ivxlcdm]+|[IVXLCDM]+)$")
DOCUMENT, SETTINGS, APP = "word/document.xml", "word/settings.xml", "docProps/app.xml"


@dataclass(frozen=True, slots=True)
class Filled:
    """A .docx with its contents lists filled, and how many entries found no page (0 when
    all did; the others keep an empty number and Word still updates the fields on open)."""

    docx: bytes
    missing: int


def with_page_numbers(docx: bytes) -> Filled:
    """Lay `docx` out with LibreOffice and fill its contents lists from that layout. Raises
    what `docx_to_pdf` raises (LibreOffice missing or failing)."""
    return filled(docx, docx_to_pdf(docx, destinations=True))


def filled(docx: bytes, pdf: bytes) -> Filled:
    """`docx` with every PAGEREF result set to the page number its bookmark has in `pdf`, the
    layout of that same `docx`."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        document = etree.fromstring(package.read(DOCUMENT))
        settings = etree.fromstring(package.read(SETTINGS))
    results = _pageref_results(document)
    layout = _Layout(pypdf.PdfReader(io.BytesIO(pdf)))
    labels = layout.labels(results)
    for name, t in results.items():
        t.text = labels.get(name, "")
    missing = sum(name not in labels for name in results)
    replacements = {DOCUMENT: _xml(document), APP: ooxml.app_properties(len(layout.reader.pages))}
    if not missing:  # every number is right: nothing for Word to update, so no prompt
        for flag in settings.findall(_UPDATE_FIELDS):
            settings.remove(flag)
        replacements[SETTINGS] = _xml(settings)
    return Filled(replace_entries(docx, replacements), missing)


def _pageref_results(document: etree._Element) -> dict[str, etree._Element]:
    """The `w:t` holding the result of each `PAGEREF <bookmark>` field, by bookmark: the text
    of the first run after the field's `separate` (see `ooxml.add_contents_entry`)."""
    found: dict[str, etree._Element] = {}
    for instr in document.iter(_INSTR):
        match = _PAGEREF.match(instr.text or "")
        if match is None:
            continue
        separated = False
        for run in instr.getparent().itersiblings(_R):
            kind = run.find(_FLDCHAR)
            if kind is not None and kind.get(_TYPE) == "end":
                break
            separated = separated or (kind is not None and kind.get(_TYPE) == "separate")
            t = run.find(_T)
            if separated and t is not None:
                found[match[1]] = t
                break
    return found


class _Layout:
    """A LibreOffice PDF read for its bookmarks' pages and the page numbers it prints."""

    def __init__(self, reader: pypdf.PdfReader):
        self.reader = reader
        self._printed: dict[int, str | None] = {}

    def labels(self, names: Iterable[str]) -> dict[str, str]:
        """The printed page number of each bookmark in `names` that the PDF places on a page
        with a number."""
        destinations = self.reader.named_destinations
        pages: dict[str, int] = {}
        for name in names:
            destination = destinations.get(_destination_name(name))
            page = (
                None
                if destination is None
                else self.reader.get_destination_page_number(destination)
            )
            if page is not None:
                pages[name] = page
        printed = self._numbers(sorted(set(pages.values())))
        return {name: label for name, page in pages.items() if (label := printed[page]) is not None}

    def _numbers(self, pages: list[int]) -> dict[int, str | None]:
        """The number printed on each of `pages` (0-based, ascending). Reading a page's text is
        the slow part (a tenth of a second a page), so between two pages whose arabic numbers
        are as far apart as the pages are, the numbers are counted rather than read: the
        numbering restarts only where the body begins, at 1, so no restart lies between."""
        found: dict[int, str | None] = {}

        def number(lo: int, hi: int) -> None:
            first, last = pages[lo], pages[hi]
            found[first], found[last] = self._printed_number(first), self._printed_number(last)
            a, b = found[first], found[last]
            if hi - lo < 2:
                return
            if (
                a is not None
                and b is not None
                and a.isdigit()
                and b.isdigit()
                and int(b) - int(a) == last - first
            ):
                found.update((page, str(int(a) + page - first)) for page in pages[lo + 1 : hi])
                return
            middle = (lo + hi) // 2
            number(lo, middle)
            number(middle, hi)

        if pages:
            number(0, len(pages) - 1)
        return found

    def _printed_number(self, index: int) -> str | None:
        """The page number printed on page `index` (0-based): its lowest line of text, the
        footer's PAGE field, when that is a number; None for a page without one."""
        if index not in self._printed:
            lines: list[tuple[float, str]] = []

            def keep(
                text: str, cm: list[float], tm: list[float], font: object, size: object
            ) -> None:
                if text.strip():
                    lines.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

            self.reader.pages[index].extract_text(visitor_text=keep)
            lowest = min(lines, default=(0.0, ""))[1]
            self._printed[index] = lowest if PAGE_NUMBER.match(lowest) else None
        return self._printed[index]


def _destination_name(bookmark: str) -> str:
    """The name LibreOffice gives bookmark `bookmark` in a PDF: "/" then the name with every
    character but ASCII letters, digits and "-" written as its two hex digits ("_Toc1" →
    "/5FToc1"), as its PDF writer (`appendDestinationName`) does."""
    return "/" + "".join(
        c if c.isascii() and (c.isalnum() or c == "-") else f"{ord(c) & 0xFF:02X}" for c in bookmark
    )


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def page_numbers(docx: bytes) -> Mapping[str, str]:
    """The page number each contents entry of `docx` shows, by bookmark (for tests and
    diagnostics)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        document = etree.fromstring(package.read(DOCUMENT))
    return {name: t.text or "" for name, t in _pageref_results(document).items()}
