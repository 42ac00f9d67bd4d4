"""The end of a portrait stretch carried onto the landscape page after it, where LibreOffice's
layout leaves it alone on a nearly empty page.

Why. A change of page orientation is a section break, so a landscape table always starts a
page; the portrait text before it runs to wherever it ends. When that end spills a few lines
over a full page (the page review found two lines of a paragraph, then the landscape Tabel 3.3
of the Magetan LKjIP), the page holding them looks like a mistake. Which paragraph spills, and
by how much, only a layout knows: the page depends on every line above it, back to the last
forced page break, and the DOCX's own layout is LibreOffice's (Word's differs by a line here and
there). So the rule runs on the layout pass that `render/contents.py` makes anyway to fill the
contents lists' page numbers, rather than on a guess of line counts in the tree.

How. The DOCX is written with a hidden bookmark on each paragraph and heading that could be
carried (`render/docx.py`: `portrait_stretches`, `carry_mark`); LibreOffice keeps them as named
destinations in its PDF, so each one's page and height are read exactly. A portrait page just
before a landscape one whose body text fills at most SHORT_FILL of its height is short: the
paragraphs starting on it, and the one running onto it from the page before (unless that
one would leave more than VACATED of its own page empty), print on the landscape page instead (as `_short_portrait_runs` prints a one-sentence section between two
landscape tables), and the page goes. The DOCX is written and laid out again; a carry that did
not fit (the landscape pages grew by a page) is undone, with one more pass. A document with no
short page costs nothing more; one with any, one more LibreOffice conversion (two at worst)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pypdf
from lxml import etree

from laporgen.render.package import replace_entries

SHORT_FILL = 0.25  # a page whose text reaches no lower than this share of its text area is short
VACATED = 0.5  # the most of the page before it that carrying may leave empty
DOCUMENT = "word/document.xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MARK = re.compile(r"^/?_Carry_(\d+)_(\d+)$")
_MARK_IN_PDF = re.compile(r"^/5FCarry5F(\d+)5F(\d+)$")  # LibreOffice writes "_" as its hex 5F
TWIPS_PER_PT = 20

Render = Callable[[Mapping[int, int]], bytes]
"""Writes the DOCX with the given carries (`render_docx`'s `carry`), marked."""
Layout = Callable[[bytes], bytes]
"""Lays a DOCX out: its PDF, bookmarks kept as named destinations."""


@dataclass(frozen=True, slots=True)
class _Mark:
    page: int  # 0-based
    top: float  # the paragraph's top, in PDF points from the page's foot


class _Pages:
    """A LibreOffice PDF read for where its portrait text ends and where the carry marks are."""

    def __init__(self, pdf: bytes, margins: tuple[float, float]):
        self.reader = pypdf.PdfReader(io.BytesIO(pdf))
        self.landscape = [p.mediabox.width > p.mediabox.height for p in self.reader.pages]
        self._margins = margins  # top, bottom of a portrait page, in points
        self.marks: dict[int, dict[int, _Mark]] = {}  # stretch → from-end → mark
        for name, destination in self.reader.named_destinations.items():
            found = _MARK_IN_PDF.match(name) or _MARK.match(name)
            page = self.reader.get_destination_page_number(destination)
            if found and page is not None and destination.top is not None:
                stretch, from_end = int(found[1]), int(found[2])
                self.marks.setdefault(stretch, {})[from_end] = _Mark(page, float(destination.top))

    def text_area(self, index: int) -> tuple[float, float]:
        """The top and foot of page `index`'s text area, in PDF points from its foot."""
        top, bottom = self._margins
        return float(self.reader.pages[index].mediabox.height) - top, bottom

    def baselines(self, index: int) -> list[float]:
        """The heights of the text lines in page `index`'s text area (no header or footer)."""
        top, bottom = self.text_area(index)
        found: list[float] = []

        def keep(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and bottom < y < top:
                found.append(y)

        self.reader.pages[index].extract_text(visitor_text=keep)
        return found

    def short(self, index: int) -> bool:
        """Whether the text of page `index` fills at most SHORT_FILL of its text area."""
        lines = self.baselines(index)
        top, bottom = self.text_area(index)
        return bool(lines) and (top - min(lines)) <= SHORT_FILL * (top - bottom)

    def vacates_little(self, mark: _Mark) -> bool:
        """Whether the paragraph starting at `mark`, carried away, leaves at most VACATED of its
        page's text area empty: a long paragraph running two lines onto the short page would
        leave its own page half empty instead."""
        top, bottom = self.text_area(mark.page)
        return mark.top - bottom <= VACATED * (top - bottom)

    def landscape_run(self, index: int) -> int:
        """How many landscape pages follow one another from page `index` on."""
        n = 0
        while index + n < len(self.landscape) and self.landscape[index + n]:
            n += 1
        return n


def carries(pages: _Pages) -> dict[int, int]:
    """For each portrait stretch ending on a short page before a landscape one, how many of
    its paragraphs and headings (counted from its end) that page holds, the one running onto
    it from the page before included: what to carry onto the landscape page."""
    plan: dict[int, int] = {}
    for stretch, marks in pages.marks.items():
        last = marks.get(1)
        if last is None or len(marks) < 2:
            continue
        end = last.page + (
            0 if pages.landscape[min(last.page + 1, len(pages.landscape) - 1)] else 1
        )
        if (
            end + 1 >= len(pages.landscape)
            or pages.landscape[end]
            or not pages.landscape[end + 1]
            or marks[max(marks)].page >= end  # the stretch starts on that page: nothing to gain
            or not pages.short(end)
        ):
            continue
        on_page = sorted((k for k, mark in marks.items() if mark.page == end), reverse=True)
        if not on_page:  # the page holds the end of one paragraph only
            if pages.vacates_little(last):
                plan[stretch] = 1
            continue
        first = marks[on_page[0]]
        above = any(y > first.top for y in pages.baselines(end))
        if above and not pages.vacates_little(marks[on_page[0] + 1]):
            continue
        plan[stretch] = len(on_page) + (1 if above else 0)
    return plan


def fitted(render: Render, layout: Layout) -> tuple[bytes, bytes]:
    """The DOCX `render` writes with every short page before a landscape one carried onto it
    (`carries`), and its layout (PDF). A carry that made its landscape pages a page longer is
    left out; what comes back is laid out as it is."""
    docx = render({})
    pdf = layout(docx)
    margins = _portrait_margins(docx)
    before = _Pages(pdf, margins)
    plan = carries(before)
    if not plan:
        return docx, pdf
    carried = render(plan)
    carried_pdf = layout(carried)
    after = _Pages(carried_pdf, margins)
    kept = {stretch: n for stretch, n in plan.items() if _fits(before, after, stretch, n)}
    if kept == plan:
        return carried, carried_pdf
    if not kept:
        return docx, pdf
    docx = render(kept)
    return docx, layout(docx)


def _fits(before: _Pages, after: _Pages, stretch: int, n: int) -> bool:
    """Whether carrying `n` of `stretch` put them on a landscape page and left its landscape
    pages as many as they were."""
    old, new = before.marks[stretch].get(1), after.marks.get(stretch, {}).get(n)
    if old is None or new is None or not after.landscape[new.page]:
        return False
    first = old.page + (0 if before.landscape[old.page + 1] else 1) + 1
    return after.landscape_run(new.page) == before.landscape_run(first)


def _portrait_margins(docx: bytes) -> tuple[float, float]:
    """The top and bottom margins of the DOCX's portrait pages, in points (the last portrait
    section's: the body's)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read(DOCUMENT))
    top = bottom = 72.0
    for sect in root.iter(f"{{{_W}}}sectPr"):
        size, margin = sect.find(f"{{{_W}}}pgSz"), sect.find(f"{{{_W}}}pgMar")
        if size is None or margin is None or size.get(f"{{{_W}}}orient") == "landscape":
            continue
        top = int(margin.get(f"{{{_W}}}top", "1440")) / TWIPS_PER_PT
        bottom = int(margin.get(f"{{{_W}}}bottom", "1440")) / TWIPS_PER_PT
    return top, bottom


def unmarked(docx: bytes) -> bytes:
    """`docx` without the carry marks (`carry_mark`): they served the layout only."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read(DOCUMENT))
    ids = set()
    for start in list(root.iter(f"{{{_W}}}bookmarkStart")):
        if _MARK.match(start.get(f"{{{_W}}}name", "")):
            ids.add(start.get(f"{{{_W}}}id"))
            start.getparent().remove(start)
    if not ids:
        return docx
    for end in list(root.iter(f"{{{_W}}}bookmarkEnd")):
        if end.get(f"{{{_W}}}id") in ids:
            end.getparent().remove(end)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return replace_entries(docx, {DOCUMENT: xml})
