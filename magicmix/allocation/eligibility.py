"""Who may live where: the eligibility rules of a round, checked per unit kind.

A unit kind (`UnitKind`) holds only the unit attributes the rules read, so the
check runs once per applicant and kind instead of once per applicant and unit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Applicant, Eligibility, IncomeLimit, Unit


@dataclass(frozen=True, order=True)
class UnitKind:
    unit_type: str
    max_occupants: int
    accessible: bool
    rent: float
    contract_type: str

    @classmethod
    def of(cls, unit: Unit) -> UnitKind:
        return cls(unit.unit_type, unit.max_occupants, unit.accessible, unit.rent, unit.contract_type)


@dataclass(frozen=True)
class Failure:
    """The first eligibility rule an applicant fails for a unit kind: value against limit."""

    rule: str  # unit_type | household_size | accessibility | age | income | rent_to_income
    value: str
    limit: str


def income_limit(limits: tuple[IncomeLimit, ...], household_size: int, on: dt.date) -> IncomeLimit | None:
    for limit in limits:
        if household_size < limit.household_min:
            continue
        if limit.household_max is not None and household_size > limit.household_max:
            continue
        if limit.valid_from is not None and on < limit.valid_from:
            continue
        if limit.valid_to is not None and on > limit.valid_to:
            continue
        return limit
    return None


def check(applicant: Applicant, kind: UnitKind, rules: Eligibility, on: dt.date) -> Failure | None:
    """Return the first rule `applicant` fails for units of `kind`, or None if eligible."""
    if applicant.unit_types and kind.unit_type not in applicant.unit_types:
        return Failure("unit_type", kind.unit_type, ", ".join(applicant.unit_types))
    if applicant.household_size > kind.max_occupants:
        return Failure("household_size", str(applicant.household_size), str(kind.max_occupants))
    if applicant.accessibility_need and not kind.accessible:
        return Failure("accessibility", "required", "not accessible")
    for age_range in rules.age_ranges:
        if age_range.contract_type != kind.contract_type:
            continue
        too_young = age_range.min_age is not None and applicant.age < age_range.min_age
        too_old = age_range.max_age is not None and applicant.age > age_range.max_age
        if too_young or too_old:
            return Failure("age", str(applicant.age), f"{age_range.min_age or ''}-{age_range.max_age or ''}")
    limit = income_limit(rules.income_limits, applicant.household_size, on)
    if limit is not None and applicant.income > limit.max_income:
        return Failure("income", f"{applicant.income:.0f}", f"{limit.max_income:.0f}")
    if rules.max_rent_to_income is not None:
        ratio = 12 * kind.rent / applicant.income if applicant.income > 0 else float("inf")
        if ratio > rules.max_rent_to_income:
            return Failure("rent_to_income", f"{ratio:.2f}", f"{rules.max_rent_to_income:.2f}")
    return None
