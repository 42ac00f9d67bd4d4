"""The HTML of narrative Markdown kept between runs (document/markdown_cache.py): the same text
is converted once, an edit again, a picture is checked on every run all the same, and a cache
that cannot be used only costs the converting."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from PIL import Image

from laporgen.document.narrative import narrative_env, render_markdown
from laporgen.document.nodes import Figure, ListBlock, Paragraph, Text
from laporgen.errors import LaporgenError

TEXT = "Tahun **{{ tahun }}**.\n\n- satu\n- dua\n"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LAPORGEN_NO_CACHE", raising=False)
    return tmp_path / "cache" / "laporgen" / "html"


@pytest.fixture
def converted(monkeypatch) -> list[str]:
    """The Markdown texts `markdown` converted."""
    seen: list[str] = []
    convert = markdown.Markdown.convert

    def counting(self, source):
        seen.append(source)
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    return seen


def render(text: str, path: Path, root: Path | None = None):
    return render_markdown(narrative_env({}), text, path, {"tahun": 2024}, root)


def test_the_same_text_is_converted_once_and_gives_the_same_nodes(cache, converted, tmp_path):
    path = tmp_path / "bab1.md"
    first, second = render(TEXT, path), render(TEXT, path)
    assert first == second
    assert first[0] == Paragraph((Text("Tahun "), Text("2024", strong=True), Text(".")))
    assert isinstance(first[1], ListBlock) and len(first[1].items) == 2
    assert converted == ["Tahun **2024**.\n\n- satu\n- dua\n"]
    assert len(list(cache.iterdir())) == 1


def test_a_changed_text_or_value_is_converted_again_and_replaces_the_entry(
    cache, converted, tmp_path
):
    path = tmp_path / "bab1.md"
    render(TEXT, path)
    edited = render(TEXT.replace("Tahun", "Tahun anggaran"), path)
    assert edited[0].inlines[0] == Text("Tahun anggaran ")
    assert render_markdown(narrative_env({}), TEXT, path, {"tahun": 2025})[0].inlines[1] == Text(
        "2025", strong=True
    )
    assert len(converted) == 3 and len(list(cache.iterdir())) == 1


def test_a_picture_is_checked_on_every_run(cache, converted, tmp_path):
    """Only the conversion is kept: a picture removed after the first run is still an error."""
    doc = tmp_path / "lkjip-2024"
    (doc / "narasi").mkdir(parents=True)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buffer, format="PNG")
    (doc / "narasi" / "bagan.png").write_bytes(buffer.getvalue())
    path, text = doc / "narasi" / "organisasi.md", "![Bagan Organisasi](bagan.png)\n"
    (figure,) = render(text, path, doc)
    assert isinstance(figure, Figure) and figure.alt == "Bagan Organisasi"
    (doc / "narasi" / "bagan.png").unlink()
    with pytest.raises(LaporgenError) as error:
        render(text, path, doc)
    assert error.value.problems[0].message == "no image file 'bagan.png' in lkjip-2024/narasi/"
    assert len(converted) == 1


def test_a_damaged_entry_is_converted_again(cache, converted, tmp_path):
    path = tmp_path / "bab1.md"
    expected = render(TEXT, path)
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:-5])
    assert render(TEXT, path) == expected
    assert len(converted) == 2


def test_an_unwritable_or_switched_off_cache_only_costs_the_converting(
    tmp_path, monkeypatch, converted
):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    path = tmp_path / "bab1.md"
    assert render(TEXT, path) == render(TEXT, path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LAPORGEN_NO_CACHE", "1")
    render(TEXT, path)
    assert len(converted) == 3 and not (tmp_path / "cache").exists()


def test_a_check_with_every_file_in_the_cache_does_not_import_markdown(cache, tmp_path):
    """What the cache saves: importing `markdown` at all (the example has a picture: the HTML
    is still read and the picture checked)."""
    example = Path(__file__).resolve().parents[2] / "content" / "magetan-dinsos" / "lkjip-2024"
    program = (
        "import sys; from pathlib import Path; from laporgen.build import check; "
        f"check(Path({str(example)!r})); print('markdown' in sys.modules)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", program], capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs == [["True"], ["False"]]
