"""Sentence pieces every document type writes with: a paragraph from strings and inlines, lists
joined as Indonesian writes them, and names put in the case a sentence needs (a program typed in
capitals, "PROGRAM PENANGANAN BENCANA", reads "Program Penanganan Bencana" inside a sentence, and is
not called "program PROGRAM …")."""

from __future__ import annotations

import re

from .nodes import ListBlock, Marker, Paragraph, Text

KATA_SAMBUNG = frozenset(
    {
        "dan",
        "atau",
        "di",
        "ke",
        "dari",
        "yang",
        "untuk",
        "pada",
        "bagi",
        "serta",
        "dengan",
        "dalam",
        "oleh",
        "terhadap",
        "atas",
        "per",
    }
)
"""Words a title keeps in lower case (except at its start)."""

_VOKAL = re.compile(r"[AIUEO]")
_ROMAWI = re.compile(r"^[IVXLC]+$")


def gabung(names: list[str]) -> str:
    """ "A", "A dan B", "A, B dan C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " dan " + names[-1]


def _kata(word: str, first: bool) -> str:
    if not _VOKAL.search(word) or _ROMAWI.match(word):  # PPKS, PKH, BPNT, II: abbreviations stay
        return word
    if word.lower() in KATA_SAMBUNG and not first:
        return word.lower()
    return word[:1] + word[1:].lower()


def judul(nama: str) -> str:
    """A name typed all in capitals in title case; any other name as typed."""
    if not nama.isupper():
        return nama
    parts = re.split(r"([\s/\-(),]+)", nama.strip())
    return "".join(p if n % 2 else _kata(p, n == 0) for n, p in enumerate(parts))


def sebut(jenis: str, nama: str) -> str:
    """ "program Penanganan Bencana"-style mention of a node: the kind word once, the name in
    title case ("Program Penanganan Bencana" when the name already begins with its kind)."""
    name = judul(nama)
    if name.lower().startswith(jenis.lower() + " "):
        return name
    return f"{jenis} {name}"


def para(*parts: str | Text) -> Paragraph:
    """One paragraph; a string becomes plain text, a `Text` keeps its emphasis."""
    return Paragraph(tuple(Text(p) if isinstance(p, str) else p for p in parts))


def daftar(values: list[str], marker: Marker = "1.") -> ListBlock:
    """A list with one paragraph per value ("1." numbered, "-" bulleted)."""
    return ListBlock(tuple((para(v),) for v in values), marker)
