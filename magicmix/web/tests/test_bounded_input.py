"""Hole 10 as found: no maximum on the motivation letter, a year-1 interview day gave a 500 and
rooms=70000 was saved on SQLite (PostgreSQL refuses it with a server error)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.housing.models import Unit
from magicmix.selection.models import Application
from magicmix.selection.tests.helpers import form_data, open_intake
from magicmix.testing import factories
from magicmix.web import bounds

pytestmark = pytest.mark.django_db

UNIT = {
    "code": "B-12",
    "type": "studio",
    "floor_area": "23,5",
    "rooms": "70000",
    "max_occupants": "1",
    "accessibility": "none",
    "basic_rent": "476,50",
    "status": "in_use",
}


def test_a_motivation_letter_over_the_limit_is_refused_and_nothing_is_kept(
    client: Client,
) -> None:
    intake = open_intake()
    url = reverse("selection:apply", args=[intake.pk])
    response = client.post(url, form_data(intake, motivation="x" * (bounds.TEXT_LIMIT + 1)))
    assert response.status_code == 200
    assert "motivation" in response.context["form"].errors
    assert 'maxlength="10000"' in response.text
    assert not Application.objects.exists()
    kept = client.post(url, form_data(intake, motivation="x" * bounds.TEXT_LIMIT))
    assert kept.status_code == 302


def test_an_interview_day_in_year_1_is_a_message_not_a_server_error(client: Client) -> None:
    intake = open_intake()
    client.force_login(factories.user(intake.complex.organisation, Role.LETTING))
    response = client.get(
        reverse("selection:interviews", args=[intake.pk]),
        {"day": "0001-01-01", "start": "09:00", "end": "10:00"},
    )
    assert response.status_code == 200
    assert response.context["plan"].errors["day"] == ["Vul een datum tussen 1900 en 2199 in."]


def test_a_number_outside_the_postgresql_column_is_refused_on_sqlite_too(
    client: Client,
) -> None:
    complex_ = factories.complex()
    gang = factories.cluster(complex_)
    client.force_login(factories.user(complex_.organisation, Role.LETTING))
    url = reverse("housing:unit_create", args=[complex_.pk])
    response = client.post(url, UNIT | {"cluster": gang.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["rooms"] == [
        "Zorg ervoor dat deze waarde hoogstens 32767 is."
    ]
    assert not Unit.objects.exists()
