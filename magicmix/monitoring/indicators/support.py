"""Indicators from the ZRM ratings of supported residents, per half year."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from magicmix.composition.disclosure import THRESHOLD

from ..models import Assessment
from . import Context, Expectation, Point, Series, indicator, not_shown
from .periods import half_years


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
