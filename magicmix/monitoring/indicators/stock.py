"""Indicators from the stock and its tenancies: occupancy, vacancy days and turnover."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from magicmix.composition.disclosure import THRESHOLD
from magicmix.housing.models import Unit
from magicmix.tenancies.models import Tenancy

from . import Context, Expectation, Point, Series, indicator, not_shown
from .periods import Period, quarters


@dataclass(frozen=True)
class Lease:
    unit_id: int
    start: datetime.date
    end: datetime.date | None


def _stock(context: Context, periods: list[Period]) -> tuple[list[int], list[Lease]]:
    """The units in use and the tenancies that touch the periods."""
    units = list(
        Unit.objects.filter(complex=context.complex, status=Unit.Status.IN_USE).values_list(
            "pk", flat=True
        )
    )
    tenancies = Tenancy.objects.filter(unit__in=units).overlapping(
        periods[0].start, periods[-1].end
    )
    return units, [
        Lease(*row) for row in tenancies.values_list("unit_id", "start_date", "end_date")
    ]


def _runs_on(lease: Lease, day: datetime.date) -> bool:
    return lease.start <= day and (lease.end is None or lease.end >= day)


def _days_let(leases: list[Lease], period: Period) -> int:
    """Days of `period` on which one of `leases` runs (overlaps counted once)."""
    spans = sorted(
        (max(lease.start, period.start), min(lease.end or period.end, period.end))
        for lease in leases
    )
    days, reached = 0, period.start - datetime.timedelta(days=1)
    for start, end in spans:
        start = max(start, reached + datetime.timedelta(days=1))
        if start <= end:
            days += (end - start).days + 1
            reached = end
    return days


@indicator(
    "occupancy",
    _("Occupancy"),
    Expectation.FEASIBLE,
    _("Units in use with a tenancy on the last day of the quarter (or today)."),
)
def occupancy(context: Context) -> Series:
    periods = quarters(context.today)
    units, leases = _stock(context, periods)
    points = []
    for period in periods:
        occupied = len({lease.unit_id for lease in leases if _runs_on(lease, period.end)})
        if occupied < THRESHOLD or not units:
            points.append(not_shown(period.label, len(units)))
        else:
            points.append(Point(period.label, 100 * occupied / len(units), len(units)))
    return Series(
        "%", points, maximum=100, note=_("All studied Magic Mix projects stayed at 90 % or more.")
    )


@indicator(
    "vacancy_days",
    _("Vacancy days per unit"),
    Expectation.FEASIBLE,
    _("Days without a tenancy in the quarter, averaged over the units in use."),
)
def vacancy_days(context: Context) -> Series:
    periods = quarters(context.today)
    units, leases = _stock(context, periods)
    points = []
    by_unit: dict[int, list[Lease]] = {}
    for lease in leases:
        by_unit.setdefault(lease.unit_id, []).append(lease)
    for period in periods:
        vacant = sum(period.days - _days_let(by_unit.get(unit, []), period) for unit in units)
        points.append(Point(period.label, vacant / len(units) if units else None, len(units)))
    return Series(_("days"), points, maximum=92)


@indicator(
    "turnover",
    _("Turnover"),
    Expectation.FEASIBLE,
    _("Tenancies that ended in the quarter, per 100 units let at its start."),
)
def turnover(context: Context) -> Series:
    periods = quarters(context.today)
    _units, leases = _stock(context, periods)
    points = []
    for period in periods:
        ended = sum(1 for lease in leases if lease.end and period.start <= lease.end <= period.end)
        let = len({lease.unit_id for lease in leases if _runs_on(lease, period.start)})
        if ended < THRESHOLD or not let:
            points.append(not_shown(period.label, ended))
        else:
            points.append(Point(period.label, 100 * ended / let, ended))
    return Series("%", points, note=_("Genderhof (Eindhoven) reported a turnover of 37 % a year."))
