import datetime

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.selection.models import ApplicationEvent, LetterScore, Stage
from magicmix.testing import factories

from .helpers import open_intake, rubric, score

pytestmark = pytest.mark.django_db


def _letter(blind: bool = True, **rubric_fields):
    intake = open_intake()
    rubric(intake, blind=blind, **rubric_fields)
    application, _ = factories.application(
        intake,
        first_name="Wubbo",
        last_name="Zwanenburg",
        date_of_birth=datetime.date(1999, 11, 23),
        email="wubbo@example.nl",
        phone="0687654321",
        motivation="Ik start een moestuin op het dak.",
    )
    return intake, application


def test_blind_scoring_shows_the_letter_only(client: Client) -> None:
    intake, application = _letter(blind=True)
    client.force_login(factories.user(intake.complex.organisation, Role.SOCIAL_MANAGER))
    page = client.get(reverse("selection:score_letter", args=[application.pk])).text
    assert "Ik start een moestuin op het dak." in page
    for personal in (
        "Wubbo",
        "Zwanenburg",
        "23 november 1999",
        "1999-11-23",
        "wubbo@example.nl",
        "0687654321",
        "Student",
        "26 jaar",
    ):
        assert personal not in page, personal


def test_open_scoring_shows_name_age_and_group(client: Client) -> None:
    intake, application = _letter(blind=False)
    client.force_login(factories.user(intake.complex.organisation, Role.LETTING))
    page = client.get(reverse("selection:score_letter", args=[application.pk])).text
    assert "Wubbo Zwanenburg" in page and "Student" in page
    assert "wubbo@example.nl" not in page


def test_scores_are_saved_logged_and_move_the_letter_to_assessing(client: Client) -> None:
    intake, application = _letter()
    scorer = factories.user(intake.complex.organisation, Role.SOCIAL_MANAGER)
    client.force_login(scorer)
    criterion = intake.rubric.criteria.get(stage="letter")
    url = reverse("selection:score_letter", args=[application.pk])
    response = client.post(url, {f"criterion_{criterion.pk}": "4", "note": "Concreet."})
    assert response["Location"] == reverse("selection:scoring")
    saved = LetterScore.objects.get()
    assert (saved.application, saved.scorer, saved.points, saved.note) == (
        application,
        scorer,
        4,
        "Concreet.",
    )
    application.refresh_from_db()
    assert (application.stage, application.public_status) == (Stage.ASSESSING, "assessing")
    kinds = list(application.events.values_list("kind", flat=True))
    assert kinds == [ApplicationEvent.Kind.STAGE, ApplicationEvent.Kind.SCORED]
    # A second attempt by the same scorer changes nothing.
    again = client.post(url, {f"criterion_{criterion.pk}": "1"})
    assert again.status_code == 302 and LetterScore.objects.get().points == 4


def test_points_above_the_maximum_are_refused(client: Client) -> None:
    intake, application = _letter()
    client.force_login(factories.user(intake.complex.organisation, Role.LETTING))
    criterion = intake.rubric.criteria.get(stage="letter")
    response = client.post(
        reverse("selection:score_letter", args=[application.pk]), {f"criterion_{criterion.pk}": "6"}
    )
    assert response.status_code == 200 and not LetterScore.objects.exists()


def test_the_queue_stops_at_the_number_of_scorers_per_letter(client: Client) -> None:
    intake, application = _letter(scorers_per_letter=2)
    second, _ = factories.application(intake)
    org = intake.complex.organisation
    first_scorer, second_scorer, third = (factories.user(org, Role.LETTING) for _ in range(3))
    score(application, first_scorer, 3)
    score(application, second_scorer, 5)
    score(second, first_scorer, 2)
    assert list(intake.applications.letters_for(third, 2)) == [second]
    assert list(intake.applications.letters_for(first_scorer, 2)) == []
    client.force_login(third)
    overview = client.get(reverse("selection:scoring"))
    row = overview.context["rows"][0]
    assert (row["total"], row["done"], row["mine"], row["waiting"], row["next"]) == (
        2,
        1,
        0,
        1,
        second,
    )
    full = client.get(reverse("selection:score_letter", args=[application.pk]))
    assert full.status_code == 302


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        (Organisation.Kind.CORPORATION, Role.LETTING),
        (Organisation.Kind.PARTNER, Role.PARTNER_CASEWORKER),
        (Organisation.Kind.RESIDENTS, Role.RESIDENT_PANEL),
    ],
)
def test_others_cannot_score(client: Client, kind: str, role: str) -> None:
    intake, application = _letter()
    other = factories.organisation(kind)
    factories.partner(intake.complex, other)
    client.force_login(factories.user(other, role))
    assert client.get(reverse("selection:score_letter", args=[application.pk])).status_code == 404
    assert intake.title not in client.get(reverse("selection:scoring")).text


def test_the_same_org_resident_panel_role_cannot_score(client: Client) -> None:
    intake, application = _letter()
    client.force_login(factories.user(intake.complex.organisation, Role.POLICY_OFFICER))
    assert client.get(reverse("selection:score_letter", args=[application.pk])).status_code == 404
