"""A large synthetic agency builds, and every T-C.27 sum equals an independent summation."""

from __future__ import annotations

from docx_reading import docx_tables
from laporgen.build import build, document_for
from laporgen.compute.renstra import renstra_figures
from laporgen.document.nodes import Table
from laporgen.document.numbering import walk
from laporgen.model.folder import load_renstra
from laporgen.numbers import rupiah
from synthetic import YEARS, write_renstra


def test_tc27_sums_match_an_independent_summation(tmp_path):
    folder = tmp_path / "sintetis" / "renstra-2021-2026"
    tree = write_renstra(folder, programs=40, kegiatan=10, sub=5)
    c = load_renstra(folder)
    f = renstra_figures(c)

    for p, program in zip(tree["program"], f.program):
        for y in YEARS:
            expected = sum(s["pagu"][y] for k in p["kegiatan"] for s in k["sub_kegiatan"])
            assert program.pagu[y] == expected
        for k, kegiatan in zip(p["kegiatan"], program.children):
            assert kegiatan.pagu_akhir(YEARS) == sum(
                s["pagu"][y] for s in k["sub_kegiatan"] for y in YEARS
            )
    (matriks,) = f.matriks
    for y in YEARS:
        assert matriks.total[y] == sum(
            s["pagu"][y] for p in tree["program"] for k in p["kegiatan"] for s in k["sub_kegiatan"]
        )

    # Too wide for one A4 landscape page at 8 pt, the matrix is printed in tables by year span,
    # each with every row; the last holds the Kondisi Akhir (document/table_layout.py).
    parts = [
        t for t in walk(document_for(c).body) if isinstance(t, Table) and t.id.startswith("tc27")
    ]
    # a tujuan row, a sasaran row, then the programs
    assert parts and all(len(table.body) == 2 + 40 * (1 + 10 * (1 + 5)) for table in parts)
    total_row = [cell.blocks[0].inlines[0].text for cell in parts[-1].foot[0]]
    grand = sum(
        s["pagu"][y]
        for p in tree["program"]
        for k in p["kegiatan"]
        for s in k["sub_kegiatan"]
        for y in YEARS
    )
    assert rupiah(grand, False) in total_row


def test_large_agency_builds_a_docx(tmp_path):
    folder = tmp_path / "sintetis" / "renstra-2021-2026"
    tree = write_renstra(folder, programs=40, kegiatan=10, sub=5)
    # the renderer at scale; LibreOffice's layout of 2 400 rows (page numbers) is not under test here
    built = build(folder, tmp_path / "out", page_numbers=False)
    (path,) = built.outputs
    assert path.name == "renstra-2021-2026-dinas-sintetis-kabupaten-contoh.docx"
    # read back: the DOCX's T-C.27 holds every row of the tree's (header, the program tree,
    # TOTAL) and its TOTAL row prints the independent grand total
    # T-C.27 is too wide for one page: printed in parts by year span, every part every row
    parts = [
        t for t in walk(built.document.body) if isinstance(t, Table) and t.id.startswith("tc27")
    ]
    assert parts and all(len(part.body) == 2 + 40 * (1 + 10 * (1 + 5)) for part in parts)
    sizes = [len(part.head) + len(part.body) + len(part.foot) for part in parts]
    read = [t for t in docx_tables(path) if len(t) in sizes]
    assert len(read) == len(parts)
    grand = sum(
        s["pagu"][y]
        for p in tree["program"]
        for k in p["kegiatan"]
        for s in k["sub_kegiatan"]
        for y in YEARS
    )
    assert rupiah(grand, False) in read[-1][-1]  # the TOTAL row of the last part
    # after the tujuan and sasaran rows, whose cells span the program rows (not repeated)
    first = read[0][len(parts[0].head) + 2]
    assert first[0:2] == [tree["program"][0]["nama"], tree["program"][0]["indikator"][0]["nama"]]
