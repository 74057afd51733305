"""The history shows each value as the form showed it: "ja"/"nee", Dutch dates and amounts,
choice labels, "—" for nothing (web.history)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.housing.models import Unit
from magicmix.testing import factories
from magicmix.web.history import changes_of

pytestmark = pytest.mark.django_db


def test_each_kind_of_value_reads_as_in_the_form() -> None:
    complex_ = factories.complex(exploitation_end=None)
    unit = factories.unit(factories.cluster(complex_), floor_area=Decimal("23.0"))
    unit.self_contained = False
    unit.floor_area = Decimal("1234.5")
    unit.status = Unit.Status.RENOVATION
    unit.save()
    complex_.exploitation_start = datetime.date(2017, 3, 9)
    complex_.exploitation_end = datetime.date(2031, 6, 1)
    complex_.save()

    [change, _created] = changes_of(unit)
    assert sorted(change.fields) == [
        ("status", "in verhuur", "in renovatie"),
        ("woonoppervlak (m²)", "23,0", "1234,5"),
        ("zelfstandig", "ja", "nee"),
    ]
    [change, _created] = changes_of(complex_)
    assert sorted(change.fields) == [
        ("geplande einde exploitatie", "—", "1 juni 2031"),
        ("start exploitatie", "1 juni 2016", "9 maart 2017"),
    ]


def test_the_unit_page_shows_amounts_with_a_decimal_comma(client: Client) -> None:
    org = factories.organisation()
    unit = factories.unit(factories.cluster(factories.complex(org)), basic_rent=Decimal("450"))
    unit.basic_rent = Decimal("476.50")
    unit.self_contained = False
    unit.save()
    client.force_login(factories.user(org, Role.LETTING))
    page = client.get(reverse("housing:unit_detail", args=[unit.complex.pk, unit.pk])).text
    assert "450,00 → 476,50" in page
    assert "ja → nee" in page
    assert "True" not in page and "False" not in page
