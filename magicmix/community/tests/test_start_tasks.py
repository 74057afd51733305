"""The community tasks on the start page, per role, counted from what the user may see."""

import datetime

import pytest
from django.utils import timezone, translation

from magicmix.accounts.models import Role, User
from magicmix.testing import factories
from magicmix.web.start import tasks_for

from ..models import Incident, SupportArrangement
from ..services.incidents import add_action
from ..start import tasks
from .scene import scene

pytestmark = pytest.mark.django_db


def _counts(user: User) -> dict[str, int]:
    with translation.override("nl"):
        return {str(task.label): task.count for task in tasks(user)}


def test_arrangements_ending_within_three_months_reach_manager_and_caseworker() -> None:
    s = scene()
    today = timezone.localdate()
    for days in (10, 85, 100):  # the last one ends after three months
        SupportArrangement.objects.create(
            tenancy=s.tenancies[-1],
            partner=s.partner,
            hours_per_week=2,
            start_date=today - datetime.timedelta(days=900),
            planned_end=today + datetime.timedelta(days=days),
        )
    ending = "Begeleidingsafspraken die binnen 3 maanden eindigen"
    assert _counts(s.caseworker)[ending] == 2
    assert _counts(s.manager)[ending] == 2
    other_partner = factories.user(factories.organisation("partner"), Role.PARTNER_CASEWORKER)
    assert _counts(other_partner)[ending] == 0
    assert tasks(factories.user(s.corporation, Role.APPLICATION_MANAGER)) == []
    with translation.override("nl"):
        assert [str(t.label) for t in tasks_for(s.caseworker)] == [ending]


def test_incidents_needing_action_are_urgent_for_the_complexs_managers() -> None:
    s = scene()
    today = timezone.localdate()
    waiting = Incident.objects.create(
        complex=s.complex, occurred_on=today, kind="noise", severity=1, description="x"
    )  # no action at all
    due = Incident.objects.create(
        complex=s.complex, occurred_on=today, kind="damage", severity=2, description="x"
    )
    add_action(due, "Bellen", s.manager, today)
    later = Incident.objects.create(
        complex=s.complex, occurred_on=today, kind="damage", severity=2, description="x"
    )
    add_action(later, "Bellen", s.manager, today + datetime.timedelta(days=3))
    waiting_label = "Incidenten die op een actie wachten"
    assert _counts(s.letting)[waiting_label] == 2
    with translation.override("nl"):
        assert next(t for t in tasks(s.manager) if str(t.label) == waiting_label).urgent
    assert waiting_label not in _counts(s.caseworker)
    assert _counts(factories.user(role=Role.SOCIAL_MANAGER))[waiting_label] == 0
    assert waiting.pk and due.pk
