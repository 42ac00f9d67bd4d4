"""Charts of the LKjIP, drawn from the same computed figures as the tables (issue 8): capaian
against target per indicator, serapan per program, the realisasi trend over the years. Each
returns PNG bytes, drawn by `plot` (Pillow)."""

from __future__ import annotations

from decimal import Decimal

from ..compute.lkjip import LkjipFigures
from ..numbers import angka, bulatkan, persen
from .plot import Chart

BLUE, GREY, ORANGE = "#2b6cb0", "#a0aec0", "#dd6b20"
SERIES = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")


def _f(value: Decimal | None) -> float:
    """A displayed figure as a bar height (the chart shows what the table prints)."""
    return float(bulatkan(value)) if value is not None else 0.0


def capaian_chart(f: LkjipFigures) -> bytes:
    """Capaian (%) of every indicator against the 100% of its target."""
    values = [_f(i.capaian) for i in f.indikator]
    chart = Chart([i.indikator.id for i in f.indikator], "Capaian (%)",
                  value_range=(min([0.0, *values]) * 1.1, max([120.0, *values]) * 1.1))
    chart.add_reference(100.0, "target (100%)", GREY)
    chart.add_bars(values, [BLUE if v >= 100 else ORANGE for v in values], [persen(i.capaian) for i in f.indikator])
    return chart.png()


def serapan_chart(f: LkjipFigures) -> bytes:
    """Serapan anggaran (%) of every program, and the total."""
    values = [_f(p.serapan) for p in f.program] + [_f(f.serapan)]
    chart = Chart([p.id for p in f.program] + ["Total"], "Serapan anggaran (%)", horizontal=True,
                  height_in=max(3.4, 1.0 + 0.25 * len(values)),  # a row a quarter inch: room for many programs
                  value_range=(min([0.0, *values]) * 1.1, max([104.5, *values]) * 1.1))
    chart.add_bars(values, [BLUE] * len(f.program) + [GREY], [persen(p.serapan) for p in f.program] + [persen(f.serapan)])
    return chart.png()


def tren_chart(f: LkjipFigures) -> bytes | None:
    """Realisasi over the years of the current indicators with earlier years of data (as the
    Magetan LKjIP charts IKM and Nilai SAKIP 2022-2024); None when there is none."""
    series = [(r.indikator, {y: v for y in f.tahun_riwayat if y in r.tahun and (v := r.tahun[y].realisasi) is not None})
              for r in f.riwayat if f.tahun in r.tahun]
    series = [(name, points) for name, points in series if len(points) >= 2]
    if not series:
        return None
    years = sorted({y for _, points in series for y in points})
    chart = Chart([str(y) for y in years], "Realisasi")
    for n, (name, points) in enumerate(series):
        chart.add_line(name[:60], {i: float(points[y]) for i, y in enumerate(years) if y in points},
                       [angka(points[y]) for y in years if y in points], SERIES[n % len(SERIES)])
    return chart.png()
