import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from magicmix.selection import ratelimit
from magicmix.selection.models import Application

from .helpers import form_data, open_intake

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_looks_like_success_but_keeps_nothing(client: Client) -> None:
    intake = open_intake()
    response = client.post(
        reverse("selection:apply", args=[intake.pk]), form_data(intake, website="http://spam")
    )
    assert response.status_code == 302
    assert not Application.objects.exists()
    assert not mail.outbox


def test_too_many_submissions_from_one_address_get_a_friendly_message(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ratelimit, "LIMIT", 2)
    intake = open_intake()
    url = reverse("selection:apply", args=[intake.pk])
    for number in range(2):
        client.post(url, form_data(intake, email=f"n{number}@example.nl"))
    response = client.post(url, form_data(intake, email="n3@example.nl"))
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw." in response.text
    assert Application.objects.count() == 2
    other_address = client.post(
        url, form_data(intake, email="n4@example.nl"), REMOTE_ADDR="192.0.2.7"
    )
    assert other_address.status_code == 302
