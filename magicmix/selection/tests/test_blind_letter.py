"""Blind scoring masks the applicant's own name and age where they appear in the letter."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.selection.blind import masked_letter
from magicmix.selection.models import age_on
from magicmix.testing import factories

from .helpers import open_intake, rubric

pytestmark = pytest.mark.django_db
LETTER = (
    "Hoi, ik ben Wubbo van den Berg, 26 jaar (geboren in 1999). Wubbo's buren kennen me van de "
    "moestuin; ik werk 24 uur per week bij Bergmann."
)


def test_names_and_age_become_placeholders_and_nothing_else_changes() -> None:
    intake = open_intake()
    application, _ = factories.application(
        intake,
        first_name="Wubbo",
        last_name="van den Berg",
        date_of_birth=datetime.date(1999, 11, 23),
        motivation=LETTER,
    )
    assert masked_letter(application, 26) == (
        "Hoi, ik ben [naam] van den [naam], [leeftijd] jaar (geboren in [leeftijd]). "
        "[naam]'s buren kennen me van de moestuin; ik werk 24 uur per week bij Bergmann."
    )


def test_the_scorer_of_a_blind_letter_does_not_read_the_name(client: Client) -> None:
    intake = open_intake()
    rubric(intake, blind=True)
    application, _ = factories.application(
        intake, first_name="Wubbo", last_name="Zwanenburg", motivation="Ik, Wubbo, kook graag."
    )
    client.force_login(factories.user(intake.complex.organisation, Role.SOCIAL_MANAGER))
    page = client.get(reverse("selection:score_letter", args=[application.pk])).text
    assert "Ik, [naam], kook graag." in page and "Wubbo" not in page
    assert age_on(application.date_of_birth, timezone.localdate()) > 0


def test_the_form_asks_to_leave_out_name_age_and_origin(client: Client) -> None:
    intake = open_intake()
    page = client.get(reverse("selection:apply", args=[intake.pk])).text
    assert "Laat uw naam, leeftijd en afkomst weg" in page
