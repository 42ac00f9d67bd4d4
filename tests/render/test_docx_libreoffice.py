"""The rendered .docx opens in a real LibreOffice: converted headless to PDF, whose text must
hold the headings, captions (numbered as the tree says) and table figures."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from laporgen.render.docx import render_docx

from .test_docx import TEMPLATE, sample_document

pytestmark = pytest.mark.libreoffice


def soffice() -> str:
    """Return the soffice executable; fail (CI installs it) unless LAPORGEN_SKIP_LIBREOFFICE=1."""
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("LAPORGEN_SKIP_LIBREOFFICE") == "1":
            pytest.skip("LibreOffice (soffice) not installed; LAPORGEN_SKIP_LIBREOFFICE=1")
        pytest.fail("soffice not found: install LibreOffice or set LAPORGEN_SKIP_LIBREOFFICE=1")
    return found


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


def test_libreoffice_converts_the_docx_with_headings_captions_and_figures(tmp_path: Path) -> None:
    docx_path = tmp_path / "lkjip.docx"
    with docx_path.open("wb") as out:
        render_docx(sample_document(mark=' <&>"'), TEMPLATE, out)
    pages = pdf_pages(convert_to_pdf(docx_path, tmp_path))
    text = "\n".join(pages)
    for expected in (
        "LAPORAN KINERJA",
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "BAB I",
        'PENDAHULUAN <&>"',
        "A. Latar Belakang",
        "1. Kepegawaian",
        "Tabel 1.1 Capaian Kinerja",
        "Gambar 1.1 Struktur Organisasi",
        "Tabel 2.1 Kinerja Pelayanan",
        "24.175.862.284",
        "92,50",
        "NIP. 19700101 199003 1 001",
    ):
        assert expected in text, expected
    assert len(pages) >= 6
    assert pages[0].strip().splitlines()[-1] != "1"  # the cover has no page number
    assert pages[1].strip().endswith("i")  # front matter in lower roman
