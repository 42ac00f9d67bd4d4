"""The Renstra's IKU table in its target form (`[iku] bentuk = "target"`): No, Indikator Kinerja
Utama, Satuan, Kondisi Awal, a target per plan year, Kondisi Akhir, with the Definisi Operasional,
Formulasi and Sumber Data columns `kolom` asks for, grouped by level; an IKU marked but printed
in no table is a `check` warning; the scaffold places the table. The invented example
`content/rekaan-dinsos` prints it (its figures are made up, so the expected cells are written out
here from its rencana.yaml: kondisi akhir is the last year's target, as T-C.28 computes it)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import lxml.html
import openpyxl
import pytest
from docx_reading import docx_tables, table_captions

from laporgen.build import build, check, document_for
from laporgen.commands.scaffold import new_document
from laporgen.document.nodes import Table
from laporgen.document.numbering import walk
from laporgen.errors import LaporgenError
from laporgen.jenis import load_document
from laporgen.render.xlsx import render_xlsx

ROOT = Path(__file__).resolve().parents[2]
REKAAN = ROOT / "content" / "rekaan-dinsos" / "renstra-2025-2029"
MAGETAN = ROOT / "content" / "magetan-dinsos"

HEAD = [
    [
        "No.",
        "Indikator Kinerja Utama",
        "Definisi Operasional",
        "Satuan",
        "Kondisi Awal",
        "Target Kinerja",
        "Kondisi Akhir",
        "Sumber Data",
    ],
    ["2024", "2025", "2026", "2027", "2028", "2029", "2029"],
]

BODY = [
    ["A. Indikator Kinerja Tujuan"],
    [
        "1",
        "Persentase PPKS yang meningkat kesejahteraannya",
        "PPKS yang keluar dari daftar penerima bantuan karena mampu memenuhi kebutuhan dasarnya",
        "persen",
        *("60", "62", "64", "66", "68", "70", "70"),
        "Bidang Perlindungan dan Jaminan Sosial",
    ],
    [
        "2",
        "Predikat SAKIP Dinas Sosial",
        "-",
        "predikat",
        *("B", "BB", "BB", "BB", "A", "A", "A"),
        "-",
    ],
    ["B. Indikator Kinerja Sasaran"],
    [
        "1",
        "Persentase PPKS yang terlayani rehabilitasi sosial dasar",
        "-",
        "persen",
        *("80", "82", "85", "88", "91", "94", "94"),
        "-",
    ],
    [
        "2",
        "Persentase korban bencana yang terpenuhi kebutuhan dasarnya",
        "-",
        "persen",
        *("100", "100", "100", "100", "100", "100", "100"),
        "-",
    ],
    [
        "3",
        "Indeks kepuasan korban bencana atas layanan logistik",
        "-",
        "indeks",
        *("N.a", "3,1", "3,2", "3,3", "3,4", "3,5", "3,5"),
        "-",
    ],
]
"""The rekaan IKU table's body: each level numbered from 1 under its group row; the predikat and
"N.a" as written, kondisi akhir the 2029 target."""


def text(c) -> str:
    return "".join(getattr(i, "text", "\n") for b in c.blocks for i in b.inlines)


def rows(rs) -> list[list[str]]:
    return [[text(c) for c in r] for r in rs]


def iku_of(folder: Path) -> Table:
    tree = document_for(load_document(folder), charts=False)
    return next(b for b in walk(tree.body) if isinstance(b, Table) and b.id == "iku")


@pytest.fixture
def rekaan(tmp_path: Path) -> Path:
    shutil.copytree(REKAAN.parent, tmp_path / "rekaan-dinsos")
    return tmp_path / "rekaan-dinsos" / "renstra-2025-2029"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# ------------------------------------------------------------------------------- the table
def test_rekaan_prints_the_iku_with_their_targets_in_bab_vii():
    t = iku_of(REKAAN)
    assert (t.number, t.title, t.caption_lines) == (
        "7.1",
        "Indikator Kinerja Utama",
        ("Dinas Sosial Kabupaten Rekaan", "Tahun 2025-2029"),
    )
    assert rows(t.head) == HEAD
    assert [(c.rowspan, c.colspan) for c in t.head[0]] == [
        (2, 1),
        (2, 1),
        (2, 1),
        (2, 1),
        (1, 1),
        (1, 5),
        (1, 1),
        (2, 1),
    ]
    assert rows(t.body) == BODY
    assert t.body[0][0].colspan == 12 and t.body[0][0].blocks[0].inlines[0].strong


def test_kondisi_akhir_follows_each_indicators_rule(rekaan):
    """`akhir: sum` adds the targets, `max` takes the largest, a value is printed as given: the
    rule T-C.28 and T-C.27 compute the kondisi akhir by."""
    plan = rekaan / "rencana.yaml"
    edit(plan, "target: {2025: 62, 2026: 64,", "akhir: max\n        target: {2025: 62, 2026: 64,")
    edit(
        plan, "target: {2025: 82, 2026: 85,", "akhir: sum\n            target: {2025: 82, 2026: 85,"
    )
    edit(plan, "target: {2025: 3.1,", "akhir: 3.75\n            target: {2025: 3.1,")
    edit(plan, "2028: 68, 2029: 70}", "2028: 71, 2029: 70}")
    akhir = {r[1]: r[-2] for r in rows(iku_of(rekaan).body) if len(r) > 1}
    assert akhir == {
        "Persentase PPKS yang meningkat kesejahteraannya": "71",
        "Predikat SAKIP Dinas Sosial": "A",
        "Persentase PPKS yang terlayani rehabilitasi sosial dasar": "440",
        "Persentase korban bencana yang terpenuhi kebutuhan dasarnya": "100",
        "Indeks kepuasan korban bencana atas layanan logistik": "3,75",
    }


def test_without_groups_one_numbering_and_the_chosen_columns(rekaan):
    path = rekaan / "document.toml"
    edit(path, "kelompok = true", "kelompok = false")
    edit(path, 'kolom = ["definisi", "sumber_data"]', 'kolom = ["formula"]')
    edit(
        rekaan / "rencana.yaml",
        "        sumber_data: Bidang Perlindungan dan Jaminan Sosial\n",
        "        sumber_data: Bidang Perlindungan dan Jaminan Sosial\n"
        "        formula: {pembilang: PPKS keluar dari DTKS, penyebut: PPKS di DTKS, kali: 100}\n",
    )
    t = iku_of(rekaan)
    assert rows(t.head)[0] == [
        "No.",
        "Indikator Kinerja Utama",
        "Formulasi/ Rumus Perhitungan",
        "Satuan",
        "Kondisi Awal",
        "Target Kinerja",
        "Kondisi Akhir",
    ]
    body = rows(t.body)
    assert [r[0] for r in body] == ["1", "2", "3", "4", "5"]
    assert body[0][1:4] == [
        "Persentase PPKS yang meningkat kesejahteraannya",
        "PPKS keluar dari DTKS\n÷\nPPKS di DTKS x 100",
        "persen",
    ]
    assert body[4][2:] == ["-", "indeks", "N.a", "3,1", "3,2", "3,3", "3,4", "3,5", "3,5"]


def test_the_definisi_form_stays_the_default(rekaan):
    path = rekaan / "document.toml"
    edit(path, 'bentuk = "target"\nkolom = ["definisi", "sumber_data"]\n', "")
    assert rows(iku_of(rekaan).head)[1] == [
        "Definisi Operasional",
        "Formulasi/ Rumus Perhitungan",
        "Sumber Data",
    ]


def test_columns_for_the_definisi_form_are_an_error_at_their_line(rekaan):
    path = rekaan / "document.toml"
    edit(path, 'bentuk = "target"\n', "")
    with pytest.raises(LaporgenError) as exc:
        load_document(rekaan)
    (problem,) = exc.value.problems
    line = path.read_text().split("\n").index("[iku]") + 1
    assert (problem.file, problem.line, problem.field) == (str(path), line, "iku")
    assert problem.message == (
        "`kolom` adds columns to the target form of the IKU table; the definisi form prints its "
        'own; add bentuk = "target" or remove kolom'
    )


# ----------------------------------------------------------------------------------- outputs
def test_docx_html_and_excel_print_the_same_cells(tmp_path):
    built = build(REKAAN, tmp_path, ("docx", "html"))
    docx = next(p for p in built.outputs if p.suffix == ".docx")
    found = dict(zip(table_captions(docx), docx_tables(docx)))
    iku = found["Tabel 7.1 Indikator Kinerja Utama\nDinas Sosial Kabupaten Rekaan\nTahun 2025-2029"]
    assert iku[2:] == BODY
    html = next(p for p in built.outputs if p.suffix == ".html")
    page = lxml.html.document_fromstring(html.read_text(encoding="utf-8"))
    (table,) = [
        t for t in page.iter("table") if "Indikator Kinerja Utama" in t.text_content()[:200]
    ]
    cells = [
        [" ".join(td.text_content().split()) for td in tr.iter("td")] for tr in table.iter("tr")
    ]
    assert [r for r in cells if r] == [[" ".join(c.split()) for c in r] for r in BODY]
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(built.document)))
    sheet = next(
        ws
        for ws in book.worksheets
        if any("Tabel 7.1 " in str(c.value) for c in ws["A"] if c.value)
    )
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    # figures as numbers, text as written, "-" (nothing) as an empty cell
    assert values[-3:] == [
        ["1", "Persentase PPKS yang terlayani rehabilitasi sosial dasar", None, "persen"]
        + [80, 82, 85, 88, 91, 94, 94, None],
        ["2", "Persentase korban bencana yang terpenuhi kebutuhan dasarnya", None, "persen"]
        + [100] * 7
        + [None],
        ["3", "Indeks kepuasan korban bencana atas layanan logistik", None, "indeks"]
        + ["N.a", 3.1, 3.2, 3.3, 3.4, 3.5, 3.5, None],
    ]


# ------------------------------------------------------------------------------------- check
def test_iku_marked_but_placed_in_no_table_is_a_warning_naming_document_toml(tmp_path):
    shutil.copytree(MAGETAN, tmp_path / "magetan-dinsos")
    folder = tmp_path / "magetan-dinsos" / "renstra-2024-2026"
    plan = folder / "rencana.yaml"
    line = plan.read_text().split("\n").index("            iku: true") + 1
    (found,) = [str(f) for f in check(folder) if f.problem.code.startswith("iku")]
    assert found == (
        f"W {plan}:{line}: tujuan[0].sasaran[0].indikator[0].iku: IS1.1, IS2.1, IS3.1, IS4.1, "
        "IS5.1, IS5.2 marked iku: true, but the Renstra prints no IKU table: document.toml has no "
        '[iku] bagian; add [iku] with bagian = "<section id>" to document.toml, e.g. '
        '"kinerja-urusan" (`laporgen outline` lists the ids; bentuk = "target" prints the '
        "targets); an LKjIP reading this plan prints its IKU either way [iku.bagian]"
    )
    with (folder / "document.toml").open("a") as f:
        f.write('\n[iku]\nbagian = "kinerja-urusan"\n')
    assert [f for f in check(folder) if f.problem.code.startswith("iku")] == []


def test_check_notes_the_cells_the_target_form_prints_empty(rekaan):
    plan = rekaan / "rencana.yaml"
    edit(plan, "        kondisi_awal: 60\n", "")
    edit(plan, "2028: 91, 2029: 94}", "2029: 94}")
    edit(plan, "target: {2025: BB,", "akhir: max\n        target: {2025: BB,")
    edit(
        plan, "target: {2025: 82, 2026: 85,", "akhir: sum\n            target: {2025: 82, 2026: 85,"
    )
    lines = plan.read_text().split("\n")

    def line(needle: str) -> int:
        return next(n for n, t in enumerate(lines, 1) if needle in t)

    found = [str(f) for f in check(rekaan) if f.problem.code.startswith(("iku", "akhir"))]
    assert found == [
        f"I {plan}:{line('id: IT1')}: tujuan[0].indikator[0].kondisi_awal: IKU IT1: the IKU table "
        'prints - for kondisi_awal; write the value, or "N.a" where there is none [iku.nilai]',
        f"W {plan}:{line('akhir: max')}: tujuan[0].indikator[1].akhir: IKU IT2: the kondisi "
        "akhir by 'max' cannot be computed from targets that hold text; the IKU table prints -; "
        "write the kondisi akhir as a value: akhir: <number> [iku.akhir]",
        f"W {plan}:{line('akhir: sum')}: tujuan[0].sasaran[0].indikator[0].akhir: IS1.1 "
        "'Persentase PPKS yang terlayani rehabilitasi sosial dasar': a percentage is summed for "
        "the kondisi akhir [akhir.persen]",
        f"I {plan}:{line('2027: 88, 2029: 94')}: tujuan[0].sasaran[0].indikator[0].target.2028: "
        'IKU IS1.1: the IKU table prints - for target.2028; write the value, or "N.a" where there '
        "is none [iku.nilai]",
    ]


def test_an_iku_table_with_nothing_marked_is_noted(rekaan):
    edit(rekaan / "rencana.yaml", "iku: true", "iku: false")
    assert rows(iku_of(rekaan).body) == [["NIHIL"]]
    (found,) = [f for f in check(rekaan) if f.problem.code.startswith("iku")]
    assert (found.severity, found.problem.code) == ("W", "iku.kosong")


# ---------------------------------------------------------------------------------- scaffold
def test_the_renstra_scaffold_places_its_iku_table_and_shows_the_settings(tmp_path):
    folder = tmp_path / "content" / "dinas-contoh" / "renstra-2025-2029"
    files = new_document(folder, "renstra", 2025, tmp_path / "schemas")
    document = files[folder / "document.toml"]
    assert '[iku]\nbagian = "kinerja-urusan"' in document
    assert "# kolom = [" in document and "# kelompok = true" in document
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    t = iku_of(folder)
    assert rows(t.body) == [
        ["1", "[ISI] Persentase ...", "persen", *["100"] * 7],
    ]
    # every setting it shows commented is a valid one
    path = folder / "document.toml"
    path.write_text(
        document.replace("# kolom = [", "kolom = [").replace("# kelompok", "kelompok"),
        encoding="utf-8",
    )
    assert rows(iku_of(folder).head)[0][2:4] == [
        "Definisi Operasional",
        "Formulasi/ Rumus Perhitungan",
    ]
    assert not [f for f in check(folder) if f.problem.code.startswith("iku")]
