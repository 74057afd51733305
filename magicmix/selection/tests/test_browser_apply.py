import re
from typing import Any

import pytest
from django.core import mail

from magicmix.conftest import assert_accessible
from magicmix.selection.models import Application, PublicStatus

from .helpers import open_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_apply_on_a_phone_follow_the_link_and_withdraw(page: Any) -> None:
    open_intake(title="Werving voorjaar")
    page.set_viewport_size({"width": 375, "height": 812})

    page.goto("/apply/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Werving voorjaar")).click()
    page.get_by_role("heading", name="Wat we van je vragen").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Aanmelden", exact=True).click()
    assert_accessible(page)

    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("Geboortedatum").fill("2001-04-12")
    page.get_by_label("E-mailadres").fill("noor@example.nl")
    page.get_by_label("Bruto jaarinkomen van het huishouden (€)").fill("35000")
    page.get_by_label("Tot welke groep hoor je?").select_option(label="Student")
    page.get_by_label("Waar je ingeschreven staat").fill("Universiteit Utrecht")
    page.get_by_label("Studio").check()
    page.get_by_label("Wat ga jij voor je buren doen?").fill("Ik organiseer een kookclub.")
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_role("heading", name="Bedankt voor je aanmelding").wait_for()
    assert_accessible(page)

    [message] = mail.outbox
    link = re.search(r"https?://\S+/apply/status/\S+/", message.body)
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
