"""Who lives where in a complex on a given day, read in a fixed number of queries.

Five queries whatever the size of the complex: clusters, units, the tenancies current on the
day (with person and target group joined), the role history of those persons up to the day,
and the target groups to show.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.people.models import RoleChange, TargetGroup
from magicmix.tenancies.models import Tenancy, TenancyQuerySet

from .mix import ClusterRow, MixNode, Resident, UnitRow, roll_up


@dataclass(frozen=True)
class Census:
    day: datetime.date
    root: MixNode
    # The corporation's catalogue plus any other group living here, so that a column's
    # presence does not tell that someone of that group lives in the complex.
    groups: list[TargetGroup]


def take_census(complex_: Complex, day: datetime.date) -> Census:
    kinds = dict(Cluster.Kind.choices)
    clusters = [
        ClusterRow(id=id_, parent_id=parent_id, name=name, kind=str(kinds.get(kind, kind)))
        for id_, parent_id, name, kind in Cluster.objects.filter(complex=complex_).values_list(
            "id", "parent_id", "name", "kind"
        )
    ]
    tenancies = Tenancy.objects.current(day).filter(unit__complex=complex_)
    roles = _roles_on(day, tenancies)
    residents: dict[int, list[Resident]] = {}
    group_ids = set()
    for unit_id, person_id, group_id, need, current_role in tenancies.order_by(
        "start_date", "id"
    ).values_list(
        "unit_id", "person_id", "person__target_group_id", "person__support_need", "person__role"
    ):
        role = roles.get(person_id, current_role)
        residents.setdefault(unit_id, []).append(Resident(group_id, role, need))
        group_ids.add(group_id)
    units = [
        UnitRow(
            id=id_,
            code=code,
            cluster_id=cluster_id,
            in_use=status == Unit.Status.IN_USE,
            status=status,
            residents=tuple(residents.get(id_, ())),
        )
        for id_, code, cluster_id, status in Unit.objects.filter(complex=complex_)
        .order_by("code")
        .values_list("id", "code", "cluster_id", "status")
    ]
    groups = list(
        TargetGroup.objects.filter(
            Q(organisation_id=complex_.organisation_id) | Q(id__in=group_ids)
        ).order_by("name", "id")
    )
    return Census(day=day, root=roll_up(clusters, units), groups=groups)


def _roles_on(day: datetime.date, tenancies: TenancyQuerySet) -> dict[int, str]:
    """Each resident's role on `day`: the latest change that had started by then.

    A person without any change by that day keeps their current role (the caller's default).
    """
    changes = (
        RoleChange.objects.filter(
            person_id__in=tenancies.values("person_id"),
            valid_from__lte=day,
        )
        .order_by("person_id", "valid_from", "id")
        .values_list("person_id", "role")
    )
    return dict(changes)  # later rows overwrite earlier ones: the last change wins
