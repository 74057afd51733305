"""Server-side SVG charts of a result: the geometry here, the markup in `finance/charts/`.

Each chart comes with its numbers in a table beside it and a one-sentence text alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .model import Result, Swing

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 80, 16, 16, 32


def euro(value: float) -> str:
    return "€ " + number_format(round(value), force_grouping=True)


def short_euro(value: float) -> str:
    if abs(value) >= 1e6:
        return "€ " + number_format(round(value / 1e6, 1), 1) + " mln"
    if abs(value) >= 1e3:
        return "€ " + number_format(round(value / 1e3)) + "k"
    return "€ " + number_format(round(value))


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    start: float  # pixel of `low`
    end: float  # pixel of `high`

    def at(self, value: float) -> float:
        span = (self.high - self.low) or 1.0
        return round(self.start + (value - self.low) / span * (self.end - self.start), 1)


def _axis(values: Sequence[float], start: float, end: float) -> Axis:
    return Axis(min(0.0, *values), max(0.0, *values), start, end)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str
    anchor: str = "middle"


def spread_ticks(ticks: list[Tick]) -> list[Tick]:
    """The outer labels of a horizontal axis align inwards, so that none is cut off."""
    if len(ticks) < 2:
        return ticks
    first, *middle, last = ticks
    return [
        Tick(first.position, first.label, "start"),
        *middle,
        Tick(last.position, last.label, "end"),
    ]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    negative: bool
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    zero: float
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    points: str = ""  # polyline of a line chart
    marker: tuple[float, float] | None = None
    description: str = ""


def _y_ticks(axis: Axis) -> list[Tick]:
    values = sorted({axis.low, 0.0, axis.high})
    return [Tick(axis.at(v), short_euro(v)) for v in values]


def _x_ticks(years: Sequence[int], x_of: dict[int, float]) -> list[Tick]:
    every = 1 if len(years) <= 16 else 5
    return [Tick(x_of[y], str(y)) for y in years if y % every == 0]


def cash_flow_chart(result: Result) -> Chart:
    flows = result.flows
    y = _axis(flows, HEIGHT - BOTTOM, TOP)
    step = (WIDTH - LEFT - RIGHT) / len(flows)
    zero = y.at(0)
    bars = []
    x_of = {}
    for year, flow in zip(result.years, flows, strict=True):
        x = round(LEFT + year.year * step + step * 0.15, 1)
        x_of[year.year] = round(x + step * 0.35, 1)
        top = y.at(max(flow, 0.0))
        bars.append(
            Bar(
                x, top, round(step * 0.7, 1), round(abs(y.at(flow) - zero), 1), flow < 0, euro(flow)
            )
        )
    return Chart(
        WIDTH,
        HEIGHT,
        zero,
        bars,
        _x_ticks([y.year for y in result.years], x_of),
        _y_ticks(y),
        description=_(
            "Net cash flow per year of the corporation: %(first)s in year 0, %(last)s in the last year."
        )
        % {"first": euro(flows[0]), "last": euro(flows[-1])},
    )


def break_even_chart(result: Result) -> Chart:
    values = result.cumulative
    y = _axis(values, HEIGHT - BOTTOM, TOP)
    x = Axis(0, max(len(values) - 1, 1), LEFT, WIDTH - RIGHT)
    x_of = {year.year: x.at(year.year) for year in result.years}
    points = " ".join(f"{x.at(t)},{y.at(v)}" for t, v in enumerate(values))
    year = result.break_even_year
    marker = (x.at(year), y.at(values[year])) if year is not None else None
    description = (
        _("The discounted cash flow so far turns positive in year %(year)s and stays so.")
        % {"year": year}
        if year is not None
        else _(
            "The discounted cash flow does not break even within the period; it ends at %(end)s."
        )
        % {"end": euro(values[-1])}
    )
    return Chart(
        WIDTH,
        HEIGHT,
        y.at(0),
        [],
        _x_ticks([y.year for y in result.years], x_of),
        _y_ticks(y),
        points=points,
        marker=marker,
        description=description,
    )


@dataclass(frozen=True)
class TornadoRow:
    label: str
    y: float
    low_x: float
    low_width: float
    high_x: float
    high_width: float
    swing: Swing


@dataclass(frozen=True)
class Tornado:
    width: int
    height: int
    base_x: float
    rows: list[TornadoRow]
    ticks: list[Tick]
    description: str


TORNADO_LEFT, ROW = 300, 26


def tornado_chart(base: float, swings: Sequence[Swing], labels: Sequence[str]) -> Tornado:
    values = [base] + [v for s in swings for v in (s.low, s.high)]
    x = Axis(min(values), max(values), TORNADO_LEFT, WIDTH - RIGHT)
    base_x = x.at(base)
    rows = []
    for i, (swing, label) in enumerate(zip(swings, labels, strict=True)):
        low, high = x.at(swing.low), x.at(swing.high)
        rows.append(
            TornadoRow(
                label,
                TOP + i * ROW,
                min(low, base_x),
                round(abs(low - base_x), 1),
                min(high, base_x),
                round(abs(high - base_x), 1),
                swing,
            )
        )
    height = TOP + len(rows) * ROW + BOTTOM
    widest = labels[0] if labels else ""
    return Tornado(
        WIDTH,
        height,
        base_x,
        rows,
        spread_ticks([Tick(x.at(v), short_euro(v)) for v in sorted({x.low, base, x.high})]),
        _("The NPV moves most with: %(input)s.") % {"input": widest} if labels else "",
    )
