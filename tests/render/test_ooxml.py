"""The XML helpers of the DOCX renderer (render/ooxml.py, render/package.py): the one-step
text cell is the same XML as the cell built part by part, and the stable zip is dated and
ordered as asked."""

from __future__ import annotations

import io
import itertools
import zipfile
from datetime import datetime

import pytest
from lxml import etree

from laporgen.render import ooxml
from laporgen.render.package import StableZipWriter, stable_zip


def _xml(element) -> bytes:
    return etree.tostring(element)


@pytest.mark.parametrize("text", ["92,50", "", "  padded ", "Rp 1.234", "<&>"])
@pytest.mark.parametrize(
    ("span", "merge", "fill"), [(1, None, None), (3, "restart", "D9D9D9"), (1, "continue", None)]
)
def test_a_text_cell_is_the_cell_built_part_by_part(text, span, merge, fill):
    for bold, italic, centered in itertools.product((False, True), repeat=3):
        table = ooxml.new_table("TableGrid", [1000, 2000, 3000])
        one_step, by_parts = ooxml.add_row(table, header=False), ooxml.add_row(table, header=False)
        ooxml.add_text_cell(
            one_step, 1500, span, merge, fill, centered, "TabelIsi", "right", text, bold, italic
        )
        tc = ooxml.add_cell(by_parts, 1500, span, merge, fill, centered)
        ooxml.add_text_run(ooxml.add_paragraph(tc, "TabelIsi", "right"), text, bold, italic)
        assert _xml(one_step) == _xml(by_parts)


def test_text_cells_share_no_elements():
    """Each cell is a copy: setting one cell's text leaves the cached template and the others."""
    row = ooxml.add_row(ooxml.new_table("TableGrid", [1000]), header=False)
    for text in ("a", "b"):
        ooxml.add_text_cell(row, 1000, 1, None, None, True, "TabelIsi", "left", text)
    assert [t.text for t in row.iter(ooxml.qn("w:t"))] == ["a", "b"]


def test_the_stable_zip_dates_every_entry_and_keeps_the_order():
    moment = datetime(2025, 2, 1, 8, 30, 0)
    out = io.BytesIO()
    writer = StableZipWriter(out, moment)
    for name in ("/[Content_Types].xml", "/word/document.xml", "/_rels/.rels"):
        writer.write(name, name.encode() * 10)
    writer.close()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as package:
        infos = package.infolist()
        assert [i.filename for i in infos] == [
            "[Content_Types].xml",
            "word/document.xml",
            "_rels/.rels",
        ]
        assert {i.date_time for i in infos} == {(2025, 2, 1, 8, 30, 0)}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
        assert package.read("word/document.xml") == b"/word/document.xml" * 10
    assert stable_zip(out.getvalue(), moment) == out.getvalue()
