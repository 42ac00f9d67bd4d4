"""Building every document under a folder: in parallel, one failure does not stop the others."""

from __future__ import annotations

import shutil
from pathlib import Path

from laporgen.commands.batch import build_all, find_documents

CONTENT = Path(__file__).resolve().parents[1] / "content"


def test_finds_every_example_document():
    found = [p.relative_to(CONTENT).as_posix() for p in find_documents(CONTENT)]
    assert found == [
        "blitar-dinsos/renstra-2021-2026",
        "magetan-dinsos/lkjip-2024",
        "magetan-dinsos/pk-2024",
        "magetan-dinsos/renstra-2018-2023",
        "magetan-dinsos/renstra-2024-2026",
        "rekaan-dinsos/pk-2025",
        "rekaan-dinsos/renstra-2025-2029",
    ]


def test_one_broken_document_does_not_stop_the_others(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT / "magetan-dinsos", root / "magetan-dinsos")
    broken = root / "magetan-dinsos" / "renstra-2024-2026" / "rencana.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("arah: positif", "arah: naik", 1),
        encoding="utf-8",
    )
    seen = []
    results = build_all(
        find_documents(root), tmp_path / "out", ("docx",), workers=2, on_done=seen.append
    )
    assert len(seen) == len(results) == 4
    failed = [r for r in results if not r.ok]
    # the LKjIP and the PK read the broken plan too (one plan per agency); the other Renstra is built
    assert [r.folder.name for r in failed] == ["lkjip-2024", "pk-2024", "renstra-2024-2026"]
    assert all("expected one of 'positif' or 'negatif'" in r.errors[0] for r in failed)
    assert [r.folder.name for r in results if r.ok] == ["renstra-2018-2023"]
    # a Perubahan Renstra: the varian is in its name
    assert (
        tmp_path / "out" / "renstra-2018-2023-perubahan-dinas-sosial-kabupaten-magetan.docx"
    ).is_file()


def _renstra_and_its_perubahan(root: Path) -> tuple[Path, Path]:
    """The Magetan Renstra 2018-2023 as signed (varian awal) and its Perubahan beside it."""
    agency = root / "magetan-dinsos"
    agency.mkdir(parents=True)
    for name in ("agency.yaml", "logo.png"):
        shutil.copy(CONTENT / "magetan-dinsos" / name, agency)
    awal, perubahan = agency / "renstra-2018-2023", agency / "renstra-2018-2023-perubahan"
    shutil.copytree(CONTENT / "magetan-dinsos" / "renstra-2018-2023", awal)
    shutil.copytree(awal, perubahan)
    toml = awal / "document.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('varian = "perubahan"', 'varian = "awal"'),
        encoding="utf-8",
    )
    return awal, perubahan


def test_a_renstra_and_its_perubahan_write_files_of_their_own(tmp_path):
    awal, perubahan = _renstra_and_its_perubahan(tmp_path / "content")
    results = build_all([awal, perubahan], tmp_path / "out", ("docx",), workers=1)
    assert all(r.ok for r in results)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "renstra-2018-2023-dinas-sosial-kabupaten-magetan.docx",
        "renstra-2018-2023-perubahan-dinas-sosial-kabupaten-magetan.docx",
    ]


def test_two_documents_writing_the_same_file_are_refused_before_anything_is_written(
    tmp_path, run_cli
):
    """Two versions of one Renstra both saying varian = "awal": the batch names both folders
    and the fix, exit 2, and builds neither (one would silently replace the other)."""
    awal, perubahan = _renstra_and_its_perubahan(tmp_path / "content")
    toml = perubahan / "document.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('varian = "perubahan"', 'varian = "awal"'),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, stdout, err = run_cli("build", tmp_path / "content", "--out", out)
    assert code == 2
    assert not out.exists()
    (line,) = [x for x in err.splitlines() if "[output.clash]" in x]
    assert "renstra-2018-2023 and " in line and "renstra-2018-2023-perubahan would write" in line
    assert "(renstra-2018-2023-dinas-sosial-kabupaten-magetan.*)" in line
    assert 'varian = "perubahan"' in line
