import datetime

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.housing.models import Unit
from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _url(person) -> str:
    return reverse("tenancies:start", args=[person.pk])


def test_letting_staff_let_a_vacant_unit(client: Client) -> None:
    org = factories.organisation()
    unit = factories.unit(factories.cluster(factories.complex(org, name="Majella")), code="A12")
    person = factories.person(org, first_name="Daan", last_name="Smit")
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(
        _url(person), {"unit": unit.pk, "start_date": "2025-09-01", "end_date": ""}, follow=True
    )
    tenancy = Tenancy.objects.get()
    assert (tenancy.unit, tenancy.person, tenancy.start_date, tenancy.end_date) == (
        unit,
        person,
        datetime.date(2025, 9, 1),
        None,
    )
    assert "Daan Smit huurt Majella A12." in response.text


def test_only_vacant_units_in_use_are_offered_per_complex(client: Client) -> None:
    org = factories.organisation()
    cluster = factories.cluster(factories.complex(org, name="Place2BU"))
    vacant = factories.unit(cluster, code="V1")
    let = factories.unit(cluster, code="L1")
    factories.unit(cluster, code="R1", status=Unit.Status.RENOVATION)
    factories.tenancy(let, factories.person(org))
    factories.unit(factories.cluster(factories.complex()), code="F1")  # another corporation
    client.force_login(factories.user(org, Role.LETTING))
    choices = client.get(_url(factories.person(org))).context["form"].fields["unit"].choices
    assert choices[1:] == [("Place2BU", [(vacant.pk, f"V1 — {cluster.name}")])]


def test_an_occupied_unit_gets_a_clear_message(client: Client) -> None:
    org = factories.organisation()
    unit = factories.unit(factories.cluster(factories.complex(org)))
    factories.tenancy(unit, factories.person(org), start_date=datetime.date(2024, 1, 1))
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(
        _url(factories.person(org)), {"unit": unit.pk, "start_date": "2025-01-01"}
    )
    assert "Deze wooneenheid is in (een deel van) deze periode al verhuurd." in response.text
    assert Tenancy.objects.count() == 1


def test_the_end_cannot_lie_before_the_start(client: Client) -> None:
    org = factories.organisation()
    unit = factories.unit(factories.cluster(factories.complex(org)))
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(
        _url(factories.person(org)),
        {"unit": unit.pk, "start_date": "2025-01-01", "end_date": "2024-12-31"},
    )
    assert "end_date" in response.context["form"].errors
    assert not Tenancy.objects.exists()


def test_a_unit_of_another_corporation_cannot_be_let(client: Client) -> None:
    org = factories.organisation()
    foreign = factories.unit(factories.cluster(factories.complex()))
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(
        _url(factories.person(org)), {"unit": foreign.pk, "start_date": "2025-01-01"}
    )
    assert "unit" in response.context["form"].errors
    assert not Tenancy.objects.exists()


def test_who_may_not_let_gets_404(client: Client) -> None:
    org = factories.organisation()
    partner = factories.organisation(Organisation.Kind.PARTNER)
    person = factories.person(org, supporting_partner=partner)
    unit = factories.unit(factories.cluster(factories.complex(org)))
    for user in (
        factories.user(org, Role.SOCIAL_MANAGER),
        factories.user(factories.organisation(), Role.LETTING),
        factories.user(partner, Role.PARTNER_CASEWORKER),
    ):
        client.force_login(user)
        assert client.get(_url(person)).status_code == 404
        assert (
            client.post(_url(person), {"unit": unit.pk, "start_date": "2025-01-01"}).status_code
            == 404
        )
    assert not Tenancy.objects.exists()
