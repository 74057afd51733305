"""One life for a unit: on a given day it is free, reserved, let or occupied.

- *occupied*: a tenancy runs on the day;
- *let*: a tenancy starts after the day (a new tenant is coming);
- *reserved*: an offer waits for an answer (an approved proposal is its offers);
- *free*: none of these, and no tenancy from the day on, so a new open-ended tenancy fits.

A round may only offer free units (`tenancies.availability.free_on`, the rule direct letting
uses too); `conflicts` says what changed since a proposal was computed,
so approving re-checks it under the complex's lock and refuses a stale proposal by name.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from magicmix.housing.models import Unit
from magicmix.selection.models import Application
from magicmix.tenancies.availability import Hold, free_on
from magicmix.tenancies.models import Tenancy

from .models import CANDIDATE_STAGES, Offer, Run


class UnitState(models.TextChoices):
    FREE = "free", _("free")
    RESERVED = "reserved", _("reserved by an open offer")
    LET = "let", _("let to a new tenant")
    OCCUPIED = "occupied", _("occupied")


def _open_offer() -> Exists:
    return Exists(Offer.objects.filter(unit=OuterRef("pk"), status=Offer.Status.PENDING))


def states(units: Iterable[Unit], day: datetime.date) -> dict[int, UnitState]:
    """Each unit's state on `day`, in three queries whatever the number of units."""
    ids = [unit.pk for unit in units]
    reserved = set(
        Offer.objects.filter(unit_id__in=ids, status=Offer.Status.PENDING).values_list(
            "unit_id", flat=True
        )
    )
    later = Tenancy.objects.filter(unit_id__in=ids).overlapping(day, None)
    occupied = set(later.current(day).values_list("unit_id", flat=True))
    let = set(later.values_list("unit_id", flat=True)) - occupied
    result = {}
    for pk in ids:
        if pk in occupied:
            result[pk] = UnitState.OCCUPIED
        elif pk in let:
            result[pk] = UnitState.LET
        elif pk in reserved:
            result[pk] = UnitState.RESERVED
        else:
            result[pk] = UnitState.FREE
    return result


def held_by_offer(unit: Unit) -> str | None:
    """Why a direct letting of `unit` is refused: its open offer (`tenancies.services.HOLDS`)."""
    offer = (
        Offer.objects.filter(unit=unit, status=Offer.Status.PENDING).select_related("round").first()
    )
    if offer is None:
        return None
    return gettext(
        "Unit %(unit)s is offered to a candidate in round “%(round)s” until %(deadline)s. "
        "Let it once the offer is declined or has expired, or choose another unit."
    ) % {
        "unit": unit.code,
        "round": offer.round.title,
        "deadline": date_format(offer.deadline, "j F Y"),
    }


OFFER_HOLD = Hold(units=_open_offer, reason=held_by_offer)


def reserved_in(complex_id: int) -> dict[int, Application]:
    """Unit id → the candidate of the open offer on it, over every round of the complex: the
    policy counts these units as taken by their candidate."""
    pending = Offer.objects.filter(
        unit__complex_id=complex_id, status=Offer.Status.PENDING
    ).select_related("application__target_group", "application__nomination")
    return {offer.unit_id: offer.application for offer in pending}


@dataclass(frozen=True)
class Conflicts:
    """What stands in the way of a proposal's offers: units no longer free and candidates no
    longer available (offered or housed elsewhere, withdrawn, not selected)."""

    units: list[str]
    candidates: list[str]

    def __bool__(self) -> bool:
        return bool(self.units or self.candidates)


def conflicts(run: Run, day: datetime.date) -> Conflicts:
    proposed = list(run.outcomes.filter(unit__isnull=False).select_related("unit", "application"))
    unit_ids = [o.unit_id for o in proposed if o.unit_id is not None]
    free = set(free_on(Unit.objects.filter(pk__in=unit_ids), day).values_list("pk", flat=True))
    elsewhere = set(
        Offer.objects.filter(
            application__in=[o.application_id for o in proposed],
            status__in=[Offer.Status.PENDING, Offer.Status.ACCEPTED],
        ).values_list("application_id", flat=True)
    )
    return Conflicts(
        units=sorted(o.unit.code for o in proposed if o.unit is not None and o.unit_id not in free),
        candidates=sorted(
            o.application.full_name
            for o in proposed
            if o.application.stage not in CANDIDATE_STAGES or o.application_id in elsewhere
        ),
    )
