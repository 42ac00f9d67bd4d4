"""The ids of a narrative file's tables and pictures (document/narrative.py): unique by the file's
path under `narasi/`, so two files of one name in different subfolders never share one, while a
file at the top keeps the ids it always had ("{name}-tabel-1", which HTML anchors link to)."""

from __future__ import annotations

import shutil
from pathlib import Path

from laporgen.document.narrative import narrative_env, render_all
from laporgen.document.nodes import Figure, Table
from laporgen.model.content import Narasi

EXAMPLE = Path(__file__).parents[2] / "content" / "magetan-dinsos" / "lkjip-2024"

TEXT = (
    "Tabel: Jumlah Penerima\n\n| Jenis | Jumlah |\n|---|---|\n| PKH | 12 |\n\n![Bagan](bagan.png)\n"
)


def _ids(tmp_path: Path, keys: list[str]) -> dict[str, list[str]]:
    narasi = tmp_path / "narasi"
    files = {}
    for key in keys:
        path = narasi / f"{key}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT, encoding="utf-8")
        shutil.copy(EXAMPLE / "narasi" / "bagan-organisasi.png", path.parent / "bagan.png")
        files[key] = Narasi(key, TEXT, path)
    rendered = render_all(narrative_env({}), files, set(keys), {}, tmp_path)
    return {
        key: [b.id for b in blocks if isinstance(b, Table | Figure)]
        for key, blocks in rendered.items()
    }


def test_files_of_one_name_in_two_subfolders_give_different_ids(tmp_path):
    ids = _ids(tmp_path, ["S1", "sasaran/S1", "lampiran/S1"])
    assert ids == {
        "S1": ["S1-tabel-1", "S1-1"],
        "sasaran/S1": ["sasaran:S1-tabel-1", "sasaran:S1-1"],
        "lampiran/S1": ["lampiran:S1-tabel-1", "lampiran:S1-1"],
    }
    every = [i for found in ids.values() for i in found]
    assert len(every) == len(set(every))


def test_a_file_at_the_top_keeps_its_ids(tmp_path):
    assert _ids(tmp_path, ["capaian", "kebijakan.akhir"]) == {
        "capaian": ["capaian-tabel-1", "capaian-1"],
        "kebijakan.akhir": ["kebijakan.akhir-tabel-1", "kebijakan.akhir-1"],
    }
