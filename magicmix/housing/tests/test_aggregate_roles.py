"""Hole 2 as found: policy officers, panels and partners listed units as let or vacant with
their accessibility, exported them, and saw the names of the staff who changed the complex."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.testing import factories

from .conftest import Stock


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        (Organisation.Kind.MUNICIPALITY, Role.POLICY_OFFICER),
        (Organisation.Kind.RESIDENTS, Role.RESIDENT_PANEL),
        (Organisation.Kind.PARTNER, Role.PARTNER_CASEWORKER),
    ],
)
def test_aggregate_roles_get_counts_not_units_nor_staff_names(
    client: Client, stock: Stock, kind: str, role: str
) -> None:
    stock.officer.full_name = "Lotte Verhuur"
    stock.officer.save()
    client.force_login(stock.officer)
    edit = reverse("housing:complex_edit", args=[stock.complex.pk])
    form = client.get(edit).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data |= {"concept": "Gemengd wonen", "organisation": stock.corporation.pk}
    assert client.post(edit, data).status_code == 302
    staff_view = client.get(reverse("housing:complex_detail", args=[stock.complex.pk])).text
    assert "Lotte Verhuur" in staff_view and "waarvan" in staff_view

    outsider = factories.organisation(kind)
    factories.partner(stock.complex, outsider)
    client.force_login(factories.user(outsider, role))
    detail = client.get(reverse("housing:complex_detail", args=[stock.complex.pk]))
    assert detail.status_code == 200
    assert "Lotte Verhuur" not in detail.text
    assert reverse("housing:unit_list", args=[stock.complex.pk]) not in detail.text
    assert "leeg" not in detail.text and "waarvan" not in detail.text
    assert "Gang 1" in detail.text  # the clusters with their unit counts stay
    for url in (
        reverse("housing:unit_list", args=[stock.complex.pk]),
        reverse("housing:unit_detail", args=[stock.complex.pk, stock.unit.pk]),
        reverse("housing:unit_export", args=[stock.complex.pk, "csv"]),
        reverse("housing:unit_export", args=[stock.complex.pk, "xlsx"]),
    ):
        assert client.get(url).status_code == 404, url
