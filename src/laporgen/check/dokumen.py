"""The findings that read the document as built, whatever its type: sections left without a
narrative, numbers typed in the prose."""

from __future__ import annotations

from ..document.nodes import Document
from .findings import Finding
from .narasi import empty_sections, narasi_missing
from .prosa import angka_lkjip, angka_renstra, prosa_findings


def check_dokumen(c, f, document: Document) -> list[Finding]:
    """The findings of the built tree of `c` (figures `f`), in file order."""
    from ..model.content import LkjipContent

    figures = angka_lkjip(c, f) if isinstance(c, LkjipContent) else angka_renstra(c, f)
    findings = narasi_missing(c.folder, c.narasi, empty_sections(document.front + document.body))
    findings += prosa_findings(c.narasi, figures)
    return sorted(findings, key=lambda x: (x.problem.file, x.problem.line or 0))
