"""The content of a complex's dashboard: every registered indicator by expectation, with its
chart, and the protected summary of the latest wave."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from magicmix.housing.models import Complex
from magicmix.people.models import Person

from .aggregates import TOTAL, Table, protected_table
from .charts import Chart, bar_chart
from .indicators import Context, Expectation, Indicator, Series, registered
from .indicators.surveys import answered_in_both
from .models import Wave
from .summaries import Summary, response_table, summary


@dataclass(frozen=True)
class Shown:
    indicator: Indicator
    series: Series
    chart: Chart


@dataclass(frozen=True)
class Section:
    expectation: Expectation
    shown: list[Shown]


def sections(context: Context) -> list[Section]:
    indicators = list(registered().values())
    found = []
    for expectation in Expectation:
        shown = []
        for indicator in indicators:
            if indicator.expectation != expectation:
                continue
            series = indicator.compute(context)
            shown.append(
                Shown(
                    indicator, series, bar_chart(f"chart-{indicator.code}", indicator.label, series)
                )
            )
        found.append(Section(expectation, shown))
    return found


@dataclass(frozen=True)
class LatestWave:
    wave: Wave
    responses: Table
    summaries: list[Summary]
    change: Table | None  # DJG-6 per resident since the wave before


def latest_wave(complex_: Complex, context: Context) -> LatestWave | None:
    wave = (
        Wave.objects.filter(complex=complex_, opens_on__lte=context.today, invited_at__isnull=False)
        .order_by("-opens_on", "-pk")
        .first()
    )
    if wave is None:
        return None
    persons: QuerySet[Person] | None = context.persons
    summaries = [summary(wave, instrument, persons) for instrument in wave.instruments.all()]
    return LatestWave(wave, response_table(wave, persons), summaries, loneliness_change(context))


def loneliness_change(context: Context) -> Table | None:
    """Residents who answered DJG-6 in both latest waves: less lonely, the same, lonelier."""
    before, after = answered_in_both(context, "djg6", "total")
    if not before:
        return None
    columns: list[tuple[Hashable, str]] = [
        ("less", _("less lonely")),
        ("same", _("the same")),
        ("more", _("lonelier")),
    ]
    records = [
        (TOTAL, "less" if b < a else "more" if b > a else "same")
        for a, b in zip(before, after, strict=True)
    ]
    return protected_table(records, [], columns)
