"""Start and change a contribution agreement; residents log their hours against it."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction

from magicmix.rounds.models import Contract, ContributionRole
from magicmix.tenancies.models import Tenancy, add_months

from ..models import ContributionAgreement, LoggedHours, ResidentRole

if TYPE_CHECKING:
    from magicmix.accounts.models import User

# An agreement is looked at again a year after it starts, and after every review.
REVIEW_MONTHS = 12
# The contract's clause names a good neighbour without a role of their own.
_ROLE_OF_CLAUSE = {
    ContributionRole.GANGMAKER: ResidentRole.GANGMAKER,
    ContributionRole.BUDDY: ResidentRole.BUDDY,
    ContributionRole.COMMUNITY_BUILDER: ResidentRole.COMMUNITY_BUILDER,
}


def agreement_from(contract: Contract) -> ContributionAgreement | None:
    """The agreement the contract's contribution clause starts, if it asks for anything."""
    role = _ROLE_OF_CLAUSE.get(ContributionRole(contract.contribution_role), ResidentRole.NONE)
    if not contract.contribution_hours and role == ResidentRole.NONE:
        return None
    return start_agreement(contract.tenancy, contract.contribution_hours, role, contract=contract)


def start_agreement(
    tenancy: Tenancy,
    hours_per_month: int,
    role: str = ResidentRole.NONE,
    contract: Contract | None = None,
) -> ContributionAgreement:
    return ContributionAgreement.objects.create(
        tenancy=tenancy,
        contract=contract,
        hours_per_month=hours_per_month,
        role=role,
        start_date=tenancy.start_date,
        review_on=add_months(tenancy.start_date, REVIEW_MONTHS),
    )


def reviewed(agreement: ContributionAgreement, on: datetime.date) -> ContributionAgreement:
    """Mark a review held on `on`: the next one is due a year later."""
    agreement.review_on = add_months(on, REVIEW_MONTHS)
    agreement.save()
    return agreement


@transaction.atomic
def log_hours(
    agreement: ContributionAgreement, day: datetime.date, hours: Decimal, what: str, by: User | None
) -> LoggedHours:
    return LoggedHours.objects.create(
        agreement=agreement, day=day, hours=hours, what=what, logged_by=by
    )
