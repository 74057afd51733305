"""Support load over time: per partner (and complex), the arrangements running on each of the
first days of the last quarters, and their hours per week. Computed from one query's rows."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from magicmix.tenancies.models import add_months

from .models.support import ArrangementQuerySet

QUARTERS = 8


@dataclass(frozen=True)
class Load:
    residents: int
    hours: Decimal


def quarter_days(today: datetime.date, count: int = QUARTERS) -> list[datetime.date]:
    """The first days of the `count` quarters up to today's, oldest first."""
    current = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    return [add_months(current, -3 * back) for back in reversed(range(count))]


def load_over_time(
    arrangements: ArrangementQuerySet, days: list[datetime.date]
) -> dict[tuple[str, str], list[Load]]:
    """(complex, partner) → the load on each of `days`; running means started and not ended."""
    rows = arrangements.filter(start_date__lte=days[-1]).values_list(
        "tenancy__unit__complex__name", "partner__name", "start_date", "ended_on", "hours_per_week"
    )
    found: dict[tuple[str, str], list[list[Decimal]]] = defaultdict(
        lambda: [[Decimal(0), Decimal(0)] for _ in days]
    )
    for complex_name, partner_name, start, ended, hours in rows:
        for i, day in enumerate(days):
            if start <= day and (ended is None or ended >= day):
                cell = found[(complex_name, partner_name)][i]
                cell[0] += 1
                cell[1] += hours
    return {
        key: [Load(int(count), hours) for count, hours in cells]
        for key, cells in sorted(found.items())
    }
