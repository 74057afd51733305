"""The portfolio: every complex a user may see as a whole, its mix beside its outcomes, read
from the indicators computed ahead (`IndicatorSnapshot`, refreshed daily by
`manage.py refresh_indicators`) in a fixed number of queries, however large the portfolio.

A partner caseworker sees only their own clients' aggregates, complex by complex, so the
portfolio leaves out complexes the user sees through a caseworker's membership only.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from magicmix.accounts.models import AGGREGATE_ROLES, STAFF_ROLES, User
from magicmix.housing.models import Complex, ComplexQuerySet
from magicmix.people.models import Role
from magicmix.tenancies.models import Tenancy

from .charts import Chart, bar_chart, formatted
from .indicators import Expectation, Indicator, Point, Series, not_shown, registered, shares
from .models import IndicatorSnapshot

# One indicator per expectation in the overview table, in the order of the expectations.
HEADLINES = (
    "occupancy",
    "support_hours",
    "incidents_per_100",
    "contact_at_activities",
    "severely_lonely",
)
MAX_COMPLEXES = 500  # a page of the portfolio; no corporation runs more Magic Mix complexes


def complexes_of(user: User) -> ComplexQuerySet:
    """Complexes whose aggregates the user sees for all residents."""
    staff = user.organisation_ids(STAFF_ROLES)
    aggregate = user.organisation_ids(AGGREGATE_ROLES)
    return (
        Complex.objects.visible_to(user)
        .filter(Q(organisation_id__in=staff) | Q(partners__organisation_id__in=aggregate))
        .distinct()
        .order_by("name", "pk")
    )


def stored_series(complexes: list[Complex], codes: list[str]) -> dict[int, dict[str, Series]]:
    """complex id → indicator code → its stored series, texts translated."""
    found: dict[int, dict[str, Series]] = defaultdict(dict)
    for row in IndicatorSnapshot.objects.filter(complex__in=complexes, code__in=codes):
        points = [
            Point(_(p["label"]), p["value"], p["n"] or 0, _(p["reason"]) if p["reason"] else "")
            for p in row.points
        ]
        found[row.complex_id][row.code] = Series(
            _(row.unit) if row.unit else "", points, row.maximum
        )
    return found


def computed_on(complexes: list[Complex]) -> datetime.date | None:
    """When the stored indicators of these complexes were last computed (None: never)."""
    computed = IndicatorSnapshot.objects.filter(complex__in=complexes).order_by("-computed_on")
    return computed.values_list("computed_on", flat=True).first()


@dataclass(frozen=True)
class Mix:
    residents: int
    supporting: Point  # the share dragend, protected

    @property
    def text(self) -> str:
        return formatted(self.supporting.value, "%", self.supporting.reason)


def mixes(complexes: list[Complex], day: datetime.date) -> dict[int, Mix]:
    """Residents per complex on `day` and the share of them dragend (one query)."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Tenancy.objects.current(day)
        .filter(unit__complex__in=complexes)
        .values_list("unit__complex_id", "person__role")
        .annotate(n=Count("person_id", distinct=True))
        .order_by()
    )
    for complex_id, role, n in rows:
        counts[complex_id][role] = n
    found = {}
    for complex_ in complexes:
        by_role = counts.get(complex_.pk, {})
        supporting = by_role.get(Role.SUPPORTING, 0)
        others = sum(by_role.values()) - supporting
        found[complex_.pk] = Mix(
            supporting + others, shares(complex_.name, [others, supporting], 1)
        )
    return found


def latest(series: Series | None) -> Point | None:
    """The latest point with a value, or None."""
    if series is None:
        return None
    shown = series.shown
    return shown[-1] if shown else None


def latest_text(series: Series | None) -> str:
    """The latest shown value with its period; else why the latest period shows none."""
    point = latest(series)
    if series is None or not series.points:
        return "–"
    if point is None:
        return str(series.points[-1].reason) or str(_("n too small"))
    return f"{formatted(point.value, series.unit)} ({point.label})"


def chart(found: Portfolio) -> Chart:
    """The chosen indicator's latest value per complex, as bars."""
    points = [
        Point(row.complex.name, row.chosen_latest.value, row.chosen_latest.n)
        if row.chosen_latest
        else not_shown(row.complex.name, 0)
        for row in found.rows
    ]
    maximum = 100.0 if found.unit == "%" else None
    return bar_chart("chart-portfolio", found.chosen.label, Series(found.unit, points, maximum))


@dataclass(frozen=True)
class Row:
    complex: Complex
    mix: Mix
    headlines: list[str]  # the latest shown value of each headline indicator, with its period
    trend: list[str]  # the chosen indicator on each of the portfolio's periods
    chosen_latest: Point | None


@dataclass(frozen=True)
class Portfolio:
    headlines: list[Indicator]
    chosen: Indicator
    unit: str  # of the chosen indicator
    rows: list[Row]
    periods: list[str]  # the labels of the chosen indicator's periods, oldest first
    computed_on: datetime.date | None
    more: bool  # more complexes than one page shows


def portfolio(user: User, day: datetime.date, chosen_code: str) -> Portfolio:
    indicators = registered()
    chosen = indicators.get(chosen_code) or indicators[HEADLINES[0]]
    found = list(complexes_of(user)[: MAX_COMPLEXES + 1])
    more = len(found) > MAX_COMPLEXES
    complexes = found[:MAX_COMPLEXES]
    codes = list(dict.fromkeys([*HEADLINES, chosen.code]))
    stored = stored_series(complexes, codes)
    mix = mixes(complexes, day)
    periods: list[str] = []
    for series in stored.values():
        for point in series[chosen.code].points if chosen.code in series else []:
            if point.label not in periods:
                periods.append(point.label)
    rows = []
    for complex_ in complexes:
        series = stored.get(complex_.pk, {})
        trend = series.get(chosen.code)
        by_label = {p.label: p for p in trend.points} if trend else {}
        rows.append(
            Row(
                complex_,
                mix[complex_.pk],
                [latest_text(series.get(code)) for code in HEADLINES],
                [
                    formatted(p.value, trend.unit, p.reason) if trend and p else "–"
                    for p in (by_label.get(label) for label in periods)
                ],
                latest(trend),
            )
        )
    units = [series[chosen.code].unit for series in stored.values() if chosen.code in series]
    # The unit of the chosen indicator, for the chart and the table.
    return Portfolio(
        [indicators[code] for code in HEADLINES],
        chosen,
        str(units[0]) if units else "",
        rows,
        periods,
        computed_on(complexes),
        more,
    )


def by_expectation() -> list[tuple[Expectation, list[Indicator]]]:
    """The indicators to choose a trend from, grouped as on the dashboard."""
    indicators = list(registered().values())
    return [(e, [i for i in indicators if i.expectation == e]) for e in Expectation]
