"""Hole 8 as found: axes locked by username alone and by address alone."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.testing import factories
from magicmix.web.lockout import lock_for

pytestmark = pytest.mark.django_db


def _try(client: Client, email: str, password: str, address: str) -> int:
    response = client.post(
        reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address
    )
    return response.status_code


def test_an_attacker_cannot_lock_a_staff_member_out_from_elsewhere(client: Client) -> None:
    member = factories.user()
    for _ in range(8):
        _try(client, member.email, "wrong", "203.0.113.9")
    assert _try(client, member.email, factories.PASSWORD, "203.0.113.9") == 429
    assert _try(Client(), member.email, factories.PASSWORD, "198.51.100.20") == 302


def test_one_guesser_behind_the_office_proxy_does_not_lock_out_colleagues(
    client: Client,
) -> None:
    guesser, colleague = factories.user(), factories.user()
    for _ in range(8):
        _try(client, guesser.email, "wrong", "192.0.2.1")
    assert _try(Client(), colleague.email, factories.PASSWORD, "192.0.2.1") == 302


def test_the_lock_says_in_dutch_how_long_and_what_to_do(client: Client) -> None:
    member = factories.user()
    for _ in range(5):
        _try(client, member.email, "wrong", "203.0.113.9")
    response = client.post(
        reverse("login"),
        {"username": member.email, "password": factories.PASSWORD},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 429
    assert "Wacht 15 minuten en probeer het opnieuw" in response.text
    assert "applicatiebeheerder" in response.text


def test_the_lock_grows_with_every_round_of_failures() -> None:
    minutes = [int(lock_for(n).total_seconds() // 60) for n in (5, 9, 10, 15, 20, 500)]
    assert minutes == [15, 15, 30, 60, 120, 24 * 60]
