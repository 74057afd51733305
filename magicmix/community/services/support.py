"""Start a support arrangement (from a contract or by hand) and record its reviews."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction

from magicmix.rounds.models import Contract

from ..models import SupportArrangement, SupportReview

if TYPE_CHECKING:
    from magicmix.accounts.models import User


def arrangement_from(contract: Contract) -> SupportArrangement | None:
    """The arrangement named in a nominated resident's contract."""
    if contract.support_organisation is None or contract.support_ends_on is None:
        return None
    return SupportArrangement.objects.create(
        tenancy=contract.tenancy,
        contract=contract,
        partner=contract.support_organisation,
        hours_per_week=contract.support_hours_per_week or 0,
        start_date=contract.start_date,
        planned_end=contract.support_ends_on,
    )


@transaction.atomic
def review(
    arrangement: SupportArrangement,
    held_on: datetime.date,
    notes: str,
    next_step: str,
    by: User | None,
) -> SupportReview:
    """A review, and the next step it decided on."""
    if arrangement.next_step != next_step:
        arrangement.next_step = next_step
        arrangement.save(update_fields=["next_step"])
    return SupportReview.objects.create(
        arrangement=arrangement, held_on=held_on, notes=notes, recorded_by=by
    )
