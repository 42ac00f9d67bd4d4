"""What a new user's trial of a Renstra found (issue 14: a Dinas Kesehatan Renstra 2025-2029 entered
from the README, `init`, `schema` and `outline` only), shown in the invented example
(content/rekaan-dinsos) and the bundled ones, with exact values:

- kondisi akhir by one rule everywhere: a series that ends on text (predikat "A") ends on it, in
  T-C.27's program rows as in its sasaran rows and in T-C.28;
- BAB VI's sentence counts the kegiatan and sub kegiatan of the programs it counts, outside the
  program penunjang;
- T-C.25 prints a Satuan column by default, each row its indicator's unit; the signed examples
  keep the form's columns with the unit in every cell (`kolom_tc25 = []`);
- the Sistematika gives every chapter its line, whatever the outline;
- the PK prints a text target as written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docx_reading import docx_tables, table_captions
from laporgen.build import build, document_for
from laporgen.document.nodes import ListBlock, Paragraph, Section, Table, Text
from laporgen.document.numbering import walk
from laporgen.jenis import load_document
from laporgen.model.folder import load_lkjip, load_renstra

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
REKAAN = CONTENT / "rekaan-dinsos" / "renstra-2025-2029"
BLITAR = CONTENT / "blitar-dinsos" / "renstra-2021-2026"
MAGETAN = CONTENT / "magetan-dinsos"


def tables(docx: Path) -> dict[str, list[list[str]]]:
    return {c.split("\n")[0]: t for c, t in zip(table_captions(docx), docx_tables(docx))}


def text_of(p: Paragraph) -> str:
    return "".join(i.text for i in p.inlines if isinstance(i, Text))


def cell_text(c) -> str:
    return " ".join(text_of(p) for p in c.blocks if isinstance(p, Paragraph))


def paragraphs(blocks) -> list[str]:
    return [text_of(b) for b in walk(tuple(blocks)) if isinstance(b, Paragraph)]


def section(document, id_: str) -> Section:
    return next(b for b in walk(document.body) if isinstance(b, Section) and b.id == id_)


def sistematika(document) -> list[tuple[str, str]]:
    """The Sistematika's entries: (the chapter's line "BAB I PENDAHULUAN", the line under it)."""
    listing = next(b for b in section(document, "sistematika").children if isinstance(b, ListBlock))
    return [tuple(text_of(p) for p in item) for item in listing.items]  # type: ignore[misc]


@pytest.fixture
def rekaan(tmp_path) -> Path:
    shutil.copytree(REKAAN.parent, tmp_path / "rekaan-dinsos")
    return tmp_path / "rekaan-dinsos" / REKAAN.name


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ------------------------------------------------------------------------------ kondisi akhir
def test_tc27_program_row_ends_on_its_predikat_as_the_sasaran_row_does(tmp_path):
    docx = build(REKAAN, tmp_path).outputs[0]
    caption = (
        "Tabel 6.1 Rencana Program, Kegiatan dan Pendanaan Dinas Sosial Kabupaten Rekaan Tahun "
        "2025-2029 (T-C.27) (lanjutan)"
    )
    # read from the right: the Tujuan and Sasaran cells span the rows under them (not repeated)
    rows = {r[-7]: r[-6:] for r in tables(docx)[caption] if len(r) >= 7}
    # Data Capaian awal · 2029 target, Rp · Kondisi Akhir target, Rp · Unit Kerja
    assert rows["Predikat evaluasi kinerja program penanganan bencana"] == [
        "B",
        "A",
        "170.000.000",
        "A",
        "790.000.000",
        "Dinas Sosial",
    ]
    assert rows["Predikat SAKIP Dinas Sosial"] == ["B", "A", "", "A", "", ""]
    assert rows["Indeks kepuasan korban bencana atas layanan logistik"] == [
        "N.a",
        "3,5 indeks",
        "",
        "3,5 indeks",
        "",
        "",
    ]


def test_tc28_ends_a_program_row_and_a_written_row_on_their_predikat(rekaan, tmp_path):
    (rekaan / "analisis.yaml").write_text(
        (rekaan / "analisis.yaml").read_text(encoding="utf-8")
        + """
indikator_urusan:
  baris:
    - program: P3
    - indikator: IT2
    - nama: Predikat pelayanan publik Dinas Sosial
      satuan: predikat
      kondisi_awal: B
      target: {2025: B, 2026: BB, 2027: BB, 2028: A, 2029: A}
""",
        encoding="utf-8",
    )
    _edit(rekaan / "document.toml", "[iku]\n", "[outline]\nhapus = []\n\n[iku]\n")
    tc28 = next(
        b
        for b in walk(document_for(load_renstra(rekaan)).body)
        if isinstance(b, Table) and b.id == "tc28"
    )
    body = [[cell_text(c) for c in r] for r in tc28.body]
    # No · Indikator · Satuan · awal · 2025-2029 · Kondisi Akhir · Sumber Data
    assert [r[1:10] for r in body] == [
        [
            "Predikat evaluasi kinerja program penanganan bencana",
            "predikat",
            "B",
            "BB",
            "BB",
            "BB",
            "A",
            "A",
            "A",
        ],
        ["Predikat SAKIP Dinas Sosial", "predikat", "B", "BB", "BB", "BB", "A", "A", "A"],
        ["Predikat pelayanan publik Dinas Sosial", "predikat", "B", "B", "BB", "BB", "A", "A", "A"],
    ]


# ------------------------------------------------------------------------------ BAB VI count
def test_bab_vi_counts_the_kegiatan_of_the_programs_it_counts():
    """Rekaan: P1 is the program penunjang (2 kegiatan, 3 sub kegiatan); P2 and P3 have 3
    kegiatan and 4 sub kegiatan between them."""
    document = document_for(load_renstra(REKAAN))
    assert paragraphs(section(document, "rencana-program").children)[0] == (
        "Untuk mencapai 1 (satu) tujuan dan 2 (dua) sasaran dengan 3 (tiga) indikator sasaran, "
        "Dinas Sosial melaksanakan 2 (dua) program di luar program penunjang, dengan 3 (tiga) "
        "kegiatan dan 4 (empat) sub kegiatan."
    )


def test_blitar_bab_vi_counts_five_programs_as_the_seed_does():
    """Seed 003 BAB VII: "Kedua sasaran tersebut dicapai melalui 5 program": six programs, one
    the penunjang, whose 6 kegiatan and 15 sub kegiatan are left out as it is (the sentence
    said 14 kegiatan and 43 sub kegiatan)."""
    document = document_for(load_renstra(BLITAR))
    sentences = paragraphs(section(document, "rencana-program").children)
    assert [p for p in sentences if p.startswith("Untuk mencapai")] == [
        "Untuk mencapai 1 (satu) tujuan dan 2 (dua) sasaran dengan 3 (tiga) indikator sasaran, "
        "Dinas Sosial melaksanakan 5 (lima) program di luar program penunjang, dengan 8 "
        "(delapan) kegiatan dan 28 (dua puluh delapan) sub kegiatan."
    ]


# ------------------------------------------------------------------------------------ T-C.25
def test_tc25_has_a_satuan_column_by_default(rekaan):
    _edit(rekaan / "document.toml", 'kolom_tc25 = ["satuan", "kondisi_awal"]\n', "")
    tc25 = next(
        b
        for b in walk(document_for(load_renstra(rekaan)).body)
        if isinstance(b, Table) and b.id == "tc25"
    )
    assert [cell_text(c) for c in tc25.head[0]] == [
        "No.",
        "Tujuan",
        "Sasaran",
        "Indikator Tujuan/Sasaran",
        "Satuan",
        "Target Kinerja Tujuan/Sasaran pada Tahun ke-",
    ]
    rows = {cell_text(r[-6]): [cell_text(c) for c in r[-5:]] for r in tc25.body}
    assert rows["predikat"] == ["BB", "BB", "BB", "A", "A"]
    assert rows["indeks"] == ["3,1", "3,2", "3,3", "3,4", "3,5"]  # not "3,1 indeks"


def test_the_signed_examples_keep_the_unit_in_every_cell():
    """Seed 000 lines 3222-3240 and seed 003 lines 827-846 print no Satuan column (kolom_tc25 = [])."""
    for folder, first in (
        (MAGETAN / "renstra-2018-2023", ["10,11%", "9,91%", "9,71%", "9,54%", "8,5%"]),
        (BLITAR, ["0,5%", "0,5%", "0,5%", "0,5%", "0,5%"]),
    ):
        tc25 = next(
            b
            for b in walk(document_for(load_renstra(folder)).body)
            if isinstance(b, Table) and b.id == "tc25"
        )
        assert "Satuan" not in [cell_text(c) for c in tc25.head[0]], folder.name
        assert [cell_text(c) for c in tc25.body[0][-5:]] == first, folder.name


# ------------------------------------------------------------------------------- Sistematika
RENSTRA_BAB_VI_VIII = [
    (
        "BAB VI RENCANA PROGRAM DAN KEGIATAN SERTA PENDANAAN",
        "Bab ini memuat rencana program dan kegiatan, indikator kinerja, target dan pendanaan "
        "indikatif.",
    ),
    (
        "BAB VII KINERJA PENYELENGGARAAN BIDANG URUSAN",
        "Bab ini memuat indikator kinerja Perangkat Daerah yang secara langsung menunjukkan kinerja "
        "yang akan dicapai Perangkat Daerah dalam periode Renstra sebagai komitmen untuk mendukung "
        "pencapaian tujuan dan sasaran RPJMD.",
    ),
    ("BAB VIII PENUTUP", "Bab ini merupakan penutup Renstra."),
]


def test_sistematika_gives_every_chapter_of_a_renstra_its_line():
    entries = sistematika(document_for(load_renstra(REKAAN)))
    assert [e[0] for e in entries[:5]] == [
        "BAB I PENDAHULUAN",
        "BAB II GAMBARAN PELAYANAN PERANGKAT DAERAH",
        "BAB III PERMASALAHAN DAN ISU-ISU STRATEGIS PERANGKAT DAERAH",
        "BAB IV TUJUAN DAN SASARAN",
        "BAB V STRATEGI DAN ARAH KEBIJAKAN",
    ]
    assert entries[3][1] == "Bab ini memuat Tujuan dan Sasaran Jangka Menengah Perangkat Daerah."
    assert entries[5:] == RENSTRA_BAB_VI_VIII


def test_sistematika_follows_a_changed_outline(rekaan):
    """A chapter dropped, one added without sections, a section moved to another chapter, and a
    chapter renamed: the list follows each."""
    _edit(
        rekaan / "document.toml",
        "[iku]\n",
        """[outline]
hapus = ["kinerja-urusan"]
pindah = [{ id = "kebijakan", di_bawah = "tujuan-sasaran" }]
tambah = [{ id = "bab-spm", judul = "Standar Pelayanan Minimal Bidang Sosial", setelah = "rencana-program" }]
judul = { penutup = "Penutup dan Kaidah Pelaksanaan" }

[iku]
""",
    )
    _edit(rekaan / "document.toml", 'bagian = "kinerja-urusan"', 'bagian = "bab-spm"')
    (rekaan / "narasi" / "kinerja-urusan.md").rename(rekaan / "narasi" / "bab-spm.md")
    entries = sistematika(document_for(load_renstra(rekaan)))
    assert entries[3:] == [
        (
            "BAB IV TUJUAN DAN SASARAN",
            "Bab ini memuat Tujuan dan Sasaran Jangka Menengah Perangkat Daerah dan Arah Kebijakan.",
        ),
        ("BAB V STRATEGI DAN ARAH KEBIJAKAN", "Bab ini memuat Strategi."),
        RENSTRA_BAB_VI_VIII[0],
        (
            "BAB VII STANDAR PELAYANAN MINIMAL BIDANG SOSIAL",
            "Bab ini memuat Standar Pelayanan Minimal Bidang Sosial.",
        ),
        ("BAB VIII PENUTUP DAN KAIDAH PELAKSANAAN", "Bab ini merupakan penutup Renstra."),
    ]


def test_lkjip_sistematika_lists_a_fifth_chapter(tmp_path):
    """The LKjIP's list stopped at BAB IV (a fifth chapter failed the build)."""
    shutil.copytree(MAGETAN, tmp_path / "magetan-dinsos")
    folder = tmp_path / "magetan-dinsos" / "lkjip-2024"
    text = (folder / "document.toml").read_text(encoding="utf-8")
    (folder / "document.toml").write_text(
        text
        + '\n[[outline.tambah]]\nid = "catatan"\njudul = "Catatan Tambahan"\nsetelah = "penutup"\n',
        encoding="utf-8",
    )
    entries = sistematika(document_for(load_lkjip(folder), charts=False))
    assert [e[0] for e in entries] == [
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "BAB V CATATAN TAMBAHAN",
    ]
    assert entries[3][1] == "Bab ini memuat Simpulan dan Rencana Aksi Tahun 2025."
    assert entries[4][1] == "Bab ini memuat Catatan Tambahan."


# ------------------------------------------------------------------------------------- PK
def test_pk_prints_a_text_target_as_written(tmp_path):
    shutil.copytree(MAGETAN, tmp_path / "magetan-dinsos")
    agency = tmp_path / "magetan-dinsos"
    _edit(
        agency / "renstra-2024-2026" / "rencana.yaml",
        "target: {2024: 85, 2025: 89, 2026: 90.50}",
        "target: {2024: BB, 2025: A, 2026: A}",
    )
    _edit(
        agency / "pk-2024" / "anggaran.yaml",
        "satuan: Angka, target: 84}",
        "satuan: Angka, target: {teks: B (baik)}}",
    )
    document = document_for(load_document(agency / "pk-2024"))
    target, program = [b for b in walk(document.body) if isinstance(b, Table)][:2]
    sakip = next(r for r in target.body if cell_text(r[2]) == "Nilai SAKIP Dinas Sosial")
    assert [cell_text(c) for c in sakip[3:]] == ["Angka", "BB"]
    assert [cell_text(c) for c in program.body[0][:4]] == [
        "1",
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        "Kepuasan ASN Dinas Sosial terhadap Layanan Kesekretariatan Dinas Sosial",
        "B (baik)",
    ]


def test_lkjip_target_akhir_renstra_is_the_plans_last_predikat(tmp_path):
    """The LKjIP's Tabel 3.4 (target akhir Renstra) by the same rule: the plan ends on "A", so
    the target akhir is "A" (it printed "-") and no tingkat kemajuan is computed from it."""
    shutil.copytree(MAGETAN, tmp_path / "magetan-dinsos")
    agency = tmp_path / "magetan-dinsos"
    _edit(
        agency / "renstra-2024-2026" / "rencana.yaml",
        "target: {2024: 99.88, 2025: 99.89, 2026: 99.90}",
        "target: {2024: 99.88, 2025: BB, 2026: A}",
    )
    document = document_for(load_lkjip(agency / "lkjip-2024"), charts=False)
    tabel = next(
        b for b in walk(document.body) if isinstance(b, Table) and b.id == "perbandingan-renstra"
    )
    name = "Persentase PPKS yang Mendapatkan Perlindungan dan Jaminan Sosial"
    row = next(r for r in tabel.body if any(cell_text(c) == name for c in r))
    # realisasi 2024 · target akhir Renstra · tingkat kemajuan
    assert [cell_text(c) for c in row[-3:]] == ["99,88", "A", "-"]


def test_sistematika_leaves_out_what_bagian_kosong_leaves_out(rekaan):
    """With `bagian_kosong = "hilangkan"` the sections without narrative or content are left out
    of the document, and so of its Sistematika (a chapter left out whole shifts the numbers)."""
    _edit(
        rekaan / "document.toml",
        'penomoran_tabel = "bab"\n',
        'penomoran_tabel = "bab"\nbagian_kosong = "hilangkan"\n',
    )
    entries = sistematika(document_for(load_renstra(rekaan)))
    # BAB I keeps only 1.4 (the others have no narrative), BAB II only 2.3, BAB III two of five;
    # the Penutup, without narrative, is left out and with it BAB VIII
    assert entries == [
        ("BAB I PENDAHULUAN", "Bab ini memuat Sistematika Penulisan."),
        (
            "BAB II GAMBARAN PELAYANAN PERANGKAT DAERAH",
            "Bab ini memuat Kinerja Pelayanan Perangkat Daerah.",
        ),
        (
            "BAB III PERMASALAHAN DAN ISU-ISU STRATEGIS PERANGKAT DAERAH",
            "Bab ini memuat Identifikasi Permasalahan Berdasarkan Tugas dan Fungsi Pelayanan "
            "Perangkat Daerah dan Telaahan Renstra Kementerian/Lembaga dan Renstra Provinsi.",
        ),
        (
            "BAB IV TUJUAN DAN SASARAN",
            "Bab ini memuat Tujuan dan Sasaran Jangka Menengah Perangkat Daerah.",
        ),
        ("BAB V STRATEGI DAN ARAH KEBIJAKAN", "Bab ini memuat Strategi dan Arah Kebijakan."),
        *RENSTRA_BAB_VI_VIII[:2],
    ]


def _tc23_names(folder: Path) -> list[str]:
    tc23 = next(
        b
        for b in walk(document_for(load_document(folder), charts=False).body)
        if isinstance(b, Table) and b.id == "tc23"
    )
    return [cell_text(row[1]) for row in tc23.body]


def test_tc23_names_a_unit_its_indicator_name_does_not_state(tmp_path):
    """T-C.23 has no Satuan column (the form's numbered columns): a PUPR's "Panjang jalan …" in
    km printed 412,35 beside percentages with no unit anywhere. The unit follows the name; a
    "Persentase …" in % states it already, as the signed Magetan form prints it."""
    shutil.copytree(MAGETAN, tmp_path / "magetan-dinsos")
    folder = tmp_path / "magetan-dinsos" / "renstra-2018-2023"
    signed = _tc23_names(folder)
    assert signed[0].startswith("Persentase PMKS") and not signed[0].endswith(")")
    evaluasi = folder / "evaluasi.yaml"
    text = evaluasi.read_text(encoding="utf-8")
    first = text.index("satuan:", text.index("kinerja_pelayanan"))
    line_end = text.index("\n", first)
    evaluasi.write_text(text[:first] + "satuan: km" + text[line_end:], encoding="utf-8")
    names = _tc23_names(folder)
    assert names[0] == signed[0] + " (km)" and names[1:] == signed[1:]
