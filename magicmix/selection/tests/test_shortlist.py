import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.selection.models import ApplicationEvent, Stage
from magicmix.testing import factories

from .helpers import open_intake, rubric, score

pytestmark = pytest.mark.django_db


def test_the_shortlist_ranks_by_selection_score_with_the_breakdown(client: Client) -> None:
    intake = open_intake()
    rubric(intake)
    letting = factories.user(intake.complex.organisation, Role.LETTING)
    low, _ = factories.application(intake, first_name="Laag")
    unscored, _ = factories.application(intake, first_name="Leeg")
    high, _ = factories.application(intake, first_name="Hoog")
    score(low, letting, 2)
    score(high, letting, 5)
    client.force_login(letting)
    response = client.get(reverse("selection:shortlist", args=[intake.pk]))
    rows = response.context["rows"]
    assert [row.application for row in rows] == [high, low, unscored]
    assert [str(row.score.total) for row in rows] == ["100.0", "40.0", "None"]
    assert rows[0].score.scorers == 1


def test_staff_shortlist_or_do_not_select_with_a_logged_reason(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    intake = open_intake()
    application, _ = factories.application(intake)
    letting = factories.user(intake.complex.organisation, Role.LETTING)
    client.force_login(letting)
    url = reverse("selection:decide", args=[application.pk])
    client.post(url, {"stage": Stage.SHORTLISTED, "reason": ""})
    application.refresh_from_db()
    assert application.stage == Stage.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"stage": Stage.NOT_SELECTED, "reason": "Letter te algemeen."})
    # The applicant is told, in Dutch with "u", without the colleagues' reason.
    [told] = mail.outbox
    assert told.to == [application.email]
    assert told.subject == f"Uw aanmelding voor {intake.complex.name}"
    assert "Deze keer bent u niet gekozen" in told.body
    assert "Letter te algemeen" not in told.body
    assert response["Location"] == reverse("selection:shortlist", args=[intake.pk])
    application.refresh_from_db()
    assert (application.stage, application.public_status) == (Stage.NOT_SELECTED, "not_selected")
    event = application.events.first()
    assert (event.kind, event.actor, event.reason, event.from_stage) == (
        ApplicationEvent.Kind.STAGE,
        letting,
        "Letter te algemeen.",
        Stage.SUBMITTED,
    )
    # A decided application cannot be moved back from here.
    client.post(url, {"stage": Stage.SHORTLISTED, "reason": "Toch wel."})
    application.refresh_from_db()
    assert application.stage == Stage.NOT_SELECTED


def test_a_bad_stage_is_refused_without_error(client: Client) -> None:
    intake = open_intake()
    application, _ = factories.application(intake)
    client.force_login(factories.user(intake.complex.organisation, Role.LETTING))
    response = client.post(
        reverse("selection:decide", args=[application.pk]), {"stage": "housed", "reason": "x"}
    )
    application.refresh_from_db()
    assert response.status_code == 302 and application.stage == Stage.SUBMITTED


@pytest.mark.parametrize(("same_org", "role"), [(False, Role.LETTING), (True, Role.SOCIAL_MANAGER)])
def test_others_cannot_see_or_decide(client: Client, same_org: bool, role: str) -> None:
    intake = open_intake()
    application, _ = factories.application(intake)
    org = intake.complex.organisation if same_org else factories.organisation()
    client.force_login(factories.user(org, role))
    assert client.get(reverse("selection:shortlist", args=[intake.pk])).status_code == 404
    response = client.post(
        reverse("selection:decide", args=[application.pk]),
        {"stage": Stage.SHORTLISTED, "reason": "x"},
    )
    assert response.status_code == 404
