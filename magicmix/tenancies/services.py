"""Letting a unit: the one place where a tenancy starts, safe under concurrent requests."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from magicmix.housing.models import Unit
from magicmix.people.models import Person

from .models import Tenancy


class UnitOccupied(ValidationError):
    pass


@transaction.atomic
def start_tenancy(
    unit: Unit, person: Person, start: datetime.date, end: datetime.date | None = None
) -> Tenancy:
    """Let `unit` to `person`; refuses when another tenancy of the unit overlaps the period."""
    Unit.objects.select_for_update().get(pk=unit.pk)
    if unit.tenancies.overlapping(start, end).exists():
        raise UnitOccupied(_("This unit is already let in (part of) this period."), code="occupied")
    return Tenancy.objects.create(unit=unit, person=person, start_date=start, end_date=end)
