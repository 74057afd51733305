"""Steps of the selection path in the browser, shared by the browser tests.

Each step checks every page it visits with axe. The pages are Dutch, so the steps
find fields by their Dutch labels, as a user would.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.utils import timezone

from magicmix.conftest import assert_accessible
from magicmix.selection.models import Application, Intake, Interview


def apply_publicly(
    page: Any, intake_title: str, first: str, last: str, email: str, income: str, letter: str
) -> None:
    """Find the intake on /apply/, fill the form as a student wanting a studio, and send it."""
    page.goto("/apply/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(intake_title)).click()
    page.get_by_role("heading", name="Wat we van u vragen").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Aanmelden", exact=True).click()
    page.get_by_label("Voornaam").wait_for()
    assert_accessible(page)
    page.get_by_label("Voornaam").fill(first)
    page.get_by_label("Achternaam").fill(last)
    page.get_by_label("Geboortedatum").fill("2001-04-12")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Bruto jaarinkomen van het huishouden (€)").fill(income)
    page.get_by_label("Tot welke groep hoort u?").select_option(label="Student")
    page.get_by_label("Waar u ingeschreven staat").fill("Universiteit Utrecht")
    page.get_by_label("Studio").check()
    page.get_by_label("Wat gaat u voor uw buren doen?").fill(letter)
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_role("heading", name="Bedankt voor uw aanmelding").wait_for()
    assert_accessible(page)


def set_rubric(page: Any, intake: Intake) -> None:
    """A letter criterion "Inzet voor de buren" (weight 2) and an interview criterion "Klik met de gang" (0-10)."""
    page.goto(f"/intakes/{intake.pk}/")
    assert_accessible(page)
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


def score_next_letter(page: Any, letter: str, surname: str, points: str) -> None:
    """Score the next letter in the queue, checking that the applicant's name is hidden."""
    page.goto("/scoring/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Volgende brief beoordelen")).click()
    page.get_by_text(letter).wait_for()
    assert surname not in page.content()  # blind scoring
    assert_accessible(page)
    page.get_by_label(re.compile("Inzet voor de buren")).fill(points)
    page.get_by_role("button", name="Beoordeling opslaan").click()
    page.get_by_text("Uw beoordeling is opgeslagen.").wait_for()


def hold_interview(
    page: Any, intake: Intake, application: Application, points: str, summary: str
) -> None:
    """Invite the applicant for 10:00 next week, then, once it has taken place, record the
    interview as held."""
    page.goto(f"/intakes/{intake.pk}/interviews/")
    assert_accessible(page)
    day = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_label("dag", exact=True).fill(day.isoformat())
    page.get_by_label("van", exact=True).fill("10:00")
    page.get_by_label("tot", exact=True).fill("10:20")
    page.get_by_role("button", name="Tijdstippen tonen").click()
    page.get_by_label("10:00").wait_for()
    assert_accessible(page)
    page.get_by_label("10:00").select_option(str(application.pk))
    page.get_by_role("button", name="Uitnodigingen versturen").click()
    page.get_by_text("De uitnodigingen zijn verstuurd.").wait_for()
    # The day of the interview comes: only then can it be recorded as held.
    Interview.objects.filter(application=application).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=15)
    )
    page.get_by_role("link", name=application.full_name).click()
    assert_accessible(page)
    page.get_by_label("Hoe ging het?").select_option("held")
    page.get_by_label(re.compile("Klik met de gang")).fill(points)
    page.get_by_label("Samenvatting voor het bewonerspanel").fill(summary)
    page.get_by_role("button", name="Gesprek opslaan").click()
    page.get_by_text("Het gesprek is vastgelegd.").wait_for()


def shortlist(page: Any, intake: Intake, application: Application) -> None:
    page.goto(f"/intakes/{intake.pk}/shortlist/")
    assert_accessible(page)
    page.get_by_label("Reden").fill("Sterke brief en gesprek.")
    page.get_by_role("button", name=re.compile("Op de shortlist")).click()
    page.get_by_text(f"{application.full_name}: op de shortlist.").wait_for()
    assert_accessible(page)


def give_panel_advice(page: Any, first_name: str, surname: str, summary: str, reason: str) -> None:
    """As a resident panel member: open the applicant from /panel/ (name hidden) and advise in favour."""
    page.goto("/panel/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(first_name)).click()
    page.get_by_text(summary).wait_for()
    assert surname not in page.content()
    assert_accessible(page)
    page.get_by_label("voor", exact=True).check()
    page.get_by_label("Toelichting").fill(reason)
    page.get_by_role("button", name="Advies geven").click()
    page.get_by_text("Uw advies is vastgelegd.").wait_for()
    assert_accessible(page)
