"""Compiled narrative templates kept between runs (document/template_cache.py): the same text
is not compiled twice, an edit is, and a cache that cannot be used only costs the compiling."""

from __future__ import annotations

from pathlib import Path

import pytest

from laporgen.document import template_cache
from laporgen.document.narrative import narrative_env, render_markdown
from laporgen.document.nodes import Paragraph, Text
from laporgen.errors import LaporgenError
from laporgen.numbers import persen

TEXT = "Capaian {{ nilai | persen }}.\n\nTahun {{ tahun }}.\n"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LAPORGEN_NO_CACHE", raising=False)
    return tmp_path / "cache" / "laporgen" / "narasi"


@pytest.fixture
def compiles(monkeypatch) -> list[str]:
    """The texts Jinja compiled."""
    seen: list[str] = []
    compile_text = narrative_env({}).__class__.compile

    def counting(env, source, *args, **kwargs):
        seen.append(source)
        return compile_text(env, source, *args, **kwargs)

    monkeypatch.setattr(narrative_env({}).__class__, "compile", counting)
    return seen


def render(text: str, path: Path, **context) -> str:
    env = narrative_env({"persen": persen})
    blocks = render_markdown(env, text, path, {"nilai": 92.5, "tahun": 2024, **context})
    return " | ".join(
        "".join(i.text for i in b.inlines if isinstance(i, Text))
        for b in blocks
        if isinstance(b, Paragraph)
    )


def test_the_same_text_is_compiled_once_and_renders_the_same(cache, compiles, tmp_path):
    path = tmp_path / "bab1.md"
    first, second = render(TEXT, path), render(TEXT, path)
    assert first == second == "Capaian 92,50. | Tahun 2024."
    assert compiles == [TEXT]
    assert len(list(cache.iterdir())) == 1


def test_an_edited_text_is_compiled_again_and_replaces_the_entry(cache, compiles, tmp_path):
    path = tmp_path / "bab1.md"
    render(TEXT, path)
    assert (
        render(TEXT.replace("Tahun", "Tahun anggaran"), path)
        == "Capaian 92,50. | Tahun anggaran 2024."
    )
    assert len(compiles) == 2 and len(list(cache.iterdir())) == 1


def test_another_environment_does_not_take_the_compiled_code(cache, compiles, tmp_path):
    """A filter more or less changes the fingerprint: compiled code is not shared."""
    path = tmp_path / "bab1.md"
    render(TEXT, path)
    render_markdown(
        narrative_env({"persen": persen, "rp": str}), TEXT, path, {"nilai": 1, "tahun": 2024}
    )
    assert len(compiles) == 2


def test_a_runtime_error_names_its_line_from_cached_code_too(cache, tmp_path):
    path = tmp_path / "bab2.md"
    text = "Satu.\n\nDua.\n\n{{ 1 / nol }}\n"
    lines = []
    for _ in range(2):  # compiled, then from the cache
        with pytest.raises(LaporgenError) as error:
            render(text, path, nol=0)
        lines.append(error.value.problems[0].line)
    assert lines == [5, 5] and len(list(cache.iterdir())) == 1


def test_a_corrupt_entry_is_compiled_again(cache, compiles, tmp_path):
    path = tmp_path / "bab1.md"
    render(TEXT, path)
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:-20])
    assert render(TEXT, path) == "Capaian 92,50. | Tahun 2024."
    assert len(compiles) == 2


def test_an_unwritable_cache_only_costs_the_compiling(tmp_path, monkeypatch, compiles):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    path = tmp_path / "bab1.md"
    assert render(TEXT, path) == render(TEXT, path) == "Capaian 92,50. | Tahun 2024."
    assert len(compiles) == 2


def test_the_cache_can_be_turned_off(cache, compiles, tmp_path, monkeypatch):
    monkeypatch.setenv("LAPORGEN_NO_CACHE", "1")
    render(TEXT, tmp_path / "bab1.md")
    render(TEXT, tmp_path / "bab1.md")
    assert len(compiles) == 2 and not cache.exists()
    assert template_cache.cache_dir() is None
