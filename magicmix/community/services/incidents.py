"""Record an incident with the residents involved, and its follow-up actions."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction

from magicmix.housing.models import Complex
from magicmix.people.models import Person

from ..models import FollowUp, Incident

if TYPE_CHECKING:
    from magicmix.accounts.models import User


@transaction.atomic
def record_incident(
    complex_: Complex,
    *,
    occurred_on: datetime.date,
    kind: str,
    severity: int,
    description: str,
    involved: Iterable[Person],
    police_involved: bool,
    by: User | None,
) -> Incident:
    incident = Incident.objects.create(
        complex=complex_,
        occurred_on=occurred_on,
        kind=kind,
        severity=severity,
        description=description,
        police_involved=police_involved,
        recorded_by=by,
    )
    incident.involved.set(list(involved))
    return incident


def add_action(incident: Incident, what: str, owner: User, due_on: datetime.date) -> FollowUp:
    return FollowUp.objects.create(incident=incident, what=what, owner=owner, due_on=due_on)


def finish_action(action: FollowUp, on: datetime.date) -> FollowUp:
    action.done_on = on
    action.save(update_fields=["done_on"])
    return action


def close(incident: Incident, on: datetime.date) -> Incident:
    incident.closed_on = on
    incident.save(update_fields=["closed_on"])
    return incident
