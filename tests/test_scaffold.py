"""`laporgen init`: a scaffold builds as it is and `check` flags its placeholders; next year's
LKjIP starts from this year's with the year moved on and the realisasi emptied."""

from __future__ import annotations

from pathlib import Path

import pytest

from laporgen.build import build, check
from laporgen.model.folder import load_lkjip
from laporgen.commands.scaffold import new_document, next_lkjip


def write(files: dict[Path, str | bytes]) -> None:
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


@pytest.mark.parametrize("jenis", ["lkjip", "renstra"])
def test_scaffold_builds_and_check_flags_placeholders(tmp_path, jenis):
    folder = tmp_path / "content" / "dinas-contoh" / f"{jenis}-2025"
    files = new_document(folder, jenis, 2025, tmp_path / "schemas")
    write(files)
    assert (folder.parent / "agency.yaml") in files
    assert all("# yaml-language-server: $schema=" in text for path, text in files.items() if path.suffix == ".yaml")
    (docx,) = build(folder, tmp_path / "out").outputs
    assert docx.stat().st_size > 10_000
    findings = check(folder)
    assert findings and {f.severity for f in findings} == {"I"}  # placeholders only: informational
    assert all(f.problem.code == "isi" and f.problem.line for f in findings)  # a Kata Pengantar to write too


def test_next_years_lkjip_from_this_years(example_copy):
    new = example_copy.parent / "lkjip-2025"
    write(next_lkjip(example_copy, new))
    c = load_lkjip(new)
    assert c.settings.tahun == 2025 and c.settings.tanda_tangan.tanggal.year == 2026
    assert all(r.nilai is None for r in c.kinerja.realisasi.values())
    assert all(r.tercetak.capaian is None and r.tercetak.kategori is None for r in c.kinerja.realisasi.values())
    assert c.kinerja.target_triwulan == {}
    assert all(k.anggaran.realisasi == 0 for p in c.program.program for k in p.kegiatan)
    assert all(k.anggaran.pagu > 0 for p in c.program.program for k in p.kegiatan)  # last year's pagu kept as a draft
    assert "<!-- [ISI] draft" in (new / "narasi" / "latar-belakang.md").read_text(encoding="utf-8")
    assert (new / "narasi" / "bagan-organisasi.png").read_bytes() == (example_copy / "narasi" / "bagan-organisasi.png").read_bytes()
    assert {f.severity for f in check(new)} <= {"I", "W"}
    assert not [f for f in check(new) if f.severity == "E"]
    build(new, example_copy.parent / "out")
