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

SINGKATAN = frozenset(
    {
        "APBD",
        "APBN",
        "ASN",
        "BLUD",
        "BUMD",
        "DAK",
        "DAU",
        "DPA",
        "DPRD",
        "LLAJ",
        "OPD",
        "PAD",
        "PAUD",
        "RPJMD",
        "RPJPD",
        "RSUD",
        "SAKIP",
        "SDM",
        "SKPD",
        "SOTK",
        "SPM",
        "UPT",
        "UPTD",
    }
)
"""Abbreviations with a vowel a title keeps in capitals, beside those the name itself spells out
in parentheses ("LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)")."""

_VOKAL = re.compile(r"[AIUEO]")
_ROMAWI = re.compile(r"^[IVXLC]+$")


def gabung(names: list[str]) -> str:
    """ "A", "A dan B", "A, B dan C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " dan " + names[-1]


def _kata(word: str, first: bool, singkatan: frozenset[str] = SINGKATAN) -> str:
    if not _VOKAL.search(word) or _ROMAWI.match(word):  # PPKS, PKH, BPNT, II: abbreviations stay
        return word
    if word in singkatan:
        return word
    if word.lower() in KATA_SAMBUNG and not first:
        return word.lower()
    return word[:1] + word[1:].lower()


def _inisial(word: str, initials: str) -> bool:
    """Whether `word` is spelt by some of `initials`, in order ("LLAJ" of "PLLDAJ")."""
    rest = iter(initials)
    return len(word) > 1 and all(letter in rest for letter in word)


def judul(nama: str) -> str:
    """A name typed all in capitals in title case; any other name as typed."""
    if not nama.isupper():
        return nama
    parts = re.split(r"([\s/\-(),]+)", nama.strip())
    # a word alone in parentheses spelling the initials of the words before it is their
    # abbreviation ("ANGKUTAN JALAN (LLAJ)", "ANAK USIA DINI (PAUD)"): it stays, there and wherever
    # else the name uses it; "(PERSERO)" is a word, and is title-cased
    defined = {
        p
        for n, p in enumerate(parts)
        if n % 2 == 0
        and 0 < n < len(parts) - 1
        and parts[n - 1].endswith("(")
        and parts[n + 1].startswith(")")
        and _inisial(p, "".join(w[:1] for w in parts[0:n:2]))
    }
    singkatan = SINGKATAN | defined
    return "".join(p if n % 2 else _kata(p, n == 0, singkatan) for n, p in enumerate(parts))


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
