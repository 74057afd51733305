"""Entering or correcting a legal value checks the applications it affects again, in the
background, with progress and a log entry per application."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.legal.models import Kind, Parameter, Recheck
from magicmix.selection.models import Application, ApplicationEvent, CheckResult, Intake, Stage
from magicmix.selection.services import applications
from magicmix.testing import factories
from magicmix.testing.tasks import work

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def applied(intake: Intake, income: int) -> Application:
    application = Application(
        intake=intake,
        target_group=factories.target_group(intake.complex.organisation, "student"),
        first_name="Noor",
        last_name=f"Bakker {income}",
        date_of_birth=timezone.localdate().replace(year=timezone.localdate().year - 24),
        email=f"noor{income}@example.nl",
        household_size=1,
        annual_income=Decimal(income),
        income_year=timezone.localdate().year - 1,
        motivation="Ik kook voor de gang.",
    )
    applications.submit(application, [])
    return application


def enter(client: Client, record: Parameter, amount: str) -> None:
    response = client.post(reverse("legal:change", args=[record.pk]), {"amount": amount})
    assert response.status_code == 302


@pytest.fixture
def cap() -> Parameter:
    """Today's aftoppingsgrens for 1–2 persons: announced, not entered."""
    return Parameter.objects.create(kind=Kind.CAP_RENT_SMALL, valid_from=timezone.localdate())


def test_entering_the_missing_value_lets_the_waiting_application_on(
    client: Client, cap: Parameter
) -> None:
    intake = open_intake()  # the cheapest unit rents for € 450
    low = applied(intake, 20_000)  # under the passend toewijzen limit: needs the cap
    high = applied(intake, 45_000)  # above it: the cap does not apply
    assert (low.stage, low.check_result) == (Stage.REVIEW, CheckResult.PENDING)
    assert high.check_result == CheckResult.PASSED
    client.force_login(factories.user(intake.complex.organisation, Role.APPLICATION_MANAGER))

    enter(client, cap, "713.00")
    recheck = Recheck.objects.get()
    assert (recheck.total, recheck.done, recheck.finished_at) == (1, 0, None)
    work()

    low.refresh_from_db()
    assert (low.stage, low.check_result) == (Stage.SUBMITTED, CheckResult.PASSED)
    assert [o.status for o in low.eligibility.all()] == ["passed", "passed", "passed"]
    event = low.events.get(kind=ApplicationEvent.Kind.RECHECKED)
    assert event.reason == (
        "Opnieuw getoetst nadat “aftoppingsgrens, 1–2 personen” is ingevoerd: "
        "wacht op een wettelijke waarde → voldaan."
    )
    assert not high.events.filter(kind=ApplicationEvent.Kind.RECHECKED).exists()
    recheck.refresh_from_db()
    assert (recheck.total, recheck.done, recheck.percent) == (1, 1, 100)
    assert recheck.finished_at is not None


def test_a_correction_that_fails_keeps_the_application_out(client: Client, cap: Parameter) -> None:
    intake = open_intake()
    low = applied(intake, 20_000)
    client.force_login(factories.user(intake.complex.organisation, Role.APPLICATION_MANAGER))
    enter(client, cap, "713.00")
    work()
    entered = Parameter.objects.value_on(Kind.CAP_RENT_SMALL, timezone.localdate())
    assert entered is not None and entered.amount == Decimal("713.00")
    enter(client, entered, "400")
    work()
    low.refresh_from_db()
    assert low.check_result == CheckResult.FAILED
    assert not Application.objects.eligible().filter(pk=low.pk).exists()
    assert low.events.filter(kind=ApplicationEvent.Kind.RECHECKED).count() == 2


def test_an_approval_by_hand_stands_while_the_value_is_still_missing(cap: Parameter) -> None:
    from magicmix.selection.services import eligibility

    intake = open_intake()
    low = applied(intake, 20_000)
    manager = factories.user(intake.complex.organisation, Role.APPLICATION_MANAGER)
    eligibility.decide(low, approve=True, reason="Gecontroleerd.", by=manager)
    assert eligibility.check_again(low, "Test") == CheckResult.APPROVED
