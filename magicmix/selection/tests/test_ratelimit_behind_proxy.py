"""Hole 9: the public rate limit counts the real visitor behind the configured proxy, in the
database cache that every worker process shares."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from magicmix.selection import ratelimit
from magicmix.selection.models import Application

from .helpers import form_data, open_intake

pytestmark = pytest.mark.django_db


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_visitors_behind_one_proxy_are_counted_apart_and_forging_a_hop_does_not_help(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ratelimit, "LIMIT", 2)
    intake = open_intake()
    url = reverse("selection:apply", args=[intake.pk])

    def post(number: int, forwarded: str) -> int:
        data = form_data(intake, email=f"p{number}@example.nl")
        return client.post(
            url, data, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded
        ).status_code

    assert [post(n, f"{n}.1.1.1, 198.51.100.7") for n in range(3)] == [302, 302, 429]
    assert post(4, "198.51.100.8") == 302  # another visitor through the same proxy
    assert Application.objects.count() == 3
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM magicmix_cache WHERE cache_key LIKE '%selection%'")
        assert cursor.fetchone()[0] == 2


@override_settings(
    TRUSTED_PROXY_COUNT=1,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    ALLOWED_HOSTS=["magicmix.example.nl"],
)
def test_behind_the_proxy_the_emailed_private_link_is_https(client: Client) -> None:
    intake = open_intake()
    client.post(
        reverse("selection:apply", args=[intake.pk]),
        form_data(intake),
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_HOST="magicmix.example.nl",  # the proxy passes the host the visitor asked for
    )
    assert len(mail.outbox) == 1
    links = [word for word in mail.outbox[0].body.split() if "://" in word]
    assert links and all(link.startswith("https://magicmix.example.nl/") for link in links)
