"""Chart pictures kept between runs (document/picture_cache.py): the same chart is drawn once,
a changed one again, and a cache file that is damaged or switched off only costs the drawing."""

from __future__ import annotations

from pathlib import Path

import pytest

from laporgen.document import plot
from laporgen.document.plot import Chart


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LAPORGEN_NO_CACHE", raising=False)
    return tmp_path / "cache" / "laporgen" / "grafik"


@pytest.fixture
def drawn(monkeypatch) -> list[Chart]:
    """The charts actually drawn."""
    seen: list[Chart] = []
    draw = Chart._draw

    def counting(chart: Chart) -> bytes:
        seen.append(chart)
        return draw(chart)

    monkeypatch.setattr(Chart, "_draw", counting)
    return seen


def chart(value: float = 87.5) -> Chart:
    c = Chart(["Sasaran 1", "Sasaran 2"], "Capaian (%)")
    c.add_bars([value, 100.0], ["#4472c4", "#ed7d31"], ["87,50", "100,00"])
    return c


def test_the_same_chart_is_drawn_once_and_gives_the_same_bytes(cache, drawn):
    first = chart().png()
    again = chart().png()
    assert len(drawn) == 1 and again == first == drawn[0]._draw()
    assert first.startswith(b"\x89PNG\r\n\x1a\n") and len(list(cache.iterdir())) == 1


def test_a_changed_chart_is_drawn_again(cache, drawn):
    chart(87.5).png()
    other = chart(90.0).png()
    assert len(drawn) == 2 and other != chart(87.5).png()


def test_a_damaged_file_is_drawn_again(cache, drawn):
    good = chart().png()
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:-10])
    assert chart().png() == good and len(drawn) == 2


def test_the_drawing_code_is_part_of_the_key(cache, drawn, monkeypatch):
    chart().png()
    plot._drawing_code.cache_clear()
    monkeypatch.setattr(plot, "_drawing_code", lambda: "another plot.py")
    chart().png()
    assert len(drawn) == 2


def test_switched_off_every_chart_is_drawn(cache, drawn, monkeypatch):
    monkeypatch.setenv("LAPORGEN_NO_CACHE", "1")
    chart().png()
    chart().png()
    assert len(drawn) == 2 and not cache.exists()
