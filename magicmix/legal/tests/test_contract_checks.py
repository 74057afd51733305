"""Contract types: the youth-contract age band and the target groups of temporary contracts."""

import datetime

import pytest

from magicmix.legal import checks
from magicmix.legal.checks import Rulebook, Status
from magicmix.legal.contracts import ContractType
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def test_youth_contract_until_the_day_before_the_28th_birthday() -> None:
    person = factories.person(factories.organisation(), date_of_birth=datetime.date(1998, 11, 23))
    last_day = datetime.date(2026, 11, 22)  # 27 years and 364 days
    birthday = datetime.date(2026, 11, 23)
    ok = checks.youth_contract_age(Rulebook.on(last_day), person.age_on(last_day))
    too_old = checks.youth_contract_age(Rulebook.on(birthday), person.age_on(birthday))
    assert ok.status == Status.PASSED and ok.value == "27" and ok.limit == "[18, 28)"
    assert too_old.status == Status.FAILED and too_old.value == "28"
    assert too_old.text["en"] == "At 28 the age is outside 18 to under 28 for a youth contract."


def test_youth_contract_from_the_18th_birthday() -> None:
    rules = Rulebook.on(datetime.date(2026, 3, 1))
    assert checks.youth_contract_age(rules, 17).status == Status.FAILED
    assert checks.youth_contract_age(rules, 18).status == Status.PASSED


@pytest.mark.parametrize(
    ("contract", "group", "passed"),
    [
        (ContractType.TEMPORARY, "statushouder", True),
        (ContractType.TEMPORARY, "uitstroom-mo", True),
        (ContractType.TEMPORARY, "starter", False),
        (ContractType.CAMPUS, "student", True),
        (ContractType.CAMPUS, "werkende-jongere", False),
        (ContractType.INDEFINITE, "starter", True),
    ],
)
def test_target_groups_of_a_contract_type(contract: str, group: str, passed: bool) -> None:
    outcome = checks.contract_target_group(Rulebook.on(datetime.date(2026, 3, 1)), contract, group)
    assert outcome.passed is passed


def test_contract_checks_pick_the_rules_of_the_contract_type() -> None:
    rules = Rulebook.on(datetime.date(2026, 3, 1))
    youth = checks.contract_checks(rules, ContractType.YOUTH, age=30, group_code="starter")
    assert [(o.rule, o.status) for o in youth] == [("youth_contract_age", Status.FAILED)]
    campus = checks.contract_checks(rules, ContractType.CAMPUS, age=30, group_code="student")
    assert [(o.rule, o.status) for o in campus] == [("contract_target_group", Status.PASSED)]
    assert checks.contract_checks(rules, ContractType.INDEFINITE, 30, "starter") == []
