"""Hole 4 as found: the person form listed every partner organisation of the installation, and
choosing another corporation's partner showed its caseworker the person's file."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _setting() -> tuple[Organisation, Organisation, Organisation]:
    """Our corporation works with Lister; another corporation works with Elders."""
    ours, theirs = factories.organisation(name="Portaal"), factories.organisation(name="Mitros")
    lister = factories.organisation(Organisation.Kind.PARTNER, name="Lister")
    elders = factories.organisation(Organisation.Kind.PARTNER, name="Elders Zorg")
    factories.partner(factories.complex(ours), lister, provides_support=True)
    factories.partner(factories.complex(theirs), elders, provides_support=True)
    return ours, lister, elders


def test_the_person_form_offers_only_partners_of_our_complexes(client: Client) -> None:
    ours, lister, _elders = _setting()
    client.force_login(factories.user(ours, Role.LETTING))
    form = client.get(reverse("people:person_create")).context["form"]
    for name in ("nominating_partner", "supporting_partner"):
        assert list(form.fields[name].queryset) == [lister]
    filters = client.get(reverse("people:person_list")).context["form"]
    assert list(filters.fields["nominating_partner"].queryset) == [lister]


def test_handing_a_person_to_another_corporations_partner_is_refused(client: Client) -> None:
    ours, lister, elders = _setting()
    person = factories.person(ours, "statushouder", last_name="Demir")
    client.force_login(factories.user(ours, Role.LETTING))
    data = {
        "first_name": person.first_name,
        "last_name": "Demir",
        "date_of_birth": person.date_of_birth.isoformat(),
        "household_size": "1",
        "target_group": person.target_group_id,
        "support_need": "light",
        "registration_date": "2025-01-10",
        "supporting_partner": elders.pk,
    }
    response = client.post(reverse("people:person_edit", args=[person.pk]), data)
    assert response.status_code == 200
    assert "supporting_partner" in response.context["form"].errors
    person.refresh_from_db()
    assert person.supporting_partner is None
    caseworker = factories.user(elders, Role.PARTNER_CASEWORKER)
    client.force_login(caseworker)
    assert client.get(reverse("people:person_detail", args=[person.pk])).status_code == 404
    client.force_login(factories.user(ours, Role.LETTING))
    saved = client.post(
        reverse("people:person_edit", args=[person.pk]), data | {"supporting_partner": lister.pk}
    )
    assert saved.status_code == 302
    assert Person.objects.get(pk=person.pk).supporting_partner == lister


def test_the_partner_page_lists_only_linked_organisations(client: Client) -> None:
    ours, lister, elders = _setting()
    new_complex = factories.complex(ours)
    client.force_login(factories.user(ours, Role.LETTING))
    url = reverse("housing:partner_list", args=[new_complex.pk])
    page = client.get(url)
    assert list(page.context["form"].fields["organisation"].queryset) == [lister]
    assert "Elders Zorg" not in page.text and "Mitros" not in page.text
    refused = client.post(url, {"organisation": elders.pk, "provides_support": "on"})
    assert "organisation" in refused.context["form"].errors
    wrong_name = client.post(url, {"new_organisation": "Eldres Zorg", "link_code": "x"})
    assert wrong_name.context["form"].errors["link_code"] == [
        "Geen partner past bij deze naam en koppelcode. Vraag de partner om de koppelcode."
    ]
    assert not new_complex.partners.exists()
