"""Indicators from activities and resident roles: contact across groups at activities, and
statushouders in roles and activities, per quarter. Shares are protected as in `shares`."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy as _

from magicmix.community.models import Attendance, ContributionAgreement, ResidentRole
from magicmix.people.models import Person

from . import Context, Expectation, Series, indicator, shares
from .periods import Period, quarters
from .residents import Stay, stays

STATUSHOUDER = "statushouder"


def _attended(context: Context, periods: list[Period]) -> list[tuple[int, int, datetime.date]]:
    """(activity, person, day) of everyone who came to an activity of the complex."""
    found = Attendance.objects.filter(
        activity__complex=context.complex,
        activity__day__gte=periods[0].start,
        activity__day__lte=periods[-1].end,
        attended=True,
    )
    return list(found.values_list("activity_id", "person_id", "activity__day"))


def _statushouders_on(found: list[Stay], period: Period) -> set[int]:
    return {s.person_id for s in found if s.group_code == STATUSHOUDER and s.runs_on(period.end)}


@indicator(
    "contact_at_activities",
    _("Contact across groups at activities"),
    Expectation.INTEGRATION,
    _(
        "Of the residents who came to an activity in the quarter, the share who met a resident "
        "of another target group there."
    ),
)
def contact_at_activities(context: Context) -> Series:
    periods = quarters(context.today)
    # Everyone who came counts for who was there; only persons in scope are counted.
    came = _attended(context, periods)
    in_scope = (
        {person for _a, person, _d in came}
        if context.persons is None
        else set(context.persons.values_list("pk", flat=True))
    )
    groups = dict(
        Person.objects.filter(pk__in={person for _a, person, _d in came}).values_list(
            "pk", "target_group_id"
        )
    )
    points = []
    for period in periods:
        present: dict[int, set[int]] = {}
        for activity, person, day in came:
            if period.start <= day <= period.end:
                present.setdefault(activity, set()).add(person)
        met: set[int] = set()
        attendees: set[int] = set()
        for persons in present.values():
            for person in persons & in_scope:
                attendees.add(person)
                if any(groups[other] != groups[person] for other in persons):
                    met.add(person)
        points.append(shares(period.label, [len(attendees - met), len(met)], 1))
    return Series("%", points, maximum=100)


@indicator(
    "statushouders_in_roles",
    _("Statushouders in a resident role"),
    Expectation.INTEGRATION,
    _(
        "Of the statushouders living in the complex at the end of the quarter, the share with a "
        "resident role (gangmaker, buddy, community builder, commission member)."
    ),
)
def statushouders_in_roles(context: Context) -> Series:
    periods = quarters(context.today)
    found = stays(context, periods)
    roles = list(
        ContributionAgreement.objects.filter(tenancy_id__in=[s.tenancy_id for s in found])
        .exclude(role=ResidentRole.NONE)
        .values_list("tenancy__person_id", "start_date")
    )
    points = []
    for period in periods:
        living = _statushouders_on(found, period)
        with_role = {person for person, start in roles if person in living and start <= period.end}
        points.append(shares(period.label, [len(living - with_role), len(with_role)], 1))
    return Series("%", points, maximum=100, note=_("The role as recorded in the agreement now."))


@indicator(
    "statushouders_in_activities",
    _("Statushouders at activities"),
    Expectation.INTEGRATION,
    _(
        "Of the statushouders living in the complex at the end of the quarter, the share who "
        "came to at least one activity in the quarter."
    ),
)
def statushouders_in_activities(context: Context) -> Series:
    periods = quarters(context.today)
    found = stays(context, periods)
    came = _attended(context, periods)
    points = []
    for period in periods:
        living = _statushouders_on(found, period)
        active = {
            person
            for _a, person, day in came
            if person in living and period.start <= day <= period.end
        }
        points.append(shares(period.label, [len(living - active), len(active)], 1))
    return Series("%", points, maximum=100)
