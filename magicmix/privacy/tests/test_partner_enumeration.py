"""Adding a new partner to a complex takes its name and the link code it handed out: a name
alone no longer tells a user whether an organisation is registered in the installation."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.housing.models import ComplexPartner
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _answer(client: Client, url: str, name: str, code: str) -> str:
    page = client.post(url, {"new_organisation": name, "link_code": code}).text
    # Everything but the form's own echo of the typed name and the CSRF token.
    page = page.replace(name, "NAME").replace(code, "CODE")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_a_registered_name_with_a_wrong_code_answers_as_an_unknown_name(client: Client) -> None:
    other = factories.organisation(Organisation.Kind.PARTNER, name="Elders Zorg")
    ours = factories.organisation(name="Portaal")
    complex_ = factories.complex(ours)
    client.force_login(factories.user(ours, Role.LETTING))
    url = reverse("housing:partner_list", args=[complex_.pk])
    registered = _answer(client, url, "Elders Zorg", "AAAA-BBBB-CCCC")
    unknown = _answer(client, url, "Nergens Zorg", "AAAA-BBBB-CCCC")
    assert registered == unknown
    assert "Geen partner past bij deze naam en koppelcode" in registered
    assert not ComplexPartner.objects.exists()

    # The code the partner sees on its account page does link it.
    client.force_login(factories.user(other, Role.PARTNER_CASEWORKER))
    account = client.get(reverse("accounts:account")).text
    code = re.search(r'class="mm-link-code">([A-Z2-7-]{14})<', account).group(1)
    client.force_login(factories.user(ours, Role.LETTING))
    client.post(url, {"new_organisation": "elders zorg", "link_code": code.lower()})
    assert ComplexPartner.objects.get().organisation == other
