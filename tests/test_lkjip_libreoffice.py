"""The example's DOCX opens in a real client: LibreOffice converts it headless, and the PDF's
text holds the same computed figures the DOCX holds."""

from __future__ import annotations

import pytest

from libreoffice import convert_to_pdf, pdf_pages
from test_lkjip_example import docx  # noqa: F401  (the built example, shared fixture)

pytestmark = pytest.mark.libreoffice


def test_example_converts_and_keeps_its_figures(docx, tmp_path):  # noqa: F811
    pages = pdf_pages(convert_to_pdf(docx, tmp_path))
    text = "\n".join(pages)
    for figure in (
        "BAB I",
        "BAB IV",
        "Tabel 3.2 Capaian Kinerja",
        "Tabel 4.3 Target Waktu Pencapaian",
        "95,00",
        "108,62",
        "99,37",
        "86,33",
        "63,33",
        "99,38",
        "-0,39",
        "10,77",
        "3,31",
        "9,42",
        "17,35",
        "24.175.862.284",
        "23.594.861.370",
        "97,60",
        "24.449.465.553",
        "175.000.000",
        "PARMINTO BUDI UTOMO",
    ):
        assert figure in text, figure
    assert len(pages) > 40
