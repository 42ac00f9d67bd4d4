"""The rendered .docx opens in a real LibreOffice: converted headless to PDF, whose text must
hold the headings, captions (numbered as the tree says) and table figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from laporgen.render.docx import render_docx
from libreoffice import convert_to_pdf, pdf_pages

from .test_docx import TEMPLATE, sample_document

pytestmark = pytest.mark.libreoffice


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
