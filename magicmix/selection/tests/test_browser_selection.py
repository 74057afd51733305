import datetime
import re
from typing import Any

import pytest

from magicmix.accounts.models import Organisation, Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.selection.models import CooptationAdvice, Stage
from magicmix.testing import factories

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
    page.goto(f"/intakes/{intake.pk}/")
    page.get_by_role("link", name="Beoordelingsschema").click()
    assert_accessible(page)
    page.locator("#id_criteria-0-stage").select_option("letter")
    page.locator("#id_criteria-0-name").fill("Inzet voor de buren")
    page.locator("#id_criteria-0-weight").fill("2")
    page.locator("#id_criteria-1-stage").select_option("interview")
    page.locator("#id_criteria-1-name").fill("Klik met de gang")
    page.locator("#id_criteria-1-max_points").fill("10")
    page.get_by_role("button", name="Beoordelingsschema opslaan").click()
    page.get_by_text("Het beoordelingsschema is opgeslagen.").wait_for()

    page.goto("/scoring/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Volgende brief beoordelen")).click()
    page.get_by_text("Ik start een moestuin.").wait_for()
    assert "Zwanenburg" not in page.content()
    assert_accessible(page)
    page.get_by_label(re.compile("Inzet voor de buren")).fill("4")
    page.get_by_role("button", name="Beoordeling opslaan").click()
    page.get_by_text("Je beoordeling is opgeslagen.").wait_for()

    page.goto(f"/intakes/{intake.pk}/interviews/")
    day = datetime.date.today() + datetime.timedelta(days=7)
    page.get_by_label("dag", exact=True).fill(day.isoformat())
    page.get_by_label("van", exact=True).fill("10:00")
    page.get_by_label("tot", exact=True).fill("10:30")
    page.get_by_role("button", name="Tijdstippen tonen").click()
    assert_accessible(page)
    page.get_by_label("10:00").select_option(str(application.pk))
    page.get_by_role("button", name="Uitnodigingen versturen").click()
    page.get_by_text("De uitnodigingen zijn verstuurd.").wait_for()
    page.get_by_role("link", name="Wubbo Zwanenburg").click()
    assert_accessible(page)
    page.get_by_label("Hoe ging het?").select_option("held")
    page.get_by_label(re.compile("Klik met de gang")).fill("5")
    page.get_by_label("Samenvatting voor het bewonerspanel").fill("Wil de gang laten koken.")
    page.get_by_role("button", name="Gesprek opslaan").click()
    page.get_by_text("Het gesprek is vastgelegd.").wait_for()

    page.goto(f"/intakes/{intake.pk}/shortlist/")
    assert_accessible(page)
    page.get_by_label("Reden").fill("Sterke brief en gesprek.")
    page.get_by_role("button", name=re.compile("Op de shortlist")).click()
    page.get_by_text("Wubbo Zwanenburg: op de shortlist.").wait_for()
    _log_out(page)

    log_in(page, member.email)
    page.goto("/panel/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Wubbo")).click()
    page.get_by_text("Wil de gang laten koken.").wait_for()
    assert "Zwanenburg" not in page.content()
    assert_accessible(page)
    page.get_by_label("voor", exact=True).check()
    page.get_by_label("Toelichting").fill("Past goed bij de gang.")
    page.get_by_role("button", name="Advies geven").click()
    page.get_by_text("Je advies is vastgelegd.").wait_for()
    assert_accessible(page)
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
