"""Letting a unit: the one place where a tenancy starts or ends, safe under concurrent requests.

The unit's row is locked first (PostgreSQL: SELECT ... FOR UPDATE; SQLite: the IMMEDIATE
transaction already holds the database's write lock), so two requests letting the same unit
run one after the other and the second sees the first one's tenancy.

A unit can also be held for someone by an app above this one (`availability.HOLDS`): an open
offer (`rounds`) is a promise to a candidate with a deadline, so letting the unit to another
person directly is refused until the offer is answered, withdrawn or expired, rather than
breaking the promise behind the candidate's back. The check runs under the unit's lock.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import User
from magicmix.housing.models import Complex, Unit
from magicmix.people.models import Person

from .availability import HOLDS
from .models import Tenancy


class UnitOccupied(ValidationError):
    pass


class UnitHeld(ValidationError):
    pass


def _check_period(
    unit: Unit, start: datetime.date, end: datetime.date | None, exclude: Tenancy | None = None
) -> None:
    if end is not None and end < start:
        raise ValidationError(_("A tenancy cannot end before it starts."), code="ends_before_start")
    Unit.objects.select_for_update().get(pk=unit.pk)
    others = Tenancy.objects.filter(unit_id=unit.pk).overlapping(start, end)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        raise UnitOccupied(_("This unit is already let in (part of) this period."), code="occupied")


def lettable_units(user: User, person: Person) -> QuerySet[Unit]:
    """The units in use that `user` may let to `person`: in the complexes the user lets, of
    the corporation that registered the person."""
    return Unit.objects.filter(
        complex__in=Complex.objects.editable_by(user).filter(organisation=person.organisation),
        status=Unit.Status.IN_USE,
    )


@transaction.atomic
def start_tenancy(
    unit: Unit,
    person: Person,
    start: datetime.date,
    end: datetime.date | None = None,
    *,
    holder: bool = False,
) -> Tenancy:
    """Let `unit` to `person`; refuses when another tenancy of the unit overlaps the period or
    the unit is held for someone else. `holder`: the caller is what holds it (the offer that
    is being accepted)."""
    _check_period(unit, start, end)
    for hold in [] if holder else HOLDS:
        if (reason := hold.reason(unit)) is not None:
            raise UnitHeld(reason, code="held")
    return Tenancy.objects.create(unit=unit, person=person, start_date=start, end_date=end)


@transaction.atomic
def end_tenancy(tenancy: Tenancy, end: datetime.date) -> Tenancy:
    """Give `tenancy` an end date (or move it); refuses an overlap with the unit's next tenancy."""
    _check_period(tenancy.unit, tenancy.start_date, end, exclude=tenancy)
    tenancy.end_date = end
    tenancy.save(update_fields=["end_date"])
    return tenancy
