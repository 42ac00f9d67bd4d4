"""The plan's tables as a new user writes the plan: a tujuan with no indicator of its own
(Tabel 2.1 of the LKjIP), tujuan grouped under their misi (Renstra T-C.26)."""

from __future__ import annotations

from laporgen.build import document_for
from laporgen.document.nodes import Table
from laporgen.document.numbering import walk
from laporgen.jenis import load_document


def table(folder, table_id: str) -> Table:
    (found,) = [b for b in walk(document_for(load_document(folder)).body) if isinstance(b, Table) and b.id == table_id]
    return found


def texts(row) -> list[str]:
    return ["".join(i.text for i in c.blocks[0].inlines if hasattr(i, "text")) if c.blocks else "" for c in row]


def test_a_tujuan_without_its_own_indicator_spans_its_sasaran_rows(example_copy):
    rencana = example_copy.parent / "renstra-2024-2026" / "rencana.yaml"
    text = rencana.read_text(encoding="utf-8")
    start = text.index("    indikator:\n      # Tabel 2.2 row 1")
    end = text.index("    sasaran:\n", start)
    rencana.write_text(text[:start] + text[end:], encoding="utf-8")
    kinerja = example_copy / "kinerja.yaml"
    kinerja.write_text(kinerja.read_text(encoding="utf-8").replace("renja: [IT1, ", "renja: ["), encoding="utf-8")
    body = table(example_copy, "tujuan-sasaran").body
    first = body[0]
    assert texts(first)[:3] == ["1", "Meningkatnya kesejahteraan PPKS",
                                "1.1 Meningkatnya Kualitas Perlindungan dan Jaminan Sosial"]
    assert first[0].rowspan == first[1].rowspan == 6  # the six indicators of T1's sasaran
    assert len(body[1]) == len(first) - 2  # the rows it spans leave No. and Tujuan out
