"""The social manager's day in one complex: what happens, what waits, what is overdue.

Each part is one bounded query (a list is cut at `LIMIT` rows, with the full count beside it),
so the page costs the same number of queries whatever the size of the complex.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from magicmix.housing.models import Cluster, Complex, tenancy_runs_on
from magicmix.tenancies.models import Tenancy, add_months

from . import contract_ends
from .models import (
    Activity,
    ContributionAgreement,
    FollowUp,
    Incident,
    ResidentRole,
    SupportArrangement,
    Warning,
)
from .models.support import ENDING_SOON_MONTHS

LIMIT = 20
WEEK = datetime.timedelta(days=6)
# Warnings whose end comes within this many days are shown, and agreements due for review.
SOON = datetime.timedelta(days=30)


@dataclass(frozen=True)
class Part:
    rows: list[Any]
    count: int

    @property
    def more(self) -> int:
        return self.count - len(self.rows)


def _part(queryset: QuerySet[Any]) -> Part:
    rows = list(queryset[: LIMIT + 1])
    if len(rows) <= LIMIT:
        return Part(rows, len(rows))
    return Part(rows[:LIMIT], queryset.count())


def gangs_without_gangmaker(complex_: Complex, day: datetime.date) -> QuerySet[Cluster]:
    # The gangs that have one, as a plain list of ids: a correlated subquery per gang made
    # SQLite scan the agreements once per gang (1.7 s for the 969-unit complex).
    with_one = ContributionAgreement.objects.filter(
        tenancy_runs_on(day, "tenancy__"),
        role=ResidentRole.GANGMAKER,
        tenancy__unit__complex=complex_,
    ).values("tenancy__unit__cluster_id")
    return Cluster.objects.filter(complex=complex_, kind=Cluster.Kind.GANG).exclude(pk__in=with_one)


def incidents_to_warn(complex_: Complex) -> QuerySet[Incident]:
    """Open incidents of medium or high severity for which no warning was issued yet."""
    return (
        Incident.objects.open()
        .filter(complex=complex_, severity__gte=Incident.Severity.MEDIUM, involved__isnull=False)
        .exclude(Exists(Warning.objects.filter(incident=OuterRef("pk"))))
        .distinct()
    )


def day_of(complex_: Complex, day: datetime.date) -> dict[str, Any]:
    open_actions = FollowUp.objects.filter(done_on__isnull=True).select_related("owner")
    current = Tenancy.objects.current(day).filter(unit__complex=complex_)
    return {
        "today": _part(Activity.objects.filter(complex=complex_, day=day).with_counts()),
        "week": _part(
            Activity.objects.filter(complex=complex_)
            .between(day + datetime.timedelta(days=1), day + WEEK)
            .with_counts()
        ),
        "incidents": _part(
            Incident.objects.open()
            .filter(complex=complex_)
            .prefetch_related(Prefetch("actions", queryset=open_actions, to_attr="open_actions"))
        ),
        "to_warn": _part(incidents_to_warn(complex_)),
        "expiring": _part(
            Warning.objects.filter(
                complex=complex_, valid_until__gte=day, valid_until__lte=day + SOON
            )
            .select_related("person")
            .order_by("valid_until")
        ),
        "reviews": _part(
            ContributionAgreement.objects.filter(tenancy__in=current, review_on__lte=day + SOON)
            .select_related("tenancy__person", "tenancy__unit")
            .order_by("review_on")
        ),
        "arrangements": _part(
            SupportArrangement.objects.filter(tenancy__in=current)
            .ending_between(day, add_months(day, ENDING_SOON_MONTHS))
            .select_related("tenancy__person", "partner")
        ),
        "contracts": contract_ends.ending(complex_, day)[:LIMIT],
        "gangs": _part(gangs_without_gangmaker(complex_, day).order_by("position", "name")),
    }
