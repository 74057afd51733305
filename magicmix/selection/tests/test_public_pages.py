import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.selection.models import Intake
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_only_open_intakes_are_public(client: Client) -> None:
    shown = open_intake(title="Nu open")
    draft = factories.intake(shown.complex, title="Concept", status=Intake.Status.DRAFT)
    later = factories.intake(
        shown.complex, title="Later", opens_on=TODAY + datetime.timedelta(days=3)
    )
    response = client.get(reverse("selection:public_intakes"))
    assert response.status_code == 200
    assert "Nu open" in response.text
    assert "Concept" not in response.text and "Later" not in response.text
    for hidden in (draft, later):
        assert client.get(reverse("selection:public_intake", args=[hidden.pk])).status_code == 404
        assert client.get(reverse("selection:apply", args=[hidden.pk])).status_code == 404


def test_the_intake_page_says_what_it_asks(client: Client) -> None:
    intake = open_intake(contribution_hours=16, house_rules="Geen feesten na 23 uur.")
    response = client.get(reverse("selection:public_intake", args=[intake.pk]))
    assert "16 uur per maand" in response.text
    assert "Geen feesten na 23 uur." in response.text
    assert "tweede waarschuwing" in response.text
    assert "Student" in response.text
    form = client.get(reverse("selection:apply", args=[intake.pk]))
    assert form.status_code == 200
    assert 'name="motivation"' in form.text


def test_a_visitor_may_switch_language_without_an_account(client: Client) -> None:
    response = client.post(reverse("set_language"), {"language": "en", "next": "/apply/"})
    assert response.status_code == 302
    assert response["Location"] == "/apply/"
