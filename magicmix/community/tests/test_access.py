"""Outside scope is 404 on every view: another corporation, the panel and the municipality see
nothing; a caseworker sees only their own supported client, and none of the incident pages."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.testing import factories

from ..models import Activity, FollowUp, Incident, SupportArrangement, issue_link
from ..services.incidents import add_action
from ..services.ladder import issue_warning
from .scene import Scene, scene

pytestmark = pytest.mark.django_db
D = datetime.date


def _records(s: Scene) -> dict[str, Any]:
    incident = Incident.objects.create(
        complex=s.complex, occurred_on=D(2025, 1, 5), kind="noise", severity=2, description="x"
    )
    incident.involved.set([s.client, s.residents[0]])
    action = add_action(incident, "Gesprek", s.manager, D(2025, 1, 10))
    warning = issue_warning(
        s.client, s.complex, on=D(2025, 1, 6), reason="x", language="nl", by=s.manager
    )
    other = issue_warning(
        s.residents[0], s.complex, on=D(2025, 1, 6), reason="x", language="nl", by=s.manager
    )
    arrangement = SupportArrangement.objects.create(
        tenancy=s.tenancies[-1],
        partner=s.partner,
        hours_per_week=3,
        start_date=D(2024, 3, 1),
        planned_end=D(2027, 3, 1),
    )
    activity = Activity.objects.create(
        complex=s.complex,
        title="Eten",
        kind="meal",
        day=D(2025, 2, 1),
        starts_at=datetime.time(18),
        place="Keuken",
    )
    return {
        "incident": incident,
        "action": action,
        "warning": warning,
        "other": other,
        "arrangement": arrangement,
        "activity": activity,
    }


def _urls(s: Scene, r: dict[str, Any]) -> tuple[list[str], list[str]]:
    c, person, tenancy = s.complex.pk, s.residents[0].pk, s.tenancies[0].pk
    gets = [
        reverse("community:day", args=[c]),
        reverse("community:gangs", args=[c]),
        reverse("community:incident_list", args=[c]),
        reverse("community:incident_create", args=[c]),
        reverse("community:house_rules", args=[c]),
        reverse("community:contract_ends", args=[c]),
        reverse("community:activity_list", args=[c]),
        reverse("community:activity_create", args=[c]),
        reverse("community:activity_detail", args=[r["activity"].pk]),
        reverse("community:neighbourhood", args=[c]),
        reverse("community:meeting_create", args=[c]),
        reverse("community:incident_detail", args=[r["incident"].pk]),
        reverse("community:resident", args=[person]),
        reverse("community:warning_issue", args=[person]),
        reverse("community:arrangement_create", args=[person]),
        reverse("community:warning_letter", args=[r["other"].pk]),
        reverse("community:agreement_edit", args=[s.agreement(0).pk]),
        reverse("community:departure", args=[tenancy]),
        reverse("community:arrangement_edit", args=[r["arrangement"].pk]),
        reverse("community:review_add", args=[r["arrangement"].pk]),
    ]
    posts = [
        reverse("community:incident_close", args=[r["incident"].pk]),
        reverse("community:action_done", args=[r["action"].pk]),
        reverse("community:agreement_create", args=[tenancy]),
        reverse("community:resident_link", args=[person]),
    ]
    return gets, posts


def test_outsiders_get_404_everywhere_and_change_nothing(client: Client) -> None:
    s = scene()
    r = _records(s)
    gets, posts = _urls(s, r)
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    panel = factories.organisation(Organisation.Kind.RESIDENTS)
    factories.partner(s.complex, municipality)
    factories.partner(s.complex, panel)
    outsiders = [
        factories.user(),  # letting staff of another corporation
        factories.user(factories.organisation(), Role.SOCIAL_MANAGER),
        factories.user(municipality, Role.POLICY_OFFICER),
        factories.user(panel, Role.RESIDENT_PANEL),
    ]
    for outsider in outsiders:
        client.force_login(outsider)
        for url in gets + posts:
            method = client.post if url in posts else client.get
            assert method(url).status_code == 404, (outsider, url)
        assert client.get(reverse("community:index")).status_code == 404
    assert FollowUp.objects.get(pk=r["action"].pk).done_on is None
    assert Incident.objects.get(pk=r["incident"].pk).closed_on is None


def test_the_caseworker_sees_only_their_client_and_no_incident_page(client: Client) -> None:
    s = scene()
    r = _records(s)
    gets, posts = _urls(s, r)
    client.force_login(s.caseworker)
    for url in gets + posts:
        method = client.post if url in posts else client.get
        allowed = url in {
            reverse("community:arrangement_edit", args=[r["arrangement"].pk]),
            reverse("community:review_add", args=[r["arrangement"].pk]),
        }
        assert (method(url).status_code == 404) != allowed, url
    page = client.get(reverse("community:resident", args=[s.client.pk])).content.decode()
    assert s.client.full_name in page and "gesprek" in page
    assert s.residents[0].full_name not in page  # the other resident in the incident
    assert (
        client.get(reverse("community:warning_letter", args=[r["warning"].pk])).status_code == 200
    )
    assert client.get(reverse("community:warning_issue", args=[s.client.pk])).status_code == 404
    index = client.get(reverse("community:index")).content.decode()
    assert s.client.full_name in index


def test_letting_staff_of_the_complex_see_incidents(client: Client) -> None:
    s = scene()
    r = _records(s)
    client.force_login(s.letting)
    url = reverse("community:incident_detail", args=[r["incident"].pk])
    assert client.get(url).status_code == 200
    client.force_login(factories.user(s.corporation, Role.APPLICATION_MANAGER))
    assert client.get(url).status_code == 404


def test_a_personal_link_opens_only_its_own_residents_pages(client: Client) -> None:
    s = scene()
    token = issue_link(s.residents[0])
    own = client.get(reverse("community:resident_home", args=[token])).content.decode()
    assert s.residents[0].first_name in own and s.residents[1].first_name not in own
    for url in [
        reverse("community:resident_home", args=["wrong"]),
        reverse("community:resident_hours", args=["wrong"]),
    ]:
        assert client.get(url).status_code == 404
    assert issue_link(s.residents[0]) != token
    assert client.get(reverse("community:resident_home", args=[token])).status_code == 404
