"""Units: the filtered, paginated list with vacancies, the form with Dutch decimals, deleting."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from magicmix.housing.models import Unit
from magicmix.testing import factories

from .conftest import Stock

UNIT = {
    "code": "B-12",
    "type": "studio",
    "floor_area": "23,5",
    "rooms": "1",
    "max_occupants": "1",
    "self_contained": "on",
    "accessibility": "none",
    "basic_rent": "476,50",
    "service_costs": "60",
    "status": "in_use",
}


def _list(client: Client, stock: Stock, **filters: str | int) -> list[str]:
    response = client.get(reverse("housing:unit_list", args=[stock.complex.pk]), filters)
    return [unit.code for unit in response.context["page"].object_list]


def test_the_list_filters_by_cluster_type_status_and_vacancy(client: Client, stock: Stock) -> None:
    building = factories.cluster(stock.complex, name="Gebouw B", kind="building")
    gang = factories.cluster(stock.complex, building, name="Gang B1")
    let = factories.unit(gang, code="B-1", type=Unit.Type.ROOM)
    factories.unit(gang, code="B-2", status=Unit.Status.RENOVATION)
    factories.tenancy(let, factories.person(stock.corporation))
    client.force_login(stock.officer)
    assert _list(client, stock) == ["A-001", "B-1", "B-2"]
    assert _list(client, stock, cluster=building.pk) == ["B-1", "B-2"]
    assert _list(client, stock, type="room") == ["B-1"]
    assert _list(client, stock, status="renovation") == ["B-2"]
    assert _list(client, stock, occupancy="vacant") == ["A-001", "B-2"]
    assert _list(client, stock, occupancy="occupied") == ["B-1"]
    assert _list(client, stock, cluster="nonsense") == ["A-001", "B-1", "B-2"]


def test_the_list_is_paginated(client: Client, stock: Stock) -> None:
    for number in range(55):
        factories.unit(stock.gang, code=f"C-{number:02}")
    client.force_login(stock.officer)
    url = reverse("housing:unit_list", args=[stock.complex.pk])
    first = client.get(url, {"type": "studio"})
    assert len(first.context["page"].object_list) == 50
    assert "type=studio&amp;page=2" in first.text
    assert len(client.get(url, {"type": "studio", "page": "2"}).context["page"].object_list) == 6
    assert client.get(url, {"page": "x"}).status_code == 200


def test_an_empty_complex_invites_an_import(client: Client, stock: Stock) -> None:
    empty = factories.complex(stock.corporation)
    client.force_login(stock.officer)
    response = client.get(reverse("housing:unit_list", args=[empty.pk]))
    assert "Dit complex heeft nog geen wooneenheden." in response.text
    assert reverse("housing:unit_import", args=[empty.pk]) in response.text


def test_a_unit_is_created_with_dutch_decimals(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    response = client.post(
        reverse("housing:unit_create", args=[stock.complex.pk]),
        UNIT | {"cluster": stock.gang.pk},
        follow=True,
    )
    unit = Unit.objects.get(code="B-12")
    assert (unit.floor_area, unit.basic_rent) == (Decimal("23.5"), Decimal("476.50"))
    assert "Wooneenheid B-12 is aangemaakt." in response.text
    assert "€\u00a0536,50" in response.text  # gross rent in Dutch notation


def test_a_duplicate_code_or_foreign_cluster_is_refused(client: Client, stock: Stock) -> None:
    foreign = factories.cluster(factories.complex(stock.corporation))
    client.force_login(stock.officer)
    url = reverse("housing:unit_create", args=[stock.complex.pk])
    duplicate = client.post(url, UNIT | {"code": "A-001", "cluster": stock.gang.pk})
    assert duplicate.status_code == 200 and duplicate.context["form"].errors
    elsewhere = client.post(url, UNIT | {"cluster": foreign.pk})
    assert "cluster" in elsewhere.context["form"].errors
    assert Unit.objects.count() == 1


def test_editing_shows_in_the_history(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    client.post(
        reverse("housing:unit_edit", args=[stock.complex.pk, stock.unit.pk]),
        UNIT | {"code": "A-001", "cluster": stock.gang.pk},
    )
    response = client.get(reverse("housing:unit_detail", args=[stock.complex.pk, stock.unit.pk]))
    assert "450,00 → 476,50" in response.text
    assert "Test Gebruiker" in response.text


def test_a_unit_that_was_ever_let_is_not_deleted(client: Client, stock: Stock) -> None:
    factories.tenancy(
        stock.unit, factories.person(stock.corporation), end_date=datetime.date(2024, 12, 31)
    )
    client.force_login(stock.officer)
    url = reverse("housing:unit_delete", args=[stock.complex.pk, stock.unit.pk])
    response = client.post(url)
    assert "kan niet worden verwijderd" in response.text
    assert Unit.objects.filter(pk=stock.unit.pk).exists()


def test_a_unit_never_let_is_deleted(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    url = reverse("housing:unit_delete", args=[stock.complex.pk, stock.unit.pk])
    response = client.post(url, follow=True)
    assert "Wooneenheid A-001 is verwijderd." in response.text
    assert not Unit.objects.exists()
