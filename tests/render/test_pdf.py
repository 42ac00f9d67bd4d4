"""The PDF renderer (WeasyPrint), read back through pypdf: paper sizes, landscape pages, page
numbers (none on the cover, roman front matter, arabic from BAB I), the Daftar Isi's and Daftar
Tabel's page numbers against the pages the headings and captions are really on, repeated head
rows, unsplit rows, the signature on one page, fonts with the symbols, determinism; and the
LibreOffice engine's errors."""

from __future__ import annotations

import gc
import io
import logging
import os
import stat
import tempfile
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from fontTools.ttLib import TTFont
from pdf_reading import (
    check_toc_page_numbers,
    footer_number,
    page_sizes_mm,
    pdf_texts,
    squeeze,
)

from laporgen.document.nodes import (
    Cell,
    Column,
    Cover,
    Document,
    Landscape,
    ListOfTables,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    Table,
    Text,
    Toc,
)
from laporgen.errors import LaporgenError
from laporgen.render import libreoffice
from laporgen.render.pdf import pdf_from_html, render_pdf
from laporgen.render.typst import FONTS, render_typst_pdf

# WeasyPrint warns once, on import, when the system lacks libharfbuzz-subset (Debian
# libharfbuzz-subset0; CI does not install it): it then subsets fonts with fontTools instead.
pytestmark = pytest.mark.filterwarnings(
    "ignore:HarfBuzz-Subset will be required:DeprecationWarning"
)

SYMBOLS = "≥ ≤ ± – Rp m²"
FILLER = (
    "Pelaksanaan tugas dan fungsi Dinas Sosial ditopang oleh sumber daya organisasi yang "
    "memadai, baik sumber daya manusia, sarana dan prasarana, maupun anggaran, sehingga "
    "capaian kinerja dapat diukur dan dipertanggungjawabkan kepada masyarakat."
)
A4, F4 = (210.0, 297.0), (215.0, 330.0)


def para(text: str, **kwargs) -> Paragraph:
    return Paragraph((Text(text),), **kwargs)


def cell(text: str, **kwargs) -> Cell:
    return Cell((para(text),), **kwargs)


def long_table() -> Table:
    """60 rows: runs over at least one page break."""
    return Table(
        id="panjang",
        number="2.1",
        title="Rencana Kebutuhan Pegawai",
        columns=(Column(0.5), Column(4), Column(1.5, "right")),
        head=(
            (
                cell("No.", align="center"),
                cell("Jabatan", align="center"),
                cell("Jumlah", align="center"),
            ),
        ),
        body=tuple(
            (
                cell(str(i)),
                cell(f"Jabatan baris {i} dengan nama yang agak panjang"),
                cell(f"{i},00", align="right"),
            )
            for i in range(1, 61)
        ),
        foot=((cell("Jumlah", colspan=2), cell("1.830,00", align="right")),),
    )


def wide_table() -> Table:
    return Table(
        id="lebar",
        number="3.1",
        title="Perbandingan Capaian Kinerja",
        columns=tuple(Column(1.0, "right") for _ in range(11)),
        head=(tuple(cell(f"Kolom {i}", align="center") for i in range(11)),),
        body=tuple(tuple(cell(f"{r}{i},50", align="right") for i in range(11)) for r in range(5)),
        font_size="small",
    )


def chapter(
    id: str, number: str, title: str, subsections: list[tuple[str, str]], extra: tuple = ()
) -> Section:
    children = tuple(
        Section(f"{id}-{i}", 2, letter, name, tuple(para(FILLER) for _ in range(9)))
        for i, (letter, name) in enumerate(subsections)
    )
    return Section(id, 1, number, title, (*children, *extra), page_break_before=True)


def long_document(paper: str = "A4") -> Document:
    """Three BABs over several pages each, a table over a page break, a landscape table and a
    closing signature: what the page-number tests need."""
    bab1 = chapter(
        "pendahuluan",
        "BAB I",
        "PENDAHULUAN",
        [("A.", "Latar Belakang"), ("B.", "Maksud dan Tujuan"), ("C.", "Sistematika")],
        (para(f"Simbol: capaian {SYMBOLS}, 75 ≤ c < 100, luas 12 m²."),),
    )
    bab2 = chapter(
        "perencanaan",
        "BAB II",
        "PERENCANAAN KINERJA",
        [("A.", "Rencana Strategis"), ("B.", "Perjanjian Kinerja")],
        (long_table(),),
    )
    bab3 = chapter(
        "akuntabilitas",
        "BAB III",
        "AKUNTABILITAS KINERJA",
        [("A.", "Capaian Kinerja"), ("B.", "Realisasi Anggaran")],
        (
            Landscape((wide_table(),)),
            para(FILLER),
            Section(
                "tanda-tangan",
                2,
                "",
                "",
                (
                    Signature(
                        "Magetan, Februari 2025",
                        ("KEPALA DINAS SOSIAL", "KABUPATEN MAGETAN"),
                        "PARMINTO BUDI UTOMO, S.Sos, M.AP.",
                        "Pembina Utama Muda (IV/c)",
                        "197212211993021002",
                    ),
                ),
                in_toc=False,
            ),
        ),
    )
    body = (bab1, bab2, bab3)
    entries = []
    for bab in body:
        entries.append((1, bab.heading))
        entries += [(2, s.heading) for s in bab.children if isinstance(s, Section) and s.in_toc]
    front = (
        Section(
            "kata-pengantar",
            1,
            "",
            "KATA PENGANTAR",
            (para(FILLER),),
            in_toc=False,
            page_break_before=True,
        ),
        PageBreak(),
        Toc("DAFTAR ISI", tuple(entries)),
        PageBreak(),
        ListOfTables(
            "DAFTAR TABEL",
            "Tabel",
            ("Tabel 2.1 Rencana Kebutuhan Pegawai", "Tabel 3.1 Perbandingan Capaian Kinerja"),
        ),
    )
    return Document(
        title="Laporan Kinerja Uji",
        subject="LKjIP",
        author="Dinas Sosial",
        date_iso="2025-02-01",
        cover=Cover(("LAPORAN KINERJA", "TAHUN 2024"), ("DINAS SOSIAL", "TAHUN 2025")),
        front=front,
        body=body,
        paper=paper,  # type: ignore[arg-type]
        running_header="LKjIP Dinas Sosial Uji",
    )


RENDERERS = {"weasyprint": render_pdf, "typst": render_typst_pdf}
"""The two engines that lay out the tree themselves; every layout test below runs on both."""


@pytest.fixture(scope="module", params=sorted(RENDERERS))
def engine(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def a4(engine) -> tuple[Document, bytes]:
    document = long_document("A4")
    return document, RENDERERS[engine](document)


@pytest.fixture(scope="module")
def texts(a4) -> list[str]:
    return pdf_texts(a4[1])


def page_of(texts: list[str], needle: str, start: int = 1) -> int:
    """The 0-based index of the first page from `start` holding `needle` (spaces ignored)."""
    return next(i for i in range(start, len(texts)) if squeeze(needle) in squeeze(texts[i]))


def body_page_of(texts: list[str], needle: str) -> int:
    """`page_of` after the Daftar Tabel (which lists every caption)."""
    return page_of(texts, needle, start=page_of(texts, "DAFTAR TABEL") + 1)


# ----------------------------------------------------------------------------------- paper
def test_a4_paper(a4):
    sizes = page_sizes_mm(a4[1])
    assert sizes[0] == A4
    assert set(sizes) == {A4, A4[::-1]}


def test_f4_paper_from_the_document_setting(engine):
    document = long_document("F4")
    short = replace(document, front=document.front[:1], body=document.body[2:])  # has landscape
    sizes = page_sizes_mm(RENDERERS[engine](short))
    assert sizes[0] == F4
    assert set(sizes) == {F4, F4[::-1]}


def test_landscape_pages_are_landscape_and_only_they(a4, texts):
    sizes = page_sizes_mm(a4[1])
    landscape = [i for i, (w, h) in enumerate(sizes) if w > h]
    assert landscape == [body_page_of(texts, "Tabel 3.1 Perbandingan Capaian Kinerja")]
    assert "Kolom 10" in texts[landscape[0]]
    after = landscape[-1] + 1
    assert sizes[after] == A4 and FILLER.split()[0] in texts[after]  # back to portrait


# ---------------------------------------------------------------------------- page numbers
def test_cover_has_no_page_number_nor_running_header(texts):
    assert footer_number(texts[0]) is None
    assert "LKjIP Dinas Sosial Uji" not in texts[0]
    assert "LAPORAN KINERJA" in texts[0]


def test_front_matter_roman_body_arabic_from_bab_i(texts):
    assert footer_number(texts[1]) == "i" and "KATA PENGANTAR" in texts[1]
    bab1 = body_page_of(texts, "BAB I\nPENDAHULUAN")
    assert [footer_number(t) for t in texts[1:bab1]] == ["i", "ii", "iii", "iv"][: bab1 - 1]
    numbers = [footer_number(t) for t in texts[bab1:]]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert all("LKjIP Dinas Sosial Uji" in t for t in texts[1:])


def test_toc_page_numbers_point_at_the_headings(a4, texts):
    assert check_toc_page_numbers(texts, a4[0]) == 10


def test_list_of_tables_page_numbers_point_at_the_captions(texts):
    lot = page_of(texts, "DAFTAR TABEL")
    for caption in (
        "Tabel 2.1 Rencana Kebutuhan Pegawai",
        "Tabel 3.1 Perbandingan Capaian Kinerja",
    ):
        line = next(line for line in texts[lot].splitlines() if line.startswith(caption))
        printed = line.rsplit(".", 1)[-1].strip()
        assert footer_number(texts[page_of(texts, caption, start=lot + 1)]) == printed, caption


# ------------------------------------------------------------------------------- tables
def test_head_rows_repeat_and_no_row_splits(texts):
    first = body_page_of(texts, "Tabel 2.1 Rencana Kebutuhan Pegawai")
    last = page_of(texts, "1.830,00", start=first)
    assert last > first, "the table should run over a page break"
    for page in range(first, last + 1):
        assert "No. Jabatan Jumlah" in texts[page], f"head row missing on page {page + 1}"
    for i in range(1, 61):
        row = f"{i} Jabatan baris {i} dengan nama yang agak panjang {i},00"
        assert sum(row in " ".join(texts[p].split()) for p in range(first, last + 1)) == 1, row
    assert texts[last].count("Jumlah 1.830,00") == 1  # the totals row once, at the end


def test_signature_block_kept_on_one_page(texts):
    page = page_of(texts, "PARMINTO BUDI UTOMO")
    for line in (
        "Magetan, Februari 2025",
        "KEPALA DINAS SOSIAL",
        "KABUPATEN MAGETAN",
        "Pembina Utama Muda (IV/c)",
        "NIP. 197212211993021002",
    ):
        assert line in texts[page]


# --------------------------------------------------------------------------------- fonts
def embedded_fonts(pdf: bytes) -> dict[str, TTFont]:
    """The embedded TrueType subsets by base font name."""
    fonts: dict[str, TTFont] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            program = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            fonts[str(font["/BaseFont"]).split("+", 1)[-1]] = TTFont(io.BytesIO(program))
    return fonts


def test_fonts_are_liberation_sans_or_dejavu_and_draw_the_symbols(a4, texts):
    fonts = embedded_fonts(a4[1])
    assert fonts and all(
        name.startswith(("Liberation-Sans", "LiberationSans", "DejaVu-Sans")) for name in fonts
    ), sorted(fonts)
    assert any(name.startswith(("Liberation-Sans", "LiberationSans")) for name in fonts)
    assert SYMBOLS in " ".join(texts[page_of(texts, "Simbol:")].split())
    # Typst's subsets map glyphs by id, without a cmap: their full font (shipped) is read then
    cmaps = [font.getBestCmap() for font in fonts.values()]
    if not any(cmaps):
        cmaps = [TTFont(FONTS / "LiberationSans-Regular.ttf").getBestCmap()]
    for char in "≥≤±–²":
        assert any(ord(char) in cmap for cmap in cmaps if cmap), f"no glyph for {char}"


# ------------------------------------------------------------------------- output itself
@pytest.mark.parametrize("epoch", [None, "0", "1700000000"], ids=["unset", "1970", "2023"])
def test_same_document_same_bytes_dated_by_the_document(a4, engine, monkeypatch, epoch):
    """The PDF's dates are the document's (its signing date), whatever SOURCE_DATE_EPOCH a CI
    exports: the same bytes with it unset or set to any time."""
    document, pdf = a4
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert RENDERERS[engine](document) == pdf
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    dates = (info["/CreationDate"], info["/ModDate"])
    assert (
        dates == {"weasyprint": ("D:20250201",) * 2, "typst": ("D:20250201000000Z",) * 2}[engine]
    )  # the signing date
    assert info["/Title"] == "Laporan Kinerja Uji" and info["/Author"] == "Dinas Sosial"


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_garbage_collector_is_paused_only_while_weasyprint_works(monkeypatch, enabled_before):
    """~8 % of the PDF's time is the collector walking WeasyPrint's boxes (issue 9)."""
    import weasyprint

    seen: list[bool] = []

    class RecordingHTML:  # stands in for weasyprint.HTML
        def __init__(self, string: str):
            self.string = string

        def write_pdf(self, **options: object) -> bytes:
            seen.append(gc.isenabled())
            return b"%PDF-1.7"

    monkeypatch.setattr(weasyprint, "HTML", RecordingHTML)
    was = gc.isenabled()
    (gc.enable if enabled_before else gc.disable)()
    try:
        assert pdf_from_html("<p>x</p>", "2025-02-01") == b"%PDF-1.7"
        assert gc.isenabled() == enabled_before
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]


def test_weasyprint_reports_nothing_unsupported(caplog):
    document = long_document()
    short = replace(document, body=document.body[2:], front=document.front[:1])
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_pdf(short)
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    # Only the notice that this machine lacks libharfbuzz-subset (see pytestmark) may appear.
    assert [m for m in messages if "HarfBuzz-Subset" not in m] == []


# ---------------------------------------------------------------- LibreOffice engine errors
def fake_soffice(folder: Path, script: str) -> None:
    """Put an executable `soffice` running `script` (sh) first on PATH."""
    folder.mkdir()
    exe = folder / "soffice"
    exe.write_text(f"#!/bin/sh\n{script}\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)


def test_libreoffice_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    with pytest.raises(LaporgenError) as caught:
        libreoffice.docx_to_pdf(b"PK")
    (problem,) = caught.value.problems
    assert (problem.file, problem.code) == ("soffice", "pdf.engine")
    assert "not installed" in problem.message
    assert problem.hint == (
        "install LibreOffice (apt-get install libreoffice-writer-nogui) or use --pdf-engine typst"
    )


def test_libreoffice_failing_is_a_clear_error(monkeypatch, tmp_path):
    fake_soffice(tmp_path / "bin", "echo 'Error: source file could not be loaded' >&2; exit 1")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(LaporgenError) as caught:
        libreoffice.docx_to_pdf(b"not a docx")
    (problem,) = caught.value.problems
    assert problem.code == "pdf.engine"
    assert problem.message == (
        "LibreOffice failed to convert the DOCX (exit 1): Error: source file could not be loaded"
    )


def leftover_folders(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob(f"{libreoffice.TEMP_PREFIX}*"))


def alive(pid: int) -> bool:
    """Whether process `pid` still runs (a zombie waiting for its parent counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_libreoffice_timing_out_kills_its_whole_group_and_removes_its_folder(monkeypatch, tmp_path):
    """The fake soffice does what the real launcher does: starts a worker (soffice.bin) that
    writes into the profile folder, and waits. On the timeout both die and the folder goes."""
    pids = tmp_path / "pids"
    fake_soffice(
        tmp_path / "bin",
        f"""profile=$(echo "$2" | sed 's|^-env:UserInstallation=file://||')
mkdir -p "$profile"
(while true; do date > "$profile/busy"; sleep 0.05; done) &
echo $$ $! > {pids}
wait""",
    )
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(LaporgenError) as caught:
        libreoffice.docx_to_pdf(b"PK", timeout=1)
    assert caught.value.problems[0].message == (
        "LibreOffice did not finish converting the DOCX within 1 seconds"
    )
    launcher, worker = (int(pid) for pid in pids.read_text().split())
    assert not alive(launcher)
    assert not alive(worker)
    assert leftover_folders(tmp_path) == []


@pytest.mark.libreoffice
def test_real_libreoffice_timing_out_leaves_no_process_and_no_folder(monkeypatch, tmp_path):
    """The real soffice, stopped after half a second (before it has even read its profile):
    no process of the conversion survives and its temporary folder is removed."""
    from libreoffice import soffice

    soffice()  # skips with the reason when LibreOffice is not installed
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    before = soffice_pids()
    with pytest.raises(LaporgenError, match="within 0.5 seconds"):
        libreoffice.docx_to_pdf(b"PK", timeout=0.5)
    assert leftover_folders(tmp_path) == []
    left = [pid for pid in soffice_pids() - before if str(tmp_path) in cmdline(pid)]
    assert left == []


def soffice_pids() -> set[int]:
    return {
        int(p.name)
        for p in Path("/proc").iterdir()
        if p.name.isdigit() and "soffice" in cmdline(int(p.name))
    }


def cmdline(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return ""
