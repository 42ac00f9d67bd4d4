"""Charts (issue 8): drawn from the computed figures, present in DOCX, HTML and PDF, numbered
as Gambar in their BAB and listed in the Daftar Gambar; a setting turns them off."""

from __future__ import annotations

import base64
import io
import re
from dataclasses import replace

import pypdf
from PIL import Image

from conftest import EXAMPLE_AGENCY, EXAMPLE_DOCUMENT
from docx_reading import docx_captions, open_docx
from laporgen.build import build, document_for, figures_for
from laporgen.document import charts
from laporgen.document.charts import serapan_chart
from laporgen.document.nodes import Figure, ListOfTables
from laporgen.document.numbering import walk
from laporgen.jenis import load_document

BAGAN = "Gambar 1.1 Susunan Organisasi Dinas Sosial Kabupaten Magetan"  # a picture in narasi/organisasi.md
TITLES = [
    "Gambar 3.1 Capaian Kinerja per Indikator terhadap Target",
    "Gambar 3.2 Perkembangan Realisasi Indikator dari Tahun ke Tahun",
    "Gambar 3.3 Serapan Anggaran per Program",
]


def test_charts_in_every_output_format(example_copy, tmp_path):
    docx, html, pdf = build(example_copy, tmp_path, ("docx", "html", "pdf")).outputs
    assert [c.split("\n")[0] for c in docx_captions(docx) if c.startswith("Gambar")] == [
        BAGAN,
        *TITLES,
    ]
    assert len(open_docx(docx).inline_shapes) == 5  # the cover's logo, the bagan, three charts
    text = html.read_text(encoding="utf-8")
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', text)
    assert len(images) == 5 and all(base64.b64decode(i).startswith(b"\x89PNG") for i in images)
    reader = pypdf.PdfReader(pdf)
    # the default engine (Typst) puts each image in the resources of the page that shows it
    assert sum(len(page.images) for page in reader.pages) == 5  # as in the DOCX
    assert "Gambar 3.3 Serapan Anggaran per Program" in "\n".join(
        p.extract_text() for p in reader.pages
    )


def test_charts_listed_in_the_daftar_gambar_and_drawn_deterministically(example_copy):
    first = document_for(load_document(example_copy))
    second = document_for(load_document(example_copy))
    (daftar,) = [b for b in first.front if isinstance(b, ListOfTables) and b.kind == "Gambar"]
    assert list(daftar.entries) == [BAGAN, *TITLES]
    charts = [f.png for f in walk(first.body) if isinstance(f, Figure)]
    assert charts == [f.png for f in walk(second.body) if isinstance(f, Figure)]


def test_a_chart_follows_the_data(example_copy):
    before = [
        f.png
        for f in walk(document_for(load_document(example_copy)).body)
        if isinstance(f, Figure) and f.png
    ]
    kinerja = example_copy / "kinerja.yaml"
    kinerja.write_text(
        kinerja.read_text(encoding="utf-8").replace("nilai: 0.259", "nilai: 0.28"), encoding="utf-8"
    )
    after = [
        f.png
        for f in walk(document_for(load_document(example_copy)).body)
        if isinstance(f, Figure) and f.png
    ]
    assert before[0] != after[0]  # capaian of IS2.1 changed
    assert before[2] == after[2]  # serapan did not


def test_the_setting_turns_charts_off(example_copy):
    doc = example_copy / "document.toml"
    doc.write_text(
        doc.read_text(encoding="utf-8").replace('kertas = "A4"', 'kertas = "A4"\ngrafik = false'),
        encoding="utf-8",
    )
    document = document_for(load_document(example_copy))
    assert [f.title for f in walk(document.body) if isinstance(f, Figure)] == [
        BAGAN.removeprefix("Gambar 1.1 ")
    ]
    (daftar,) = [b for b in document.front if isinstance(b, ListOfTables) and b.kind == "Gambar"]
    assert list(daftar.entries) == [
        BAGAN
    ]  # the pictures stay, numbered and listed, without the charts


def test_the_serapan_chart_grows_with_the_programs():
    """A row per program, each 0,4 inch at least (two lines of name): 30 programs do not squeeze
    their names into each other (the Magetan LKjIP's 6 and the total take 7 × 3,8 in)."""
    f = figures_for(load_document(EXAMPLE_AGENCY / EXAMPLE_DOCUMENT))
    six = Image.open(io.BytesIO(serapan_chart(f)))
    programs = [f.program[n % len(f.program)] for n in range(30)]
    many = replace(
        f,
        program=tuple(
            replace(p, node=p.node.model_copy(update={"id": f"P{n + 1}"}))
            for n, p in enumerate(programs)
        ),
    )
    thirty = Image.open(io.BytesIO(serapan_chart(many)))
    thirty.load()  # a whole picture, decoded
    assert six.size == (1050, 570)
    assert thirty.width == 1050 and thirty.height / 150 >= 0.4 * 31


def test_the_trend_chart_plots_what_shares_an_axis(example_copy):
    """Realisasi while every indicator is in one satuan (Magetan's IKM and Nilai SAKIP, both
    "Angka", as 001 Gambar 3.1); capaian (%) once they differ: kasus, persen and indeks on one
    axis compare nothing (the Dinas Perhubungan trial's Gambar 3.2). Nilai SAKIP has no target
    before 2024, so no capaian line."""
    f = figures_for(load_document(example_copy))
    assert charts.tren_ukuran(f) == "realisasi"
    assert [x.text for x in charts.tren_labels(f)] == [
        "Nilai SAKIP Dinas Sosial",
        "Indeks Kepuasan Masyarakat Dinas Sosial",
    ]
    kinerja = example_copy / "kinerja.yaml"
    text = kinerja.read_text(encoding="utf-8")
    old = "indikator: Nilai SAKIP Dinas Sosial\n    satuan: Angka"
    assert old in text
    kinerja.write_text(
        text.replace(old, "indikator: Nilai SAKIP Dinas Sosial\n    satuan: nilai"),
        encoding="utf-8",
    )
    f = figures_for(load_document(example_copy))
    assert charts.tren_ukuran(f) == "capaian"
    assert charts.tren_judul(f) == "Perkembangan Capaian Indikator dari Tahun ke Tahun"
    assert [x.text for x in charts.tren_labels(f)] == ["Indeks Kepuasan Masyarakat Dinas Sosial"]
    assert charts.tren_chart(f) is not None
