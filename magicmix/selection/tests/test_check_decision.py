"""An application manager finishes a check by hand, with a reason in the application's log."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.selection.models import Application, ApplicationEvent, CheckResult, Stage
from magicmix.selection.services import eligibility
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def waiting() -> Application:
    application, _token = factories.application(
        open_intake(), stage=Stage.REVIEW, check_result=CheckResult.PENDING
    )
    return application


def post(client: Client, application: Application, **data: str) -> None:
    client.post(reverse("selection:decide_eligibility", args=[application.pk]), data)


def test_approving_sends_the_application_on_and_logs_the_reason(client: Client) -> None:
    application = waiting()
    manager = factories.user(application.intake.complex.organisation, Role.APPLICATION_MANAGER)
    client.force_login(manager)
    post(client, application, decision="approve", reason="Huur blijft onder de grens.")
    application.refresh_from_db()
    assert (application.check_result, application.stage) == (
        CheckResult.APPROVED,
        Stage.SUBMITTED,
    )
    event = application.events.get(kind=ApplicationEvent.Kind.ELIGIBILITY)
    assert event.actor == manager
    assert event.reason == "goedgekeurd door medewerker: Huur blijft onder de grens."
    assert Application.objects.eligible().filter(pk=application.pk).exists()


def test_rejecting_means_not_selected(client: Client) -> None:
    application = waiting()
    client.force_login(
        factories.user(application.intake.complex.organisation, Role.APPLICATION_MANAGER)
    )
    post(client, application, decision="reject", reason="Inkomen te hoog volgens loonstrook.")
    application.refresh_from_db()
    assert (application.check_result, application.stage) == (
        CheckResult.REJECTED,
        Stage.NOT_SELECTED,
    )
    assert not Application.objects.eligible().filter(pk=application.pk).exists()


def test_without_a_reason_nothing_changes(client: Client) -> None:
    application = waiting()
    client.force_login(
        factories.user(application.intake.complex.organisation, Role.APPLICATION_MANAGER)
    )
    post(client, application, decision="approve", reason="")
    post(client, application, reason="Geen keuze gemaakt.")
    application.refresh_from_db()
    assert application.check_result == CheckResult.PENDING
    assert not application.events.filter(kind=ApplicationEvent.Kind.ELIGIBILITY).exists()


def test_letting_staff_and_other_corporations_may_not_decide(client: Client) -> None:
    application = waiting()
    for user in (
        factories.user(application.intake.complex.organisation, Role.LETTING),
        factories.user(factories.organisation(), Role.APPLICATION_MANAGER),
    ):
        client.force_login(user)
        url = reverse("selection:decide_eligibility", args=[application.pk])
        assert client.post(url, {"decision": "approve", "reason": "x"}).status_code == 404
    application.refresh_from_db()
    assert application.check_result == CheckResult.PENDING


def test_a_passed_check_is_not_decided_again() -> None:
    application, _token = factories.application(open_intake())
    manager = factories.user(application.intake.complex.organisation, Role.APPLICATION_MANAGER)
    with pytest.raises(eligibility.NotOpen):
        eligibility.decide(application, approve=False, reason="x", by=manager)
    application.refresh_from_db()
    assert application.check_result == CheckResult.PASSED
