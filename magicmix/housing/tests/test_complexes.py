"""Complexes: the list with counts, the detail page, creating, editing and partners."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.housing.models import Complex, ComplexPartner
from magicmix.testing import factories

from .conftest import Stock

FORM = {
    "name": "Place2BU",
    "street": "Kanaalweg",
    "house_number": "2",
    "postcode": "3526kl",
    "city": "Utrecht",
    "municipality": "Utrecht",
    "exploitation_start": "2017-09-01",
    "exploitation_end": "2028-09-01",
    "concept": "Studio's voor jongeren en statushouders",
    "placement_style": Complex.PlacementStyle.CLUSTERED,
}


def test_the_list_counts_units_and_vacancies_in_a_fixed_number_of_queries(
    client: Client, stock: Stock
) -> None:
    occupied = factories.unit(stock.gang, code="A-002")
    factories.tenancy(occupied, factories.person(stock.corporation))
    factories.tenancy(
        stock.unit, factories.person(stock.corporation), end_date=datetime.date(2024, 12, 31)
    )  # ended: vacant again
    for _ in range(3):
        factories.unit(factories.cluster(factories.complex(stock.corporation)))
    client.force_login(stock.officer)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("housing:complex_list"))
    complexes = {c.name: c for c in response.context["complexes"]}
    assert (
        complexes["Startblok Riekerhaven"].unit_count,
        complexes["Startblok Riekerhaven"].vacant_count,
    ) == (2, 1)
    assert len(complexes) == 4
    assert len(queries) <= 8  # session, user, memberships, the complexes: not one per complex


def test_the_detail_shows_the_period_partners_and_the_cluster_tree(
    client: Client, stock: Stock
) -> None:
    building = factories.cluster(stock.complex, name="Gebouw A", kind="building")
    floor = factories.cluster(stock.complex, building, name="Verdieping 2", kind="floor")
    gang = factories.cluster(stock.complex, floor, name="Gang 2B")
    factories.unit(gang)
    factories.unit(gang)
    coa = factories.organisation(Organisation.Kind.PARTNER, name="COA")
    factories.partner(stock.complex, coa, may_nominate=True)
    client.force_login(stock.officer)
    response = client.get(reverse("housing:complex_detail", args=[stock.complex.pk]))
    text = response.text
    assert "tijdelijk tot 1 juni 2031" in text
    assert "COA" in text and "draagt bewoners voor" in text
    tree = response.context["tree"]
    assert [(n.path, n.unit_count) for n in tree] == [
        ("Gang 1", 1),
        ("Gebouw A", 2),
        ("Gebouw A / Verdieping 2", 2),
        ("Gebouw A / Verdieping 2 / Gang 2B", 2),
    ]
    assert "2 wooneenheden" in text
    assert reverse("housing:unit_list", args=[stock.complex.pk]) + f"?cluster={gang.pk}" in text


def test_creating_a_complex_uses_the_own_corporation_and_normalises_the_postcode(
    client: Client, stock: Stock
) -> None:
    other = factories.organisation()
    client.force_login(stock.officer)
    response = client.post(reverse("housing:complex_create"), FORM | {"organisation": other.pk})
    complex_ = Complex.objects.get(name="Place2BU")
    assert response["Location"] == reverse("housing:complex_detail", args=[complex_.pk])
    assert complex_.organisation == stock.corporation
    assert complex_.postcode == "3526 KL"
    assert complex_.history.get().history_user == stock.officer
    detail = client.get(response["Location"])
    assert "Complex Place2BU is aangemaakt." in detail.text


def test_someone_in_two_corporations_chooses_between_them_only(
    client: Client, stock: Stock
) -> None:
    second = factories.organisation(name="Portaal")
    factories.organisation(name="Mitros")
    stock.officer.memberships.create(organisation=second, role=Role.LETTING)
    client.force_login(stock.officer)
    form = client.get(reverse("housing:complex_create")).context["form"]
    assert {o.name for o in form.fields["organisation"].queryset} == {
        "Portaal",
        "Woonstichting De Key",
    }
    client.post(reverse("housing:complex_create"), FORM | {"organisation": second.pk})
    assert Complex.objects.get(name="Place2BU").organisation == second


def test_invalid_input_is_explained(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    response = client.post(
        reverse("housing:complex_create"),
        FORM
        | {
            "postcode": "0123 SA",
            "exploitation_end": "2017-01-01",
            "name": stock.complex.name,
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "geen geldige Nederlandse postcode" in errors["postcode"][0]
    assert errors["exploitation_end"] == ["Het geplande einde moet na de start liggen."]
    assert "name" in errors or "__all__" in errors
    assert Complex.objects.count() == 1


def test_editing_keeps_the_corporation_and_records_history(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    url = reverse("housing:complex_edit", args=[stock.complex.pk])
    client.post(url, FORM | {"name": "Startblok", "exploitation_end": ""})
    stock.complex.refresh_from_db()
    assert (stock.complex.name, stock.complex.exploitation_end) == ("Startblok", None)
    assert stock.complex.organisation == stock.corporation
    detail = client.get(reverse("housing:complex_detail", args=[stock.complex.pk]))
    assert "permanent, sinds 1 september 2017" in detail.text
    assert "Startblok Riekerhaven → Startblok" in detail.text


def test_partners_are_added_changed_and_removed(client: Client, stock: Stock) -> None:
    tussenvoorziening = factories.organisation(Organisation.Kind.PARTNER, name="Tussenvoorziening")
    client.force_login(stock.officer)
    url = reverse("housing:partner_list", args=[stock.complex.pk])
    code = tussenvoorziening.link_code.replace("-", " ").lower()  # typed as read out
    client.post(
        url,
        {"new_organisation": "tussenvoorziening", "link_code": code, "provides_support": "on"},
    )
    partner = ComplexPartner.objects.get(complex=stock.complex)
    assert (partner.may_nominate, partner.provides_support) == (False, True)
    response = client.post(
        url, {"organisation": tussenvoorziening.pk, "may_nominate": "on"}, follow=True
    )
    assert "Wat Tussenvoorziening mag, is gewijzigd." in response.text
    partner.refresh_from_db()
    assert (partner.may_nominate, partner.provides_support) == (True, False)
    client.post(reverse("housing:partner_remove", args=[stock.complex.pk, partner.pk]))
    assert not ComplexPartner.objects.exists()


def test_the_own_corporation_cannot_be_its_own_partner(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    response = client.post(
        reverse("housing:partner_list", args=[stock.complex.pk]),
        {"organisation": stock.corporation.pk},
    )
    assert "organisation" in response.context["form"].errors
    assert not ComplexPartner.objects.exists()
