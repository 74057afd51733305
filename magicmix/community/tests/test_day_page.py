"""The social manager's day: every part shows what it should, in a bounded number of queries."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.testing import factories

from ..models import Activity, Incident, SupportArrangement
from ..services.incidents import add_action
from ..services.ladder import issue_warning
from .scene import Scene, scene

pytestmark = pytest.mark.django_db


def _fill(s: Scene, copies: int) -> None:
    today = timezone.localdate()
    for n in range(copies):
        activity = Activity.objects.create(
            complex=s.complex,
            title=f"Maaltijd {n}",
            kind="meal",
            day=today,
            starts_at=datetime.time(18),
            place="Keuken",
        )
        activity.attendances.create(person=s.residents[0], attended=True)
        incident = Incident.objects.create(
            complex=s.complex, occurred_on=today, kind="noise", severity=2, description="x"
        )
        incident.involved.set(s.residents[:2])
        add_action(incident, f"Gesprek {n}", s.manager, today)
        if n < len(s.residents):
            issue_warning(
                s.residents[n],
                s.complex,
                on=today - datetime.timedelta(days=360),
                reason="x",
                language="nl",
                by=s.manager,
            )
        gang = factories.cluster(s.complex, name=f"Gang extra {n}")
        factories.unit(gang)
    SupportArrangement.objects.create(
        tenancy=s.tenancies[-1],
        partner=s.partner,
        hours_per_week=3,
        start_date=today - datetime.timedelta(days=1000),
        planned_end=today + datetime.timedelta(days=40),
    )


def test_the_day_page_shows_each_part(client: Client) -> None:
    s = scene(start=timezone.localdate() - datetime.timedelta(days=400))
    _fill(s, 1)
    client.force_login(s.manager)
    page = client.get(reverse("community:day", args=[s.complex.pk])).content.decode()
    assert "Maaltijd 0" in page
    assert "Gesprek 0" in page  # the open incident's next action
    assert s.residents[0].full_name in page  # a warning that stops counting soon, a review due
    assert s.client.full_name in page  # support ending within 3 months
    assert "Gang B" in page and "Gang extra 0" in page  # gangs without a gangmaker
    assert "Gang A" not in page.split("gangs-heading")[1]


@pytest.mark.parametrize("copies", [1, 30])
def test_the_day_page_costs_the_same_queries_at_any_size(
    client: Client, django_assert_max_num_queries: Any, copies: int
) -> None:
    s = scene(start=timezone.localdate() - datetime.timedelta(days=400))
    _fill(s, copies)
    client.force_login(s.manager)
    with django_assert_max_num_queries(22):
        response = client.get(reverse("community:day", args=[s.complex.pk]))
    assert response.status_code == 200
    assert ("En nog 10." in response.content.decode()) == (copies == 30)
