"""The stuck applicant: a legal value is missing, the application manager sees it on the start
page and on /legal/, enters it, the application is checked again in the background and can
take part in a round."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.rounds.models import DEFAULT_RANKING, Round
from magicmix.selection.models import Application, CheckResult, Stage
from magicmix.testing import factories
from magicmix.testing.tasks import work

from .browser_steps import apply_publicly
from .helpers import open_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_value_missing_banner_entered_rechecked_and_in_a_round(page: Any) -> None:
    intake = open_intake(title="Werving winter")
    manager = factories.user(
        intake.complex.organisation, Role.APPLICATION_MANAGER, full_name="Anna Aanmelding"
    )
    # A low income: passend toewijzen needs the 2026 aftoppingsgrens, which is not entered.
    apply_publicly(page, "Werving winter", "Sem", "Visser", "sem@example.nl", "20000", "Ik kook.")
    application = Application.objects.get()
    assert (application.stage, application.check_result) == (Stage.REVIEW, CheckResult.PENDING)
    round_ = Round.objects.create(
        complex=intake.complex,
        intake=intake,
        title="Ronde winter",
        ranking=DEFAULT_RANKING,
        move_in=timezone.localdate() + datetime.timedelta(days=30),
    )
    assert application not in round_.candidates()

    log_in(page, manager.email)
    assert_accessible(page)
    page.get_by_role("link", name="Wettelijke waarden ontbreken").click()
    banner = page.locator("#missing-values")
    assert "aftoppingsgrens, 1–2 personen" in banner.inner_text()
    assert_accessible(page)
    banner.get_by_role("link", name="Waarde invoeren — aftoppingsgrens, 1–2 personen").click()
    assert_accessible(page)
    page.get_by_label("Waarde").fill("713.00")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/legal/manage/")
    assert "0 van 1 getoetst" in page.get_by_role("region", name="Opnieuw getoetste").inner_text()

    work()  # the database worker runs the re-check

    page.goto("/legal/")
    assert "aftoppingsgrens, 1–2 personen" not in page.locator("#missing-values").inner_text()
    assert (
        "1 aanmelding opnieuw getoetst."
        in page.get_by_role("region", name="Opnieuw getoetste aanmeldingen").inner_text()
    )
    assert_accessible(page)
    page.goto(f"/applications/{application.pk}/")
    assert page.locator("#check-result").inner_text() == "toets: voldaan"
    assert page.get_by_role("cell", name="Opnieuw getoetst nadat").is_visible()
    assert_accessible(page)
    assert application in round_.candidates()
