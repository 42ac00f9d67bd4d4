"""Both Renstra examples open in a real client: LibreOffice converts them, and the PDF text
holds the recomputed figures."""

from __future__ import annotations

import pytest

from libreoffice import convert_to_pdf, pdf_pages
from test_renstra_examples import built  # noqa: F401  (the built examples, shared fixture)

pytestmark = pytest.mark.libreoffice


@pytest.mark.parametrize(
    "name, figures",
    [
        ("blitar", ["BAB VIII", "T-C.27", "12.206.342.370", "550.000.000", "91,31"]),
        ("magetan", ["BAB VIII", "T-C.24", "5.018.500.000", "-200,00", "99,76"]),
    ],
)
def test_renstra_converts_and_keeps_its_figures(built, name, figures, tmp_path):  # noqa: F811
    text = "\n".join(pdf_pages(convert_to_pdf(built[name], tmp_path)))
    for figure in figures:
        assert figure in text, figure
