import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.selection.models import ApplicationEvent, Intake
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def test_the_applicant_changes_contact_details_preferences_and_letter(client: Client) -> None:
    application, token = factories.application(open_intake())
    response = client.post(
        reverse("selection:status_edit", args=[token]),
        {
            "email": "nieuw@example.nl",
            "phone": "0201234567",
            "unit_types": ["studio"],
            "motivation": "Ik start een moestuin.",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.email, application.motivation, application.unit_types) == (
        "nieuw@example.nl",
        "Ik start een moestuin.",
        ["studio"],
    )
    event = application.events.get(kind=ApplicationEvent.Kind.UPDATED)
    assert event.by_applicant and "motivation" in event.reason


def test_the_letter_is_fixed_once_the_intake_has_closed(client: Client) -> None:
    intake = open_intake()
    application, token = factories.application(intake, motivation="Origineel")
    Intake.objects.filter(pk=intake.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    url = reverse("selection:status_edit", args=[token])
    assert 'name="motivation"' not in client.get(url).text
    client.post(url, {"email": application.email, "motivation": "Veranderd"})
    application.refresh_from_db()
    assert application.motivation == "Origineel"
