"""Document tree → PDF: the HTML of `render/html.py` laid out by WeasyPrint's paged media.

Nothing is decided here: paper, landscape pages, page numbers and the TOC's page numbers are
`templates/html/print.css`. WeasyPrint is imported inside `render_pdf` because importing it
takes a noticeable part of a second (Pango, fontTools), which `laporgen check` and DOCX-only
builds should not pay.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime

from laporgen import collector
from laporgen.document.nodes import Document
from laporgen.render.html import render_html


def render_pdf(document: Document) -> bytes:
    """Return `document` as PDF bytes, laid out from its HTML (`render_html`) by WeasyPrint.

    The bytes depend only on `document`, the templates, the installed fonts, the WeasyPrint
    version and `SOURCE_DATE_EPOCH` (see `pdf_from_html`)."""
    return pdf_from_html(render_html(document), document.date_iso)


def pdf_from_html(html: str, date_iso: str) -> bytes:
    """Return the PDF WeasyPrint lays out from the self-contained `html` (no file or network
    access is needed: CSS is inlined, images are data: URIs).

    The PDF's creation and modification dates come from the HTML's dcterms meta (the
    document date), it carries no random /ID, and the embedded font subsets are dated by
    `SOURCE_DATE_EPOCH`, else by `date_iso` (YYYY-MM-DD)."""
    import weasyprint  # slow to import: only when a PDF is asked for

    # the collector paused: WeasyPrint allocates a box, a style and a Pango wrapper per element
    # and per line, and each collection walked the growing heap again (~8 % of a report's PDF)
    with _font_timestamps(date_iso), collector.paused():
        pdf = weasyprint.HTML(string=html).write_pdf(pdf_identifier=False)
    assert isinstance(pdf, bytes)
    return pdf


@contextlib.contextmanager
def _font_timestamps(date_iso: str) -> Iterator[None]:
    """Date the font subsets WeasyPrint writes: fontTools stamps each subset's `head` table
    with the clock unless `SOURCE_DATE_EPOCH` is set (the reproducible-builds convention), so
    it is set to the document date for the call when the caller has not set it. Not
    thread-safe (the environment is process-wide), like the rest of a build."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    day = date.fromisoformat(date_iso)
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
