"""Indicators of support: the ZRM ratings of supported residents per half year, the support
hours per supported resident per quarter, and how arrangements ended."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from magicmix.community.models import NextStep, SupportArrangement
from magicmix.composition.disclosure import THRESHOLD

from ..models import Assessment
from . import Context, Expectation, Point, Series, indicator, not_shown, shares
from .periods import half_years, quarters


def zrm_levels(context: Context, domain: str) -> list[Point]:
    """Per half year, the mean level in `domain` of the latest rating of each resident of the
    complex rated in it; shown from 5 residents."""
    periods = half_years(context.today)
    found = Assessment.objects.filter(
        person__tenancies__unit__complex=context.complex,
        assessed_on__gte=periods[0].start,
        assessed_on__lte=periods[-1].end,
    ).distinct()
    if context.persons is not None:
        found = found.filter(person__in=context.persons)
    rows = list(
        found.order_by("assessed_on", "pk").values_list("person_id", "assessed_on", "scores")
    )
    points = []
    for period in periods:
        latest: dict[int, int] = {}
        for person, day, scores in rows:
            if period.start <= day <= period.end and scores.get(domain) is not None:
                latest[person] = scores[domain]
        if len(latest) < THRESHOLD:
            points.append(not_shown(period.label, len(latest)))
        else:
            points.append(Point(period.label, sum(latest.values()) / len(latest), len(latest)))
    return points


NOTE = _("Zelfredzaamheid-Matrix 2017, © GGD Amsterdam; 1 acute problems … 5 fully self-reliant.")


@indicator(
    "zrm_work_education",
    _("ZRM work & education"),
    Expectation.INTEGRATION,
    _("Mean level (1–5) of the latest rating in the half year."),
)
def zrm_work_education(context: Context) -> Series:
    return Series("", zrm_levels(context, "work_education"), maximum=5, note=NOTE)


@indicator(
    "zrm_social_network",
    _("ZRM social network"),
    Expectation.LESS_SUPPORT,
    _("Mean level (1–5) of the latest rating in the half year."),
)
def zrm_social_network(context: Context) -> Series:
    return Series("", zrm_levels(context, "social_network"), maximum=5, note=NOTE)


def _arrangements(context: Context) -> QuerySet[SupportArrangement]:
    found = SupportArrangement.objects.filter(tenancy__unit__complex=context.complex)
    if context.persons is not None:
        found = found.filter(tenancy__person__in=context.persons)
    return found


@indicator(
    "support_hours",
    _("Support hours per supported resident"),
    Expectation.LESS_SUPPORT,
    _(
        "Hours of support a week per resident with a running support arrangement on the "
        "quarter's last day (or today)."
    ),
)
def support_hours(context: Context) -> Series:
    periods = quarters(context.today)
    rows = list(
        _arrangements(context)
        .filter(start_date__lte=periods[-1].end)
        .values_list("tenancy__person_id", "start_date", "ended_on", "hours_per_week")
    )
    points = []
    for period in periods:
        hours: dict[int, float] = {}
        for person, start, ended, per_week in rows:
            if start <= period.end and (ended is None or ended >= period.end):
                hours[person] = hours.get(person, 0.0) + float(per_week)
        if len(hours) < THRESHOLD:
            points.append(not_shown(period.label, len(hours)))
        else:
            points.append(Point(period.label, sum(hours.values()) / len(hours), len(hours)))
    return Series(_("h/week"), points)


@indicator(
    "lease_in_own_name",
    _("Support ended with the lease in the resident's own name"),
    Expectation.LESS_SUPPORT,
    _(
        "Of the support arrangements that ended in the half year, the share whose next step "
        "was the lease moving to the resident's own name."
    ),
)
def lease_in_own_name(context: Context) -> Series:
    periods = half_years(context.today)
    rows = list(
        _arrangements(context)
        .filter(ended_on__gte=periods[0].start, ended_on__lte=periods[-1].end)
        .values_list("ended_on", "next_step")
    )
    points = []
    for period in periods:
        steps = [step for ended, step in rows if ended and period.start <= ended <= period.end]
        moved = sum(step == NextStep.LEASE_TRANSFER for step in steps)
        points.append(shares(period.label, [len(steps) - moved, moved], 1))
    return Series(
        "%",
        points,
        maximum=100,
        note=_("Majella Wonen moves the lease to the resident after three years of support."),
    )
