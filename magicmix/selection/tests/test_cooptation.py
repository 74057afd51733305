import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import SupportNeed
from magicmix.selection.models import (
    ApplicationEvent,
    CooptationAdvice,
    Interview,
    Nomination,
    Route,
    Stage,
)
from magicmix.selection.panel_codes import panel_code
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def _shortlisted():
    intake = open_intake()
    residents = factories.organisation(Organisation.Kind.RESIDENTS, name="Bewonerscommissie")
    factories.partner(intake.complex, residents)
    ggz = factories.organisation(Organisation.Kind.PARTNER, name="GGZ Centraal")
    application, _ = factories.application(
        intake,
        "uitstroom-ggz",
        route=Route.NOMINATION,
        first_name="Wubbo",
        last_name="Zwanenburg",
        date_of_birth=datetime.date(1999, 11, 23),
        email="wubbo@example.nl",
        phone="0687654321",
        annual_income=23456,
        motivation="Ik start een moestuin.",
    )
    Nomination.objects.create(
        application=application,
        organisation=ggz,
        support_organisation=ggz,
        support_need=SupportNeed.INTENSIVE,
        support_hours_per_week=6,
        readiness="Stabiel op medicatie sinds maart.",
    )
    Interview.objects.create(
        application=application,
        starts_at=timezone.now(),
        status=Interview.Status.HELD,
        summary="Wil de gang elke vrijdag laten koken.",
    )
    application.move_to(Stage.SHORTLISTED, by=None, reason="Sterk gesprek.")
    return intake, residents, application


def test_the_panel_sees_letter_and_summary_and_never_personal_details(client: Client) -> None:
    _, residents, application = _shortlisted()
    client.force_login(factories.user(residents, Role.RESIDENT_PANEL))
    listing = client.get(reverse("selection:panel")).text
    page = client.get(reverse("selection:panel_candidate", args=[panel_code(application.pk)])).text
    assert "Ik start een moestuin." in page and "Wil de gang elke vrijdag laten koken." in page
    for html in (listing, page):
        for private in (
            "Zwanenburg",
            "wubbo@example.nl",
            "0687654321",
            "23 november 1999",
            "1999-11-23",
            "23.456",
            "23456",
            "GGZ",
            "medicatie",
            "intensief",
            "Stabiel",
            "voordracht",
        ):
            assert private not in html, private


def test_a_panel_member_gives_an_advice_that_staff_see(client: Client) -> None:
    intake, residents, application = _shortlisted()
    member = factories.user(residents, Role.RESIDENT_PANEL, full_name="Petra Buur")
    client.force_login(member)
    url = reverse("selection:panel_candidate", args=[panel_code(application.pk)])
    assert client.post(url, {"advice": "in_favour", "motivation": ""}).status_code == 200
    response = client.post(url, {"advice": "in_favour", "motivation": "Past goed bij gang 3."})
    assert response["Location"] == reverse("selection:panel")
    advice = CooptationAdvice.objects.get()
    assert (advice.panel_member, advice.advice, advice.motivation) == (
        member,
        "in_favour",
        "Past goed bij gang 3.",
    )
    assert application.events.first().kind == ApplicationEvent.Kind.ADVICE
    client.force_login(factories.user(intake.complex.organisation, Role.LETTING))
    detail = client.get(reverse("selection:application_detail", args=[application.pk])).text
    assert "Past goed bij gang 3." in detail and "Petra Buur" in detail
    shortlist = client.get(reverse("selection:shortlist", args=[intake.pk])).text
    assert "voor: 1" in shortlist.lower()


@pytest.mark.parametrize(
    ("kind", "role", "partner"),
    [
        (Organisation.Kind.RESIDENTS, Role.RESIDENT_PANEL, False),  # not a partner of the complex
        (Organisation.Kind.PARTNER, Role.PARTNER_CASEWORKER, True),
        (Organisation.Kind.MUNICIPALITY, Role.POLICY_OFFICER, True),
        (Organisation.Kind.CORPORATION, Role.LETTING, False),
    ],
)
def test_others_get_a_404(client: Client, kind: str, role: str, partner: bool) -> None:
    intake, _, application = _shortlisted()
    other = factories.organisation(kind)
    if partner:
        factories.partner(intake.complex, other, may_nominate=True)
    client.force_login(factories.user(other, role))
    url = reverse("selection:panel_candidate", args=[panel_code(application.pk)])
    assert client.get(url).status_code == 404
    assert client.post(url, {"advice": "against", "motivation": "x"}).status_code == 404
    assert "Ik start een moestuin." not in client.get(reverse("selection:panel")).text
    assert not CooptationAdvice.objects.exists()


def test_candidates_not_shortlisted_are_not_shown(client: Client) -> None:
    _, residents, application = _shortlisted()
    application.move_to(Stage.NOT_SELECTED, by=None, reason="Geen plek.")
    client.force_login(factories.user(residents, Role.RESIDENT_PANEL))
    url = reverse("selection:panel_candidate", args=[panel_code(application.pk)])
    assert client.get(url).status_code == 404
