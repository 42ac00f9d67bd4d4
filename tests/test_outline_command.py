"""`laporgen outline PATH`: the sections as built, with numbers, titles and the ids that name
their narrative files; an outline change in document.toml shows in it."""

from __future__ import annotations

import shutil
from pathlib import Path

from laporgen.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_outline_lists_every_section_with_number_title_and_id(capsys):
    assert main(["outline", str(ROOT / "content/magetan-dinsos/lkjip-2024")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:10] == [
        "KATA PENGANTAR  [kata-pengantar]",
        "IKHTISAR EKSEKUTIF  [ikhtisar-eksekutif]",
        "BAB I PENDAHULUAN  [pendahuluan]",
        "  A. Latar Belakang  [latar-belakang]",
        "  B. Kedudukan dan Susunan Organisasi  [organisasi]",
        "  C. Tugas dan Fungsi Organisasi  [tugas-fungsi]",
        "  D. Sumber Daya Organisasi  [sumber-daya]",
        "    1. Kepegawaian  [kepegawaian]",
        "    2. Sarana dan Prasarana  [sarana-prasarana]",
        "    3. Anggaran  [anggaran]",
    ]
    assert lines[lines.index("BAB IV PENUTUP  [penutup]") :][:3] == [
        "BAB IV PENUTUP  [penutup]",
        "  A. Simpulan  [simpulan]",
        "  B. Rencana Aksi Tahun 2025  [rencana-aksi]",
    ]
    # the untitled signature section is no entry; the Lampiran's parts take narrative too
    assert lines[lines.index("  B. Rencana Aksi Tahun 2025  [rencana-aksi]") + 1 :] == [
        "LAMPIRAN  [lampiran]",
        "  Lampiran A. Perjanjian Kinerja Dinas Sosial Kabupaten Magetan Tahun 2024 dan Perubahannya  [lampiran-perjanjian-kinerja]",
        "  Lampiran B. Indikator Kinerja Utama (IKU) Tahun 2024-2026  [lampiran-iku]",
        "  Lampiran C. Rencana Aksi Tahun 2025  [lampiran-rencana-aksi]",
    ]
    assert sum(line.startswith("BAB ") for line in lines) == 4


def test_outline_shows_a_renamed_section(tmp_path, capsys):
    shutil.copytree(ROOT / "content/blitar-dinsos", tmp_path / "b")
    doc = tmp_path / "b/renstra-2021-2026/document.toml"
    text = doc.read_text()
    doc.write_text(
        text.replace("[outline.judul]\n", '[outline.judul]\nlandasan-hukum = "Dasar Hukum"\n')
    )
    assert main(["outline", str(tmp_path / "b/renstra-2021-2026")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:4] == [
        "  1.1 Latar Belakang  [latar-belakang]",
        "  1.2 Dasar Hukum  [landasan-hukum]",
    ]


def test_an_lkjip_section_added_under_one_without_subsections_takes_its_narrative(tmp_path, capsys):
    shutil.copytree(ROOT / "content/magetan-dinsos", tmp_path / "m")
    doc = tmp_path / "m/lkjip-2024"
    (doc / "document.toml").write_text(
        (doc / "document.toml").read_text()
        + '\n[[outline.tambah]]\nid = "spm"\njudul = "Capaian SPM"\ndi_bawah = "inovasi"\n'
    )
    (doc / "narasi/spm.md").write_text("Capaian Standar Pelayanan Minimal bidang sosial.\n")
    assert main(["outline", str(doc)]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("  D. Inovasi Tahun 2024  [inovasi]")
    assert lines[at + 1 : at + 3] == [
        "    1. Capaian SPM  [spm]",
        "  E. Prestasi dan Penghargaan Tahun 2024  [prestasi]",
    ]
    assert main(["build", str(doc), "--out", str(tmp_path / "out"), "-q"]) == 0
    from tests.docx_reading import docx_headings, docx_text

    built = next((tmp_path / "out").glob("*.docx"))
    headings = docx_headings(built)
    at = headings.index(("Heading 2", "D. Inovasi Tahun 2024"))
    assert headings[at + 1] == ("Heading 3", "1. Capaian SPM")
    assert "Capaian Standar Pelayanan Minimal bidang sosial." in docx_text(built)
