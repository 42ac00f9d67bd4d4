"""Sentence pieces every document type writes with: a paragraph from strings and inlines."""

from __future__ import annotations

from .nodes import ListBlock, Paragraph, Text


def para(*parts: str | Text) -> Paragraph:
    """One paragraph; a string becomes plain text, a `Text` keeps its emphasis."""
    return Paragraph(tuple(Text(p) if isinstance(p, str) else p for p in parts))


def daftar(values: list[str], marker: str = "1.") -> ListBlock:
    """A list with one paragraph per value ("1." numbered, "-" bulleted)."""
    return ListBlock(tuple((para(v),) for v in values), marker)
