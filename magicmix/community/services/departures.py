"""End a tenancy with its reason and where the resident went, in one step."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from magicmix.tenancies.models import Tenancy
from magicmix.tenancies.services import end_tenancy

from ..models import Departure

if TYPE_CHECKING:
    from magicmix.accounts.models import User


@transaction.atomic
def record_departure(
    tenancy: Tenancy,
    *,
    end_date: datetime.date,
    reason: str,
    destination: str,
    notice_on: datetime.date,
    housed_on: datetime.date | None,
    by: User | None,
) -> Departure:
    """Give the tenancy its end date (through `tenancies`) and keep why and where to."""
    if notice_on > end_date:
        raise ValidationError({"notice_on": _("The end notice cannot come after the end date.")})
    if housed_on is not None and housed_on < notice_on:
        raise ValidationError(
            {"housed_on": _("Onward housing cannot start before the end notice.")}
        )
    end_tenancy(tenancy, end_date)
    departure, _created = Departure.objects.update_or_create(
        tenancy=tenancy,
        defaults={
            "reason": reason,
            "destination": destination,
            "notice_on": notice_on,
            "housed_on": housed_on,
            "recorded_by": by,
        },
    )
    return departure
