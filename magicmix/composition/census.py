"""Who lives where in a complex on a given day, read in a fixed number of queries.

Five queries whatever the size of the complex: clusters, units, the tenancies running on the
day (with person and target group joined), the role history of those persons up to the day,
and the target groups to show. `trees_on` reads many days in the same four queries (the
protected time axis compares every period, see `periods.py`), `mixes_on` many complexes (the
monitoring comparison of a whole portfolio).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.people.models import RoleChange, TargetGroup
from magicmix.tenancies.models import Tenancy

from .mix import ClusterRow, MixNode, Resident, UnitRow, roll_up


@dataclass(frozen=True)
class Census:
    day: datetime.date
    root: MixNode
    # The corporation's catalogue plus any other group living here, so that a column's
    # presence does not tell that someone of that group lives in the complex.
    groups: list[TargetGroup]


def take_census(complex_: Complex, day: datetime.date) -> Census:
    root, group_ids = _forest([complex_], [day])[complex_.pk][day]
    groups = list(
        TargetGroup.objects.filter(
            Q(organisation_id=complex_.organisation_id) | Q(id__in=group_ids)
        ).order_by("name", "id")
    )
    return Census(day=day, root=root, groups=groups)


def trees_on(complex_: Complex, days: Sequence[datetime.date]) -> dict[datetime.date, MixNode]:
    """The mix of the complex on each of `days`."""
    return {day: root for day, (root, _) in _forest([complex_], days)[complex_.pk].items()}


def mixes_on(complexes: Sequence[Complex], day: datetime.date) -> dict[int, MixNode]:
    """The mix of each complex on `day`, in the same four queries however many complexes."""
    return {pk: trees[day][0] for pk, trees in _forest(complexes, [day]).items()}


def _forest(
    complexes: Sequence[Complex], days: Sequence[datetime.date]
) -> dict[int, dict[datetime.date, tuple[MixNode, set[int]]]]:
    """complex id → day → the complex's mix tree and the target groups living there."""
    kinds = dict(Cluster.Kind.choices)
    ids = [complex_.pk for complex_ in complexes]
    clusters: dict[int, list[ClusterRow]] = {pk: [] for pk in ids}
    for complex_id, id_, parent_id, name, kind in Cluster.objects.filter(
        complex_id__in=ids
    ).values_list("complex_id", "id", "parent_id", "name", "kind"):
        clusters[complex_id].append(
            ClusterRow(id=id_, parent_id=parent_id, name=name, kind=str(kinds.get(kind, kind)))
        )
    units: dict[int, list[tuple[Any, ...]]] = {pk: [] for pk in ids}
    for complex_id, *unit in (
        Unit.objects.filter(complex_id__in=ids)
        .order_by("code")
        .values_list(
            "complex_id",
            "id",
            "code",
            "cluster_id",
            "status",
            "designation",
            "designated_dimension",
            "designated_value",
        )
    ):
        units[complex_id].append(tuple(unit))
    tenancies = list(
        Tenancy.objects.overlapping(min(days), max(days))
        .filter(unit__complex_id__in=ids)
        .order_by("start_date", "id")
        .values_list(
            "unit_id",
            "person_id",
            "person__target_group_id",
            "person__support_need",
            "person__role",
            "start_date",
            "end_date",
        )
    )
    changes = list(
        RoleChange.objects.filter(
            person_id__in={row[1] for row in tenancies}, valid_from__lte=max(days)
        )
        .order_by("person_id", "valid_from", "id")
        .values_list("person_id", "role", "valid_from")
    )
    forest: dict[int, dict[datetime.date, tuple[MixNode, set[int]]]] = {pk: {} for pk in ids}
    for day in days:
        # Each resident's role on `day`: the latest change that had started by then; a person
        # without any change by that day keeps their current role.
        roles = {person: role for person, role, start in changes if start <= day}
        residents: dict[int, list[Resident]] = {}
        living: dict[int, set[int]] = {}  # unit id → the groups living in it
        for unit_id, person_id, group_id, need, role, start, end in tenancies:
            if start <= day and (end is None or end >= day):
                residents.setdefault(unit_id, []).append(
                    Resident(group_id, roles.get(person_id, role), need)
                )
                living.setdefault(unit_id, set()).add(group_id)
        for pk in ids:
            rows = [
                UnitRow(
                    id=id_,
                    code=code,
                    cluster_id=cluster_id,
                    in_use=status == Unit.Status.IN_USE,
                    status=status,
                    residents=tuple(residents.get(id_, ())),
                    designation=designation,
                    designated_for=(dimension, value),
                )
                for id_, code, cluster_id, status, designation, dimension, value in units[pk]
            ]
            groups: set[int] = set().union(*(living.get(row.id, set()) for row in rows))
            forest[pk][day] = (roll_up(clusters[pk], rows), groups)
    return forest
