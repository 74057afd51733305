import datetime

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _url(tenancy) -> str:
    return reverse("tenancies:end", args=[tenancy.pk])


def _let(org):
    unit = factories.unit(factories.cluster(factories.complex(org)))
    return factories.tenancy(unit, factories.person(org), start_date=datetime.date(2024, 3, 1))


def test_letting_staff_end_a_tenancy(client: Client) -> None:
    org = factories.organisation()
    tenancy = _let(org)
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(_url(tenancy), {"end_date": "2025-02-28"}, follow=True)
    tenancy.refresh_from_db()
    assert tenancy.end_date == datetime.date(2025, 2, 28)
    assert "De einddatum van de huurovereenkomst is opgeslagen." in response.text
    assert "28 februari 2025" in response.text


def test_the_end_cannot_lie_before_the_start(client: Client) -> None:
    org = factories.organisation()
    tenancy = _let(org)
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(_url(tenancy), {"end_date": "2024-02-29"})
    assert "end_date" in response.context["form"].errors
    tenancy.refresh_from_db()
    assert tenancy.end_date is None


def test_a_later_end_may_not_overlap_the_next_tenancy(client: Client) -> None:
    org = factories.organisation()
    first = _let(org)
    first.end_date = datetime.date(2024, 12, 31)
    first.save()
    factories.tenancy(first.unit, factories.person(org), start_date=datetime.date(2025, 1, 1))
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(_url(first), {"end_date": "2025-06-30"})
    assert "al verhuurd" in response.text
    first.refresh_from_db()
    assert first.end_date == datetime.date(2024, 12, 31)


def test_who_may_not_let_gets_404(client: Client) -> None:
    org = factories.organisation()
    tenancy = _let(org)
    for user in (
        factories.user(org, Role.SOCIAL_MANAGER),
        factories.user(factories.organisation(), Role.LETTING),
    ):
        client.force_login(user)
        assert client.get(_url(tenancy)).status_code == 404
        assert client.post(_url(tenancy), {"end_date": "2025-01-01"}).status_code == 404
    tenancy.refresh_from_db()
    assert tenancy.end_date is None
