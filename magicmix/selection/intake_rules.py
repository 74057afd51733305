"""The on-the-spot eligibility check of an application, through `magicmix.legal`.

Which checks an intake needs is decided here; the rules and their dated figures live in
`magicmix.legal`. A FAILED outcome refuses the application with its reason; a MISSING parameter
never refuses anyone: the application is kept and staff review it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, Min

from magicmix.housing.models import Unit
from magicmix.legal import checks
from magicmix.legal.checks import Outcome, Status

from .models import Application, CheckResult, Intake, age_on


@dataclass(frozen=True)
class Household:
    date_of_birth: datetime.date
    size: int
    annual_income: Decimal
    target_group_code: str


def household_of(application: Application) -> Household:
    return Household(
        date_of_birth=application.date_of_birth,
        size=application.household_size,
        annual_income=application.annual_income,
        target_group_code=application.target_group.code,
    )


def check(intake: Intake, household: Household, day: datetime.date) -> list[Outcome]:
    rules = checks.Rulebook.on(day)
    age = age_on(household.date_of_birth, day)
    outcomes = []
    if intake.checks_income:
        outcomes.append(checks.daeb_income(rules, household.annual_income, household.size))
    units = Unit.objects.filter(complex_id=intake.complex_id, status=Unit.Status.IN_USE)
    bounds = units.aggregate(lowest_rent=Min("basic_rent"), largest=Max("max_occupants"))
    if bounds["lowest_rent"] is not None:
        # Passend toewijzen fails only when not even the cheapest unit fits under the cap.
        outcomes.append(
            checks.passend_toewijzen(
                rules, household.annual_income, household.size, age, bounds["lowest_rent"]
            )
        )
        outcomes.append(checks.household_size(rules, household.size, bounds["largest"]))
    outcomes += checks.contract_checks(
        rules, intake.contract_type, age, household.target_group_code
    )
    return outcomes


def refusals(outcomes: list[Outcome]) -> list[Outcome]:
    return [outcome for outcome in outcomes if outcome.status == Status.FAILED]


def needs_review(outcomes: list[Outcome]) -> bool:
    return any(outcome.status == Status.MISSING for outcome in outcomes)


def result_of(outcomes: list[Outcome]) -> CheckResult:
    if any(outcome.status == Status.FAILED for outcome in outcomes):
        return CheckResult.FAILED
    if needs_review(outcomes):
        return CheckResult.PENDING
    return CheckResult.PASSED
