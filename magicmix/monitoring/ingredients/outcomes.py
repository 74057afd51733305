"""A complex's outcome on each registered indicator: its latest point that may be shown."""

from __future__ import annotations

from dataclasses import dataclass

from ..charts import formatted
from ..indicators import Context, Indicator, Point, registered


@dataclass(frozen=True)
class Outcome:
    indicator: Indicator
    unit: str
    point: Point | None  # None: no period or wave rests on 5 or more

    @property
    def text(self) -> str:
        return formatted(self.point.value, self.unit) if self.point else ""


def outcomes(context: Context) -> list[Outcome]:
    found = []
    for indicator in registered().values():
        series = indicator.compute(context)
        shown = series.shown
        found.append(Outcome(indicator, str(series.unit), shown[-1] if shown else None))
    return found
