import datetime
import hashlib

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.legal.checks import Rule, Status
from magicmix.legal.contracts import ContractType
from magicmix.legal.models import Kind, Parameter
from magicmix.selection.models import Application, ApplicationEvent, Stage

from .helpers import form_data, open_intake

pytestmark = pytest.mark.django_db


def _apply(client: Client, intake, **fields):
    return client.post(reverse("selection:apply", args=[intake.pk]), form_data(intake, **fields))


def test_an_eligible_application_is_kept_with_its_outcomes_and_confirmed_by_email(
    client: Client,
) -> None:
    intake = open_intake()
    response = _apply(client, intake)
    assert response.status_code == 302
    assert response["Location"] == reverse("selection:thanks", args=[intake.pk])
    application = Application.objects.get()
    assert (application.full_name, application.stage, application.public_status) == (
        "Noor Bakker",
        Stage.SUBMITTED,
        "received",
    )
    assert application.unit_types == ["studio"]
    daeb = application.eligibility.get(rule=Rule.DAEB_INCOME)
    used = Parameter.objects.get(pk=daeb.outcome["parameters"][0]["id"])
    assert (daeb.status, used.kind, daeb.outcome["limit"]) == (
        Status.PASSED,
        Kind.DAEB_INCOME_SINGLE,
        str(used.amount),
    )
    assert [event.kind for event in application.events.all()] == [ApplicationEvent.Kind.SUBMITTED]
    [message] = mail.outbox
    assert message.to == ["noor@example.nl"]
    assert message.subject == f"Uw aanmelding voor {intake.complex.name}"
    token = message.body.split("/apply/status/")[1].split("/")[0]
    assert application.token_hash == hashlib.sha256(token.encode()).hexdigest()


def test_an_income_above_the_limit_is_refused_with_the_limit_and_nothing_kept(
    client: Client,
) -> None:
    intake = open_intake()
    response = _apply(client, intake, annual_income="60000")
    assert response.status_code == 200
    assert "Een inkomen van € 60.000,00 ligt boven de DAEB-inkomensgrens van € 51.537,00." in (
        response.text
    )
    assert not Application.objects.exists()
    assert not mail.outbox


def _born(years_ago: int, days_later: int = 0) -> str:
    today = timezone.localdate()
    birthday = today.replace(year=today.year - years_ago, day=min(today.day, 28))
    return (birthday + datetime.timedelta(days=days_later)).isoformat()


def test_a_youth_contract_refuses_an_applicant_of_28(client: Client) -> None:
    intake = open_intake(contract_type=ContractType.YOUTH)
    response = _apply(client, intake, date_of_birth=_born(28))
    assert "Met 28 jaar valt de leeftijd buiten 18 tot 28 voor een jongerencontract." in (
        response.text
    )
    assert not Application.objects.exists()
    _apply(client, intake, date_of_birth=_born(28, days_later=1))
    assert Application.objects.get().eligibility.get(rule=Rule.YOUTH_CONTRACT_AGE).status == (
        Status.PASSED
    )


def test_a_campus_contract_is_for_students_only(client: Client) -> None:
    intake = open_intake(contract_type=ContractType.CAMPUS)
    starter = intake.target_groups.get(code="starter")
    response = _apply(client, intake, target_group=str(starter.pk), education_institution="")
    assert "Een campuscontract is alleen voor de doelgroepen student, niet voor “starter”." in (
        response.text
    )
    assert not Application.objects.exists()


def test_a_student_says_where_they_are_enrolled(client: Client) -> None:
    intake = open_intake()
    response = _apply(client, intake, education_institution="")
    assert "Vertel ons waar u ingeschreven staat." in response.text
    assert not Application.objects.exists()


def test_a_missing_parameter_never_refuses_but_asks_staff_to_review(client: Client) -> None:
    intake = open_intake()
    # A low income is judged against the aftoppingsgrens, which is not entered for 2026.
    Parameter.objects.create(kind=Kind.CAP_RENT_SMALL, valid_from="2026-01-01")
    _apply(client, intake, annual_income="18000")
    application = Application.objects.get()
    assert application.stage == Stage.REVIEW
    assert application.public_status == "received"
    assert application.eligibility.get(rule=Rule.PASSEND_TOEWIJZEN).status == Status.MISSING
