"""Server-rendered SVG bar charts, one horizontal bar per period or wave.

Each bar has its label above it, so the chart reads on a phone; the chart carries a text
alternative, and the page puts the numbers in a table beside it. When nothing can be shown
(every point rests on fewer than 5 people), there is no chart at all, only the reason: an
empty or one-bar chart would suggest a result that is not there.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.functional import Promise

from .indicators import Point, Series

WIDTH = 320  # viewBox units; the label column is the full width above each bar
ROW = 40
BAR = 14
VALUE_ROOM = 64  # room right of the longest bar for its value


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    label_y: int
    bar_y: int
    width: int | None  # None: nothing drawn, `text` says why
    text_x: int
    reference: bool
    n: int


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    bars: list[Bar]
    height: int
    description: str
    drawable: bool


def formatted(value: float | None, unit: str | Promise, reason: str | Promise = "") -> str:
    if value is None:
        return str(reason)
    unit = str(unit)
    number = number_format(value, 1 if abs(value) < 100 else 0)
    return f"{number} %" if unit == "%" else f"{number} {unit}".strip()


def bar_chart(id_: str, title: str | Promise, series: Series) -> Chart:
    rows: list[tuple[Point, bool]] = [(p, False) for p in series.points]
    rows += [(p, True) for p in series.references]
    shown = [p.value for p, _ref in rows if p.value is not None]
    top = series.maximum or max(shown, default=1) or 1
    scale = (WIDTH - VALUE_ROOM) / top
    bars = []
    for i, (point, reference) in enumerate(rows):
        width = None if point.value is None else max(1, round(point.value * scale))
        bars.append(
            Bar(
                label=point.label,
                text=formatted(point.value, series.unit, point.reason),
                label_y=i * ROW + 12,
                bar_y=i * ROW + 18,
                width=width,
                text_x=(width or 0) + 4,
                reference=reference,
                n=point.n,
            )
        )
    description = "; ".join(f"{bar.label}: {bar.text}" for bar in bars)
    return Chart(
        id=id_,
        title=str(title),
        bars=bars,
        height=len(bars) * ROW,
        description=description,
        drawable=bool(series.shown),
    )
