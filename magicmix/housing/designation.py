"""Om-en-om as it is practised: "a unit vacated by a statushouder goes to a statushouder".

`vacated` lists the units of a complex whose last tenancy has ended or has an end date (notice
given) and that have no designation yet, with the target group of that last tenant;
`designate_vacated` designates them for that group, hard or soft, in one transaction. Units
with a designation already keep it: a designation set by hand is never overwritten. The
tenants are read through the reverse relations of the apps above housing (decision 10).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from .models import Complex, DesignatedBy, Designation, Unit


@dataclass(frozen=True)
class Vacated:
    unit: Unit
    group_code: str
    group_name: str


def vacated(complex_: Complex) -> list[Vacated]:
    units = (
        complex_.units.filter(status=Unit.Status.IN_USE, designation=Designation.NONE)
        .prefetch_related("tenancies__person__target_group")
        .order_by("code")
    )
    found = []
    for unit in units:
        last = max(unit.tenancies.all(), key=lambda t: (t.start_date, t.pk), default=None)
        if last is not None and last.end_date is not None:
            group = last.person.target_group
            found.append(Vacated(unit, group.code, group.name))
    return found


@transaction.atomic
def designate_vacated(complex_: Complex, strength: str) -> list[Vacated]:
    """Designate every unit `vacated` lists for its last tenant's group; returns them."""
    Complex.objects.select_for_update().get(pk=complex_.pk)  # one designation pass at a time
    done = vacated(complex_)
    for item in done:
        item.unit.designation = strength
        item.unit.designated_for = (DesignatedBy.GROUP, item.group_code)
        item.unit.save(update_fields=["designation", "designated_dimension", "designated_value"])
    return done
