"""Who may live where: the eligibility rules of a round, vectorised over applicants.

Rules read only a few unit attributes (`UnitKind`), so they run once per unit
kind over arrays of all applicants. `failure` reports, for one applicant, the
first rule failed with its value and limit, for the explanations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .model import Applicant, Dimension, Eligibility, IncomeLimit, Unit

Mask = npt.NDArray[np.bool_]
Rows = slice | npt.NDArray[np.int64]  # which applicants, by position in the list


@dataclass(frozen=True, order=True)
class UnitKind:
    unit_type: str
    max_occupants: int
    accessible: bool
    rent: float
    contract_type: str
    # (dimension, value, hard) of the unit's designation; ("", "", False) = none
    designation: tuple[str, str, bool] = ("", "", False)

    @classmethod
    def of(cls, unit: Unit) -> UnitKind:
        d = unit.designation
        return cls(
            unit.unit_type,
            unit.max_occupants,
            unit.accessible,
            unit.rent,
            unit.contract_type,
            ("", "", False) if d is None else (d.dimension.value, d.value, d.hard),
        )


@dataclass(frozen=True)
class Failure:
    """The first eligibility rule an applicant fails for a unit kind: value against limit."""

    rule: str  # unit_type | household_size | accessibility | age | income | rent_to_income
    value: str
    limit: str


def income_limit(
    limits: Sequence[IncomeLimit], household_size: int, on: dt.date
) -> IncomeLimit | None:
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


class Applicants:
    """The attributes the rules read, as arrays over a fixed list of applicants."""

    def __init__(self, applicants: Sequence[Applicant], rules: Eligibility, on: dt.date) -> None:
        self.rules = rules
        self.household = np.array([a.household_size for a in applicants], dtype=np.int64)
        self.age = np.array([a.age for a in applicants], dtype=np.int64)
        self.income = np.array([a.income for a in applicants], dtype=np.float64)
        self.needs_access = np.array([a.accessibility_need for a in applicants], dtype=np.bool_)
        type_sets = sorted({a.unit_types for a in applicants})
        self.type_sets = type_sets
        index = {t: i for i, t in enumerate(type_sets)}
        self.type_set = np.array([index[a.unit_types] for a in applicants], dtype=np.int64)
        limit_of = {
            h: income_limit(rules.income_limits, h, on) for h in set(self.household.tolist())
        }
        self.max_income = np.array(
            [inf_if_none(limit_of[h]) for h in self.household.tolist()], dtype=np.float64
        )
        self.traits = {
            d.value: np.array([trait(a, d) for a in applicants], dtype=object) for d in Dimension
        }

    def failures(self, kind: UnitKind, rows: Rows = slice(None)) -> list[tuple[str, Mask]]:
        """Per rule, in order, which of the applicants at `rows` (default all) fail it for units of `kind`."""
        age, income, household = self.age[rows], self.income[rows], self.household[rows]
        type_ok = np.array(
            [not types or kind.unit_type in types for types in self.type_sets], dtype=np.bool_
        )
        age_fail = np.zeros(len(age), dtype=np.bool_)
        for r in self.rules.age_ranges:
            if r.contract_type == kind.contract_type:
                if r.min_age is not None:
                    age_fail |= age < r.min_age
                if r.max_age is not None:
                    age_fail |= age > r.max_age
        rent_fail = np.zeros(len(age), dtype=np.bool_)
        if self.rules.max_rent_to_income is not None:
            rent_fail = 12 * kind.rent > self.rules.max_rent_to_income * income
        return [
            ("unit_type", ~type_ok[self.type_set[rows]]),
            ("household_size", household > kind.max_occupants),
            ("accessibility", self.needs_access[rows] & (not kind.accessible)),
            ("age", age_fail),
            ("income", income > self.max_income[rows]),
            ("rent_to_income", rent_fail),
            ("designation", self._undesignated(kind, rows, len(age))),
        ]

    def _undesignated(self, kind: UnitKind, rows: Rows, n: int) -> Mask:
        dimension, value, hard = kind.designation
        if not hard:
            return np.zeros(n, dtype=np.bool_)
        return np.asarray(self.traits[dimension][rows] != value, dtype=np.bool_)

    def first_failure(self, kind: UnitKind) -> npt.NDArray[np.int64]:
        """Per applicant, the index in RULES of the first rule failed for `kind`, or -1."""
        failed = np.vstack([mask for _, mask in self.failures(kind)])
        return np.where(failed.any(axis=0), failed.argmax(axis=0), -1)

    def eligible(self, kind: UnitKind, rows: Rows = slice(None)) -> Mask:
        """Which of the applicants at `rows` (default all) may live in units of `kind`."""
        failures = self.failures(kind, rows)
        ok = np.ones(len(failures[0][1]), dtype=np.bool_)
        for _, failed in failures:
            ok &= ~failed
        return ok


RULES = (
    "unit_type",
    "household_size",
    "accessibility",
    "age",
    "income",
    "rent_to_income",
    "designation",
)


def trait(applicant: Applicant, dimension: Dimension) -> str | None:
    """What a bound or designation on `dimension` reads of the applicant."""
    if dimension is Dimension.GROUP:
        return applicant.group
    if dimension is Dimension.ROLE:
        return applicant.role.value
    if dimension is Dimension.SUPPORT:
        return applicant.support.value
    return applicant.partner


def inf_if_none(limit: IncomeLimit | None) -> float:
    return float("inf") if limit is None else limit.max_income


def failure(
    rule_index: int, applicant: Applicant, kind: UnitKind, rules: Eligibility, on: dt.date
) -> Failure | None:
    """The rule at `rule_index` in RULES (-1: none) with the applicant's value and the limit."""
    if rule_index < 0:
        return None
    rule = RULES[rule_index]
    return Failure(rule, *_value_and_limit(rule, applicant, kind, rules, on))


def _value_and_limit(
    rule: str, a: Applicant, kind: UnitKind, rules: Eligibility, on: dt.date
) -> tuple[str, str]:
    if rule == "unit_type":
        return kind.unit_type, ", ".join(a.unit_types)
    if rule == "household_size":
        return str(a.household_size), str(kind.max_occupants)
    if rule == "accessibility":
        return "nodig/required", "-"
    if rule == "age":
        ranges = [r for r in rules.age_ranges if r.contract_type == kind.contract_type]
        return str(a.age), ", ".join(f"{r.min_age or ''}-{r.max_age or ''}" for r in ranges)
    if rule == "income":
        return (
            f"{a.income:.0f}",
            f"{inf_if_none(income_limit(rules.income_limits, a.household_size, on)):.0f}",
        )
    if rule == "designation":
        dimension, value, _ = kind.designation
        return str(trait(a, Dimension(dimension))), value
    ratio = 12 * kind.rent / a.income if a.income > 0 else float("inf")
    return f"{ratio:.2f}", f"{rules.max_rent_to_income:.2f}"
