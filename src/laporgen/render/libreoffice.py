"""DOCX → PDF with headless LibreOffice (`--pdf-engine libreoffice`), for users who want the
PDF laid out exactly as Word/LibreOffice lays out the .docx (same line and page breaks).

LibreOffice runs with a private, throw-away user profile, so conversions never touch (or wait
for the lock of) the user's own LibreOffice settings and can run side by side.

`soffice` is a launcher: the work is done by a `soffice.bin` child it starts. So soffice runs
in a process group of its own, and on a timeout (or any interruption) the whole group is
killed; killing only the direct child left `soffice.bin` running at full CPU, writing into a
profile folder that was then left behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from laporgen.errors import LaporgenError, Problem
from laporgen.i18n import N_, _

TIMEOUT_SECONDS = 300
HINT = N_(
    "install LibreOffice (apt-get install libreoffice-writer-nogui) or use --pdf-engine typst"
)
EXECUTABLES = ("soffice", "libreoffice")
TEMP_PREFIX = "laporgen-lo-"
# Writer bookmarks as PDF named destinations, for `render/contents.py` to find each heading's
# page by; filter options in JSON are read by LibreOffice 7.4 and later.
PDF_WITH_DESTINATIONS = (
    'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)


def soffice_path() -> str | None:
    """The LibreOffice executable on PATH, or None when LibreOffice is not installed."""
    return next((found for name in EXECUTABLES if (found := shutil.which(name))), None)


def docx_to_pdf(docx: bytes, timeout: float = TIMEOUT_SECONDS, destinations: bool = False) -> bytes:
    """Return the PDF LibreOffice makes of the .docx bytes `docx`; with `destinations`, each
    bookmark is a named destination in it.

    Raises `LaporgenError` (code "pdf.engine") when LibreOffice is not installed, fails, makes
    no PDF or takes longer than `timeout` seconds. In every case no LibreOffice process of
    this call and no temporary folder (document, profile) remain."""
    executable = soffice_path()
    if executable is None:
        raise _engine_error(_("LibreOffice (soffice) is not installed, so it cannot make the PDF"))
    work = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    try:
        source = work / "document.docx"
        source.write_bytes(docx)
        command = [
            executable,
            "--headless",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            PDF_WITH_DESTINATIONS if destinations else "pdf",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        returncode, output = _run_in_own_group(command, timeout)
        pdf = work / "out" / "document.pdf"
        if returncode != 0 or not pdf.is_file():
            output = " ".join(output.split())[:300]
            raise _engine_error(
                _("LibreOffice failed to convert the DOCX (exit {code})").format(code=returncode)
                + (f": {output}" if output else "")
            )
        return pdf.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run_in_own_group(command: list[str], timeout: float) -> tuple[int, str]:
    """Run `command` as the leader of a new process group; return its exit code and its
    stderr (else stdout). On a timeout or any exception the whole group is killed and reaped
    before this returns, so nothing keeps writing into the work folder."""
    try:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own session and process group, soffice.bin included
        )
    except OSError as exc:
        raise _engine_error(
            _("LibreOffice could not be started ({error})").format(error=exc)
        ) from exc
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill_group(process)
        raise _engine_error(
            _("LibreOffice did not finish converting the DOCX within {seconds} seconds").format(
                seconds=f"{timeout:g}"
            )
        ) from exc
    except BaseException:  # Ctrl-C or any error while waiting: leave nothing running
        _kill_group(process)
        raise
    return process.returncode, stderr or stdout or ""


def _kill_group(process: subprocess.Popen[str]) -> None:
    """SIGKILL every process of `process`'s group (the leader's pid is the group id) and
    reap the leader."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass  # the group is already gone
    process.communicate()


def _engine_error(message: str) -> LaporgenError:
    return LaporgenError(
        [Problem(file="soffice", message=message, hint=_(HINT), code="pdf.engine")]
    )
