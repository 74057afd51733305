"""Who lived in a complex when: the tenancies of the indicator's periods, read once."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from magicmix.tenancies.models import Tenancy

from . import Context
from .periods import Period


@dataclass(frozen=True)
class Stay:
    tenancy_id: int
    person_id: int
    group_code: str
    start: datetime.date
    end: datetime.date | None

    def runs_on(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def stays(context: Context, periods: list[Period]) -> list[Stay]:
    """Tenancies in the complex touching the periods, of the persons in the context's scope."""
    found = Tenancy.objects.filter(unit__complex=context.complex).overlapping(
        periods[0].start, periods[-1].end
    )
    if context.persons is not None:
        found = found.filter(person__in=context.persons)
    rows = found.values_list(
        "pk", "person_id", "person__target_group__code", "start_date", "end_date"
    )
    return [Stay(*row) for row in rows]


def living_on(found: list[Stay], day: datetime.date) -> set[int]:
    """The persons whose tenancy runs on `day`."""
    return {stay.person_id for stay in found if stay.runs_on(day)}
