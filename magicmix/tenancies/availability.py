"""Which units a new tenancy fits: the one "free unit" rule for direct letting and rounds.

A unit is free from a day when it is in use, no tenancy of it runs on or after that day, and
no app above holds it for someone. An open offer (`rounds`) is such a hold: a promise to a
candidate with a deadline. Those apps register a `Hold` in `HOLDS` when they start (decision
10: tenancies never imports them), with the query that finds the units they hold and the
reason a single unit is held, which `services.start_tenancy` checks under the unit's lock.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from magicmix.housing.models import Unit

from .models import Tenancy


@dataclass(frozen=True)
class Hold:
    # An Exists over the unit (OuterRef("pk")): true for the units held.
    units: Callable[[], Exists]
    # Why this unit is held, in words for the user, or None.
    reason: Callable[[Unit], str | None]


HOLDS: list[Hold] = []


def free_on(units: QuerySet[Unit], day: datetime.date) -> QuerySet[Unit]:
    """The units in use with no tenancy running on or after `day` and held by nobody."""
    later = Tenancy.objects.filter(unit=OuterRef("pk")).overlapping(day, None)
    free = units.filter(status=Unit.Status.IN_USE).exclude(Exists(later))
    for hold in HOLDS:
        free = free.exclude(hold.units())
    return free
