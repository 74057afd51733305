import pytest
from django.test import Client
from django.urls import reverse

from magicmix.selection.models import ApplicationEvent, PublicStatus, Stage
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def test_withdrawing_asks_for_confirmation_and_is_logged(client: Client) -> None:
    application, token = factories.application(open_intake())
    url = reverse("selection:status_withdraw", args=[token])
    unconfirmed = client.post(url, {"reason": "Andere woning"})
    assert unconfirmed.status_code == 200
    application.refresh_from_db()
    assert application.stage == Stage.SUBMITTED
    response = client.post(url, {"confirm": "on", "reason": "Andere woning"}, follow=True)
    application.refresh_from_db()
    assert (application.stage, application.public_status) == (
        Stage.WITHDRAWN,
        PublicStatus.WITHDRAWN,
    )
    event = application.events.get(kind=ApplicationEvent.Kind.WITHDRAWN)
    assert (event.by_applicant, event.actor, event.reason, event.from_stage) == (
        True,
        None,
        "Andere woning",
        Stage.SUBMITTED,
    )
    assert "Status: <strong>ingetrokken</strong>" in response.text
    # A withdrawn application can no longer be changed or withdrawn again.
    assert client.get(url).status_code == 302
    assert client.get(reverse("selection:status_edit", args=[token])).status_code == 302
