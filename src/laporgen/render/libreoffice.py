"""DOCX → PDF with headless LibreOffice (`--pdf-engine libreoffice`), for users who want the
PDF laid out exactly as Word/LibreOffice lays out the .docx (same line and page breaks).

LibreOffice runs with a private, throw-away user profile, so conversions never touch (or wait
for the lock of) the user's own LibreOffice settings and can run side by side.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from laporgen.errors import LaporgenError, Problem

TIMEOUT_SECONDS = 300
HINT = (
    "install LibreOffice (apt-get install libreoffice-writer-nogui) or use --pdf-engine weasyprint"
)
EXECUTABLES = ("soffice", "libreoffice")
# Writer bookmarks as PDF named destinations, for `render/contents.py` to find each heading's
# page by; filter options in JSON are read by LibreOffice 7.4 and later.
PDF_WITH_DESTINATIONS = 'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'


def soffice_path() -> str | None:
    """The LibreOffice executable on PATH, or None when LibreOffice is not installed."""
    return next((found for name in EXECUTABLES if (found := shutil.which(name))), None)


def docx_to_pdf(docx: bytes, timeout: float = TIMEOUT_SECONDS, destinations: bool = False) -> bytes:
    """Return the PDF LibreOffice makes of the .docx bytes `docx`; with `destinations`, each
    bookmark is a named destination in it.

    Raises `LaporgenError` (code "pdf.engine") when LibreOffice is not installed, fails, makes
    no PDF or takes longer than `timeout` seconds."""
    executable = soffice_path()
    if executable is None:
        raise _engine_error("LibreOffice (soffice) is not installed, so it cannot make the PDF")
    with tempfile.TemporaryDirectory(prefix="laporgen-lo-") as tmp:
        work = Path(tmp)
        source = work / "document.docx"
        source.write_bytes(docx)
        profile = (work / "profile").as_uri()
        command = [
            executable,
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            PDF_WITH_DESTINATIONS if destinations else "pdf",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise _engine_error(
                f"LibreOffice did not finish converting the DOCX within {timeout:g} seconds"
            ) from exc
        except OSError as exc:
            raise _engine_error(f"LibreOffice could not be started ({exc})") from exc
        pdf = work / "out" / "document.pdf"
        if result.returncode != 0 or not pdf.is_file():
            output = " ".join((result.stderr or result.stdout or "").split())[:300]
            raise _engine_error(
                f"LibreOffice failed to convert the DOCX (exit {result.returncode})"
                + (f": {output}" if output else "")
            )
        return pdf.read_bytes()


def _engine_error(message: str) -> LaporgenError:
    return LaporgenError([Problem(file="soffice", message=message, hint=HINT, code="pdf.engine")])
