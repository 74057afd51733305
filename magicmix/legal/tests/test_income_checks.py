"""Income and rent checks: at the limit passes (not higher than), one cent above fails."""

import datetime
from decimal import Decimal

import pytest

from magicmix.legal import checks
from magicmix.legal.checks import Rule, Rulebook, Status
from magicmix.legal.models import Kind

pytestmark = pytest.mark.django_db

IN_2025 = datetime.date(2025, 12, 31)
IN_2026 = datetime.date(2026, 1, 1)


def test_daeb_income_at_the_limit_passes_and_a_cent_above_fails() -> None:
    rules = Rulebook.on(IN_2026)
    at_limit = checks.daeb_income(rules, Decimal("51537.00"), household_size=1)
    above = checks.daeb_income(rules, Decimal("51537.01"), household_size=1)
    assert at_limit.status == Status.PASSED and at_limit.rule == Rule.DAEB_INCOME
    assert above.status == Status.FAILED
    assert above.limit == "51537.00"
    assert above.parameters[0].kind == Kind.DAEB_INCOME_SINGLE
    assert above.parameters[0].valid_from == "2026-01-01"
    assert above.text["nl"] == (
        "Een inkomen van € 51.537,01 ligt boven de DAEB-inkomensgrens van € 51.537,00."
    )


def test_daeb_income_uses_the_limit_for_the_household_size_and_the_day() -> None:
    income = Decimal(55000)
    assert checks.daeb_income(Rulebook.on(IN_2025), income, household_size=2).status == "failed"
    assert checks.daeb_income(Rulebook.on(IN_2026), income, household_size=2).status == "passed"
    assert checks.daeb_income(Rulebook.on(IN_2026), income, household_size=1).status == "failed"


def test_passend_toewijzen_caps_the_rent_for_low_incomes() -> None:
    rules = Rulebook.on(IN_2025)
    low = Decimal(28375)  # exactly the 2025 limit for one person
    at_cap = checks.passend_toewijzen(rules, low, 1, age=30, rent=Decimal("682.96"))
    above_cap = checks.passend_toewijzen(rules, low, 1, age=30, rent=Decimal("682.97"))
    assert at_cap.passed and at_cap.limit == "682.96"
    assert above_cap.status == Status.FAILED
    assert [p.kind for p in above_cap.parameters] == [
        Kind.AOW_AGE,
        Kind.PASSEND_INCOME_SINGLE,
        Kind.CAP_RENT_SMALL,
    ]


def test_passend_toewijzen_leaves_higher_incomes_free() -> None:
    rules = Rulebook.on(IN_2025)
    outcome = checks.passend_toewijzen(rules, Decimal("28375.01"), 1, 30, Decimal(850))
    assert outcome.passed and outcome.limit == "28375.00"


def test_passend_toewijzen_chooses_limits_by_household_and_aow_age() -> None:
    rules = Rulebook.on(IN_2025)
    # 3 persons at AOW age: older multi-person income limit (37,350) and the 3+ cap (731.93).
    outcome = checks.passend_toewijzen(rules, Decimal(37350), 3, 67, Decimal("731.94"))
    assert outcome.status == Status.FAILED
    assert [p.kind for p in outcome.parameters][1:] == [
        Kind.PASSEND_INCOME_OLDER_MULTI,
        Kind.CAP_RENT_LARGE,
    ]
    # The same income a year younger falls under the ordinary limit (38,500) too.
    younger = checks.passend_toewijzen(rules, Decimal(37350), 3, 66, Decimal("731.93"))
    assert younger.passed and younger.parameters[1].kind == Kind.PASSEND_INCOME_MULTI


def test_household_must_fit_the_unit() -> None:
    rules = Rulebook.on(IN_2026)
    assert checks.household_size(rules, 2, max_occupants=2).passed
    too_many = checks.household_size(rules, 3, max_occupants=2)
    assert too_many.status == Status.FAILED and (too_many.value, too_many.limit) == ("3", "2")
