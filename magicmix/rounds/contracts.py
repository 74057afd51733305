"""The contract of a new tenancy: its term from the dated legal parameters, the rent of the
unit, the intake's contribution clause and, for a nominated resident, the support arrangement."""

from __future__ import annotations

import datetime

from magicmix.legal.checks import Rulebook
from magicmix.legal.contracts import ContractType
from magicmix.legal.models import Kind
from magicmix.selection.models import Application, Intake
from magicmix.tenancies.models import Tenancy, add_months

from .models import Contract, ContributionRole

# Contract types with a planned end, and the parameters that give their term and extension.
TERMS: dict[str, tuple[str, str | None]] = {
    ContractType.TEMPORARY: (Kind.TEMPORARY_MAX_MONTHS, None),
    ContractType.YOUTH: (Kind.YOUTH_TERM_MONTHS, Kind.YOUTH_EXTENSION_MONTHS),
}


def _months(rules: Rulebook, kind: str | None) -> int | None:
    record = rules.get(kind) if kind else None
    return None if record is None or record.amount is None else int(record.amount)


def term(
    contract_type: str, start: datetime.date
) -> tuple[datetime.date | None, datetime.date | None]:
    """(planned end, end of the optional extension) of a contract starting on `start`."""
    if contract_type not in TERMS:
        return None, None
    rules = Rulebook.on(start)
    term_kind, extension_kind = TERMS[contract_type]
    months, extension = _months(rules, term_kind), _months(rules, extension_kind)
    if months is None:
        return None, None
    end = add_months(start, months) - datetime.timedelta(days=1)
    return end, (add_months(end, extension) if extension else None)


def contract_for(tenancy: Tenancy, application: Application, intake: Intake) -> Contract:
    planned_end, extension = term(intake.contract_type, tenancy.start_date)
    nomination = getattr(application, "nomination", None)
    unit = tenancy.unit
    return Contract.objects.create(
        tenancy=tenancy,
        contract_type=intake.contract_type,
        start_date=tenancy.start_date,
        planned_end=planned_end,
        extension_until=extension,
        basic_rent=unit.basic_rent,
        service_costs=unit.service_costs,
        contribution_hours=intake.contribution_hours,
        contribution_role=ContributionRole.NONE if nomination else ContributionRole.NEIGHBOUR,
        support_organisation=nomination.support_organisation if nomination else None,
        support_hours_per_week=nomination.support_hours_per_week if nomination else None,
        support_ends_on=(
            add_months(tenancy.start_date, nomination.support_months) if nomination else None
        ),
    )
