"""The findings that read the document as built, whatever its type: sections left without a
narrative, numbers typed in the prose."""

from __future__ import annotations

from ..document.nodes import Document
from .findings import Finding
from .narasi import empty_sections, narasi_missing


def check_dokumen(c, f, document: Document) -> list[Finding]:
    """The findings of the built tree of `c` (figures `f`), in file order."""
    findings = narasi_missing(c.folder, c.narasi, empty_sections(document.front + document.body))
    return sorted(findings, key=lambda x: (x.problem.file, x.problem.line or 0))
