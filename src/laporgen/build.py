"""The pipeline in one place: load → compute → document tree → render → write.

Everything is loaded, validated and rendered in memory before anything is written, so bad input
never touches `output/`; each output file is then written atomically.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import collector
from .document.keep import unprinted
from .document.nodes import Document
from .errors import LaporgenError, Problem
from .i18n import N_, _
from .jenis import jenis_for, load_document, output_name
from .model.content import Content
from .output import write_all_atomic

if TYPE_CHECKING:
    from .check.findings import Finding
    from .render.contents import Filled

# Each type's stages (compute, document, check) are named by its registry entry (`jenis.py`)
# and imported when used: a command pays only for the modules it runs.

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMATS = ("docx", "html", "pdf")
PDF_ENGINES = ("typst", "weasyprint", "libreoffice")  # the first is the default


@dataclass(frozen=True)
class Built:
    document: Document
    outputs: tuple[Path, ...]
    notes: tuple[str, ...] = ()  # what the user should know about the outputs (the CLI warns)


def figures_for(c: Content) -> Any:
    """Every computed figure of any loaded content."""
    return jenis_for(c).figures(c)


def narrative_context_for(c: Content) -> dict[str, Any]:
    """The placeholders a narrative file of `c` may use, with the values they print."""
    return jenis_for(c).context(c, figures_for(c))


def document_for(c: Content, charts: bool = True, figures: Any = None) -> Document:
    """The document tree of any loaded content (`charts` False skips drawing them: `check`
    needs the narrative rendered, not the pictures; `figures` when already computed)."""
    from .document.tabel_deklarasi import taken_id_problems

    f = figures if figures is not None else figures_for(c)
    document = jenis_for(c).tree(c, f, charts)
    problems = taken_id_problems(document, c.tabel, c.sources.get("tabel"))
    if problems:
        raise LaporgenError(problems)
    return document


def build(
    folder: Path,
    out: Path,
    formats: tuple[str, ...] = ("docx",),
    template: Path | None = None,
    pdf_engine: str = PDF_ENGINES[0],
    pdf_standard: str | None = None,
    page_numbers: bool = True,
) -> Built:
    """Render the document in `folder` into `out` in each format; returns what was written.
    `pdf_standard` ("a-2b") makes the Typst PDF an archival PDF/A file. `page_numbers` lays the
    DOCX out with LibreOffice, when installed, to fill its contents lists (`render/contents.py`);
    without, Word fills them when the file is opened."""
    unknown = [f for f in formats if f not in FORMATS] + (
        [pdf_engine] if pdf_engine not in PDF_ENGINES else []
    )
    if pdf_standard is not None and pdf_engine != "typst":
        raise LaporgenError(
            [
                Problem(
                    _("command line"),
                    _("--pdf-standard {standard} needs the typst PDF engine").format(
                        standard=pdf_standard
                    ),
                    hint=_("drop --pdf-engine, or use --pdf-engine typst"),
                    code="usage",
                )
            ]
        )
    if unknown:
        raise LaporgenError(
            [
                Problem(
                    _("command line"),
                    _("unknown format or engine: {names}").format(names=", ".join(unknown)),
                    hint=_("formats: {formats}; pdf engines: {engines}").format(
                        formats=", ".join(FORMATS), engines=", ".join(PDF_ENGINES)
                    ),
                    code="usage",
                )
            ]
        )
    with collector.paused():
        content = load_document(folder)
        document = document_for(content)
        notes: list[str] = []
        renderers = _renderers(
            template or TEMPLATES / "laporgen.docx", pdf_engine, pdf_standard, page_numbers, notes
        )
        rendered: dict[str, bytes] = {}
        for fmt in formats:
            rendered[fmt] = renderers[fmt](document, rendered)
    files = {out / f"{output_name(content)}.{fmt}": data for fmt, data in rendered.items()}
    write_all_atomic(files)
    return Built(document, tuple(files), tuple(notes))


Renderer = Callable[[Document, dict[str, bytes]], bytes]


NO_LIBREOFFICE = N_(
    "LibreOffice is not installed, so the DOCX's Daftar Isi/Tabel/Gambar have no page numbers "
    'yet: Word fills them in when the file is opened (answer Yes to "update fields"); '
    "install LibreOffice (libreoffice-writer) to have them written in"
)
LAYOUT_FAILED = N_(
    "LibreOffice could not lay the DOCX out ({reason}), so its Daftar Isi/Tabel/Gambar have no page "
    "numbers yet: Word fills them in when the file is opened"
)
UNPLACED = N_(
    "{n} entr(y/ies) of the DOCX's contents lists were not found in LibreOffice's layout and have "
    "no page number; Word fills them in when the file is opened"
)


def _renderers(
    template: Path,
    pdf_engine: str,
    pdf_standard: str | None = None,
    page_numbers: bool = True,
    notes: list[str] | None = None,
) -> dict[str, Renderer]:
    """Each format's renderer; given the document and what was rendered before it (the
    LibreOffice PDF engine converts the DOCX). Imported lazily: WeasyPrint is slow to import.
    What the user should know about an output is added to `notes`."""
    notes = [] if notes is None else notes

    def docx(document: Document, done: dict[str, bytes]) -> bytes:
        from .render.docx import render_docx

        def unfilled() -> bytes:
            buffer = io.BytesIO()
            render_docx(document, template, buffer)
            return buffer.getvalue()

        if not page_numbers:
            return unfilled()
        from .render.libreoffice import soffice_path

        if soffice_path() is None:
            notes.append(_(NO_LIBREOFFICE))
            return unfilled()
        try:
            filled = laid_out_docx(document, template)
        except LaporgenError as exc:  # the DOCX is still good: only its page numbers wait for Word
            notes.append(
                _(LAYOUT_FAILED).format(
                    reason="; ".join(problem.message for problem in exc.problems)
                )
            )
            return unfilled()
        if filled.missing:
            notes.append(_(UNPLACED).format(n=filled.missing))
        return filled.docx

    def html(document: Document, done: dict[str, bytes]) -> bytes:
        from .render.html import render_html

        return render_html(document).encode("utf-8")

    def pdf(document: Document, done: dict[str, bytes]) -> bytes:
        if pdf_engine == "libreoffice":
            from .render.libreoffice import docx_to_pdf

            return docx_to_pdf(done["docx"] if "docx" in done else docx(document, done))
        if pdf_engine == "weasyprint":
            from .render.pdf import render_pdf

            return render_pdf(document)
        from .render.typst import render_typst_pdf

        return render_typst_pdf(document, pdf_standard)

    return {"docx": docx, "html": html, "pdf": pdf}


def laid_out_docx(document: Document, template: Path) -> Filled:
    """The DOCX of `document` as LibreOffice lays it out: a few lines left alone on a page
    before a landscape one carried onto it (`render/carry.py`), and the contents lists filled
    with the pages of that layout (`render/contents.py`). Raises what `docx_to_pdf` raises."""
    from .render.carry import fitted, unmarked
    from .render.contents import filled
    from .render.docx import render_docx
    from .render.libreoffice import docx_to_pdf

    def render(carry: Mapping[int, int]) -> bytes:
        buffer = io.BytesIO()
        render_docx(document, template, buffer, carry, marked=True)
        return buffer.getvalue()

    docx, pdf = fitted(render, lambda docx: docx_to_pdf(docx, destinations=True))
    return filled(unmarked(docx), pdf)


def check(folder: Path) -> list[Finding]:
    """The findings of `laporgen check` for the document in `folder`."""
    with collector.paused():
        content = load_document(folder)
        figures = figures_for(content)
        # renders the narrative too: a broken placeholder fails check as it fails build; the
        # findings read sections and text, not how tables print, so no table is laid out
        with unprinted():
            document = document_for(content, charts=False, figures=figures)
        from .check.dokumen import check_dokumen
        from .check.findings import unconfirmed
        from .check.spm import angka_spm, check_spm
        from .check.tabel import angka_tabel, check_tabel

        jenis = jenis_for(content)
        angka = jenis.angka(content, figures) if jenis.angka else []
        angka += angka_tabel(content)  # the declared tables' figures, any type
        angka += angka_spm(content)  # the SPM's, where the type prints one
        findings = (
            jenis.check(content, figures)
            + check_dokumen(content, document, angka)
            + check_tabel(content)
            + check_spm(content)
        )
        return unconfirmed(findings, getattr(content.settings, "disengaja", []))
