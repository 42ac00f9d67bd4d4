"""Read a rendered PDF back through pypdf, for assertions in renderer and end-to-end tests:
page texts and sizes, the footer's page number, the Daftar Isi's printed numbers and the pages
where the headings really are."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pypdf

from laporgen.document.nodes import Block, Document, Landscape, ListOfTables, Section, Toc

PT_PER_MM = 72 / 25.4
PAGE_NUMBER = re.compile(r"^(\d+|[ivxlcdm]+)$")


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def pdf_texts(pdf: bytes) -> list[str]:
    """Every page's text, in page order."""
    return [page.extract_text() or "" for page in reader(pdf).pages]


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    """Every page's (width, height) in mm, to 0.1 mm."""
    return [
        (
            round(float(p.mediabox.width) / PT_PER_MM, 1),
            round(float(p.mediabox.height) / PT_PER_MM, 1),
        )
        for p in reader(pdf).pages
    ]


def footer_number(text: str) -> str | None:
    """The page number printed in the footer: the page text's last line, if it is a number
    ("12") or a roman one ("iv"); None for a page without one (the cover)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines and PAGE_NUMBER.match(lines[-1]) else None


def squeeze(text: str) -> str:
    """`text` without any whitespace: PDF text wraps and spaces justified lines freely."""
    return re.sub(r"\s+", "", text)


def toc_numbers(texts: Sequence[str], entries: Iterable[str]) -> dict[str, str]:
    """The page number the Daftar Isi prints after each entry ("BAB I PENDAHULUAN ..... 1"),
    read from the pages `texts` that hold it."""
    flat = re.sub(r"[^\S\n]+", "", "\n".join(texts))  # no spaces; line ends kept
    numbers: dict[str, str] = {}
    position = 0
    for entry in entries:
        text = r"\n?".join(map(re.escape, squeeze(entry)))  # the entry may wrap anywhere
        match = re.compile(text + r"[.\n]*?\.+(\d+|[ivxlcdm]+)(?=\n|$)").search(flat, position)
        assert match, f"Daftar Isi entry not found: {entry}"
        numbers[entry] = match[1]
        position = match.end()
    return numbers


@dataclass(frozen=True)
class Heading:
    """A heading as the PDF prints it: level 1 with a number on two lines ("BAB I" / "PENDAHULUAN")."""

    toc_text: str
    number: str
    title: str
    level: int

    def pattern(self) -> re.Pattern[str]:
        """The heading at the start of a line; a BAB's number and title on lines of their own."""

        def words(text: str) -> str:
            return r"\s+".join(map(re.escape, text.split()))

        if self.level == 1 and self.number:
            return re.compile(
                rf"(?:^|\n)\s*{words(self.number)}\s*\n\s*{words(self.title)}\s*(?:\n|$)"
            )
        return re.compile(rf"(?:^|\n)\s*{words(self.toc_text)}")


def toc_headings(document: Document) -> list[Heading]:
    """The headings the Daftar Isi lists, in document order."""
    found: list[Heading] = []

    def walk(blocks: Iterable[Block]) -> None:
        for block in blocks:
            if isinstance(block, Section):
                if block.in_toc:
                    found.append(Heading(block.heading, block.number, block.title, block.level))
                walk(block.children)
            elif isinstance(block, Landscape):
                walk(block.children)

    walk(document.front)
    walk(document.body)
    return found


def toc_node(document: Document) -> Toc:
    return next(block for block in (*document.front, *document.body) if isinstance(block, Toc))


def heading_pages(texts: Sequence[str], headings: Sequence[Heading], start: int) -> dict[str, int]:
    """The 0-based page where each heading is printed, searching from page `start` on and each
    heading no earlier than the one before it (headings come in document order)."""
    pages: dict[str, int] = {}
    page = start
    for heading in headings:
        pattern = heading.pattern()
        while page < len(texts) and not pattern.search(texts[page]):
            page += 1
        assert page < len(texts), f"heading not found after page {start + 1}: {heading.toc_text}"
        pages[heading.toc_text] = page
    return pages


def check_toc_page_numbers(texts: Sequence[str], document: Document) -> int:
    """Assert that every Daftar Isi entry's printed number is the footer number of the page
    where its heading is, given the PDF's page `texts`; return how many entries were checked."""
    toc = toc_node(document)
    toc_pages = [i for i, text in enumerate(texts) if squeeze(toc.title) in squeeze(text)]
    assert toc_pages, "no Daftar Isi page"
    listed = {text for _, text in toc.entries}
    headings = [h for h in toc_headings(document) if h.toc_text in listed]
    printed = toc_numbers(texts[toc_pages[0] :], [h.toc_text for h in headings])
    # Searched from the page after the Daftar Isi's first page: its own lines ("A. Simpulan
    # ..... 50") come after BAB I's heading is matched, which the TOC prints on one line.
    pages = heading_pages(texts, headings, toc_pages[0] + 1)
    for heading in headings:
        page = pages[heading.toc_text]
        assert footer_number(texts[page]) == printed[heading.toc_text], (
            f"{heading.toc_text}: the Daftar Isi says page {printed[heading.toc_text]}, "
            f"the heading is on the page numbered {footer_number(texts[page])} (PDF page {page + 1})"
        )
    return len(headings)


def check_list_page_numbers(texts: Sequence[str], listing: ListOfTables) -> int:
    """Assert that every entry of a Daftar Tabel/Gambar prints the footer number of the page
    where its caption is, given the PDF's page `texts`; return how many entries were checked.
    Captions are looked for after the list's own pages, each no earlier than the one before."""
    first = next(i for i, text in enumerate(texts) if squeeze(listing.title) in squeeze(text))
    printed = toc_numbers(texts[first:], listing.entries)
    last = next(
        i for i in range(first, len(texts)) if squeeze(listing.entries[-1]) in squeeze(texts[i])
    )
    page = last + 1
    for entry in listing.entries:
        while page < len(texts) and squeeze(entry) not in squeeze(texts[page]):
            page += 1
        assert page < len(texts), f"caption not found after page {last + 1}: {entry}"
        assert footer_number(texts[page]) == printed[entry], (
            f"{entry}: the {listing.title} says page {printed[entry]}, the caption is on the page "
            f"numbered {footer_number(texts[page])} (PDF page {page + 1})"
        )
    return len(listing.entries)
