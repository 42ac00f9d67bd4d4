"""Declared tables (tabel.yaml) of the invented example `content/rekaan-dinsos` (issue 14):
their cells, spans, totals and formulas with exact values, their place and number in the
outline, `check` of printed formula values and totals, and bad declarations as input errors at
their line."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import openpyxl
import pytest
from docx_reading import docx_captions, docx_tables

from laporgen.build import build, check, document_for
from laporgen.document.nodes import Section, Table
from laporgen.document.numbering import walk
from laporgen.errors import LaporgenError
from laporgen.jenis import load_document
from laporgen.render.xlsx import render_xlsx

ROOT = Path(__file__).resolve().parents[2]
REKAAN = ROOT / "content" / "rekaan-dinsos"


def text(c) -> str:
    return "".join(getattr(i, "text", "\n") for b in c.blocks for i in b.inlines)


def rows(rs) -> list[list[str]]:
    return [[text(c) for c in r] for r in rs]


@pytest.fixture(scope="module")
def tables() -> dict[str, Table]:
    d = document_for(load_document(REKAAN / "renstra-2025-2029"), charts=False)
    return {b.id: b for b in walk(d.body) if isinstance(b, Table)}


@pytest.fixture
def rekaan(tmp_path: Path) -> Path:
    shutil.copytree(REKAAN, tmp_path / "rekaan-dinsos")
    return tmp_path / "rekaan-dinsos" / "renstra-2025-2029"


def test_capaian_computed_per_year_with_group_rows(tables):
    t = tables["layanan"]
    assert (t.number, t.title) == (
        "2.1",
        "Capaian Standar Layanan Rehabilitasi Sosial Provinsi Tahun 2023-2024",
    )
    assert rows(t.head) == [
        ["No.", "Jenis Layanan", "Indikator Layanan", "2023", "2024"],
        ["Target (%)", "Realisasi (%)", "Capaian (%)"] * 2,
        [f"({n})" for n in range(1, 10)],
    ]
    assert [(c.colspan, c.rowspan) for c in t.head[0]] == [(1, 2), (1, 2), (1, 2), (3, 1), (3, 1)]
    body = rows(t.body)
    assert body[0] == ["A. Rehabilitasi sosial dasar di dalam panti"] and t.body[0][0].colspan == 9
    assert [r[3:] for r in body if len(r) > 1] == [
        ["100", "96,5", "96,50", "100", "98", "98,00"],
        ["100", "100", "100,00", "100", "97,25", "97,25"],
        [
            "N.a",
            "88",
            "-",
            "100",
            "91,125",
            "91,13",
        ],  # no target in 2023: no capaian; 91,125 rounds half up
        ["100", "75", "75,00", "100", "80", "80,00"],
        ["100", "100", "100,00", "100", "100", "100,00"],
    ]
    assert [r[0] for r in body if len(r) > 1] == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]  # group rows are not numbered


def test_breakdown_total_row_sums_and_recomputes_its_formula(tables):
    t = tables["layanan-rincian"]
    assert rows(t.body)[3] == [
        "4",
        "Keluarga korban bencana (di luar hitungan)",
        "N.a",
        "N.a",
        "-",
        "1.500 KK / 4.500 jiwa",
    ]
    assert [r[4] for r in rows(t.body)] == ["21", "43", "18", "-"]
    assert rows(t.foot) == [["Jumlah", "44", "38", "82", ""]]
    assert t.foot[0][0].colspan == 2


def test_runs_of_equal_cells_merge_checks_mark_years_and_a_sum_keeps_its_decimals(tables):
    g = tables["gudang-logistik"]
    assert rows(g.body) == [
        ["Utara", "Kecamatan A", "12,5", "✓", "", ""],
        ["Kecamatan B", "8", "", "✓", ""],
        ["Selatan", "Kecamatan C", "10", "", "✓", "✓"],
    ]
    assert [c.rowspan for c in g.body[0]][:1] == [2]
    assert rows(g.foot) == [["Jumlah", "30,5", "", "", ""]] and g.foot[0][0].colspan == 2
    p = tables["sasaran-provinsi"]
    assert [[(text(c), c.rowspan) for c in r if c.rowspan > 1] for r in p.body] == [
        [("Meningkatnya kualitas rehabilitasi sosial", 2)],
        [],
        [],
    ]
    assert rows(p.body)[2] == [
        "3",
        "Meningkatnya perlindungan sosial",
        "Indeks ketahanan sosial korban bencana",
        "indeks",
        "N.a",
        "3,25",
    ]


def list_text(c) -> list[str]:
    return ["".join(i.text for p in item for i in p.inlines) for b in c.blocks for item in b.items]


def test_first_class_permasalahan_strategi_per_year_and_kondisi_awal(tables):
    p = tables["pokok-masalah"]
    assert p.number == "3.1"
    assert [(text(r[0]), r[0].rowspan, text(r[1])) for r in (p.body[0], p.body[2])] == [
        ("1", 2, "Belum semua PPKS terlayani rehabilitasi sosial dasar"),
        ("2", 1, "Respon bantuan bencana masih lambat"),
    ]
    assert text(p.body[1][0]) == "Data PPKS belum mutakhir"
    assert list_text(p.body[0][3]) == [
        "Panti milik daerah hanya satu, dengan 60 tempat tidur",
        "Kerja sama dengan LKS swasta belum berjalan",
    ]
    s = tables["strategi-tahun"]
    assert rows(s.head)[1] == ["2025", "2026", "2027", "2028", "2029"]
    assert [[text(c) for c in r[-5:]] for r in s.body] == [
        ["✓", "✓", "✓", "", ""],
        ["✓"] * 5,
        ["✓", "✓", "✓", "", ""],
    ]
    assert (
        s.body[0][0].rowspan == 2
        and text(s.body[2][0]) == "Meningkatnya perlindungan sosial korban bencana"
    )
    t = tables["tc25"]
    assert rows(t.head)[0][4:6] == ["Satuan", "Kondisi Awal (2024)"]
    assert [[text(c) for c in r[-7:]] for r in t.body] == [
        ["persen", "60", "62", "64", "66", "68", "70"],
        ["predikat", "B", "BB", "BB", "BB", "A", "A"],  # printed as written (model/nilai.py)
        ["persen", "80", "82", "85", "88", "91", "94"],
        ["persen", "100", "100", "100", "100", "100", "100"],
        ["indeks", "N.a", "3,1", "3,2", "3,3", "3,4", "3,5"],
    ]


def test_placed_in_their_sections_numbered_with_the_rest():
    d = document_for(load_document(REKAAN / "renstra-2025-2029"), charts=False)
    sections = {b.id: b for b in walk(d.body) if isinstance(b, Section)}
    kinds = [type(x).__name__ for x in sections["kinerja-pelayanan"].children]
    assert kinds[:2] == ["Landscape", "Paragraph"]  # letak: awal, before the narrative
    strategi = sections["strategi"].children
    assert strategi[-1].id == "gudang-logistik"  # letak: akhir, after the generated tables
    numbers = [(b.number, b.id) for b in walk(d.body) if isinstance(b, Table)]
    assert numbers[:7] == [
        ("2.1", "layanan"),
        ("2.2", "layanan-rincian"),
        ("2.3", "spm"),  # the first-class SPM (spm.yaml) and its breakdowns after them
        ("2.4", "spm-disabilitas"),
        ("2.5", "spm-bencana"),
        ("3.1", "pokok-masalah"),
        ("3.2", "sasaran-provinsi"),
    ]


def test_the_example_checks_clean():
    assert [
        f for f in check(REKAAN / "renstra-2025-2029") if f.problem.code.startswith("tabel")
    ] == []


def test_check_compares_printed_formula_values_and_totals(rekaan):
    path = rekaan / "tabel.yaml"
    text_ = path.read_text(encoding="utf-8")
    text_ = text_.replace("capaian24: 91.13", "capaian24: 91.12").replace(
        "perempuan: 38, orang: 82", "perempuan: 37, orang: 82"
    )
    path.write_text(text_, encoding="utf-8")
    lines = text_.split("\n")
    found = [str(f) for f in check(rekaan) if f.problem.code.startswith("tabel")]
    n_rumus = next(n for n, line in enumerate(lines, 1) if "capaian24: 91.12" in line)
    n_total = next(n for n, line in enumerate(lines, 1) if "tercetak:" in line)
    assert found == [
        f"E {path}:{n_rumus}: tabel[2].baris[3].capaian24: layanan: capaian24 printed 91,12, its formula gives 91,13; "
        "write 91,13, or correct the values it is computed from [tabel.rumus]",
        f"E {path}:{n_total}: tabel[3].jumlah.tercetak.perempuan: layanan-rincian: the total of perempuan printed 37, "
        "the rows add up to 38; correct the total or the rows [tabel.jumlah]",
    ]


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "bagian: strategi\n",
            "bagian: strategy\n",
            'no section "strategy" in the outline; did you mean "strategi"?',
        ),
        (
            'rumus: "laki + perempuan"',
            'rumus: "laki + perempuan + anak"',
            'the formula names "anak", which is no column of the table',
        ),
        ('rumus: "laki + perempuan"', 'rumus: "laki ** 2"', "uses an operator other than + - * /"),
        (
            'rumus: "laki + perempuan"',
            'rumus: "orang + laki"',
            "the formulas use each other in a circle",
        ),
        (
            "ppks: Anak terlantar, laki: 25",
            "ppks: Anak terlantar, lakilaki: 25",
            '"lakilaki" is no column of the table; did you mean "laki"?',
        ),
        (
            "kolom: [laki, perempuan]",
            "kolom: [laki, keterangan]",
            '"keterangan" is no number column of the table',
        ),
    ],
)
def test_bad_declarations_are_input_errors_at_their_line(rekaan, old, new, message):
    path = rekaan / "tabel.yaml"
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(LaporgenError) as exc:
        document_for(load_document(rekaan), charts=False)
    shown = "\n".join(str(p) for p in exc.value.problems)
    assert message in shown and f"{path}:" in shown


def test_in_every_output_and_the_excel_export(tmp_path):
    built = build(REKAAN / "renstra-2025-2029", tmp_path, ("docx", "html"))
    docx = next(p for p in built.outputs if p.suffix == ".docx")
    assert (  # without `keterangan`, the agency line the built tables carry
        "Tabel 2.2 Rincian Penerima Rehabilitasi Sosial Dasar di Dalam Panti Tahun 2024\n"
        "Dinas Sosial Kabupaten Rekaan" in docx_captions(docx)
    )
    rincian = next(t for t in docx_tables(docx) if t and t[0][:2] == ["No.", "Jenis PPKS"])
    assert rincian[-1] == ["Jumlah", "44", "38", "82", ""]
    html = next(p for p in built.outputs if p.suffix == ".html").read_text(encoding="utf-8")
    assert "1.500 KK / 4.500 jiwa" in html and 'id="tabel-layanan"' in html
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(built.document)))
    sheet = next(
        ws
        for ws in book.worksheets
        if any("Tabel 2.2 " in str(c.value) for c in ws["A"] if c.value)
    )
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Jumlah", None, 44, 38, 82, None] in values


def _tabel(yaml_text: str):
    from laporgen.compute.tabel import hitung_tabel
    from laporgen.model.tabel import Tabel
    import yaml

    data = yaml.load(yaml_text, Loader=yaml.SafeLoader)
    return hitung_tabel(Tabel.model_validate(data))


JALAN = """
id: jalan-status
judul: Panjang Jalan Menurut Status Kewenangan
bagian: kinerja-pelayanan
kolom:
  - {id: status, judul: Status Jalan}
  - {id: panjang, judul: Panjang (km), format: angka, desimal: 2}
  - {id: mantap, judul: Kondisi Mantap (km), format: angka, desimal: 2}
  - {id: persen, judul: Kemantapan (%), format: persen, rumus: "mantap / panjang * 100"}
baris:
  - {status: Jalan Kabupaten, panjang: 714.34, mantap: 501.77}
  - {status: Jalan Desa, panjang: 1250.60, mantap: MANTAP}
jumlah: {kolom: [panjang, mantap]}
"""


def test_a_total_formula_over_totals_of_different_rows_is_no_number():
    """A PUPR's kemantapan: Jalan Desa's mantap is N.a, so the mantap total counts one road
    and the panjang total two; mantap / panjang on the total row would print 25,54 % (501,77 /
    1.964,94) for a figure that exists nowhere. With every row counted the formula is computed."""
    from decimal import Decimal

    na = _tabel(JALAN.replace("MANTAP", '"N.a"')).jumlah
    assert na == {"panjang": Decimal("1964.94"), "mantap": Decimal("501.77"), "persen": None}
    full = _tabel(JALAN.replace("MANTAP", "1000.00")).jumlah
    assert full is not None and full["persen"] is not None
    assert round(full["persen"], 2) == Decimal("76.43")  # 1.501,77 / 1.964,94


def test_the_source_line_reads_as_the_generated_tables(tables):
    """`sumber:` prints "Sumber : …" as every generated table's source line does."""
    assert tables["sasaran-provinsi"].source == (
        "Sumber : Renstra Dinas Sosial Provinsi 2025-2029 (rekaan)"
    )
