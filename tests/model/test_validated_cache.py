"""Each content file's validated model kept between runs (model/validated_cache.py): the same
bytes are read and validated once, an edit again, a file with a mistake is reported on every run,
and a cache that cannot be used only costs the validating."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from laporgen.errors import LaporgenError
from laporgen.jenis import load_document
from laporgen.model import validate as validate_module
from laporgen.model.lkjip import Kinerja

from conftest import EXAMPLE_AGENCY, EXAMPLE_DOCUMENT

KINERJA = EXAMPLE_AGENCY / EXAMPLE_DOCUMENT / "kinerja.yaml"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LAPORGEN_NO_CACHE", raising=False)
    return tmp_path / "cache" / "laporgen" / "model"


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The files read and validated (not taken from the cache)."""
    seen: list[Path] = []
    read_data = validate_module.read_data

    def counting(path):
        seen.append(path)
        return read_data(path)

    monkeypatch.setattr(validate_module, "read_data", counting)
    return seen


def test_the_same_bytes_are_validated_once(cache, reads, tmp_path):
    path = tmp_path / "kinerja.yaml"
    shutil.copy(KINERJA, path)
    first, source = validate_module.load(Kinerja, path)
    again, source_again = validate_module.load(Kinerja, path)
    assert reads == [path]
    assert again == first
    assert source_again.lines == source.lines and source_again.text == source.text
    assert len(list(cache.iterdir())) == 1


def test_an_edited_file_is_validated_again(cache, reads, tmp_path):
    path = tmp_path / "kinerja.yaml"
    shutil.copy(KINERJA, path)
    first, _ = validate_module.load(Kinerja, path)
    text = path.read_text(encoding="utf-8")
    assert "nilai: 0.038" in text
    path.write_text(text.replace("nilai: 0.038", "nilai: 0.039", 1), encoding="utf-8")
    edited, _ = validate_module.load(Kinerja, path)
    assert reads == [path, path]
    assert (first.realisasi["IS3.1"].nilai, edited.realisasi["IS3.1"].nilai) == (
        Decimal("0.038"),
        Decimal("0.039"),
    )


def test_a_file_with_a_mistake_is_reported_on_every_run(cache, reads, tmp_path):
    path = tmp_path / "kinerja.yaml"
    text = KINERJA.read_text(encoding="utf-8")
    path.write_text(text.replace("nilai: 0.038", "nilai: 0.038\n    nilay: 1", 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LaporgenError) as raised:
            validate_module.load(Kinerja, path)
        assert [p.field for p in raised.value.problems] == ["realisasi.IS3.1.nilay"]
    assert reads == [path, path]
    assert not cache.exists() or not list(cache.iterdir())


def test_the_file_is_named_as_this_run_names_it(cache, tmp_path, monkeypatch):
    folder = tmp_path / "doc"
    folder.mkdir()
    shutil.copy(KINERJA, folder / "kinerja.yaml")
    validate_module.load(Kinerja, (folder / "kinerja.yaml").resolve())
    monkeypatch.chdir(tmp_path)
    _, source = validate_module.load(Kinerja, Path("doc/kinerja.yaml"))
    assert source.path == Path("doc/kinerja.yaml")


def test_a_damaged_entry_is_made_again(cache, reads, tmp_path):
    path = tmp_path / "kinerja.yaml"
    shutil.copy(KINERJA, path)
    first, _ = validate_module.load(Kinerja, path)
    (entry,) = cache.iterdir()
    data = bytearray(entry.read_bytes())
    data[-5] ^= 0xFF
    entry.write_bytes(bytes(data))
    again, _ = validate_module.load(Kinerja, path)
    assert again == first and reads == [path, path]


def test_no_cache_reads_every_time(cache, reads, tmp_path, monkeypatch):
    monkeypatch.setenv("LAPORGEN_NO_CACHE", "1")
    path = tmp_path / "kinerja.yaml"
    shutil.copy(KINERJA, path)
    validate_module.load(Kinerja, path)
    validate_module.load(Kinerja, path)
    assert reads == [path, path] and not cache.exists()


def test_a_whole_document_loads_the_same_from_the_cache(cache, reads, tmp_path):
    agency = tmp_path / "agency"
    shutil.copytree(EXAMPLE_AGENCY, agency)
    folder = agency / EXAMPLE_DOCUMENT
    fresh = load_document(folder)
    count = len(reads)
    kept = load_document(folder)
    assert count >= 5 and len(reads) == count  # nothing read the second time
    assert kept.kinerja == fresh.kinerja and kept.rencana == fresh.rencana
    assert kept.kinerja.realisasi["IS3.1"].nilai == Decimal("0.038")


def test_a_check_whose_files_were_validated_before_does_not_read_yaml(cache, tmp_path):
    """The point of the cache: PyYAML is not imported and no pydantic validator is built (nor
    at import: a constant made by validating built one in every run)."""
    agency = tmp_path / "agency"
    shutil.copytree(EXAMPLE_AGENCY, agency)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from laporgen.build import check\n"
        f"check(Path({str(agency / EXAMPLE_DOCUMENT)!r}))\n"
        "from laporgen.model.fields import Model\n"
        "models, built = [Model], []\n"
        "while models:\n"
        "    m = models.pop()\n"
        "    models += m.__subclasses__()\n"
        "    built += [m.__name__] if m.__pydantic_complete__ else []\n"
        "print('yaml' in sys.modules, sorted(built))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parent.parent)}
    run = [sys.executable, "-c", code]
    first = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    second = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert first.stdout.startswith("True ['") and "'Kinerja'" in first.stdout
    assert second.stdout.split() == ["False", "[]"]  # no YAML read, no validator built


def test_a_file_made_for_one_run_is_not_kept(cache, reads, tmp_path):
    """The realisasi import validates its edit in a temporary copy: kept, every import would
    leave an entry named by a folder that is gone."""
    path = tmp_path / "kinerja.yaml"
    shutil.copy(KINERJA, path)
    validate_module.load(Kinerja, path, keep=False)
    validate_module.load(Kinerja, path, keep=False)
    assert reads == [path, path] and not cache.exists()


def test_a_value_pickle_cannot_keep_is_validated_again_not_a_crash(
    cache, reads, tmp_path, monkeypatch
):
    from laporgen.model import validated_cache

    def refuse(*_args, **_kwargs):
        raise TypeError("cannot pickle")

    monkeypatch.setattr(validated_cache.pickle, "dumps", refuse)
    path = tmp_path / "kinerja.yaml"
    shutil.copy(KINERJA, path)
    first, _ = validate_module.load(Kinerja, path)
    again, _ = validate_module.load(Kinerja, path)
    assert again == first and reads == [path, path]
