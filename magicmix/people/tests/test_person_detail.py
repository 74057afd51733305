import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Role as PersonRole
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _url(person) -> str:
    return reverse("people:person_detail", args=[person.pk])


def test_staff_see_data_role_history_tenancies_and_changes(client: Client) -> None:
    org = factories.organisation()
    manager = factories.user(org, Role.SOCIAL_MANAGER, full_name="Fatima Sociaal")
    unit = factories.unit(
        factories.cluster(factories.complex(org, name="Startblok"), name="Gang 3")
    )
    person = factories.person(
        org, "statushouder", first_name="Amal", annual_income=Decimal("12345.60"), income_year=2025
    )
    factories.tenancy(unit, person, start_date=datetime.date(2024, 3, 1))
    person.change_role(PersonRole.SUPPORTING, datetime.date(2025, 2, 1), "Werkt nu", by=manager)
    client.force_login(manager)
    response = client.get(_url(person))
    assert response.status_code == 200
    text = response.text
    assert "Amal" in text
    assert "€ 12.345,60 (2025)" in text
    assert "Werkt nu" in text and "Fatima Sociaal" in text
    assert "1 februari 2025" in text
    assert "Startblok" in text and "Gang 3" in text and "1 maart 2024" in text
    assert [change.kind for change in response.context["changes"]] == ["changed", "created"]


def test_user_of_another_organisation_gets_404(client: Client) -> None:
    person = factories.person(factories.organisation())
    client.force_login(factories.user(factories.organisation(), Role.APPLICATION_MANAGER))
    assert client.get(_url(person)).status_code == 404


def test_partner_sees_own_clients_without_income(client: Client) -> None:
    corporation = factories.organisation()
    opvang = factories.organisation(Organisation.Kind.PARTNER)
    client_ = factories.person(
        corporation,
        "uitstroom-mo",
        supporting_partner=opvang,
        annual_income=Decimal("9000"),
        income_year=2025,
    )
    client_.annual_income = Decimal("9500")
    client_.save()
    other = factories.person(corporation)
    client.force_login(factories.user(opvang, Role.PARTNER_CASEWORKER))
    response = client.get(_url(client_))
    assert response.status_code == 200
    assert "9.000" not in response.text and "9500" not in response.text
    assert "Wijzigen" not in response.text
    assert [change.kind for change in response.context["changes"]] == ["created"]
    assert client.get(_url(other)).status_code == 404


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.RESIDENT_PANEL])
def test_aggregate_roles_see_no_person(client: Client, role: str) -> None:
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    person = factories.person(factories.organisation(), nominating_partner=municipality)
    client.force_login(factories.user(municipality, role))
    assert client.get(_url(person)).status_code == 404


def test_a_planned_role_change_is_marked_and_not_current(client: Client) -> None:
    org = factories.organisation()
    person = factories.person(org, "student")
    next_year = timezone.localdate() + datetime.timedelta(days=365)
    person.change_role(PersonRole.SUPPORTED, next_year, "Baan verloren", by=None)
    client.force_login(factories.user(org, Role.LETTING))
    response = client.get(_url(person))
    assert response.context["current_change"].role == PersonRole.SUPPORTING
    assert "gepland" in response.text
