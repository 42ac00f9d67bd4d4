"""The Renstra's standard forms laid out as Permendagri 86/2017 and the signed documents lay them
out (issue 13 item 5), read back from the DOCX: caption numbers, the header rows of T-C.25, T-C.26
and T-C.27, Kode cells, the weight and indent of program, kegiatan and sub-kegiatan rows, and the
order of BAB V's tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml

from docx_reading import docx_tables, open_docx, table_captions
from laporgen.build import build, document_for
from laporgen.document.nodes import Table, grid_positions
from laporgen.document.numbering import walk
from laporgen.document.table_layout import cell_text
from laporgen.model.folder import load_renstra
from synthetic import write_renstra

CONTENT = Path(__file__).resolve().parents[1] / "content"
BLITAR = CONTENT / "blitar-dinsos" / "renstra-2021-2026"
MAGETAN = CONTENT / "magetan-dinsos" / "renstra-2018-2023"

# Magetan (seed 000) numbers the standard forms by their code, "Tabel T-C.23"; Blitar (seed 003)
# numbers every table by BAB ("Tabel 2.6" is its T-C.23): `penomoran_tabel`.
CAPTIONS = {
    "magetan": [
        "Tabel 2.1 Jumlah Pegawai Berdasarkan Golongan/Ruang",
        "Tabel 2.2 Jumlah Pegawai Berdasarkan Jabatan",
        "Tabel 2.3 Jumlah Pegawai Berdasarkan Tingkat Pendidikan",
        "Tabel 2.4 Daftar Sarana dan Prasarana",
        "Tabel T-C.23 Pencapaian Kinerja Pelayanan",
        "Tabel T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan",
        "Tabel T-C.25 Tujuan dan Sasaran Jangka Menengah Pelayanan",
        "Tabel T-C.26 Tujuan, Sasaran, Strategi dan Kebijakan",
        "Tabel T-C.27 Indikasi Rencana Program Prioritas yang Disertai Kebutuhan Pendanaan Kabupaten Magetan Tahun 2019-2023",
        "Tabel T-C.28 Indikator Kinerja Perangkat Daerah yang Mengacu pada Tujuan dan Sasaran RPJMD",
    ],
    "blitar": [
        "Tabel 2.1 Jumlah Pegawai Berdasarkan Golongan/Ruang",
        "Tabel 2.2 Jumlah Pegawai Berdasarkan Jabatan",
        "Tabel 2.3 Jumlah Pegawai Berdasarkan Status dan Jenis Kelamin",
        "Tabel 2.4 Daftar Sarana dan Prasarana",
        "Tabel 2.5 Pencapaian Kinerja Pelayanan (T-C.23)",
        "Tabel 2.6 Perbandingan Realisasi Kinerja sampai dengan Akhir Periode Renstra",
        "Tabel 2.7 Rincian Jenis PMKS yang Dibantu Tahun 2016-2021",
        "Tabel 2.8 Rincian Jenis PMKS yang Ditangani Tahun 2016-2021",
        "Tabel 2.9 Anggaran dan Realisasi Pendanaan Pelayanan (T-C.24)",
        "Tabel 3.1 Permasalahan Pelayanan Berdasarkan Sasaran Renstra Provinsi serta Faktor Penghambat dan Pendorong",
        "Tabel 4.1 Tujuan dan Sasaran Jangka Menengah Pelayanan (T-C.25)",
        # BAB V in the seed's order: 5.1 Strategi (SWOT), 5.2 Kebijakan (BSC), then T-C.26.
        "Tabel 5.1 Analisis SWOT",
        "Tabel 5.2 Kebijakan menurut Perspektif Balanced Scorecard",
        "Tabel 5.3 Tujuan, Sasaran, Strategi dan Kebijakan (T-C.26)",
        "Tabel 6.1 Matriks Program dan Kegiatan Tahun 2021 (T-C.27)",
        "Tabel 6.2 Matriks Program dan Kegiatan Tahun 2022-2026 (T-C.27)",
        "Tabel 7.1 Indikator Kinerja Perangkat Daerah yang Mengacu pada Tujuan dan Sasaran RPJMD (T-C.28)",
    ],
}
TC27_HEAD = [
    "Program dan Kegiatan",
    "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
]
TARGET = "Target Kinerja Program dan Kerangka Pendanaan"
AKHIR = "Kondisi Kinerja pada Akhir Periode Renstra Perangkat Daerah"
UNIT = "Unit Kerja Perangkat Daerah Penanggung Jawab"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("forms")
    return {
        name: build(folder, out).outputs[0]
        for name, folder in (("blitar", BLITAR), ("magetan", MAGETAN))
    }


def _lanjutan(caption: str) -> bool:
    return caption.split("\n")[0].endswith("(lanjutan)")


def table(path: Path, start: str, head: int = 3) -> list[list[str]]:
    """The form under the caption starting with `start`, its parts joined again. A form too wide
    for A4 landscape at 8 pt is printed in parts by year span, each repeating the key columns,
    the later ones captioned "(lanjutan)" (document/table_layout.py): a later part's first head
    row adds its new group heads, its other `head` rows and its body rows their cells after the
    key columns (the cells every row of both parts begins with alike)."""
    found = list(zip(table_captions(path), docx_tables(path)))
    (n,) = [
        n
        for n, (c, _) in enumerate(found)
        if c.split("\n")[0].startswith(start) and not _lanjutan(c)
    ]
    rows = [list(row) for row in found[n][1]]
    for caption, part in found[n + 1 :]:
        if not _lanjutan(caption):
            break
        pairs = [(a, b) for a, b in zip(rows[head:], part[head:]) if len(a) > 1 and len(b) > 1]
        key = min(
            next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            for a, b in pairs
        )
        rows[0] += [c for c in part[0][key:] if c not in rows[0]]
        for row, more in zip(rows[1:head], part[1:head]):
            row += more
        for row, more in zip(rows[head:], part[head:]):
            if len(row) > 1:
                row += more[key:]
    return rows


def docx_table(path: Path, start: str):
    """The python-docx table under the caption starting with `start` (the first part of a
    form printed in parts: the key columns are in every part)."""
    (index,) = [
        n
        for n, c in enumerate(table_captions(path))
        if c.split("\n")[0].startswith(start) and not _lanjutan(c)
    ]
    return open_docx(path).tables[index]


@pytest.mark.parametrize("name", ["magetan", "blitar"])
def test_captions_are_the_complete_list_numbered_as_the_signed_document(built, name):
    """The later parts of a form printed in parts by year span are "(lanjutan)" of it."""
    captions = [c.split("\n")[0] for c in table_captions(built[name])]  # Blitar's bagan is a Gambar
    assert [c for c in captions if not _lanjutan(c)] == CAPTIONS[name]
    for n, caption in enumerate(captions):
        if _lanjutan(caption):
            assert caption.removesuffix(" (lanjutan)") == captions[n - 1].removesuffix(
                " (lanjutan)"
            )


@pytest.mark.parametrize("name", ["magetan", "blitar"])
def test_daftar_tabel_lists_the_same_numbers(built, name):
    text = "\n".join(
        p.text for p in open_docx(built[name]).paragraphs if p.style.name == "table of figures"
    )
    for caption in CAPTIONS[name]:
        assert caption in text


def test_magetan_tc25_has_the_form_columns_and_units_in_the_cells(built):
    rows = table(built["magetan"], "Tabel T-C.25")
    assert rows[:3] == [
        [
            "No.",
            "Tujuan",
            "Sasaran",
            "Indikator Tujuan/Sasaran",
            "Target Kinerja Tujuan/Sasaran pada Tahun ke-",
        ],
        ["2019", "2020", "2021", "2022", "2023"],
        [f"({n})" for n in range(1, 10)],
    ]
    assert rows[3] == [
        "1",
        "Meningkatnya kesejahteraan ekonomi masyarakat",
        "",
        "Angka Kemiskinan",
        "10,11%",
        "9,91%",
        "9,71%",
        "9,54%",
        "8,5%",
    ]
    assert rows[4][-5:] == ["0,26%", "0,25%", "0,17%", "0,17%", "0,17%"]  # seed 000 line 3262


def test_blitar_tc25_has_the_form_columns_and_its_formula_column(built):
    rows = table(built["blitar"], "Tabel 4.1")
    assert rows[:3] == [
        [
            "No.",
            "Tujuan",
            "Sasaran",
            "Indikator Tujuan/Sasaran",
            "Formulasi Perhitungan",
            "Target Kinerja Tujuan/Sasaran pada Tahun ke-",
        ],
        ["2022", "2023", "2024", "2025", "2026"],
        [f"({n})" for n in range(1, 11)],
    ]
    assert rows[3][-5:] == ["0,5%"] * 5  # Persentase penurunan angka PMKS


def test_tc26_keeps_magetans_urusan_column(built):
    rows = table(built["magetan"], "Tabel T-C.26")
    assert rows[0] == ["Tujuan", "Sasaran", "Strategi", "Arah Kebijakan", "Urusan Pemerintahan"]
    assert rows[1][0].startswith("VISI : ") and rows[2][0].startswith("MISI 1 : ")
    assert rows[3][0] == "Meningkatnya kesejahteraan ekonomi masyarakat"
    assert rows[3][-1] == "Urusan Sosial"
    assert len(rows) == 4  # the second sasaran has no strategi and is not printed (as in the seed)


def test_blitar_tc26_has_the_form_columns(built):
    rows = table(built["blitar"], "Tabel 5.3")
    assert rows[0] == ["Tujuan", "Sasaran", "Strategi", "Arah Kebijakan"]


def test_magetan_tc27_is_one_table_as_the_signed_document(built):
    rows = table(built["magetan"], "Tabel T-C.27")
    assert rows[:3] == [
        [*TC27_HEAD, TARGET, UNIT],
        ["2019", "2020", "2021", "2022", "2023"],
        ["Target", "Rp"] * 5,
    ]
    groups = [r[0] for r in rows if len(r) == 1]
    assert groups == ["Program lama", "Program baru"] * 5  # seed 000 lines 3497 … 5970
    first = rows[4]
    assert first == [
        "Program Peningkatan Sarana dan Prasarana Aparatur",
        "Persentase sarana dan prasarana aparatur yang layak fungsi",
        "100%",
        "821.500.000",
        "100%",
        "584.750.000",
        # the years after the old program ended: the signed document leaves them blank;
        # laporgen prints "-" as every figure that is not there (a program a Perubahan adds
        # has none before it either)
        *["-"] * 6,
        "Dinas Sosial",
    ]
    added = next(r for r in rows if r[0].startswith("Program penunjang"))
    assert added[2:6] == ["-"] * 4  # the new programs' 2019 and 2020, before they existed


def test_blitar_2022_2026_matrix_has_the_form_columns_with_kode(built):
    rows = table(built["blitar"], "Tabel 6.2")
    assert rows[:3] == [
        [
            "Kode",
            *TC27_HEAD,
            "Data Capaian pada Tahun Awal Perencanaan (2021)",
            TARGET,
            AKHIR,
            UNIT,
            "Lokasi",
        ],
        ["2022", "2023", "2024", "2025", "2026"],
        ["Target", "Rp"] * 6,
    ]
    kode = {r[1]: r[0] for r in rows[3:] if len(r) > 2}
    assert kode["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"] == "1.06.01"
    assert (
        kode["Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"] == "1.06.01.2.01"
    )
    assert kode["Penyusunan Dokumen Perencanaan Perangkat Daerah"] == "1.06.01.2.01.01"
    assert kode["PROGRAM REHABILITASI SOSIAL"] == "1.06.04"
    assert kode["PROGRAM PENANGANAN BENCANA"] == "1.06.06"
    assert rows[3][-2:] == ["Dinas Sosial", "Kab. Blitar"]


def test_blitar_2021_matrix_has_its_no_column_back(built):
    """Seed 003 line 980: No | Tujuan | Sasaran | Program … | Indikator | Target | Anggaran; "1"
    on the first program row of tujuan 1, the tujuan and sasaran named on each program row."""
    rows = table(built["blitar"], "Tabel 6.1")
    assert rows[:3] == [["No", "Tujuan", "Sasaran", *TC27_HEAD, TARGET], ["2021"], ["Target", "Rp"]]
    assert rows[3][:5] == [
        "1",
        "Menurunnya angka PMKS",
        "",
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        "Persentase Pemenuhan Layanan Kesekretariatan",
    ]
    (pemberdayaan,) = [r for r in rows if len(r) > 3 and r[3] == "PROGRAM PEMBERDAYAAN SOSIAL"]
    assert pemberdayaan[:3] == [
        "",
        "Menurunnya angka PMKS",
        "Meningkatnya Pemberdayaan Sosial di Masyarakat",
    ]


def _name_cell(path: Path, caption: str, column: int, name: str):
    for row in docx_table(path, caption).rows:
        cell = row.cells[column]
        if cell.text == name:
            return cell.paragraphs[0]
    raise AssertionError(name)


@pytest.mark.parametrize(
    "name, caption, column",
    [("blitar", "Tabel 6.2", 1), ("blitar", "Tabel 6.1", 3), ("magetan", "Tabel T-C.27", 0)],
)
def test_program_kegiatan_and_sub_kegiatan_rows_differ_by_weight_and_indent(
    built, name, caption, column
):
    rows = {
        "blitar": (
            "PROGRAM PEMBERDAYAAN SOSIAL",
            "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota",
            "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat Kewenangan Kabupaten/Kota",
        ),
        "magetan": (
            "Program pemberdayaan sosial",
            "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota",
            "Peningkatan Kemampuan Potensi Tenaga Kesejahteraan Sosial Kecamatan Kewenangan Kabupaten/Kota",
        ),
    }[name]
    program, kegiatan, sub = (_name_cell(built[name], caption, column, text) for text in rows)
    assert all(r.bold for r in program.runs) and program.paragraph_format.left_indent in (None, 0)
    assert (
        not any(r.bold for r in kegiatan.runs)
        and round(kegiatan.paragraph_format.left_indent.cm, 2) == 0.3
    )
    assert (
        not any(r.bold for r in sub.runs) and round(sub.paragraph_format.left_indent.cm, 2) == 0.6
    )


@pytest.mark.parametrize(
    "name, expected",
    [
        # Blitar (seed 003 lines 864-962): 5.1 Strategi with the SWOT table, 5.2 Kebijakan with the
        # BSC table, then T-C.26 after 5.2's text.
        ("blitar", ["5.1 Strategi", "Tabel 5.1", "5.2 Arah Kebijakan", "Tabel 5.2", "Tabel 5.3"]),
        # Magetan (seed 000 lines 3290-3378): the head "Kebijakan", its paragraph, then T-C.26.
        ("magetan", ["5.1 Kebijakan", "Tabel T-C.26"]),
    ],
)
def test_bab_v_tables_in_the_signed_documents_order(built, name, expected):
    seen, inside = [], False
    for p in open_docx(built[name]).paragraphs:
        text = p.text.split("\n")[0]
        if p.style.name == "Heading 1":
            inside = text.startswith("BAB V") and not text.startswith("BAB VI")
        elif inside and (p.style.name == "Heading 2" or p.style.name == "Caption"):
            seen.append(text if p.style.name == "Heading 2" else " ".join(text.split()[:2]))
    assert seen == expected


def test_the_form_puts_tujuan_and_sasaran_rows_above_their_programs(tmp_path):
    """The form's default (`tujuan_sasaran: baris`): a tujuan row, a sasaran row with its
    indicator's targets, then the programs serving the sasaran; Kode filled, Lokasi dropped."""
    folder = tmp_path / "sintetis" / "renstra-2021-2026"
    write_renstra(folder, programs=2, kegiatan=1, sub=1)
    program = yaml.safe_load((folder / "program.yaml").read_text(encoding="utf-8"))
    program["program"][0]["kode"] = "1.06.02"
    (folder / "program.yaml").write_text(
        yaml.safe_dump(program, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    # printed in parts by year span (too wide for A4 landscape at 8 pt): the key columns in every
    # part, Kondisi Akhir and Unit in the last
    t, *rest = [
        b
        for b in walk(document_for(load_renstra(folder)).body)
        if isinstance(b, Table) and b.id.startswith("tc27")
    ]
    assert all(part.continued for part in rest)
    text = [
        ["".join(getattr(i, "text", "") for i in c.blocks[0].inlines) for c in row]
        for row in t.body
    ]
    head = ["".join(getattr(i, "text", "") for i in c.blocks[0].inlines) for c in t.head[0]]
    last = [
        "".join(getattr(i, "text", "") for i in c.blocks[0].inlines)
        for c in (rest or [t])[-1].head[0]
    ]
    assert head[:7] == [
        "Tujuan",
        "Sasaran",
        "Kode",
        *TC27_HEAD,
        "Data Capaian pada Tahun Awal Perencanaan (2021)",
        TARGET,
    ]
    assert last[-3:] == [TARGET, AKHIR, UNIT]
    assert text[0][:5] == ["Meningkatnya layanan", "", "", "", ""]
    # the tujuan's cell spans all its rows, the sasaran's its rows and its programs': a page of
    # program rows still names them (cut "(lanjutan)" by keep.split_tall_merges where tall)
    assert t.body[0][0].rowspan == len(t.body) and t.body[1][0].rowspan == len(t.body) - 1
    assert text[1][:4] == ["Meningkatnya layanan tuntas", "", "", "Persentase layanan tuntas"]
    assert text[1][5:7] == ["100%", ""]  # the sasaran's 2022 target; no Rp on a plan row
    assert text[2][0:2] == ["1.06.02", "PROGRAM 1"]
    assert [row[1].level for row in t.body[2:5]] == [0, 1, 2]


def test_html_tells_the_levels_apart_as_the_docx_does(tmp_path):
    (path,) = build(BLITAR, tmp_path, formats=("html",)).outputs
    page = lxml.html.fromstring(path.read_text(encoding="utf-8"))

    def classes(name: str) -> list[str]:
        return [
            td.get("class") for td in page.xpath("//table//td") if td.text_content().strip() == name
        ]

    assert set(classes("PROGRAM PEMBERDAYAAN SOSIAL")) == {"align-left strong"}
    assert set(
        classes("Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota")
    ) == {"align-left level-1"}
    assert set(classes("Penyusunan Dokumen Perencanaan Perangkat Daerah")) == {"align-left level-2"}


def test_programs_serving_no_tujuan_follow_the_plan_rows(tmp_path):
    folder = tmp_path / "sintetis" / "renstra-2021-2026"
    write_renstra(folder, programs=1, kegiatan=1, sub=1)
    program = yaml.safe_load((folder / "program.yaml").read_text(encoding="utf-8"))
    del program["program"][0]["tujuan"], program["program"][0]["sasaran"]
    (folder / "program.yaml").write_text(
        yaml.safe_dump(program, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    t, *_ = [
        b
        for b in walk(document_for(load_renstra(folder)).body)
        if isinstance(b, Table) and b.id.startswith("tc27")
    ]
    text = [
        ["".join(getattr(i, "text", "") for i in c.blocks[0].inlines) for c in row]
        for row in t.body
    ]
    # the tujuan's cell spans its sasaran's row (the programs after them are outside both)
    assert [text[0][0], text[1][0], *(row[2] for row in text[2:])] == [
        "Meningkatnya layanan",
        "Meningkatnya layanan tuntas",
        "PROGRAM 1",
        "Kegiatan 1.1",
        "Sub Kegiatan 1.1.1",
    ]


def test_several_matrices_numbered_by_code_get_numbers_of_their_own(tmp_path):
    """Blitar's two T-C.27 matrices with `penomoran_tabel = "permendagri"`: "T-C.27.1" and
    "T-C.27.2", the other tables numbered by BAB around the forms, every number once."""
    shutil.copytree(BLITAR.parent, tmp_path / "blitar")
    toml = tmp_path / "blitar" / BLITAR.name / "document.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(
            'penomoran_tabel = "bab"', 'penomoran_tabel = "permendagri"'
        ),
        encoding="utf-8",
    )
    tables = [
        b
        for b in walk(document_for(load_renstra(toml.parent)).body)
        if isinstance(b, Table) and not b.continued
    ]
    numbers = [t.number for t in tables]
    assert [n for n in numbers if n.startswith("T-C.")] == [
        "T-C.23",
        "T-C.24",
        "T-C.25",
        "T-C.26",
        "T-C.27.1",
        "T-C.27.2",
        "T-C.28",
    ]
    assert [n for n in numbers if not n.startswith("T-C.")] == [
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
        "2.7",
        "3.1",
        "5.1",
        "5.2",
    ]
    assert all("(T-C." not in t.title for t in tables)


def test_every_page_of_blitars_2021_matrix_names_its_tujuan_and_sasaran():
    """The review saw pages of Blitar's Tabel 6.1 (`tujuan_sasaran: kolom`) whose kegiatan rows
    had blank No., Tujuan and Sasaran cells: the signed matrix names them on a program's row
    only, and a page of kegiatan under it read no context. The three cells span the program's
    rows; one taller than half a page is cut ("(lanjutan)") and each part kept on one page, so
    a page break falls only where a part begins."""
    (t,) = [
        b
        for b in walk(document_for(load_renstra(BLITAR)).body)
        if isinstance(b, Table) and b.title.startswith("Matriks Program dan Kegiatan Tahun 2021")
    ]
    head = len(t.head)
    lead = [(r, c, x) for r, c, x in grid_positions(t.body, len(t.columns)) if c in (1, 2)]
    covered = {r: set() for r in range(len(t.body))}
    for r, c, x in lead:
        for row in range(r, r + x.rowspan):
            covered[row].add(c)
        # every part prints on one page (rows counted with the head)
        assert set(range(head + r, head + r + x.rowspan - 1)) <= t.keep_rows
    assert all(cols == {1, 2} for cols in covered.values())
    tujuan = [cell_text(x) for _, c, x in lead if c == 1]
    assert tujuan[0] == "Menurunnya angka PMKS" and "Menurunnya angka PMKS (lanjutan)" in tujuan
    assert set(tujuan) == {"Menurunnya angka PMKS", "Menurunnya angka PMKS (lanjutan)"}
    # the program penunjang serves no sasaran (seed 003 line 990); every part after it names one
    sasaran = [(r, cell_text(x)) for r, c, x in lead if c == 2]
    named = [r for r, text in sasaran if text]
    assert all(text.startswith("Meningkatnya") for r, text in sasaran if r >= named[0])
    assert any(text.endswith("(lanjutan)") for _, text in sasaran)
