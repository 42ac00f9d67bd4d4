"""Charts of the LKjIP, drawn from the same computed figures as the tables (issue 8): capaian
against target per indicator, serapan per program, the realisasi trend over the years. Each
returns PNG bytes; matplotlib (Agg, no GUI) is imported only when a chart is drawn."""

from __future__ import annotations

import io
from decimal import Decimal

from ..compute.lkjip import LkjipFigures
from ..numbers import angka, bulatkan, persen

WIDTH_IN, HEIGHT_IN, DPI = 7.0, 3.4, 150
BLUE, GREY, ORANGE = "#2b6cb0", "#a0aec0", "#dd6b20"


def _figure():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8, "svg.hashsalt": "laporgen"})
    return plt, plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)


def _png(plt, fig) -> bytes:
    """The figure as PNG bytes, the same for the same data (no software or date stamp); tick
    labels the Indonesian way (92,5)."""
    from matplotlib.ticker import FuncFormatter

    ticks = FuncFormatter(lambda value, _: angka(Decimal(str(float(value))).normalize()))
    for axis in fig.axes:
        (axis.xaxis if axis.get_xlabel().startswith("Serapan") else axis.yaxis).set_major_formatter(ticks)
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _f(value: Decimal | None) -> float:
    """A displayed figure as a bar height (the chart shows what the table prints)."""
    return float(bulatkan(value)) if value is not None else 0.0


def capaian_chart(f: LkjipFigures) -> bytes:
    """Capaian (%) of every indicator against the 100% of its target."""
    plt, (fig, ax) = _figure()
    labels = [i.indikator.id for i in f.indikator]
    values = [_f(i.capaian) for i in f.indikator]
    bars = ax.bar(labels, values, color=[BLUE if v >= 100 else ORANGE for v in values], width=0.6)
    ax.axhline(100, color=GREY, linestyle="--", linewidth=1, label="target (100%)")
    for bar, i in zip(bars, f.indikator):
        ax.annotate(persen(i.capaian), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=7, xytext=(0, 2), textcoords="offset points")
    ax.set_ylabel("Capaian (%)")
    ax.set_ylim(0, max([120.0, *values]) * 1.1)
    ax.legend(loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(plt, fig)


def serapan_chart(f: LkjipFigures) -> bytes:
    """Serapan anggaran (%) of every program, and the total."""
    plt, (fig, ax) = _figure()
    labels = [p.id for p in f.program] + ["Total"]
    values = [_f(p.serapan) for p in f.program] + [_f(f.serapan)]
    bars = ax.barh(labels[::-1], values[::-1], color=[GREY] + [BLUE] * len(f.program), height=0.6)
    for bar, value in zip(bars, [f.serapan, *reversed([p.serapan for p in f.program])]):
        ax.annotate(persen(value), (bar.get_width(), bar.get_y() + bar.get_height() / 2), va="center",
                    fontsize=7, xytext=(3, 0), textcoords="offset points")
    ax.set_xlabel("Serapan anggaran (%)")
    ax.set_xlim(0, 115)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(plt, fig)


def tren_chart(f: LkjipFigures) -> bytes | None:
    """Realisasi over the years of the current indicators with earlier years of data (as the
    Magetan LKjIP charts IKM and Nilai SAKIP 2022-2024); None when there is none."""
    series = [(r.indikator, [(y, r.tahun[y].realisasi) for y in f.tahun_riwayat if y in r.tahun and r.tahun[y].realisasi is not None])
              for r in f.riwayat if f.tahun in r.tahun]
    series = [(name, points) for name, points in series if len(points) >= 2]
    if not series:
        return None
    plt, (fig, ax) = _figure()
    for name, points in series:
        years = [str(y) for y, _ in points]
        values = [float(v) for _, v in points]
        ax.plot(years, values, marker="o", label=name[:60])
        for y, v in points:
            ax.annotate(angka(v), (str(y), float(v)), fontsize=7, xytext=(0, 4), textcoords="offset points", ha="center")
    ax.set_ylabel("Realisasi")
    ax.margins(y=0.15)
    ax.legend(loc="upper left", frameon=False, fontsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(plt, fig)
