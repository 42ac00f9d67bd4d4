"""The SPM as a first-class table (`spm.yaml`, issue 14 item 2) and the IKU table grouped by level,
on the invented example `content/rekaan-dinsos` (its figures are made up, so the expected values
are worked out by hand here: capaian = terlayani / sasaran x 100, rounded half-up for display):
exact computed values, the cells read back from the DOCX and the Excel export, the place in the
outline, `check` of printed capaian and totals and of a breakdown against its indicator, and the
same SPM placed in an LKjIP."""

from __future__ import annotations

import io
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx_reading import docx_tables, table_captions

from laporgen.build import build, check, document_for
from laporgen.compute.spm import rincian_figures, spm_figures
from laporgen.document.nodes import Section, Table
from laporgen.document.numbering import walk
from laporgen.document.spm import spm_table
from laporgen.document.table_layout import row_heights_pt, text_width_of
from laporgen.errors import LaporgenError
from laporgen.jenis import load_document
from laporgen.render.xlsx import render_xlsx

ROOT = Path(__file__).resolve().parents[2]
REKAAN = ROOT / "content" / "rekaan-dinsos" / "renstra-2025-2029"
MAGETAN = ROOT / "content" / "magetan-dinsos"

SPM_BODY = [
    ["A. Rehabilitasi Sosial"],
    [
        "1",
        "Rehabilitasi sosial dasar penyandang disabilitas terlantar, anak terlantar, lanjut usia "
        "terlantar, serta gelandangan dan pengemis di luar panti",
        "Penyandang disabilitas terlantar yang memperoleh rehabilitasi sosial dasar di luar panti",
        "orang",
        *("100", "40", "36", "90,00"),
        *("100", "45", "45", "100,00"),
        *("100", "48", "46", "95,83"),
    ],
    [
        "Anak terlantar yang memperoleh rehabilitasi sosial dasar di luar panti",
        "orang",
        *("100", "N.a", "52", "-"),
        *("100", "60", "57", "95,00"),
        *("100", "64", "64", "100,00"),
    ],
    [
        "Lanjut usia terlantar yang memperoleh rehabilitasi sosial dasar di luar panti",
        "orang",
        *("100", "120", "110", "91,67"),
        *("100", "125", "118", "94,40"),
        *("100", "130", "127", "97,69"),
    ],
    [
        "Gelandangan dan pengemis yang memperoleh rehabilitasi sosial dasar di luar panti",
        "orang",
        *("100", "15", "9", "60,00"),
        *("100", "15", "12", "80,00"),
        *("100", "12", "12", "100,00"),
    ],
    ["B. Perlindungan dan Jaminan Sosial"],
    [
        "2",
        "Perlindungan dan jaminan sosial pada saat dan setelah tanggap darurat bencana bagi "
        "korban bencana kabupaten",
        "Korban bencana kabupaten yang memperoleh perlindungan dan jaminan sosial",
        "orang",
        *("100", "350", "350", "100,00"),
        *("100", "1.200", "1.185", "98,75"),
        *("100", "640", "640", "100,00"),
    ],
]
"""The SPM table's body as printed; the jenis's number and name span its four indicators."""

BENCANA = [
    ["1", "Banjir", "210", "830", "400"],
    ["2", "Tanah longsor", "95", "240", "160"],
    ["3", "Kebakaran permukiman", "45", "115", "80"],
    ["4", "Angin puting beliung", "belum didata", "0", "0"],
    ["Jumlah", "350", "1.185", "640"],
]

IKU_BODY = [
    ["A. Indikator Kinerja Tujuan"],
    [
        "Meningkatnya kesejahteraan sosial PPKS",
        "Persentase PPKS yang meningkat kesejahteraannya",
        "persen",
        "PPKS yang keluar dari daftar penerima bantuan karena mampu memenuhi kebutuhan dasarnya",
        "-",
        "Bidang Perlindungan dan Jaminan Sosial",
    ],
    ["", "Predikat SAKIP Dinas Sosial", "predikat", "-", "-", "-"],
    ["B. Indikator Kinerja Sasaran"],
    [
        "Meningkatnya pelayanan rehabilitasi sosial dasar",
        "Persentase PPKS yang terlayani rehabilitasi sosial dasar",
        "persen",
        "-",
        "-",
        "-",
    ],
    [
        "Meningkatnya perlindungan sosial korban bencana",
        "Persentase korban bencana yang terpenuhi kebutuhan dasarnya",
        "persen",
        "-",
        "-",
        "-",
    ],
    ["", "Indeks kepuasan korban bencana atas layanan logistik", "indeks", "-", "-", "-"],
]
"""The IKU table in its definitions form (the example prints the target form: test_iku.py)."""


def text(c) -> str:
    return "".join(getattr(i, "text", "\n") for b in c.blocks for i in b.inlines)


def rows(rs) -> list[list[str]]:
    return [[text(c) for c in r] for r in rs]


@pytest.fixture(scope="module")
def tree():
    return document_for(load_document(REKAAN), charts=False)


@pytest.fixture(scope="module")
def tables(tree) -> dict[str, Table]:
    return {b.id: b for b in walk(tree.body) if isinstance(b, Table)}


@pytest.fixture
def rekaan(tmp_path: Path) -> Path:
    shutil.copytree(REKAAN.parent, tmp_path / "rekaan-dinsos")
    return tmp_path / "rekaan-dinsos" / "renstra-2025-2029"


# ---------------------------------------------------------------------------------- compute
def test_capaian_per_year_unrounded_and_a_note_never_computed():
    f = spm_figures(load_document(REKAAN).spm)
    assert f.tahun == (2022, 2023, 2024)
    capaian = {
        i.indikator.id: {y: t.capaian for y, t in i.tahun.items()}
        for j in f.jenis
        for i in j.indikator
    }
    assert capaian["SPM1.1"] == {
        2022: Decimal("90"),
        2023: Decimal("100"),
        2024: Decimal(46) / Decimal(48) * 100,
    }
    assert capaian["SPM1.2"][2022] is None  # sasaran "N.a": carried as text, no capaian
    assert str(f.jenis[0].indikator[1].tahun[2022].sasaran) == "N.a"
    assert capaian["SPM1.3"][2022] == Decimal(110) / Decimal(120) * 100
    assert capaian["SPM2.1"][2023] == Decimal("98.75")


def test_breakdown_totals_sum_the_numbers_only():
    f = spm_figures(load_document(REKAAN).spm)
    disabilitas, bencana = f.jenis[0].rincian[0], f.jenis[1].rincian[0]
    assert disabilitas.jumlah == {2022: Decimal(36), 2023: Decimal(45), 2024: Decimal(46)}
    # "belum didata" in 2022 is a note: the total counts the three numbers
    assert bencana.jumlah == {2022: Decimal(350), 2023: Decimal(1185), 2024: Decimal(640)}
    only_notes = bencana.rincian.model_copy(
        update={"baris": [bencana.rincian.baris[3].model_copy(update={"nilai": {2022: "N.a"}})]}
    )
    assert rincian_figures(only_notes).jumlah == {2022: None}


# ---------------------------------------------------------------------------------- tree
def test_spm_table_in_kinerja_pelayanan_after_the_declared_tables(tree):
    # the table as built, before paper: a merged cell taller than half a page is cut for print
    # (keep.split_tall_merges), which is the layout's business, not the SPM's
    from laporgen.document.keep import unprinted

    with unprinted():
        built = document_for(load_document(REKAAN), charts=False)
    t = next(b for b in walk(built.body) if isinstance(b, Table) and b.id == "spm")
    assert (t.number, t.title) == (
        "2.3",
        "Capaian Standar Pelayanan Minimal Bidang Sosial Tahun 2022-2024",
    )
    assert t.source == (
        "Sumber : Laporan Penerapan SPM Dinas Sosial Kabupaten Rekaan Tahun 2022-2024 (rekaan)"
    )
    assert t.caption_lines == ("Dinas Sosial Kabupaten Rekaan",)  # as the other tables
    assert rows(t.head) == [
        ["No.", "Jenis Pelayanan Dasar", "Indikator", "Satuan", "2022", "2023", "2024"],
        ["Target (%)", "Jumlah Sasaran", "Jumlah Terlayani", "Capaian (%)"] * 3,
    ]
    assert rows(t.body) == SPM_BODY
    assert [c.rowspan for c in t.body[1][:2]] == [4, 4] and t.body[0][0].colspan == 16
    section = next(
        b for b in walk(tree.body) if isinstance(b, Section) and b.id == "kinerja-pelayanan"
    )
    placed = [b.id for b in walk(section.children) if isinstance(b, Table)]
    assert placed == [
        "layanan",
        "layanan-rincian",
        "spm",
        "spm-disabilitas",
        "spm-bencana",
    ]


def test_a_table_of_target_and_realisasi_keeps_those_columns(rekaan):
    """An SPM printed as target / realisasi (no jumlah sasaran): capaian = realisasi / target x
    100, the columns Target, Realisasi, Capaian; a breakdown compares with the realisasi."""
    path = rekaan / "spm.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("target: 100, sasaran:", "target:")
        .replace("terlayani:", "realisasi:"),
        encoding="utf-8",
    )
    t = next(
        b
        for b in walk(document_for(load_document(rekaan), charts=False).body)
        if isinstance(b, Table) and b.id == "spm"
    )
    assert rows(t.head)[1] == ["Target", "Realisasi", "Capaian (%)"] * 3
    assert rows(t.body)[1][4:] == ["40", "36", "90,00", "45", "45", "100,00", "48", "46", "95,83"]
    assert rows(t.body)[2][2:] == ["N.a", "52", "-", "60", "57", "95,00", "64", "64", "100,00"]
    assert [f for f in check(rekaan) if f.problem.code.startswith("spm")] == []


def test_a_table_mixing_both_forms_prints_every_column(rekaan):
    """One indicator given as target / realisasi in an SPM of sasaran / terlayani: each year has
    Target, Jumlah Sasaran, Jumlah Terlayani, Realisasi and Capaian; a cell the row does not give
    is "-". (So wide a table is printed in parts by year span, as any wide table.)"""
    path = rekaan / "spm.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "2022: {target: 100, sasaran: 15, terlayani: 9}", "2022: {target: 15, realisasi: 9}"
    )
    path.write_text(text, encoding="utf-8")
    t = spm_table(spm_figures(load_document(rekaan).spm))  # as built, before the page splits it
    assert (
        rows(t.head)[1]
        == [
            "Target",
            "Jumlah Sasaran",
            "Jumlah Terlayani",
            "Realisasi",
            "Capaian (%)",
        ]
        * 3
    )
    gepeng = rows(t.body)[4]
    assert gepeng[2:7] == ["15", "-", "-", "9", "60,00"]
    assert gepeng[7:12] == ["100", "15", "12", "-", "80,00"]
    assert t.body[0][0].colspan == 4 + 15


def test_a_year_with_terlayani_and_a_realisasi_is_an_error_at_its_line(rekaan):
    path = rekaan / "spm.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "2023: {target: 100, sasaran: 125, terlayani: 118}",
            "2023: {target: 100, sasaran: 125, terlayani: 118, realisasi: 118}",
        ),
        encoding="utf-8",
    )
    with pytest.raises(LaporgenError) as exc:
        load_document(rekaan)
    (problem,) = exc.value.problems
    assert (problem.field, problem.code) == (
        "jenis[0].indikator[2].tahun.2023.realisasi",
        "spm.realisasi",
    )
    assert problem.message == (
        "2023 gives both sasaran/terlayani and a realisasi: the capaian would have two sources"
    )


def test_a_breakdown_may_be_compared_with_the_sasaran(rekaan):
    """`banding: sasaran`: the rows count the people to be served; 2022 of SPM1.1 has 36 rows
    against a sasaran of 40."""
    path = rekaan / "spm.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "        indikator: SPM1.1\n", "        indikator: SPM1.1\n        banding: sasaran\n"
        ),
        encoding="utf-8",
    )
    found = [f.problem.message for f in check(rekaan) if f.problem.code == "spm.rincian"]
    assert found == [
        f"spm-disabilitas {y}: the rows add up to {n}, but the SPM table gives SPM1.1 a sasaran "
        f"of {s}"
        for y, n, s in ((2022, 36, 40), (2024, 46, 48))
    ]


def test_breakdown_tables_with_their_total_rows(tables):
    d = tables["spm-disabilitas"]
    assert rows(d.head) == [
        ["No.", "Ragam Disabilitas", "Jumlah (orang)"],
        ["2022", "2023", "2024"],
    ]
    assert rows(d.foot) == [["Jumlah", "36", "45", "46"]]
    b = tables["spm-bencana"]
    assert rows(b.body) + rows(b.foot) == BENCANA


def definisi_form(rekaan: Path) -> None:
    path = rekaan / "document.toml"
    text = path.read_text()
    path.write_text(text.replace('bentuk = "target"\nkolom = ["definisi", "sumber_data"]\n', ""))


def test_iku_grouped_by_level_in_bab_vii(rekaan):
    definisi_form(rekaan)
    t = next(
        b
        for b in walk(document_for(load_document(rekaan), charts=False).body)
        if isinstance(b, Table) and b.id == "iku"
    )
    assert (t.number, t.title, t.caption_lines) == (
        "7.1",
        "Indikator Kinerja Utama",
        ("Dinas Sosial Kabupaten Rekaan", "Tahun 2025-2029"),
    )
    assert rows(t.body) == IKU_BODY
    assert t.body[0][0].colspan == 6 and t.body[0][0].blocks[0].inlines[0].strong


def test_iku_without_groups_lists_the_tujuan_first(rekaan):
    definisi_form(rekaan)
    path = rekaan / "document.toml"
    path.write_text(path.read_text().replace("kelompok = true", "kelompok = false"))
    t = next(
        b
        for b in walk(document_for(load_document(rekaan), charts=False).body)
        if isinstance(b, Table) and b.id == "iku"
    )
    assert rows(t.body) == [r for r in IKU_BODY if len(r) > 1]


# ---------------------------------------------------------------------------------- outputs
def test_docx_and_excel_read_back(tmp_path):
    built = build(REKAAN, tmp_path, ("docx",))
    docx = next(p for p in built.outputs if p.suffix == ".docx")
    found = dict(zip(table_captions(docx), docx_tables(docx)))
    spm = found[
        "Tabel 2.3 Capaian Standar Pelayanan Minimal Bidang Sosial Tahun 2022-2024\n"
        "Dinas Sosial Kabupaten Rekaan"
    ]
    # printed at 8 pt (table_layout.fit: at 9 pt its text columns ran eleven lines tall), the
    # 4-row merged Jenis Pelayanan Dasar is no taller than half a landscape page: not cut
    assert spm[2:] == SPM_BODY
    bencana = found[
        "Tabel 2.5 Korban Bencana yang Memperoleh Perlindungan dan Jaminan Sosial menurut Jenis "
        "Bencana\nDinas Sosial Kabupaten Rekaan"
    ]
    assert bencana[2:] == BENCANA
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(built.document)))
    sheet = next(
        ws
        for ws in book.worksheets
        if any("Tabel 2.3 " in str(c.value) for c in ws["A"] if c.value)
    )
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert [
        *(None, None, None, None),
        *(100, 350, 350, 100, 100, 1200, 1185, 98.75, 100, 640, 640, 100),
    ] in [[None if isinstance(v, str) else v for v in r] for r in values]


# ---------------------------------------------------------------------------------- check
def test_the_example_checks_clean():
    assert [f for f in check(REKAAN) if f.problem.code.startswith("spm")] == []


def test_check_printed_capaian_totals_and_breakdown_against_its_indicator(rekaan):
    path = rekaan / "spm.yaml"
    content = path.read_text(encoding="utf-8")
    content = (
        content.replace("capaian: 95.83", "capaian: 95.84")
        .replace("{2022: 5, 2023: 6, 2024: 6}", "{2022: 5, 2023: 7, 2024: 6}")
        .replace("jumlah: {2022: 36, 2023: 45, 2024: 46}", "jumlah: {2022: 36, 2023: 45, 2024: 47}")
    )
    path.write_text(content, encoding="utf-8")
    lines = content.split("\n")

    def line(needle: str) -> int:
        return next(n for n, t in enumerate(lines, 1) if needle in t)

    found = sorted(str(f) for f in check(rekaan) if f.problem.code.startswith("spm"))
    assert found == sorted(
        [
            f"E {path}:{line('capaian: 95.84')}: jenis[0].indikator[0].tahun.2024.capaian: SPM 2024, "
            "Penyandang disabilitas terlantar yang memperoleh …: capaian printed 95,84, computed 95,83 "
            "(terlayani / sasaran x 100, rounded half-up); write the computed capaian, or correct the "
            "figures it is computed from [spm.capaian]",
            f"E {path}:{line('jumlah: {2022: 36')}: jenis[0].rincian[0].jumlah.2023: spm-disabilitas 2023: "
            "the total printed 45, the rows add up to 46; correct the total or the rows [spm.jumlah]",
            f"E {path}:{line('jumlah: {2022: 36')}: jenis[0].rincian[0].jumlah.2024: spm-disabilitas 2024: "
            "the total printed 47, the rows add up to 46; correct the total or the rows [spm.jumlah]",
            f"E {path}:{line('indikator: SPM1.1')}: jenis[0].rincian[0].indikator: spm-disabilitas 2023: "
            "the rows add up to 46, but the SPM table gives SPM1.1 a terlayani of 45; correct the "
            "breakdown's rows or the indicator's value for that year [spm.rincian]",
        ]
    )


def test_an_unknown_iku_section_is_an_error_at_its_line(rekaan):
    path = rekaan / "document.toml"
    path.write_text(path.read_text().replace('bagian = "kinerja-urusan"', 'bagian = "kinerja"'))
    with pytest.raises(LaporgenError) as exc:
        document_for(load_document(rekaan), charts=False)
    (problem,) = exc.value.problems
    assert (problem.field, problem.code) == ("iku.bagian", "ref.iku")
    assert problem.message == 'no section "kinerja" in the outline'


# ---------------------------------------------------------------------------------- LKjIP
def test_the_same_spm_in_an_lkjip_sits_in_the_comparison_with_standards(tmp_path):
    shutil.copytree(MAGETAN, tmp_path / "magetan-dinsos")
    lkjip = tmp_path / "magetan-dinsos" / "lkjip-2024"
    shutil.copy(REKAAN / "spm.yaml", lkjip / "spm.yaml")
    from laporgen.document.keep import unprinted

    with unprinted():  # the table as built, before paper cuts its tall merged cells
        doc = document_for(load_document(lkjip), charts=False)
    section = next(
        b for b in walk(doc.body) if isinstance(b, Section) and b.id == "perbandingan-standar"
    )
    spm = next(b for b in walk(section.children) if isinstance(b, Table) and b.id == "spm")
    assert rows(spm.body) == SPM_BODY
    assert [b.id for b in walk(section.children) if isinstance(b, Table)][-3:] == [
        "spm",
        "spm-disabilitas",
        "spm-bencana",
    ]


def test_the_lkjip_iku_grouped_by_level_with_the_wording_of_the_document(tmp_path):
    """Magetan's plan marks only sasaran indicators `iku`: grouped, the table holds group B only,
    under the wording document.toml gives."""
    shutil.copytree(MAGETAN, tmp_path / "magetan-dinsos")
    lkjip = tmp_path / "magetan-dinsos" / "lkjip-2024"
    toml = lkjip / "document.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8")
        + '\n[iku]\nkelompok = true\nkelompok_sasaran = "B. Indikator Kinerja Sasaran Strategis"\n',
        encoding="utf-8",
    )
    grouped = [
        b
        for b in walk(document_for(load_document(lkjip), charts=False).body)
        if isinstance(b, Table) and b.id == "iku"
    ]
    plain = [
        b
        for b in walk(document_for(load_document(MAGETAN / "lkjip-2024"), charts=False).body)
        if isinstance(b, Table) and b.id == "iku"
    ]
    assert len(grouped) == 2  # Tabel 2.4 and Lampiran B
    for g, p in zip(grouped, plain):
        assert rows(g.body) == [["B. Indikator Kinerja Sasaran Strategis"], *rows(p.body)]
    assert [r[1] for r in rows(plain[0].body)][:2] == [
        "Persentase PPKS yang Mendapatkan Perlindungan dan Jaminan Sosial",
        "Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial",
    ]


def test_an_spm_indicator_id_used_twice_is_an_error_at_its_line(rekaan):
    path = rekaan / "spm.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: SPM1.2", "id: SPM1.1"))
    with pytest.raises(LaporgenError) as exc:
        load_document(rekaan)
    assert [(p.field, p.message, p.code) for p in exc.value.problems] == [
        ("jenis[0].indikator[1].id", "the indicator id SPM1.1 is used twice", "spm.id")
    ]


def test_iku_settings_of_a_renstra_that_prints_no_iku_table_are_an_error(rekaan):
    path = rekaan / "document.toml"
    path.write_text(path.read_text().replace('bagian = "kinerja-urusan"\n', ""))
    with pytest.raises(LaporgenError) as exc:
        load_document(rekaan)
    (problem,) = exc.value.problems
    assert (problem.field, problem.code) == ("iku", "input.value")
    assert "a Renstra prints the IKU table only in the section `bagian` names" in problem.message


def test_the_spm_table_is_set_small_enough_that_no_row_runs_tall(tables):
    """The review saw the rekaan SPM table (pp.10-11) at 9 pt with its twelve figure columns at
    their least width and "Jenis Pelayanan Dasar" wrapped into eleven lines. Where the figures'
    minimums take nearly all the width, the smaller size that prints the table a quarter shorter
    is taken: at 8 pt every figure still on one line and the text columns wider."""
    t = tables["spm"]
    width = text_width_of("A4", True)
    assert t.font_size == "tiny"
    assert all(c.width * width >= c.min_width - 0.01 for c in t.columns)  # numbers unbroken
    assert max(row_heights_pt(t, width)) < 100  # 148 pt (eleven lines) at 9 pt
    # the two text columns got the room the smaller figures left
    assert t.columns[1].width * width > 1.2 * t.columns[1].min_width


def test_declared_tables_carry_the_agency_line_the_built_tables_do(tables):
    """The review saw Tabel 2.2 and 5.2 of the rekaan Renstra (declared in tabel.yaml, no
    `keterangan`) captioned without the agency line every built table has."""
    ids = ("gudang-logistik", "sasaran-provinsi", "layanan", "layanan-rincian")
    declared = [tables[i] for i in ids]
    assert all(t.caption_lines == ("Dinas Sosial Kabupaten Rekaan",) for t in declared)
    assert tables["spm"].caption_lines == ("Dinas Sosial Kabupaten Rekaan",)
