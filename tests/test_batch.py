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
    assert (tmp_path / "out" / "renstra-2018-2023-dinas-sosial-kabupaten-magetan.docx").is_file()
