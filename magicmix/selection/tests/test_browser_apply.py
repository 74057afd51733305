import re
from typing import Any

import pytest
from django.core import mail

from magicmix.conftest import assert_accessible
from magicmix.selection.models import Application, PublicStatus

from .browser_steps import apply_publicly
from .helpers import open_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_apply_on_a_phone_follow_the_link_and_withdraw(page: Any) -> None:
    open_intake(title="Werving voorjaar")
    page.set_viewport_size({"width": 375, "height": 812})

    apply_publicly(
        page,
        "Werving voorjaar",
        "Noor",
        "Bakker",
        "noor@example.nl",
        "35000",
        "Ik organiseer een kookclub.",
    )

    [message] = mail.outbox
    link = re.search(r"https?://\S+/apply/status/\S+/", str(message.body))
    assert link is not None
    page.goto(link.group(0))
    assert page.get_by_text("Status: ontvangen").is_visible()
    assert page.locator("[aria-current=step]").inner_text().strip().endswith("ontvangen")
    assert_accessible(page)

    page.get_by_role("link", name="Mijn aanmelding intrekken").click()
    assert_accessible(page)
    page.get_by_label("Ja, ik trek mijn aanmelding in").check()
    page.get_by_role("button", name="Intrekken").click()
    page.get_by_text("Status: ingetrokken").wait_for()
    assert_accessible(page)
    assert Application.objects.get().public_status == PublicStatus.WITHDRAWN
