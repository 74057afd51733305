"""What tenancies keeps about a person, and the retention of the persons whose tenancies ended.

A tenancy stays when its person is erased: it counts in the occupancy and mix of past months.
Its change history goes. A person whose last tenancy ended longer ago than the retention period
is anonymised as a whole (every app's part, through the privacy registry).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from magicmix.people.models import Person
from magicmix.people.retention import ANONYMOUS
from magicmix.privacy import registry
from magicmix.privacy.models import SubjectType

from .models import Tenancy


def export(pk: int) -> list[dict[str, Any]]:
    tenancies = Tenancy.objects.filter(person_id=pk).select_related("unit", "person")
    return [
        *(registry.record(t) for t in tenancies),
        *registry.history_records(Tenancy, person_id=pk),
    ]


def erase(pk: int) -> None:
    registry.delete_history(Tenancy, person_id=pk)


def consequences(pk: int) -> list[str]:
    count = Tenancy.objects.filter(person_id=pk).count()
    if not count:
        return []
    return [
        gettext(
            "%(count)s tenancies stay, without a name, for the occupancy and mix of past "
            "months; their change history is deleted."
        )
        % {"count": count}
    ]


def blocks(pk: int) -> list[str]:
    today = timezone.localdate()
    running = Tenancy.objects.filter(person_id=pk).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )
    if running.exists():
        return [
            gettext(
                "This person has a running or future tenancy. End the tenancy first; until "
                "then, correct wrong data through the person's edit form instead."
            )
        ]
    return []


def ended_tenancies(organisation_id: int, cutoff: datetime.date) -> QuerySet[Person]:
    """Persons with tenancies, all of them ended before the cut-off, not yet anonymised."""
    later = Tenancy.objects.filter(Q(end_date__isnull=True) | Q(end_date__gte=cutoff))
    return (
        Person.objects.filter(organisation_id=organisation_id, tenancies__isnull=False)
        .exclude(pk__in=later.values("person_id"))
        .exclude(last_name=ANONYMOUS)
        .distinct()
    )


registry.holding(
    registry.Holding(
        subject_type=SubjectType.PERSON,
        title=_("Tenancies"),
        export=export,
        erase=erase,
        consequences=consequences,
        blocks=blocks,
    )
)
registry.category(
    registry.Category(
        code="ended_tenancies",
        label=_("Residents whose tenancy ended"),
        starts=_("after the last tenancy ended"),
        default_months=24,
        anonymises=True,
        expired=ended_tenancies,
        subject_type=SubjectType.PERSON,
        subject_path="pk",
    )
)
