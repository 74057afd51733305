"""Server-side SVG of a policy comparison: a line per policy over the years with its Monte Carlo
confidence band, and per cluster a dot per policy with its interval. The markup is in
`finance/_band_chart.html`; the numbers go in a table beside each chart."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .charts import HEIGHT, LEFT, RIGHT, TOP, WIDTH, Axis, Tick, spread_ticks
from .simulation.run import Estimate

BOTTOM = 32
SERIES = 4  # colours in finance.css (mm-series-0 …)


@dataclass(frozen=True)
class Series:
    label: str
    css: str
    line: str  # polyline points
    band: str  # polygon points: the upper bound there, the lower bound back


@dataclass(frozen=True)
class BandChart:
    width: int
    height: int
    series: list[Series]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    left: int
    right: int


def band_chart(
    labels: Sequence[str], bands: Sequence[Sequence[Estimate]], fmt: Callable[[float], str]
) -> BandChart:
    """Per policy (`labels`) its yearly estimates (`bands`), year 1 at the left."""
    years = max(len(b) for b in bands)
    values = [v for band in bands for e in band for v in (e.low, e.high)]
    y = Axis(min(0.0, *values), max(1e-9, *values), HEIGHT - BOTTOM, TOP)
    x = Axis(1, max(years, 2), LEFT, WIDTH - RIGHT)
    series = []
    for i, (label, band) in enumerate(zip(labels, bands, strict=True)):
        upper = [f"{x.at(t + 1)},{y.at(e.high)}" for t, e in enumerate(band)]
        lower = [f"{x.at(t + 1)},{y.at(e.low)}" for t, e in enumerate(band)]
        series.append(
            Series(
                label,
                f"mm-series-{i % SERIES}",
                " ".join(f"{x.at(t + 1)},{y.at(e.mean)}" for t, e in enumerate(band)),
                " ".join(upper + lower[::-1]),
            )
        )
    every = 1 if years <= 15 else 5
    x_ticks = [Tick(x.at(t), str(t)) for t in range(1, years + 1) if t == 1 or t % every == 0]
    y_ticks = [Tick(y.at(v), fmt(v)) for v in sorted({y.low, (y.low + y.high) / 2, y.high})]
    return BandChart(WIDTH, HEIGHT, series, spread_ticks(x_ticks), y_ticks, LEFT, WIDTH - RIGHT)


@dataclass(frozen=True)
class Dot:
    css: str
    cx: float
    cy: float
    low: float
    high: float
    title: str


@dataclass(frozen=True)
class DotChart:
    width: int
    height: int
    rows: list[tuple[str, float]]  # cluster name and its row's y
    dots: list[Dot]
    x_ticks: list[Tick]
    left: int


ROW = 22
NAMES = 160  # room for the cluster names


def dot_chart(
    labels: Sequence[str], clusters: Sequence[str], shares: Sequence[dict[str, Estimate]]
) -> DotChart:
    """Per cluster a row, per policy a dot at its mean share vragend with its interval."""
    height = TOP + ROW * len(clusters) + BOTTOM
    x = Axis(0.0, 1.0, NAMES, WIDTH - RIGHT)
    rows, dots = [], []
    for r, cluster in enumerate(clusters):
        top = TOP + r * ROW
        rows.append((cluster, top + ROW / 2))
        for i, (label, share) in enumerate(zip(labels, shares, strict=True)):
            e = share.get(cluster)
            if e is None:
                continue
            cy = round(top + 4 + (ROW - 8) * (i + 0.5) / len(labels), 1)
            dots.append(
                Dot(
                    f"mm-series-{i % SERIES}",
                    x.at(e.mean),
                    cy,
                    x.at(max(e.low, 0.0)),
                    x.at(min(e.high, 1.0)),
                    f"{label}: {round(e.mean * 100)} %",
                )
            )
    ticks = [Tick(x.at(v), f"{round(v * 100)} %") for v in (0.0, 0.25, 0.5, 0.75, 1.0)]
    return DotChart(WIDTH, height, rows, dots, spread_ticks(ticks), NAMES)
