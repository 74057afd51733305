"""Upcoming contract ends per contract type, with the days by which the landlord must act.

- tijdelijk (art. 7:271 lid 1 BW): the landlord tells the tenant the end date no earlier than
  three months and no later than one month before the term ends;
- jongerencontract (art. 7:274c with 7:271 lid 5 BW): it does not end by itself; the landlord
  gives notice with a period of three months plus one per year of tenancy, at most six, so six
  months before the end of its five-year term (or of the optional extension);
- campuscontract: once a year the tenant shows proof of enrolment and has the grace period of
  the dated legal parameters to provide it.

Terms come from the contract (`rounds.contracts.term`); months are counted with the same
`add_months`, so a term that ends on 31 May has its last notice day on 30 April.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from magicmix.housing.models import Complex
from magicmix.legal.checks import Rulebook
from magicmix.legal.contracts import ContractType
from magicmix.legal.models import Kind
from magicmix.rounds.models import Contract
from magicmix.tenancies.models import Tenancy, add_months

# (earliest, latest) months before the end to give notice; None: no earliest day.
NOTICE_MONTHS: dict[str, tuple[int | None, int]] = {
    ContractType.TEMPORARY: (3, 1),
    ContractType.YOUTH: (None, 6),
}
HORIZON_MONTHS = 12


@dataclass(frozen=True)
class Deadline:
    contract: Contract
    due: datetime.date  # the end of the term, or the day the yearly proof is asked
    act_from: datetime.date | None
    act_by: datetime.date  # last day to give notice, or to provide the proof

    @property
    def is_proof(self) -> bool:
        return self.contract.contract_type == ContractType.CAMPUS


def notice_window(
    contract_type: str, ends_on: datetime.date
) -> tuple[datetime.date | None, datetime.date] | None:
    if contract_type not in NOTICE_MONTHS:
        return None
    earliest, latest = NOTICE_MONTHS[contract_type]
    return (add_months(ends_on, -earliest) if earliest else None), add_months(ends_on, -latest)


def next_proof(
    start: datetime.date, day: datetime.date, rules: Rulebook
) -> tuple[datetime.date, datetime.date] | None:
    """(the next yearly proof day on or after `day`, the last day to provide it)."""
    interval = rules.get(Kind.CAMPUS_PROOF_INTERVAL_MONTHS)
    grace = rules.get(Kind.CAMPUS_PROOF_GRACE_MONTHS)
    if interval is None or grace is None or interval.amount is None or grace.amount is None:
        return None
    step, years = int(interval.amount), 1
    while (proof := add_months(start, step * years)) < day:
        years += 1
    return proof, add_months(proof, int(grace.amount))


def ending(complex_: Complex, day: datetime.date) -> list[Deadline]:
    """Deadlines of the complex's running contracts from today to a year ahead, soonest first."""
    horizon = add_months(day, HORIZON_MONTHS)
    contracts = Contract.objects.filter(
        tenancy__in=Tenancy.objects.current(day).filter(unit__complex=complex_)
    ).select_related("tenancy__person", "tenancy__unit")
    rules = Rulebook.on(day)
    found = []
    for contract in contracts.filter(contract_type__in=[*NOTICE_MONTHS, ContractType.CAMPUS]):
        if contract.contract_type == ContractType.CAMPUS:
            proof = next_proof(contract.start_date, day, rules)
            if proof and proof[0] <= add_months(day, 3):
                found.append(Deadline(contract, proof[0], None, proof[1]))
            continue
        ends_on = contract.planned_end
        window = notice_window(contract.contract_type, ends_on) if ends_on else None
        # A term that passed without notice runs on (a tijdelijk contract becomes indefinite).
        if ends_on and window and day <= ends_on <= horizon:
            found.append(Deadline(contract, ends_on, window[0], window[1]))
    return sorted(found, key=lambda deadline: deadline.act_by)
