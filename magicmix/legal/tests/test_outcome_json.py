"""An outcome survives a trip through JSON: "why not me?" can be answered months later."""

import datetime
import json
from decimal import Decimal

import pytest

from magicmix.legal import checks
from magicmix.legal.checks import Outcome, Rulebook
from magicmix.legal.models import Kind, Parameter

pytestmark = pytest.mark.django_db


def test_outcome_round_trips_through_json_and_keeps_the_record_used() -> None:
    rules = Rulebook.on(datetime.date(2026, 2, 1))
    outcome = checks.daeb_income(rules, Decimal(60000), household_size=3)
    stored = json.loads(json.dumps(outcome.to_json()))
    # The law changes afterwards; the stored outcome still names the figure it was judged on.
    Parameter.objects.create(
        kind=Kind.DAEB_INCOME_MULTI, valid_from=datetime.date(2026, 1, 1), amount=Decimal(70000)
    )
    restored = Outcome.from_json(stored)
    assert restored == outcome
    used = restored.parameters[0]
    assert Parameter.objects.get(pk=used.id).amount == Decimal(used.amount or "0") == 56910
    assert stored["status"] == "failed"
    assert set(stored["text"]) == {"nl", "en"}
