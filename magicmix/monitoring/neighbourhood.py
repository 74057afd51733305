"""What the neighbourhood sees of a complex over the last twelve months, for the council report
and the fact sheet: neighbour complaints and their handling time, activities open to the
neighbourhood and the neighbours who came. Three queries for any number of complexes.

Counts below 5 are shown as "<5" (zero included); a median handling time only when 5 or more
complaints were handled. The number of handled (or open) complaints is not shown beside the
total, so that a small number of open complaints cannot be worked out from the two.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Sum

from magicmix.community.models import Activity, Incident
from magicmix.composition.disclosure import THRESHOLD
from magicmix.housing.models import Complex

YEAR = datetime.timedelta(days=365)


def protected_count(n: int) -> str:
    return "<5" if n < THRESHOLD else str(n)


@dataclass(frozen=True)
class Neighbourhood:
    complaints: int
    handling_days: list[int]  # of the complaints handled
    open_activities: int
    neighbours_came: int

    @property
    def complaints_text(self) -> str:
        return protected_count(self.complaints)

    @property
    def median_days(self) -> float | None:
        if len(self.handling_days) < THRESHOLD:
            return None
        return statistics.median(self.handling_days)

    @property
    def activities_text(self) -> str:
        return protected_count(self.open_activities)

    @property
    def neighbours_text(self) -> str:
        return protected_count(self.neighbours_came)


def neighbourhood(complexes: list[Complex], today: datetime.date) -> dict[int, Neighbourhood]:
    since = today - YEAR
    complaints = Incident.objects.filter(
        complex__in=complexes,
        kind=Incident.Kind.NEIGHBOUR_COMPLAINT,
        occurred_on__gt=since,
        occurred_on__lte=today,
    ).values_list("complex_id", "occurred_on", "closed_on")
    counted: dict[int, int] = defaultdict(int)
    days: dict[int, list[int]] = defaultdict(list)
    for complex_id, received, closed in complaints:
        counted[complex_id] += 1
        if closed is not None:
            days[complex_id].append((closed - received).days)
    activities = {
        complex_id: (n, came or 0)
        for complex_id, n, came in Activity.objects.filter(
            complex__in=complexes, open_to_neighbourhood=True, day__gt=since, day__lte=today
        )
        .values_list("complex_id")
        .annotate(n=Count("pk"), came=Sum("neighbours_came"))
        .order_by()
    }
    return {
        c.pk: Neighbourhood(counted[c.pk], days[c.pk], *activities.get(c.pk, (0, 0)))
        for c in complexes
    }
