import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.selection.models import Application, hash_token
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def _status(token: str) -> str:
    return reverse("selection:status", args=[token])


def test_only_the_hash_of_the_token_is_stored() -> None:
    application, token = factories.application(open_intake())
    stored = Application.objects.values().get(pk=application.pk)
    assert stored["token_hash"] == hash_token(token) != token
    assert token not in [str(value) for value in stored.values()]
    assert application.link_expires_at is not None
    assert application.link_expires_at > timezone.now() + datetime.timedelta(days=180)


def test_the_link_shows_the_status_in_steps_without_an_account(client: Client) -> None:
    application, token = factories.application(open_intake(), first_name="Noor")
    response = client.get(_status(token))
    assert response.status_code == 200
    assert 'aria-current="step"' in response.text
    assert "Status: <strong>ontvangen</strong>" in response.text
    assert application.last_name in response.text
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_wrong_or_expired_link_is_a_404(client: Client) -> None:
    application, token = factories.application(open_intake())
    assert client.get(_status(token[:-1] + ("A" if token[-1] != "A" else "B"))).status_code == 404
    assert client.get(_status("x")).status_code == 404
    Application.objects.filter(pk=application.pk).update(
        link_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(_status(token)).status_code == 404
    assert client.get(reverse("selection:status_edit", args=[token])).status_code == 404
    assert client.get(reverse("selection:status_withdraw", args=[token])).status_code == 404


def test_one_applicant_never_sees_another(client: Client) -> None:
    intake = open_intake()
    _, my_token = factories.application(intake, last_name="Jansen")
    factories.application(intake, last_name="Pietersen", email="p@example.nl")
    response = client.get(_status(my_token))
    assert "Jansen" in response.text
    assert "Pietersen" not in response.text and "p@example.nl" not in response.text
