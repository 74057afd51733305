"""Indicators from the community app's incidents and warnings, per quarter, per 100 residents.

Residents are the persons living in the complex on the quarter's last day (or today). For a
caseworker's own clients, only incidents that involved them and warnings given to them count.
A rate is shown from 5 incidents (warnings) and 5 residents: a smaller count, zero included,
is as telling as a name in a small complex.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy as _

from magicmix.community.models import Incident, Warning
from magicmix.composition.disclosure import THRESHOLD

from . import Context, Expectation, Point, Series, indicator, not_shown
from .periods import Period, quarters
from .residents import living_on, stays


def _per_100(context: Context, periods: list[Period], days: list[datetime.date]) -> list[Point]:
    found = stays(context, periods)
    points = []
    for period in periods:
        residents = len(living_on(found, period.end))
        count = sum(period.start <= day <= period.end for day in days)
        if count < THRESHOLD or residents < THRESHOLD:
            points.append(not_shown(period.label, residents))
        else:
            points.append(Point(period.label, 100 * count / residents, residents))
    return points


@indicator(
    "incidents_per_100",
    _("Incidents per 100 residents"),
    Expectation.LOWER_COSTS,
    _("Incidents recorded in the quarter per 100 residents living in the complex at its end."),
)
def incidents_per_100(context: Context) -> Series:
    periods = quarters(context.today)
    found = Incident.objects.filter(
        complex=context.complex,
        occurred_on__gte=periods[0].start,
        occurred_on__lte=periods[-1].end,
    )
    if context.persons is not None:
        found = found.filter(involved__in=context.persons).distinct()
    days = list(found.values_list("occurred_on", flat=True))
    return Series("", _per_100(context, periods, days))


@indicator(
    "warnings_per_100",
    _("Warnings per 100 residents"),
    Expectation.LOWER_COSTS,
    _("Warnings given in the quarter per 100 residents living in the complex at its end."),
)
def warnings_per_100(context: Context) -> Series:
    periods = quarters(context.today)
    found = Warning.objects.filter(
        complex=context.complex, issued_on__gte=periods[0].start, issued_on__lte=periods[-1].end
    )
    if context.persons is not None:
        found = found.filter(person__in=context.persons)
    days = list(found.values_list("issued_on", flat=True))
    return Series(
        "",
        _per_100(context, periods, days),
        note=_("After two warnings a resident can be asked to leave (voorwaardelijkheid)."),
    )
