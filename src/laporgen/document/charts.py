"""Charts of the LKjIP, drawn from the same computed figures as the tables (issue 8): capaian
against target per indicator, serapan per program, the realisasi trend over the years. Each
returns PNG bytes, drawn by `plot` (Pillow).

Bars and lines are labelled with the names the document prints (indicator, program), never with
the data's ids (IS1.1, P1), which appear nowhere else in the text (issue 13 item 7). A long name
is wrapped onto two lines and, if still too long, cut at a word with "…"; `*_labels` return the
labels drawn and `keterangan` the note under the chart that gives every cut name in full.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..compute.lkjip import LkjipFigures
from ..numbers import angka, bulatkan, persen
from .plot import Chart

BLUE, GREY, ORANGE = "#2b6cb0", "#a0aec0", "#dd6b20"
SERIES = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")
LABEL_WIDTH, LABEL_LINES = (
    34,
    2,
)  # characters a line, lines a bar label: a third of the chart's width
LEGEND_WIDTH = 60  # a legend entry stays on one line
ELLIPSIS = "\u2026"


@dataclass(frozen=True, slots=True)
class Label:
    """A name as the chart draws it: `text` on at most a few lines ("\\n" between them), cut at
    a word when the whole `name` does not fit."""

    name: str
    text: str

    @property
    def cut(self) -> bool:
        return self.text.endswith(ELLIPSIS)


def label(name: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> Label:
    """`name` wrapped at word boundaries onto `lines` lines of `width` characters; the last
    line ends in "…" when words are left over (a word longer than a line is cut as a word)."""
    name = " ".join(name.split())
    wrapped = textwrap.wrap(name, width, break_long_words=True, break_on_hyphens=False)
    if len(wrapped) <= lines:
        return Label(name, "\n".join(wrapped))
    kept = wrapped[:lines]
    last = kept[-1]
    while len(last) + 1 > width and " " in last:  # room for the "…"
        last = last.rsplit(" ", 1)[0]
    kept[-1] = last.rstrip(" ,;:-/") + ELLIPSIS
    return Label(name, "\n".join(kept))


def keterangan(labels: list[Label]) -> tuple[str, ...]:
    """The note under a chart: every cut label with its full name, once each."""
    seen: dict[str, str] = {}
    for item in labels:
        if item.cut:
            seen.setdefault(item.text.replace("\n", " "), item.name)
    if not seen:
        return ()
    return ("Keterangan: " + "; ".join(f"{short} = {full}" for short, full in seen.items()) + ".",)


def _f(value: Decimal | None) -> float:
    """A displayed figure as a bar height (the chart shows what the table prints)."""
    return float(bulatkan(value)) if value is not None else 0.0


def capaian_labels(f: LkjipFigures) -> list[Label]:
    """The indicators' names, as the capaian table prints them."""
    return [label(i.indikator.nama) for i in f.indikator]


def capaian_chart(f: LkjipFigures) -> bytes:
    """Capaian (%) of every indicator against the 100% of its target, one lying bar a row
    (the names need the room of a row, not of a column)."""
    values = [_f(i.capaian) for i in f.indikator]
    chart = Chart(
        [x.text for x in capaian_labels(f)],
        "Capaian (%)",
        horizontal=True,
        height_in=max(3.4, 1.0 + 0.4 * len(values)),  # two lines of name a row
        value_range=(min([0.0, *values]) * 1.1, max([120.0, *values]) * 1.1),
    )
    chart.add_reference(100.0, "target (100%)", GREY)
    chart.add_bars(
        values,
        [BLUE if v >= 100 else ORANGE for v in values],
        [persen(i.capaian) for i in f.indikator],
    )
    return chart.png()


def serapan_labels(f: LkjipFigures) -> list[Label]:
    """The programs' names, then "Total"."""
    return [label(p.node.nama) for p in f.program] + [label("Total")]


def serapan_chart(f: LkjipFigures) -> bytes:
    """Serapan anggaran (%) of every program, and the total."""
    values = [_f(p.serapan) for p in f.program] + [_f(f.serapan)]
    chart = Chart(
        [x.text for x in serapan_labels(f)],
        "Serapan anggaran (%)",
        horizontal=True,
        height_in=max(
            3.4, 1.0 + 0.4 * len(values)
        ),  # a row of two name lines: room for many programs
        value_range=(min([0.0, *values]) * 1.1, max([104.5, *values]) * 1.1),
    )
    chart.add_bars(
        values,
        [BLUE] * len(f.program) + [GREY],
        [persen(p.serapan) for p in f.program] + [persen(f.serapan)],
    )
    return chart.png()


Ukuran = Literal["realisasi", "capaian"]


def _series(f: LkjipFigures, ukuran: Ukuran) -> list[tuple[str, str, dict[int, Decimal]]]:
    """(indicator, satuan, {year: value}) of each current indicator with two years or more of
    `ukuran`."""
    series: list[tuple[str, str, dict[int, Decimal]]] = []
    for r in f.riwayat:
        if f.tahun in r.tahun:
            points = {
                y: v
                for y in f.tahun_riwayat
                # text (a predikat) is never plotted
                if y in r.tahun and isinstance(v := getattr(r.tahun[y], ukuran), Decimal)
            }
            if len(points) >= 2:
                series.append((r.indikator, r.satuan, points))
    return series


def tren_ukuran(f: LkjipFigures) -> Ukuran:
    """What the trend chart plots: the realisasi when every indicator in it is counted in one
    satuan (as the Magetan LKjIP charts IKM and Nilai SAKIP, both "Angka", 001 Gambar 3.1); the
    capaian (%) when they are not, since kasus, persen and indeks on one axis compare nothing
    (the Dinas Perhubungan trial's Gambar 3.2). Realisasi again when no capaian has two years."""
    satuan = {s.strip().lower() for _n, s, _p in _series(f, "realisasi")}
    if len(satuan) > 1 and _series(f, "capaian"):
        return "capaian"
    return "realisasi"


def _tren_series(f: LkjipFigures) -> list[tuple[str, dict[int, Decimal]]]:
    ukuran = tren_ukuran(f)
    series = _series(f, ukuran)
    if ukuran == "realisasi" and series:  # one satuan: the most common, when none has capaian
        counts = Counter(s.strip().lower() for _n, s, _p in series)
        common = counts.most_common(1)[0][0]
        series = [x for x in series if x[1].strip().lower() == common]
    return [(name, points) for name, _s, points in series]


def tren_labels(f: LkjipFigures) -> list[Label]:
    """The legend's indicator names, one line each."""
    return [label(name, LEGEND_WIDTH, 1) for name, _ in _tren_series(f)]


def tren_judul(f: LkjipFigures) -> str:
    """The caption of the trend chart, naming what it plots."""
    return f"Perkembangan {tren_ukuran(f).capitalize()} Indikator dari Tahun ke Tahun"


def tren_chart(f: LkjipFigures) -> bytes | None:
    """Realisasi (or capaian, `tren_ukuran`) over the years of the current indicators with
    earlier years of data (as the Magetan LKjIP charts IKM and Nilai SAKIP 2022-2024); None when
    there is none."""
    series = _tren_series(f)
    if not series:
        return None
    capaian = tren_ukuran(f) == "capaian"
    years = sorted({y for _, points in series for y in points})
    chart = Chart([str(y) for y in years], "Capaian (%)" if capaian else "Realisasi")
    if capaian:
        chart.add_reference(100.0, "target (100%)", GREY)
    for n, ((_, points), name) in enumerate(zip(series, tren_labels(f))):
        chart.add_line(
            name.text,
            {i: float(points[y]) for i, y in enumerate(years) if y in points},
            [(persen if capaian else angka)(points[y]) for y in years if y in points],
            SERIES[n % len(SERIES)],
        )
    return chart.png()
