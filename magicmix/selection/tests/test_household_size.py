"""A household has one person at least, in the browser's number field and on the server; the
panel's advice has no empty, pre-selected option."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.selection.forms import AdviceForm
from magicmix.selection.models import Application

from .helpers import form_data, open_intake

pytestmark = pytest.mark.django_db


def test_a_household_of_nobody_is_refused(client: Client) -> None:
    intake = open_intake()
    url = reverse("selection:apply", args=[intake.pk])
    page = client.get(url).text
    [field] = [tag for tag in page.split("<input") if 'name="household_size"' in tag]
    assert 'min="1"' in field and 'max="20"' in field
    response = client.post(url, form_data(intake, household_size="0"))
    assert response.status_code == 200
    assert "Het formulier is niet verstuurd" in response.text
    assert not Application.objects.exists()


def test_the_advice_has_no_empty_choice() -> None:
    form = AdviceForm()
    assert [value for value, _label in form.fields["advice"].choices] == [  # type: ignore[attr-defined]
        "in_favour",
        "neutral",
        "against",
    ]
    assert "checked" not in str(form["advice"])
