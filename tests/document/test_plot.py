"""The chart drawer (document/plot.py): round ticks, and marks where the values put them, read
back from the pixels of the PNG."""

from __future__ import annotations

import io
import math

from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from laporgen.document.plot import DPI, Chart, nice_ticks, tick_label

BLUE, RED = "#2b6cb0", "#d62728"


def image(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG")
    return Image.open(io.BytesIO(png)).convert("RGB")


def is_colour(pixel: tuple[int, int, int], hex_colour: str, tolerance: int = 12) -> bool:
    wanted = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, wanted))


def painted(
    img: Image.Image, hex_colour: str, column: int | None = None, row: int | None = None
) -> list[int]:
    """The rows (down a column) or columns (along a row) painted in `hex_colour`."""
    if column is not None:
        return [y for y in range(img.height) if is_colour(img.getpixel((column, y)), hex_colour)]
    return [x for x in range(img.width) if is_colour(img.getpixel((x, row)), hex_colour)]


@given(st.floats(-1e6, 1e6), st.floats(1e-3, 1e6))
def test_ticks_are_round_evenly_spaced_and_inside_the_range(low, span):
    high = low + span
    ticks = nice_ticks(low, high)
    assert 2 <= len(ticks) <= 9
    assert all(low - span * 1e-6 <= t <= high + span * 1e-6 for t in ticks)
    steps = {round(b - a, 6) for a, b in zip(ticks, ticks[1:])}
    assert len({round(s / max(steps), 6) for s in steps}) == 1
    step = max(steps)
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 2.5, 5, 10))


def test_tick_labels_are_written_the_indonesian_way():
    assert [tick_label(v) for v in (0.0, 20.0, 92.5, 100.0, 1250.0, 0.25)] == [
        "0",
        "20",
        "92,5",
        "100",
        "1.250",
        "0,25",
    ]
    assert nice_ticks(0, 132) == [0, 20, 40, 60, 80, 100, 120]
    assert nice_ticks(75.0, 95.0) == [
        75,
        77.5,
        80,
        82.5,
        85,
        87.5,
        90,
        92.5,
        95,
    ]  # 2,5: at most 8 steps


def test_bars_are_as_tall_as_their_values_and_in_order():
    chart = Chart(["A", "B", "C"], "Capaian (%)", value_range=(0.0, 100.0))
    chart.add_bars([100.0, 50.0, 25.0], [BLUE, BLUE, BLUE], ["100", "50", "25"])
    img = image(chart.png())
    assert img.size == (round(7.0 * DPI), round(3.4 * DPI))
    middle_row = img.height // 2
    columns = painted(img, BLUE, row=img.height - 70)  # near the base: every bar
    runs = _runs(columns)
    assert len(runs) == 3
    heights = [len(painted(img, BLUE, column=(a + b) // 2)) for a, b in runs]
    assert abs(heights[1] / heights[0] - 0.5) < 0.02 and abs(heights[2] / heights[0] - 0.25) < 0.02
    assert len(_runs(painted(img, BLUE, row=middle_row))) == 2  # only A and B reach half height


def test_lying_bars_grow_to_the_right_first_category_on_top():
    chart = Chart(["P1", "Total"], "Serapan (%)", horizontal=True, value_range=(0.0, 100.0))
    chart.add_bars([80.0, 40.0], [BLUE, RED], ["80", "40"])
    img = image(chart.png())
    blue_rows, red_rows = (
        painted(img, BLUE, column=img.width // 3),
        painted(img, RED, column=img.width // 3),
    )
    assert blue_rows and red_rows and max(blue_rows) < min(red_rows)
    blue = painted(img, BLUE, row=(min(blue_rows) + max(blue_rows)) // 2)
    red = painted(img, RED, row=(min(red_rows) + max(red_rows)) // 2)
    assert abs(len(red) / len(blue) - 0.5) < 0.02 and abs(min(red) - min(blue)) <= 1  # one base


def test_a_negative_value_hangs_below_the_base_inside_the_picture():
    chart = Chart(["A", "B"], "Capaian (%)", value_range=(-55.0, 110.0))
    chart.add_bars([100.0, -50.0], [BLUE, RED], ["100", "-50"])
    img = image(chart.png())
    blue, red = (
        painted(img, BLUE, column=_centre(img, BLUE)),
        painted(img, RED, column=_centre(img, RED)),
    )
    assert max(blue) <= min(red) + 2  # the red bar starts where the blue one stands
    assert abs(len(red) / len(blue) - 0.5) < 0.03


def test_a_line_rises_with_its_values_and_skips_a_missing_year():
    chart = Chart(["2022", "2023", "2024"], "Realisasi")
    chart.add_line("IKM", {0: 80.0, 2: 90.0}, ["80", "90"], RED)
    img = image(chart.png())
    left, right = (
        painted(img, RED, column=img.width // 4),
        painted(img, RED, column=img.width * 3 // 4),
    )
    assert left and right and min(right) < min(left)  # higher value, higher on the page (smaller y)


def test_the_same_chart_gives_the_same_bytes_and_a_change_shows():
    def draw(value):
        chart = Chart(["A"], "x", value_range=(0.0, 100.0))
        chart.add_reference(100.0, "target (100%)", "#a0aec0")
        chart.add_bars([value], [BLUE], [str(value)])
        return chart.png()

    assert draw(50.0) == draw(50.0) != draw(51.0)


def _runs(values: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for v in values:
        if runs and v == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], v)
        else:
            runs.append((v, v))
    return runs


def _centre(img: Image.Image, colour: str) -> int:
    columns = [
        x
        for x in range(img.width)
        if any(is_colour(img.getpixel((x, y)), colour) for y in range(0, img.height, 4))
    ]
    return (min(columns) + max(columns)) // 2


def test_crowded_upright_bars_stand_their_labels_on_end():
    """35 indicators: the names, side by side, would run into each other; on end, each stays
    apart (one run of ink per name across the label band), and the tallest bar's value label
    stays inside the picture."""
    names = [f"IKK{i}.{j}" for i in range(1, 8) for j in range(1, 6)]
    values = [90.0 + n % 20 for n in range(len(names))]
    chart = Chart(names, "Capaian (%)", value_range=(0.0, 132.0))
    chart.add_bars(values, [BLUE] * len(names), ["108,62"] * len(names))
    img = image(chart.png())
    bars = _runs(painted(img, BLUE, row=img.height // 2))
    assert len(bars) == len(names)
    axis = max(painted(img, BLUE, column=(bars[0][0] + bars[0][1]) // 2))  # the base of the bars
    band = range(axis + 15, img.height, 2)  # the names, below the ticks
    ink = [x for x in range(img.width) if any(sum(img.getpixel((x, y))) < 3 * 140 for y in band)]
    assert len(_runs(ink)) == len(names)
    tallest = values.index(max(values))
    column = (bars[tallest][0] + bars[tallest][1]) // 2
    top_of_bar = min(painted(img, BLUE, column=column))
    label_ink = [y for y in range(top_of_bar) if sum(img.getpixel((column, y))) < 3 * 140]
    assert label_ink and min(label_ink) > 3  # standing on the bar, not cut off at the top


def test_a_few_upright_bars_keep_their_labels_level():
    chart = Chart(["IS1.1", "IS2.1"], "Capaian (%)", value_range=(0.0, 132.0))
    chart.add_bars([100.0, 92.5], [BLUE, BLUE], ["100,00", "92,50"])
    img = image(chart.png())
    bars = _runs(painted(img, BLUE, row=img.height // 2))
    axis = max(painted(img, BLUE, column=(bars[0][0] + bars[0][1]) // 2))
    name_rows = [
        y
        for y in range(axis + 3, img.height)
        if any(sum(img.getpixel((x, y))) < 3 * 140 for x in range(bars[0][0], bars[0][1]))
    ]
    assert (
        name_rows and max(name_rows) - min(name_rows) < 30
    )  # tick and one line of text, not a column


def test_the_reference_of_lying_bars_stands_upright_at_its_value():
    """The capaian chart lies (names need a row): its 100% target is a dashed upright line where
    the 100 of the value axis is, reaching past the bars, not a row drawn off the picture."""
    chart = Chart(
        ["Persentase PPKS yang Mendapatkan\nPerlindungan dan Jaminan Sosial", "B"],
        "Capaian (%)",
        horizontal=True,
        value_range=(0.0, 200.0),
    )
    chart.add_reference(100.0, "target (100%)", RED)
    chart.add_bars([50.0, 50.0], [BLUE, BLUE], ["50", "50"])
    img = image(chart.png())
    blue_rows = [y for y in range(img.height) if painted(img, BLUE, row=y)]
    first_bar = _runs(blue_rows)[0]
    bar = painted(img, BLUE, row=(first_bar[0] + first_bar[1]) // 2)
    red_columns = sorted(
        {x for y in range(0, img.height, 2) for x in painted(img, RED, row=y)}
        - set(range(img.width - 200, img.width))
    )
    reds = _runs(red_columns)  # the legend's key, top right, left aside
    assert len(reds) == 1  # one upright line
    column = (reds[0][0] + reds[0][1]) // 2
    assert len(_runs(painted(img, RED, column=column))) >= 5  # dashed, down the plot
    zero, end = min(bar), max(bar)
    assert (
        abs((column - zero) / (end - zero) - 2.0) < 0.05
    )  # at 100 of 200: twice as far from the base as 50
