"""A check whose parameter is unknown says so; it never raises and never uses last year's."""

import datetime
from decimal import Decimal

import pytest

from magicmix.legal import checks
from magicmix.legal.checks import Rulebook, Status
from magicmix.legal.models import Kind, Parameter

pytestmark = pytest.mark.django_db


def test_aftoppingsgrens_2026_not_entered_gives_missing_parameter() -> None:
    rules = Rulebook.on(datetime.date(2026, 3, 1))
    outcome = checks.passend_toewijzen(rules, Decimal(20000), 4, 30, Decimal(700))
    assert outcome.status == Status.MISSING and not outcome.passed
    assert outcome.text["en"] == (
        "Parameter missing for 2026: “aftoppingsgrens, 3 or more persons” valid from "
        "1 January 2026 has not been entered yet."
    )
    assert outcome.text["nl"].startswith("Parameter ontbreekt voor 2026")


def test_entering_the_figure_makes_the_check_decide() -> None:
    Parameter.objects.create(
        kind=Kind.CAP_RENT_LARGE, valid_from=datetime.date(2026, 1, 1), amount=Decimal("763.00")
    )
    rules = Rulebook.on(datetime.date(2026, 3, 1))
    outcome = checks.passend_toewijzen(rules, Decimal(20000), 4, 30, Decimal(700))
    assert outcome.status == Status.PASSED and outcome.limit == "763.00"


def test_no_record_at_all_gives_missing_parameter() -> None:
    Parameter.objects.filter(kind=Kind.DAEB_INCOME_MULTI).delete()
    outcome = checks.daeb_income(Rulebook.on(datetime.date(2026, 3, 1)), Decimal(1), 2)
    assert outcome.status == Status.MISSING and outcome.parameters == ()
    assert outcome.text["en"] == (
        "Parameter missing for 2026: no value of “DAEB income limit, more persons” is known."
    )


def test_a_day_before_any_rule_gives_missing_parameter() -> None:
    outcome = checks.youth_contract_age(Rulebook.on(datetime.date(2020, 1, 1)), 25)
    assert outcome.status == Status.MISSING
