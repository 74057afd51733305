"""Eligibility checks against the dated legal parameters: plain functions, no HTTP, no queries.

Load a `Rulebook` for the day that counts (one query), then call the checks. Each returns an
`Outcome` that serialises to JSON, so the selection workflow can store it per candidate and
answer "why not me?" months later, after the parameters have changed: the outcome keeps the
value, the limit, the records used (id and valid-from date) and a sentence in every language.

A parameter that is absent, or announced but not entered, gives `Status.MISSING`, never last
year's figure and never an exception.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .contracts import GROUP_KINDS, ContractType
from .formatting import euro
from .models import Kind, Parameter


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    MISSING = "missing_parameter"


class Rule(StrEnum):
    DAEB_INCOME = "daeb_income"
    PASSEND_TOEWIJZEN = "passend_toewijzen"
    YOUTH_CONTRACT_AGE = "youth_contract_age"
    CONTRACT_TARGET_GROUP = "contract_target_group"
    HOUSEHOLD_SIZE = "household_size"


@dataclass(frozen=True)
class UsedParameter:
    id: int
    kind: str
    valid_from: str
    amount: str | None
    age_from: int | None
    age_below: int | None
    target_groups: str
    source_url: str

    @classmethod
    def of(cls, record: Parameter) -> UsedParameter:
        return cls(
            id=record.pk,
            kind=record.kind,
            valid_from=record.valid_from.isoformat(),
            amount=None if record.amount is None else str(record.amount),
            age_from=record.age_from,
            age_below=record.age_below,
            target_groups=record.target_groups,
            source_url=record.source_url,
        )


@dataclass(frozen=True)
class Outcome:
    rule: str
    status: Status
    day: str
    value: str
    limit: str
    parameters: tuple[UsedParameter, ...] = ()
    text: dict[str, str] = field(default_factory=dict)  # language code → sentence

    @property
    def passed(self) -> bool:
        return self.status == Status.PASSED

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = str(self.status)
        data["parameters"] = [asdict(used) for used in self.parameters]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Outcome:
        return cls(
            rule=data["rule"],
            status=Status(data["status"]),
            day=data["day"],
            value=data["value"],
            limit=data["limit"],
            parameters=tuple(UsedParameter(**used) for used in data["parameters"]),
            text=dict(data["text"]),
        )


@dataclass(frozen=True)
class Rulebook:
    """The parameters in effect on one day."""

    day: datetime.date
    records: Mapping[str, Parameter]

    @classmethod
    def on(cls, day: datetime.date) -> Rulebook:
        return cls(day, Parameter.objects.in_effect(day))

    def get(self, kind: str) -> Parameter | None:
        record = self.records.get(kind)
        return None if record is None or record.is_pending else record

    def outcome(
        self,
        rule: str,
        passed: bool,
        checked: object,
        bound: object,
        used: list[Parameter],
        message: Promise,
        **params: object,
    ) -> Outcome:
        return Outcome(
            rule=rule,
            status=Status.PASSED if passed else Status.FAILED,
            day=self.day.isoformat(),
            value=str(checked),
            limit=str(bound),
            parameters=tuple(UsedParameter.of(record) for record in used),
            text=_say(message, **params),
        )

    def missing(self, rule: str, kind: str, value: object, used: list[Parameter]) -> Outcome:
        record = self.records.get(kind)
        if record is None:
            message = _("Parameter missing for %(year)s: no value of “%(parameter)s” is known.")
            params: dict[str, object] = {}
        else:
            message = _(
                "Parameter missing for %(year)s: “%(parameter)s” valid from %(valid_from)s "
                "has not been entered yet."
            )
            params = {"valid_from": record.valid_from}
        return Outcome(
            rule=rule,
            status=Status.MISSING,
            day=self.day.isoformat(),
            value=str(value),
            limit="",
            parameters=tuple(UsedParameter.of(record) for record in used),
            text=_say(message, year=str(self.day.year), parameter=Kind(kind).label, **params),
        )


def daeb_income(rules: Rulebook, income: Decimal, household_size: int) -> Outcome:
    """Income (yearly, at or below the limit passes) against the DAEB limit for the household."""
    kind = Kind.DAEB_INCOME_SINGLE if household_size == 1 else Kind.DAEB_INCOME_MULTI
    limit = rules.get(kind)
    if limit is None or limit.amount is None:
        return rules.missing(Rule.DAEB_INCOME, kind, income, [])
    passed = income <= limit.amount
    message = (
        _("An income of %(income)s is within the DAEB income limit of %(limit)s.")
        if passed
        else _("An income of %(income)s is above the DAEB income limit of %(limit)s.")
    )
    return rules.outcome(
        Rule.DAEB_INCOME,
        passed,
        income,
        limit.amount,
        [limit],
        message,
        income=income,
        limit=limit.amount,
    )


def passend_toewijzen(
    rules: Rulebook, income: Decimal, household_size: int, age: int, rent: Decimal
) -> Outcome:
    """A household at or below its passend-toewijzen income limit gets a rent at or below the
    aftoppingsgrens. `age` is the oldest of applicant and partner (the AOW-age limits apply
    when one of them has reached it); `rent` is the rent that counts for huurtoeslag."""
    aow = rules.get(Kind.AOW_AGE)
    if aow is None or aow.amount is None:
        return rules.missing(Rule.PASSEND_TOEWIJZEN, Kind.AOW_AGE, income, [])
    older, single = age >= aow.amount, household_size == 1
    income_kind = {
        (False, True): Kind.PASSEND_INCOME_SINGLE,
        (False, False): Kind.PASSEND_INCOME_MULTI,
        (True, True): Kind.PASSEND_INCOME_OLDER_SINGLE,
        (True, False): Kind.PASSEND_INCOME_OLDER_MULTI,
    }[(older, single)]
    income_limit = rules.get(income_kind)
    if income_limit is None or income_limit.amount is None:
        return rules.missing(Rule.PASSEND_TOEWIJZEN, income_kind, income, [aow])
    if income > income_limit.amount:
        return rules.outcome(
            Rule.PASSEND_TOEWIJZEN,
            True,
            income,
            income_limit.amount,
            [aow, income_limit],
            _(
                "An income of %(income)s is above the passend toewijzen limit of %(limit)s: "
                "the rent is not capped."
            ),
            income=income,
            limit=income_limit.amount,
        )
    cap_kind = Kind.CAP_RENT_SMALL if household_size <= 2 else Kind.CAP_RENT_LARGE
    cap = rules.get(cap_kind)
    if cap is None or cap.amount is None:
        return rules.missing(Rule.PASSEND_TOEWIJZEN, cap_kind, rent, [aow, income_limit])
    passed = rent <= cap.amount
    message = (
        _(
            "A rent of %(rent)s is within the aftoppingsgrens of %(cap)s that applies to an "
            "income of %(income)s."
        )
        if passed
        else _(
            "A rent of %(rent)s is above the aftoppingsgrens of %(cap)s that applies to an "
            "income of %(income)s (at or below %(limit)s)."
        )
    )
    return rules.outcome(
        Rule.PASSEND_TOEWIJZEN,
        passed,
        rent,
        cap.amount,
        [aow, income_limit, cap],
        message,
        rent=rent,
        cap=cap.amount,
        income=income,
        limit=income_limit.amount,
    )


def youth_contract_age(rules: Rulebook, age: int) -> Outcome:
    """Age at signing (the rulebook's day) within the band of a jongerencontract."""
    band = rules.get(Kind.YOUTH_AGE)
    if band is None:
        return rules.missing(Rule.YOUTH_CONTRACT_AGE, Kind.YOUTH_AGE, age, [])
    passed = band.covers_age(age)
    message = (
        _("At %(age)s the age is within %(band)s for a youth contract.")
        if passed
        else _("At %(age)s the age is outside %(band)s for a youth contract.")
    )
    limit = f"[{_bound(band.age_from)}, {_bound(band.age_below)})"
    return rules.outcome(
        Rule.YOUTH_CONTRACT_AGE,
        passed,
        age,
        limit,
        [band],
        message,
        age=age,
        band=band.band_display,
    )


def contract_target_group(rules: Rulebook, contract_type: str, group_code: str) -> Outcome:
    """Temporary and campus contracts are only for the target groups their parameter lists."""
    label = ContractType(contract_type).label
    kind = GROUP_KINDS.get(contract_type)
    if kind is None:
        return rules.outcome(
            Rule.CONTRACT_TARGET_GROUP,
            True,
            group_code,
            "",
            [],
            _("A %(contract)s is open to every target group."),
            contract=label,
        )
    groups = rules.get(kind)
    if groups is None:
        return rules.missing(Rule.CONTRACT_TARGET_GROUP, kind, group_code, [])
    passed = group_code in groups.codes
    message = (
        _("Target group “%(group)s” may get a %(contract)s.")
        if passed
        else _("A %(contract)s is only for the target groups %(groups)s, not “%(group)s”.")
    )
    return rules.outcome(
        Rule.CONTRACT_TARGET_GROUP,
        passed,
        group_code,
        ",".join(groups.codes),
        [groups],
        message,
        group=group_code,
        contract=label,
        groups=", ".join(groups.codes),
    )


def household_size(rules: Rulebook, size: int, max_occupants: int) -> Outcome:
    passed = size <= max_occupants
    message = (
        _("A household of %(size)s fits a unit for at most %(max)s.")
        if passed
        else _("A household of %(size)s is too large for a unit for at most %(max)s.")
    )
    return rules.outcome(
        Rule.HOUSEHOLD_SIZE,
        passed,
        size,
        max_occupants,
        [],
        message,
        size=size,
        max=max_occupants,
    )


def contract_checks(
    rules: Rulebook, contract_type: str, age: int, group_code: str
) -> list[Outcome]:
    """The checks a contract type needs on top of the income and rent rules."""
    if contract_type == ContractType.YOUTH:
        return [youth_contract_age(rules, age)]
    if contract_type in GROUP_KINDS:
        return [contract_target_group(rules, contract_type, group_code)]
    return []


def _bound(age: int | None) -> str:
    return "" if age is None else str(age)


def _say(message: Promise, **params: object) -> dict[str, str]:
    """The sentence in every language of the site, so a stored outcome reads in either."""
    sentences = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            sentences[code] = str(message) % {
                name: _localise(value) for name, value in params.items()
            }
    return sentences


def _localise(value: object) -> str:
    if callable(value) and not isinstance(value, Promise):
        value = value()  # a text that must be built in the language being rendered
    if isinstance(value, Decimal):
        return euro(value)
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    return str(value)
