"""Converting with a real LibreOffice client (soffice), for the tests that open our DOCX in it.

CI installs LibreOffice (`.ci/run`); a missing soffice fails the test unless
LAPORGEN_SKIP_LIBREOFFICE=1 says this machine has none.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf


def soffice() -> str:
    """Return the soffice executable; fail (CI installs it) unless LAPORGEN_SKIP_LIBREOFFICE=1."""
    from system_parts import require

    require("soffice", skip_variable="LAPORGEN_SKIP_LIBREOFFICE")
    return shutil.which("soffice")


def convert_to_pdf(docx_path: Path, workdir: Path) -> Path:
    """Return the PDF LibreOffice makes of `docx_path`, using a private profile in `workdir`
    so parallel runs do not share (and lock) one user installation."""
    profile = (workdir / "lo-profile").resolve().as_uri()
    outdir = workdir / "pdf"
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = outdir / f"{docx_path.stem}.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(pdf).pages]
