"""A large synthetic agency builds, and every T-C.27 sum equals an independent summation."""

from __future__ import annotations

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
            assert kegiatan.pagu_akhir(YEARS) == sum(s["pagu"][y] for s in k["sub_kegiatan"] for y in YEARS)
    (matriks,) = f.matriks
    for y in YEARS:
        assert matriks.total[y] == sum(s["pagu"][y] for p in tree["program"] for k in p["kegiatan"] for s in k["sub_kegiatan"])

    (table,) = [t for t in walk(document_for(c).body) if isinstance(t, Table) and t.id.startswith("tc27")]
    assert len(table.body) == 2 + 40 * (1 + 10 * (1 + 5))  # a tujuan row, a sasaran row, then the programs
    total_row = table.foot[0]
    grand = sum(s["pagu"][y] for p in tree["program"] for k in p["kegiatan"] for s in k["sub_kegiatan"] for y in YEARS)
    assert total_row[-2].blocks[0].inlines[0].text == rupiah(grand, False)  # before the merged unit/lokasi cell


def test_large_agency_builds_a_docx(tmp_path):
    folder = tmp_path / "sintetis" / "renstra-2021-2026"
    write_renstra(folder, programs=40, kegiatan=10, sub=5)
    # the renderer at scale; LibreOffice's layout of 2 400 rows (page numbers) is not under test here
    (path,) = build(folder, tmp_path / "out", page_numbers=False).outputs
    assert path.name == "renstra-2021-2026-dinas-sintetis-kabupaten-contoh.docx"
    assert path.stat().st_size > 100_000
