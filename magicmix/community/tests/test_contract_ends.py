"""Contract ends and the days to act, against hand-worked cases: terms from the 29th–31st,
leap years, the notice window of a temporary contract, the yearly proof of a campus contract."""

import datetime
from decimal import Decimal

import pytest

from magicmix.legal.checks import Rulebook
from magicmix.legal.contracts import ContractType
from magicmix.rounds.contracts import term
from magicmix.rounds.models import Contract

from ..contract_ends import ending, next_proof, notice_window
from .scene import scene

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "start", "end", "act_from", "act_by"),
    [
        # jongerencontract: 60 months, notice six months before the end
        # (the terms are law from 1 July 2024 on)
        (ContractType.YOUTH, D(2024, 7, 31), D(2029, 7, 30), None, D(2029, 1, 30)),
        (ContractType.YOUTH, D(2028, 2, 29), D(2033, 2, 27), None, D(2032, 8, 27)),
        (ContractType.YOUTH, D(2027, 8, 31), D(2032, 8, 30), None, D(2032, 2, 29)),
        # tijdelijk: 24 months, tell the tenant 3 to 1 months before the end
        (ContractType.TEMPORARY, D(2025, 3, 31), D(2027, 3, 30), D(2026, 12, 30), D(2027, 2, 28)),
        (ContractType.TEMPORARY, D(2026, 6, 1), D(2028, 5, 31), D(2028, 2, 29), D(2028, 4, 30)),
        (ContractType.TEMPORARY, D(2026, 1, 1), D(2027, 12, 31), D(2027, 9, 30), D(2027, 11, 30)),
    ],
)
def test_term_and_notice_window(kind: str, start: D, end: D, act_from: D | None, act_by: D) -> None:
    planned_end, _extension = term(kind, start)
    assert planned_end == end
    assert notice_window(kind, end) == (act_from, act_by)


def test_the_youth_contract_extension_is_two_years_after_the_end() -> None:
    assert term(ContractType.YOUTH, D(2028, 2, 29)) == (D(2033, 2, 27), D(2035, 2, 27))


@pytest.mark.parametrize(
    ("start", "day", "proof", "last_day"),
    [
        (D(2023, 8, 31), D(2024, 8, 1), D(2024, 8, 31), D(2024, 11, 30)),
        (D(2024, 2, 29), D(2025, 1, 1), D(2025, 2, 28), D(2025, 5, 28)),
        (D(2022, 9, 1), D(2024, 9, 2), D(2025, 9, 1), D(2025, 12, 1)),  # the day after: next year
    ],
)
def test_the_yearly_campus_proof(start: D, day: D, proof: D, last_day: D) -> None:
    assert next_proof(start, day, Rulebook.on(day)) == (proof, last_day)


def test_the_complex_list_holds_contracts_within_a_year_soonest_first() -> None:
    s = scene(start=D(2024, 7, 1))

    def contract(index: int, kind: str) -> Contract:
        tenancy = s.tenancies[index]
        planned_end, extension = term(kind, tenancy.start_date)
        return Contract.objects.create(
            tenancy=tenancy,
            contract_type=kind,
            start_date=tenancy.start_date,
            planned_end=planned_end,
            extension_until=extension,
            basic_rent=Decimal(400),
            service_costs=Decimal(50),
            contribution_hours=0,
            contribution_role="none",
        )

    youth = contract(0, ContractType.YOUTH)  # ends 30 June 2029
    campus = contract(1, ContractType.CAMPUS)  # proof every 1 July
    contract(2, ContractType.INDEFINITE)
    contract(3, ContractType.TEMPORARY)  # ended 30 June 2026 and ran on: no deadline now
    deadlines = ending(s.complex, D(2029, 4, 15))
    assert [(d.contract, d.due, d.act_by) for d in deadlines] == [
        (youth, D(2029, 6, 30), D(2028, 12, 30)),
        (campus, D(2029, 7, 1), D(2029, 10, 1)),
    ]
    assert ending(s.complex, D(2027, 1, 1)) == []
