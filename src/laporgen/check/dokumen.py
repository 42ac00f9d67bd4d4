"""The findings that read the document as built, whatever its type: sections left without a
narrative, numbers typed in the prose, malformed figures."""

from __future__ import annotations

from ..document.nodes import Document
from .bentuk import bentuk_findings
from .findings import Finding
from .narasi import empty_sections, narasi_missing
from .prosa import Angka, prosa_findings


def check_dokumen(c, document: Document, angka: list[Angka]) -> list[Finding]:
    """The findings of the built tree of `c`, its narrative read against `angka` (the type's
    figures a sentence may state, from the registry), in file order."""
    # the sections the builder found empty (and marked DRAF or left out: `Document.kosong`), and
    # any section a builder left with nothing under its heading
    missing = dict.fromkeys((*document.kosong, *empty_sections(document.front + document.body)))
    findings = narasi_missing(c, missing)
    findings += prosa_findings(c.narasi, angka)
    findings += bentuk_findings(c.narasi)
    return sorted(findings, key=lambda x: (x.problem.file, x.problem.line or 0))
