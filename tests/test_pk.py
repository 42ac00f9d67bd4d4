"""The Perjanjian Kinerja, the third document type: built from the agency's Renstra (sasaran,
indikator, the year's target) and its anggaran (program, pagu), it prints the same rows as the
PK tables the signed LKjIP 2024 reprints (seed 001 Tabel 2.7 and 2.8), with both signature
blocks, in DOCX, HTML and PDF; `check` reports a target that differs from the Renstra or the
LKjIP; `init --type pk` writes a folder that builds."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import html as lxml_html

from docx_reading import docx_tables, docx_text
from laporgen.build import build, check
from laporgen.compute.pk import pk_figures
from laporgen.jenis import load_document

ROOT = Path(__file__).resolve().parents[1]
AGENCY = ROOT / "content" / "magetan-dinsos"

# Seed 001 Tabel 2.7 "Perubahan Perjanjian Kinerja" (lines 563-575), the PK signed on
# 4 November 2024: NO, sasaran, indikator, satuan, target; a sasaran numbered and written once
# over its indicators (sasaran 5 has two).
TABEL_2_7 = [
    [
        "1",
        "Meningkatnya Kualitas Perlindungan dan Jaminan Sosial",
        "Persentase PPKS yang Mendapatkan Perlindungan dan Jaminan Sosial",
        "persen",
        "99,88",
    ],
    [
        "2",
        "Meningkatnya Kualitas Pelayanan Rehabilitasi Sosial",
        "Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial",
        "persen",
        "0,28",
    ],
    [
        "3",
        "Meningkatnya Upaya Pemberdayaan PPKS",
        "Persentase PPKS yang Mendapatkan Pemberdayaan Sosial",
        "persen",
        "0,04",
    ],
    [
        "4",
        "Meningkatnya Peran PSKS dalam Penyelenggaraan Kesejahteraan Sosial",
        "Persentase PSKS yang Aktif dalam Penyelenggaraan Kesejahteraan Sosial",
        "persen",
        "5,30",
    ],
    [
        "5",
        "Meningkatnya Akuntabilitas Penyelenggaraan Pemerintahan Daerah pada Dinas Sosial",
        "Nilai SAKIP Dinas Sosial",
        "Angka",
        "85",
    ],
    [
        "Indeks Kepuasan Masyarakat Dinas Sosial",
        "Angka",
        "87,35",
    ],  # sasaran 5's No. and name span both
]

# Seed 001 Tabel 2.8 (lines 581-613): No., target and anggaran of every program and kegiatan.
# PROGRAM PENANGANAN BENCANA prints 75.000.000; its kegiatan add up to 175.000.000 (L-6), the
# figure laporgen computes.
TABEL_2_8 = [
    ("1", "84 Angka", "5.215.862.284"),
    ("1.1", "54 Dokumen", "39.845.000"),
    ("1.2", "90 Persen", "3.360.862.284"),
    ("1.3", "25 Orang", "75.000.000"),
    ("1.4", "12 Paket", "653.769.708"),
    ("1.5", "36 Laporan", "627.060.292"),
    ("1.6", "9 Unit", "459.325.000"),
    ("2", "0,03 Persen", "10.292.000.000"),
    ("2.1", "0,03 Persen", "10.292.000.000"),
    ("3", "100 Persen", "2.510.000.000"),
    ("3.1", "100 Persen", "2.460.000.000"),
    ("3.2", "100 Persen", "50.000.000"),
    ("4", "7,28 Persen", "5.918.000.000"),
    ("4.1", "7,28 Persen", "5.918.000.000"),
    ("5", "100 Persen", "175.000.000"),
    ("5.1", "200 Orang", "100.000.000"),
    ("5.2", "10 Kali", "75.000.000"),
    ("6", "100 Persen", "65.000.000"),
    ("6.1", "100 Persen", "65.000.000"),
]


FOOT = ["JUMLAH", "24.175.862.284"]
"""Σ pagu of Tabel 2.8's kegiatan; the seed's table has no total row."""


def report_tables(docx: Path) -> list[list[list[str]]]:
    """The lampiran's tables (headed "No."), without the borderless tables that lay out the
    signature blocks."""
    return [t for t in docx_tables(docx) if t[0][0] == "No."]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pk")
    return {
        p.suffix[1:]: p for p in build(AGENCY / "pk-2024", out, ("docx", "html", "pdf")).outputs
    }


@pytest.fixture
def agency_copy(tmp_path) -> Path:
    shutil.copytree(AGENCY, tmp_path / AGENCY.name)
    return tmp_path / AGENCY.name


def test_outputs_are_named_for_the_pk_version(built):
    assert {p.name for p in built.values()} == {
        f"pk-2024-perubahan-dinas-sosial-kabupaten-magetan.{x}" for x in ("docx", "html", "pdf")
    }


def test_lampiran_targets_equal_the_signed_pk_table(built):
    target, _ = report_tables(built["docx"])
    assert target[0] == [
        "No.",
        "Tujuan & Sasaran Strategis",
        "Indikator Kinerja",
        "Satuan",
        "Target",
    ]
    assert target[1] == ["1", "2", "3", "4", "5"]
    assert target[2:] == TABEL_2_7


def test_program_table_equals_the_signed_dpa_table(built):
    _, program = report_tables(built["docx"])
    body, foot = program[2:-1], program[-1]
    assert [(r[0], r[3], r[4]) for r in body] == TABEL_2_8
    assert body[0][1] == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    assert foot == FOOT


def test_pk_prints_the_same_rows_as_the_lkjip_reprint(built, tmp_path):
    """One source of truth: the LKjIP's Perubahan PK tables (Tabel 2.7, 2.8) and the PK's lampiran
    come from the same plan and budget, so their bodies are equal cell for cell."""
    (lkjip,) = build(AGENCY / "lkjip-2024", tmp_path).outputs
    bodies = [t[2:] for t in docx_tables(lkjip)]
    target, program = report_tables(built["docx"])
    assert target[2:] in bodies and program[2:] in bodies


def test_agreement_names_both_parties_and_both_sign(built):
    text = docx_text(built["docx"])
    assert (
        "Nama\t:\tPARMINTO BUDI UTOMO, S.Sos, M.AP." in text
        and "Jabatan\t:\tKepala Dinas Sosial Kabupaten Magetan" in text
    )
    assert "Nama\t:\tSUPRAWOTO" in text and "Jabatan\t:\tBupati Magetan" in text
    assert text.count("Magetan, 4 November 2024") == 2  # under the agreement and under the lampiran
    assert text.count("Pihak Kedua,") == 2 and text.count("Pihak Pertama,") == 2
    assert text.count("NIP. 197212211993021002") == 2
    page = lxml_html.fromstring(built["html"].read_bytes())
    pairs = page.xpath('//table[@class="signature-pair"]')
    assert len(pairs) == 2
    for pair in pairs:
        assert [td.text_content() for td in pair.xpath('.//td[@class="nama"]')] == [
            "SUPRAWOTO",
            "PARMINTO BUDI UTOMO, S.Sos, M.AP.",
        ]
        assert [td.text_content() for td in pair.xpath('.//td[@class="nip"]')] == [
            "",  # the Bupati has no NIP line
            "NIP. 197212211993021002",
        ]
        assert pair.xpath("string(.//tr[1]/td[2])") == "Magetan, 4 November 2024"
    labels = page.xpath('//table[@class="label-block indented"]')
    assert [[td.text_content() for td in t.xpath(".//td")] for t in labels] == [
        [
            "Nama",
            ":",
            "PARMINTO BUDI UTOMO, S.Sos, M.AP.",
            "Jabatan",
            ":",
            "Kepala Dinas Sosial Kabupaten Magetan",
        ],
        ["Nama", ":", "SUPRAWOTO", "Jabatan", ":", "Bupati Magetan"],
    ]


def test_pdf_has_the_agreement_and_the_targets(built):
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(built["pdf"]).pages)
    assert "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024" in text
    assert "SUPRAWOTO" in text and "87,35" in text and "24.175.862.284" in text


def test_the_example_is_consistent_with_renstra_and_lkjip():
    assert check(AGENCY / "pk-2024") == []


def test_check_reports_a_target_that_differs_from_renstra_and_lkjip(agency_copy):
    pk = agency_copy / "pk-2024"
    (pk / "perjanjian.yaml").write_text("target:\n  IS3.1: 0.05\n", encoding="utf-8")
    findings = [str(f) for f in check(pk)]
    assert findings == [
        f"W {pk / 'perjanjian.yaml'}:2: target.IS3.1: PK target 0,05 for IS3.1 differs from the Renstra's 0,04 for 2024 "
        "[pk.target.renstra]",
        f"W {pk / 'perjanjian.yaml'}:2: target.IS3.1: PK target 0,05 for IS3.1 differs from the LKjIP's 0,04 [pk.target.lkjip]",
    ]


def test_check_reports_an_lkjip_that_recorded_another_target_or_pagu(agency_copy):
    kinerja = agency_copy / "lkjip-2024" / "kinerja.yaml"
    text = kinerja.read_text(encoding="utf-8")
    kinerja.write_text(
        text.replace(
            "indikator: [IS1.1, IS2.1, IS3.1, IS4.1, IS5.1, IS5.2]",
            "indikator: [IS1.1, IS2.1, IS3.1, IS4.1, IS5.1, IS5.2]\n    target: {IS4.1: 5.5}",
        ),
        encoding="utf-8",
    )
    program = agency_copy / "lkjip-2024" / "program.yaml"
    program.write_text(
        program.read_text(encoding="utf-8").replace("pagu: 39845000,", "pagu: 39845001,"),
        encoding="utf-8",
    )
    pk = agency_copy / "pk-2024"
    findings = [(f.severity, f.problem.code, f.problem.message) for f in check(pk)]
    assert findings == [
        ("W", "pk.pagu.lkjip", "pagu Rp 39.845.000 of K1.1 differs from the LKjIP's Rp 39.845.001"),
        ("W", "pk.target.lkjip", "PK target 5,30 for IS4.1 differs from the LKjIP's 5,5"),
    ]


def test_init_pk_builds_and_check_lists_only_placeholders(tmp_path, run_cli):
    folder = tmp_path / "content" / "dinas-contoh" / "pk-2025"
    code, out, err = run_cli("init", folder, "--type", "pk", "--schemas", tmp_path / "schemas")
    assert code == 0, err
    assert {p.name for p in folder.iterdir()} == {
        "document.toml",
        "rencana.yaml",
        "anggaran.yaml",
        "perjanjian.yaml",
        "tabel.yaml",
        "narasi",
    }
    assert (tmp_path / "schemas" / "pk-anggaran.schema.json").is_file()
    (docx,) = build(folder, tmp_path / "out").outputs
    assert (
        docx.name == "pk-2025-isi-dinas-kabupaten-isi-nama-kabupaten.docx"
    )  # from the scaffold's "[ISI]" names
    findings = check(folder)
    assert findings and {(f.severity, f.problem.code) for f in findings} == {("I", "isi")}


def test_an_unknown_type_is_an_input_error(tmp_path, run_cli, example_copy):
    code, _, err = run_cli("init", tmp_path / "x-2025", "--type", "renja")
    assert code == 2
    assert err.strip() == (
        "error: command line: unknown document type 'renja'; "
        'types: "lkjip", "renstra", "pk" [usage]'
    )
    document = example_copy / "document.toml"
    document.write_text(
        document.read_text(encoding="utf-8").replace('jenis = "lkjip"', 'jenis = "renja"'),
        encoding="utf-8",
    )
    code, _, err = run_cli("build", example_copy, "--out", tmp_path / "out")
    assert code == 2
    assert err.strip().endswith(
        "document.toml:4: jenis: unknown document type 'renja'; "
        'write jenis = one of "lkjip", "renstra", "pk" [input.value]'
    )
    assert not (tmp_path / "out").exists()


def test_pdf_prints_both_parties_side_by_side(built):
    """The Typst PDF (the default engine) as the DOCX and HTML: both signature blocks, under
    the agreement and under the lampiran, the left party's lines level with the right's
    (read back by pdftotext -layout, which keeps a printed line one line)."""
    from printed_text import pdf_text

    lines = [line.split() for page in pdf_text(built["pdf"]) for line in page.splitlines()]
    lines = [" ".join(words) for words in lines]
    assert lines.count("Pihak Kedua, Pihak Pertama,") == 2
    assert lines.count("BUPATI MAGETAN KEPALA DINAS SOSIAL") == 2
    assert lines.count("SUPRAWOTO PARMINTO BUDI UTOMO, S.Sos, M.AP.") == 2
    assert lines.count("NIP. 197212211993021002") == 2
    assert not any(line.startswith("NIP.") and line != "NIP. 197212211993021002" for line in lines)


RINCIAN = """\
tabel:
  - id: {id}
    judul: Rincian Sasaran
    bagian: lampiran
    kolom:
      - {{id: uraian, judul: Uraian}}
      - {{id: nilai, judul: Nilai, format: angka}}
    baris:
      - {{uraian: satu, nilai: 1}}
      - {{uraian: dua, nilai: 2}}
    jumlah: {{kolom: [nilai], tercetak: {{nilai: 4}}}}
"""


def test_a_declared_table_is_printed_and_checked_in_the_pk(agency_copy):
    pk = agency_copy / "pk-2024"
    (pk / "tabel.yaml").write_text(RINCIAN.format(id="rincian"), encoding="utf-8")
    from laporgen.build import document_for
    from laporgen.document.numbering import walk
    from laporgen.document.nodes import Table
    from laporgen.jenis import load_document

    tables = [
        (b.id, b.number, b.title)
        for b in walk(document_for(load_document(pk), charts=False).body)
        if isinstance(b, Table)
    ]
    assert tables[-1] == ("rincian", "3", "Rincian Sasaran")  # after the lampiran's two tables
    findings = [(f.severity, f.problem.code, f.problem.line) for f in check(pk)]
    assert findings == [("E", "tabel.jumlah", 11)]  # printed 4, the rows add up to 3


@pytest.mark.parametrize(
    ("folder", "id_", "bagian"),
    [("pk-2024", "pk-target", "lampiran"), ("lkjip-2024", "iku", "iku")],
)
def test_a_declared_table_may_not_take_a_built_in_tables_id(
    agency_copy, run_cli, folder, id_, bagian
):
    (agency_copy / folder / "tabel.yaml").write_text(
        RINCIAN.format(id=id_).replace("bagian: lampiran", f"bagian: {bagian}"), encoding="utf-8"
    )
    code, _, err = run_cli("build", agency_copy / folder, "--format", "html")
    assert code == 2
    assert (
        f'tabel.yaml:2: tabel[0].id: table id "{id_}" is the id of a table laporgen prints' in err
    )
    taken = err.split("taken: ")[1].split(" [")[0].split(", ")
    assert id_ in taken and ("pk-program" in taken if folder == "pk-2024" else "formasi" in taken)


def test_a_content_file_the_type_does_not_read_is_an_error_not_a_silent_loss(agency_copy, run_cli):
    """An spm.yaml in a PK folder (the PK prints no SPM) would vanish without a word."""
    pk = agency_copy / "pk-2024"
    (pk / "spm.yaml").write_text("jenis: []\n", encoding="utf-8")
    (pk / "anggaran-lama.yml").write_text("program: []\n", encoding="utf-8")
    code, _, stderr = run_cli("check", pk)
    assert code == 2
    lines = stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("error: ") and "pk-2024/anggaran-lama.yml: a pk document" in lines[0]
    assert "pk-2024/spm.yaml: a pk document does not read this file" in lines[1]
    assert lines[1].endswith(
        "reads: document.toml, rencana.yaml, anggaran.yaml, perjanjian.yaml, tabel.yaml [input.file]"
    )


def test_a_tujuan_indicator_named_in_the_agreement_is_a_row_and_agrees_with_the_lkjip(
    agency_copy,
):
    """A tujuan-level IKU (IT1) the LKjIP's Perjanjian Kinerja lists was refused by the PK ("no
    sasaran indicator 'IT1'"), and check then warned that the two differ: no way to agree.
    Named in perjanjian.yaml it is a row of Tabel 1 under its tujuan, checked like the rest."""
    kinerja = agency_copy / "lkjip-2024" / "kinerja.yaml"
    text = kinerja.read_text(encoding="utf-8")
    signed = "    indikator: [IS1.1, IS2.1, IS3.1, IS4.1, IS5.1, IS5.2]\n\n# Renja"
    assert signed in text
    kinerja.write_text(
        text.replace(signed, signed.replace("[IS1.1,", "[IT1, IS1.1,")), encoding="utf-8"
    )
    pk = agency_copy / "pk-2024"
    (pk / "perjanjian.yaml").write_text(
        "indikator: [IT1, IS1.1, IS2.1, IS3.1, IS4.1, IS5.1, IS5.2]\n", encoding="utf-8"
    )
    assert [str(f) for f in check(pk) if f.severity != "I"] == []
    rows = [
        (r.sasaran.id, r.indikator.id, r.target)
        for r in pk_figures(load_document(pk)).target  # type: ignore[arg-type]
    ]
    assert rows[0] == ("T1", "IT1", Decimal(100))
    assert [r[1] for r in rows[1:]] == ["IS1.1", "IS2.1", "IS3.1", "IS4.1", "IS5.1", "IS5.2"]


def test_a_long_jabatan_wraps_inside_its_own_column(agency_copy, tmp_path):
    """A Dinas with a long name (the trial's Dinas Pertanian dan Ketahanan Pangan): the two
    signature blocks were laid out by tab stops, so "KEPALA DINAS PERTANIAN DAN KETAHANAN PANGAN"
    wrapped and "PANGAN" landed at the left margin under the Bupati; the statement's "Jabatan :
    Kepala Dinas …" wrapped to the margin. Read back from the pages LibreOffice makes of the
    DOCX, and from the Typst PDF: every wrapped line stays in its own column."""
    from libreoffice import convert_to_pdf

    agency = agency_copy / "agency.yaml"
    agency.write_text(
        agency.read_text(encoding="utf-8")
        .replace("\nnama: Dinas Sosial\n", "\nnama: Dinas Pertanian dan Ketahanan Pangan\n")
        .replace("- KEPALA DINAS SOSIAL\n", "- KEPALA DINAS PERTANIAN DAN KETAHANAN PANGAN\n"),
        encoding="utf-8",
    )
    out = {p.suffix: p for p in build(agency_copy / "pk-2024", tmp_path, ("docx", "pdf")).outputs}
    for pdf in (convert_to_pdf(out[".docx"], tmp_path), out[".pdf"]):
        words, width = _words(pdf, 2)
        kepala = next(n for n, w in enumerate(words) if w[2] == "Kepala")
        nama = max(n for n, w in enumerate(words[:kepala]) if w[2].startswith("Nama"))
        jabatan, nama = _line_of(words, kepala), _line_of(words, nama)
        colon = [w[0] for w in (*jabatan, *nama) if w[2].endswith(":")]
        assert len(colon) == 2 and abs(colon[0] - colon[1]) < 1, (pdf, colon)  # aligned
        after = words[words.index(jabatan[-1]) + 1]  # the first word of the next line
        assert after[2] == "Magetan", (pdf, after)  # the jabatan needs two lines
        assert abs(after[0] - words[kepala][0]) < 1, (pdf, after)  # under itself, not the margin
        pangan = [w for w in words if w[2] == "PANGAN"]
        assert pangan and all(w[0] > 0.5 * width for w in pangan), (pdf, pangan)


def _words(pdf: Path, page: int) -> tuple[list[tuple[float, float, str]], float]:
    """The words of a page as (x, y, text) in reading order, by `pdftotext -bbox`; the page's width."""
    import subprocess

    from lxml import etree

    xml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        check=True,
    ).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    (sheet,) = root.iter("{*}page")
    return [
        (float(w.get("xMin")), float(w.get("yMin")), w.text or "") for w in sheet.iter("{*}word")
    ], float(sheet.get("width"))


def _line_of(words: list[tuple[float, float, str]], n: int) -> list[tuple[float, float, str]]:
    """The words printed on the same line as words[n]."""
    return [w for w in words if abs(w[1] - words[n][1]) < 2]


def test_tabel_1_merges_a_sasaran_and_tells_a_tujuan_apart(agency_copy, tmp_path):
    """The trial's Tabel 1 numbered tujuan rows and sasaran rows alike in one column, printed a
    sasaran once per indicator, and cited the PK itself ("Sumber : Perjanjian Kinerja … 2026").
    As the signed Tabel 2.7: sasaran numbered and merged over its indicators; a tujuan's own
    indicator (agreed in perjanjian.yaml) unnumbered, "Tujuan: …" in bold; no source line."""
    pk = agency_copy / "pk-2024"
    (pk / "perjanjian.yaml").write_text(
        "indikator: [IT1, IS1.1, IS2.1, IS3.1, IS4.1, IS5.1, IS5.2]\n", encoding="utf-8"
    )
    (docx,) = build(pk, tmp_path, ("docx",)).outputs
    target, _ = report_tables(docx)
    assert target[2] == [
        "",
        "Tujuan: Meningkatnya kesejahteraan PPKS",
        "Persentase PPKS yang meningkat derajat kesejahteraannya",
        "persen",
        "100",
    ]
    assert target[3:] == TABEL_2_7
    from docx import Document as open_docx

    tujuan = open_docx(str(docx)).tables[1].rows[2].cells[1].paragraphs[0].runs
    assert tujuan and all(run.bold for run in tujuan)
    assert not [
        line
        for line in docx_text(docx).splitlines()
        if line.startswith("Sumber : Perubahan Perjanjian")
    ]


def test_the_cover_carries_the_agencys_logo(built):
    """The final page review found both PK covers without a logo: the PK took only its own
    `logo` setting, where the LKjIP and the Renstra fall back to agency.yaml's."""
    from docx import Document as open_docx

    cover = open_docx(str(built["docx"])).inline_shapes
    assert len(cover) == 1 and cover[0].height > 0
    assert "<img" in built["html"].read_text(encoding="utf-8")
