"""Eligibility rules, each with the value and limit an explanation names."""

from __future__ import annotations

import datetime as dt
from typing import Any

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import (
    AgeRange,
    Complex,
    Eligibility,
    IncomeLimit,
    Mode,
    Policy,
    Round,
)

from .factories import DATE, applicant, unit

RULES = Eligibility(
    age_ranges=(AgeRange("jongerencontract", 18, 27),),
    income_limits=(
        IncomeLimit(49_669, 1, 1, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        IncomeLimit(51_537, 1, 1, dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ),
    max_rent_to_income=0.4,
)


def _why(**overrides: Any) -> tuple[str, dict[str, object]]:
    units = (unit("u1", contract_type="jongerencontract", rent=500.0),)
    round_ = Round(
        "r",
        DATE,
        (Complex("c", "C", units=units),),
        (applicant("a", **overrides),),
        Policy(eligibility=RULES),
    )
    explanation = allocate(round_, Mode.PRIORITY).explanations[0]
    reason = explanation.reasons[1]
    return reason.code, dict(reason.params)


def test_age_outside_the_contract_range() -> None:
    code, params = _why(age=31)
    assert (
        code == "ineligible"
        and params["rule"] == "age"
        and params["value"] == "31"
        and params["limit"] == "18-27"
    )


def test_income_limit_valid_on_the_round_date() -> None:
    code, params = _why(income=52_000.0)
    assert code == "ineligible" and params["rule"] == "income" and params["limit"] == "51537"


def test_rent_to_income_household_size_accessibility_and_unit_type() -> None:
    assert _why(income=14_000.0)[1]["rule"] == "rent_to_income"
    assert _why(household_size=2)[1]["rule"] == "household_size"
    assert _why(accessibility_need=True)[1]["rule"] == "accessibility"
    assert _why(unit_types=("room",))[1]["rule"] == "unit_type"


def test_an_eligible_applicant_is_placed() -> None:
    units = (unit("u1", contract_type="jongerencontract", rent=500.0),)
    round_ = Round(
        "r",
        DATE,
        (Complex("c", "C", units=units),),
        (applicant("a", income=50_000.0),),
        Policy(eligibility=RULES),
    )
    assert allocate(round_, Mode.PRIORITY).assignments[0].applicant_id == "a"
