"""The unit's own story: current and next tenant, open offers and every tenancy on the unit
page; a jongerencontract's real planned end; "housed" from the start date on."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.rounds.models import Offer
from magicmix.rounds.services import offers
from magicmix.selection.models import PublicStatus, Stage
from magicmix.testing import factories

from .helpers import approved, scene

pytestmark = pytest.mark.django_db

MOVE_IN = datetime.date(2030, 9, 1)


def test_the_unit_page_tells_who_lives_there_who_comes_and_who_is_offered(client: Client) -> None:
    s = scene(vacancies=2, students=2, statushouders=0)
    round_ = approved(s, move_in=MOVE_IN)
    s.intake.contract_type = "jongerencontract"  # the contract follows the intake's type
    s.intake.save()
    taken, waiting = Offer.objects.filter(round=round_).order_by("unit__code")
    offers.accept(taken, by=s.staff)
    sitting = factories.person(s.corporation, first_name="Sittende", last_name="Huurder")
    factories.tenancy(
        taken.unit,
        sitting,
        start_date=datetime.date(2024, 1, 1),
        end_date=MOVE_IN - datetime.timedelta(days=1),
    )
    client.force_login(s.staff)

    page = client.get(
        reverse("housing:unit_detail", args=[s.complex.pk, taken.unit.pk])
    ).content.decode()
    assert "Sittende Huurder</a>, sinds 1 januari 2024; tot 31 augustus 2030" in page
    assert f"{taken.application.full_name}</a>, vanaf 1 september 2030" in page
    # A jongerencontract: five years, optionally two more, and it does not end by itself.
    assert "31 augustus 2035 (jongerencontract, de verhuurder moet opzeggen)" in page
    assert "eventueel verlengd tot 31 augustus 2037" in page

    other = client.get(
        reverse("housing:unit_detail", args=[s.complex.pk, waiting.unit.pk])
    ).content.decode()
    assert f"{waiting.application.full_name} (Ronde 1)" in other

    taken.refresh_from_db()
    person = taken.tenancy.person
    person_page = client.get(reverse("people:person_detail", args=[person.pk])).content.decode()
    assert "31 augustus 2035 (jongerencontract" in person_page


def test_aggregate_roles_see_neither_the_unit_nor_names(client: Client) -> None:
    # Units are the corporation's business: aggregate roles see counts only (issue 11, hole 2).
    s = scene(vacancies=1, students=1, statushouders=0)
    [offer] = Offer.objects.filter(round=approved(s))
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    factories.partner(s.complex, municipality)
    client.force_login(factories.user(municipality, Role.POLICY_OFFICER))
    page = client.get(reverse("housing:unit_detail", args=[s.complex.pk, offer.unit.pk]))
    assert page.status_code == 404
    assert offer.application.full_name not in page.content.decode()


def test_housed_is_shown_from_the_start_date_on() -> None:
    s = scene(vacancies=1, students=1, statushouders=0)
    [offer] = Offer.objects.filter(round=approved(s, move_in=MOVE_IN))
    offers.accept(offer)
    offer.application.refresh_from_db()
    assert offer.application.stage == Stage.HOUSED
    assert offer.application.public_status == PublicStatus.OFFER
    assert offers.house_due(MOVE_IN - datetime.timedelta(days=1)) == 0
    assert offers.house_due(MOVE_IN) == 1
    offer.application.refresh_from_db()
    assert offer.application.public_status == PublicStatus.HOUSED
