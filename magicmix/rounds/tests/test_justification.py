import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.legal.checks import Rulebook, daeb_income
from magicmix.rounds.services import runs
from magicmix.selection.models import EligibilityOutcome

from .helpers import new_round, policy, scene, work

pytestmark = pytest.mark.django_db


def test_the_justification_lists_policy_candidates_explanations_and_overrides(
    client: Client,
) -> None:
    s = scene()
    policy(s)
    checked = daeb_income(Rulebook.on(datetime.date(2026, 3, 1)), Decimal(35000), 1)
    EligibilityOutcome.of(s.applications[0], checked).save()
    round_ = new_round(s)
    runs.start(round_)
    work()
    run = round_.latest_run()
    assert run is not None
    runs.override(run, s.units[0], None, "Woning blijkt vochtig.", s.staff)
    client.force_login(s.staff)
    text = client.get(reverse("rounds:justification_csv", args=[round_.pk])).content.decode(
        "utf-8-sig"
    )
    assert "Beleid" in text and "statushouder" in text
    assert text.count("Kandidaat") >= 5
    assert "Geplaatst in woning" in text and "Woning blijkt vochtig." in text
    assert "daeb_income" in text  # the stored eligibility outcome with its parameter version
    pdf = client.get(reverse("rounds:justification_pdf", args=[round_.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
