"""Every bundled example built once as DOCX (its contents lists filled by LibreOffice's layout)
and converted by LibreOffice, for the tests of the contents lists and of the package."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest

from laporgen.build import Built, build
from libreoffice import convert_to_pdf
from pdf_reading import pdf_texts

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(path.parent for path in (ROOT / "content").glob("*/*/document.toml"))


@dataclass
class Example:
    """One example's DOCX, and the PDF a LibreOffice client makes of it."""

    built: Built
    docx: Path
    workdir: Path

    @cached_property
    def pdf(self) -> bytes:
        return convert_to_pdf(self.docx, self.workdir).read_bytes()

    @cached_property
    def texts(self) -> list[str]:
        return pdf_texts(self.pdf)


# Module scope, not session: a built example's document and PDF would otherwise stay in this
# process to the end, and the tests that fork it to measure a child's memory would count them.
@pytest.fixture(
    scope="module", params=EXAMPLES, ids=lambda folder: str(folder.relative_to(ROOT / "content"))
)
def example(request, tmp_path_factory) -> Example:
    out = tmp_path_factory.mktemp("example")
    built = build(request.param, out, ("docx",))
    return Example(built, built.outputs[0], out)
