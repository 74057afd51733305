"""The plan beside what magicmix records, and a re-forecast of the remaining years from it.

Per calendar year of the case that has begun: occupancy is the share of the complex's units in
use that had a tenancy, averaged over the first day of each month that has passed; turnover is
the number of tenancies that ended in the year per unit. Units count by their current status
(magicmix keeps no history of a unit's status); years before the first recorded tenancy are
not measured. Year t of a case is calendar year start_year + t.

The re-forecast puts the measured occupancy of the full years passed into the case, and
replaces the planned turnover and rent loss of the years to come by what was measured: the
mean turnover, and the vacancy left over once turnover explains its part.
"""

from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from magicmix.housing.models import Complex, Unit
from magicmix.tenancies.models import Tenancy

from .model import Case


@dataclass(frozen=True)
class YearActual:
    year: int  # of the case
    calendar_year: int
    complete: bool  # the whole calendar year has passed
    planned_occupancy: float
    occupancy: float | None
    planned_turnover: float
    turnover: float | None


def planned_turnover(case: Case) -> float:
    units = case.units or 1
    return (
        sum(t.count * r.share * r.turnover_rate for t in case.unit_types for r in t.rents) / units
    )


def planned_occupancy(case: Case, year: int) -> float:
    """1 − the vacancy share the case expects in `year`, over all its units."""
    measured = {o.year: o.occupancy for o in case.vacancy.observed}
    if year in measured:
        return measured[year]
    vacancy = case.vacancy
    months = sum(r.vacant_months for r in case.relocations if r.year == year)
    months += vacancy.initial_months if year == 1 else 0.0
    empty = vacancy.loss_rate + (planned_turnover(case) * vacancy.months_per_turnover + months) / 12
    return max(0.0, 1 - empty)


def _months(year: int, today: datetime.date) -> list[datetime.date]:
    return [datetime.date(year, m, 1) for m in range(1, 13) if datetime.date(year, m, 1) <= today]


def actuals(complex_: Complex, case: Case, today: datetime.date | None = None) -> list[YearActual]:
    today = today or timezone.localdate()
    units = set(
        Unit.objects.filter(complex=complex_, status=Unit.Status.IN_USE).values_list(
            "pk", flat=True
        )
    )
    periods = list(
        Tenancy.objects.filter(unit__complex=complex_).values_list(
            "unit_id", "start_date", "end_date"
        )
    )
    # Before the first tenancy magicmix records, it knows nothing: those years stay unmeasured.
    first = min((start.year for _u, start, _e in periods), default=None)
    rows = []
    for t in range(1, case.years + 1):
        calendar = case.start_year + t
        days = _months(calendar, today)
        occupancy = turnover = None
        if days and units and first is not None and calendar >= first:
            let = [
                len(
                    {
                        u
                        for u, start, end in periods
                        if u in units and start <= d and (end is None or end >= d)
                    }
                )
                for d in days
            ]
            occupancy = sum(let) / len(days) / len(units)
            ended = sum(1 for u, _s, end in periods if u in units and end and end.year == calendar)
            turnover = ended / len(units)
        rows.append(
            YearActual(
                t,
                calendar,
                datetime.date(calendar, 12, 31) < today,
                planned_occupancy(case, t),
                occupancy,
                planned_turnover(case),
                turnover,
            )
        )
    return rows


def reforecast(document: dict[str, Any], rows: list[YearActual]) -> dict[str, Any] | None:
    """The case with the full years measured and the years to come re-estimated; None when no
    full year has passed yet."""
    full = [r for r in rows if r.complete and r.occupancy is not None and r.turnover is not None]
    if not full:
        return None
    data = copy.deepcopy(document)
    vacancy = data.setdefault("vacancy", {})
    vacancy["observed"] = [{"year": r.year, "occupancy": round(r.occupancy or 0, 6)} for r in full]
    turnover = sum(r.turnover or 0 for r in full) / len(full)
    empty = 1 - sum(r.occupancy or 0 for r in full) / len(full)
    explained = turnover * float(vacancy.get("months_per_turnover", 1.0)) / 12
    vacancy["loss_rate"] = round(min(1.0, max(0.0, empty - explained)), 6)
    for unit_type in data["unit_types"]:
        for line in unit_type["rents"]:
            line["turnover_rate"] = round(min(1.0, turnover), 6)
    data["sources"] = {
        p: s
        for p, s in data.get("sources", {}).items()
        if not (p.startswith("vacancy.") or p.endswith(".turnover_rate"))
    }
    measured = {
        "as_of": timezone.localdate().isoformat(),
        "source": _("magicmix: measured from the tenancies and units of the complex"),
    }
    data["sources"]["vacancy.loss_rate"] = measured
    return data
