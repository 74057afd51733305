import re
from typing import Any

import pytest

from magicmix.accounts.models import Organisation, Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.selection.models import CooptationAdvice, Stage
from magicmix.testing import factories

from .browser_steps import (
    give_panel_advice,
    hold_interview,
    score_next_letter,
    set_rubric,
    shortlist,
)
from .helpers import open_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_out(page: Any) -> None:
    page.get_by_role("button", name=re.compile("Uitloggen")).click()


def test_rubric_blind_score_interview_advice_and_shortlist(page: Any) -> None:
    intake = open_intake(title="Werving najaar")
    application, _ = factories.application(
        intake, first_name="Wubbo", last_name="Zwanenburg", motivation="Ik start een moestuin."
    )
    letting = factories.user(intake.complex.organisation, Role.LETTING)
    residents = factories.organisation(Organisation.Kind.RESIDENTS)
    factories.partner(intake.complex, residents)
    member = factories.user(residents, Role.RESIDENT_PANEL)

    log_in(page, letting.email)
    set_rubric(page, intake)
    score_next_letter(page, "Ik start een moestuin.", "Zwanenburg", "4")
    hold_interview(page, intake, application, "5", "Wil de gang laten koken.")
    shortlist(page, intake, application)
    _log_out(page)

    log_in(page, member.email)
    give_panel_advice(
        page, "Wubbo", "Zwanenburg", "Wil de gang laten koken.", "Past goed bij de gang."
    )
    assert CooptationAdvice.objects.get().advice == "in_favour"
    _log_out(page)

    log_in(page, letting.email)
    page.goto(f"/intakes/{intake.pk}/shortlist/")
    row = page.locator(f"#application-{application.pk}")
    # (2 × 4/5 + 1 × 5/10) / 3 = 70
    assert "70,0" in row.inner_text() and "voor: 1" in row.inner_text()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.stage == Stage.SHORTLISTED
