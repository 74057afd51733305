"""Every housing view is scoped: other organisations get 404, aggregate-only roles never edit."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.testing import factories

from .conftest import Stock


def _read_urls(stock: Stock) -> list[str]:
    pk = stock.complex.pk
    return [
        reverse("housing:complex_detail", args=[pk]),
        reverse("housing:unit_list", args=[pk]),
        reverse("housing:unit_detail", args=[pk, stock.unit.pk]),
        reverse("housing:unit_export", args=[pk, "csv"]),
        reverse("housing:unit_export", args=[pk, "xlsx"]),
    ]


def _edit_urls(stock: Stock) -> list[str]:
    pk = stock.complex.pk
    return [
        reverse("housing:complex_edit", args=[pk]),
        reverse("housing:partner_list", args=[pk]),
        reverse("housing:cluster_create", args=[pk]),
        reverse("housing:cluster_edit", args=[pk, stock.gang.pk]),
        reverse("housing:cluster_delete", args=[pk, stock.gang.pk]),
        reverse("housing:unit_create", args=[pk]),
        reverse("housing:unit_edit", args=[pk, stock.unit.pk]),
        reverse("housing:unit_delete", args=[pk, stock.unit.pk]),
        reverse("housing:unit_import", args=[pk]),
        reverse("housing:designate_vacated", args=[pk]),
    ]


def test_the_letting_officer_reaches_every_page(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    for url in _read_urls(stock) + _edit_urls(stock):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", [Role.LETTING, Role.APPLICATION_MANAGER, Role.SOCIAL_MANAGER])
def test_staff_of_another_corporation_get_404_everywhere(
    client: Client, stock: Stock, role: str
) -> None:
    client.force_login(factories.user(factories.organisation(), role))
    partner_pk = factories.partner(stock.complex, factories.organisation()).pk
    remove = reverse("housing:partner_remove", args=[stock.complex.pk, partner_pk])
    for url in _read_urls(stock):
        assert client.get(url).status_code == 404, url
    for url in _edit_urls(stock):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    assert client.post(remove).status_code == 404
    listing = client.get(reverse("housing:complex_list"))
    assert stock.complex.name not in listing.text


@pytest.mark.parametrize(
    "role", [Role.POLICY_OFFICER, Role.RESIDENT_PANEL, Role.PARTNER_CASEWORKER]
)
def test_partners_see_the_complex_but_not_its_units_and_cannot_change_it(
    client: Client, stock: Stock, role: str
) -> None:
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    partner_pk = factories.partner(stock.complex, municipality).pk
    client.force_login(factories.user(municipality, role))
    detail_url, *unit_urls = _read_urls(stock)
    assert client.get(detail_url).status_code == 200
    for url in unit_urls:
        assert client.get(url).status_code == 404, url
    for url in _edit_urls(stock):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    remove = reverse("housing:partner_remove", args=[stock.complex.pk, partner_pk])
    assert client.post(remove).status_code == 404
    detail = client.get(reverse("housing:complex_detail", args=[stock.complex.pk]))
    assert reverse("housing:complex_edit", args=[stock.complex.pk]) not in detail.text


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.RESIDENT_PANEL])
def test_a_municipality_that_is_no_partner_sees_nothing(
    client: Client, stock: Stock, role: str
) -> None:
    client.force_login(factories.user(factories.organisation(Organisation.Kind.MUNICIPALITY), role))
    for url in _read_urls(stock):
        assert client.get(url).status_code == 404, url


def test_only_letting_staff_of_a_corporation_may_create_complexes(
    client: Client, stock: Stock
) -> None:
    url = reverse("housing:complex_create")
    client.force_login(factories.user(stock.corporation, Role.SOCIAL_MANAGER))
    assert client.get(url).status_code == 404
    client.force_login(factories.user(factories.organisation(Organisation.Kind.MUNICIPALITY)))
    assert client.get(url).status_code == 404
    client.force_login(stock.officer)
    assert client.get(url).status_code == 200


def test_units_and_clusters_of_another_complex_are_not_found(client: Client, stock: Stock) -> None:
    own_other = factories.complex(stock.corporation)
    client.force_login(stock.officer)
    pk = own_other.pk
    assert client.get(reverse("housing:unit_detail", args=[pk, stock.unit.pk])).status_code == 404
    assert client.get(reverse("housing:unit_edit", args=[pk, stock.unit.pk])).status_code == 404
    assert client.get(reverse("housing:cluster_edit", args=[pk, stock.gang.pk])).status_code == 404
    assert (
        client.post(reverse("housing:cluster_delete", args=[pk, stock.gang.pk])).status_code == 404
    )


def test_pages_need_a_login(client: Client, stock: Stock) -> None:
    for url in _read_urls(stock) + _edit_urls(stock):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
