"""A complex's outcome on each registered indicator: its latest point that may be shown,
computed now (`outcomes`) or read from the indicators stored each night (`stored_outcomes`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from magicmix.housing.models import Complex

from ..charts import formatted
from ..indicators import Context, Indicator, Point, Series, registered
from ..portfolio import stored_series


@dataclass(frozen=True)
class Outcome:
    indicator: Indicator
    unit: str
    point: Point | None  # None: no period or wave rests on 5 or more

    @property
    def text(self) -> str:
        return formatted(self.point.value, self.unit) if self.point else ""


def outcomes(context: Context) -> list[Outcome]:
    return [_latest(indicator, indicator.compute(context)) for indicator in registered().values()]


def stored_outcomes(complexes: Sequence[Complex]) -> dict[int, list[Outcome]]:
    """complex id → its stored outcomes, in one query however many complexes; an indicator
    not stored yet has no point."""
    indicators = registered()
    stored = stored_series(list(complexes), list(indicators))
    return {
        complex_.pk: [
            _latest(indicator, stored.get(complex_.pk, {}).get(code, Series("", [])))
            for code, indicator in indicators.items()
        ]
        for complex_ in complexes
    }


def _latest(indicator: Indicator, series: Series) -> Outcome:
    shown = series.shown
    return Outcome(indicator, str(series.unit), shown[-1] if shown else None)
