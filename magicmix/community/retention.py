"""What community keeps about a resident, and how long incidents and warnings stay (the
privacy registry).

Erasing a resident keeps what the complex's figures count (agreements and hours, attendance,
support arrangements, the departure and its destination) against the anonymised person, and
removes what was written about them: warning letters and reasons, notes, what they logged, their
place among those involved in incidents, their personal link, and the change history.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from magicmix.privacy import registry
from magicmix.privacy.models import SubjectType

from .models import (
    Attendance,
    ContributionAgreement,
    Departure,
    Incident,
    LoggedHours,
    ResidentLink,
    SupportArrangement,
    SupportReview,
    Warning,
)


def export(pk: int) -> list[dict[str, Any]]:
    by_tenancy = {"tenancy__person_id": pk}
    rows: list[Any] = [
        *Incident.objects.filter(involved=pk),
        *Warning.objects.filter(person_id=pk),
        *Attendance.objects.filter(person_id=pk),
        *ContributionAgreement.objects.filter(**by_tenancy),
        *LoggedHours.objects.filter(agreement__tenancy__person_id=pk),
        *SupportArrangement.objects.filter(**by_tenancy),
        *SupportReview.objects.filter(arrangement__tenancy__person_id=pk),
        *Departure.objects.filter(**by_tenancy),
    ]
    return [
        *({"model": str(row._meta.verbose_name), **registry.record(row)} for row in rows),
        *registry.history_records(Warning, person_id=pk),
        *registry.history_records(ContributionAgreement, **by_tenancy),
        *registry.history_records(SupportArrangement, **by_tenancy),
        *registry.history_records(Departure, **by_tenancy),
    ]


def erase(pk: int) -> None:
    by_tenancy = {"tenancy__person_id": pk}
    Warning.objects.filter(person_id=pk).update(reason="", letter="")
    ContributionAgreement.objects.filter(**by_tenancy).update(notes="")
    LoggedHours.objects.filter(agreement__tenancy__person_id=pk).update(what="")
    SupportReview.objects.filter(arrangement__tenancy__person_id=pk).update(notes="")
    Incident.involved.through.objects.filter(person_id=pk).delete()
    ResidentLink.objects.filter(person_id=pk).delete()
    registry.delete_history(Warning, person_id=pk)
    for model in (ContributionAgreement, SupportArrangement, Departure):
        registry.delete_history(model, **by_tenancy)


def consequences(pk: int) -> list[str]:
    return [
        gettext(
            "Warning letters and reasons, notes, logged activities and the personal link are "
            "removed and the person is taken off the incidents they were involved in; "
            "agreements, hours, attendance, support and the departure stay without a name."
        )
    ]


def closed_incidents(organisation_id: int, cutoff: datetime.date) -> QuerySet[Incident]:
    return Incident.objects.filter(complex__organisation_id=organisation_id, closed_on__lt=cutoff)


def delete_incidents(rows: QuerySet[Incident]) -> None:
    ids = list(rows.values_list("pk", flat=True))
    # A warning that stays (until its own period ends) loses the link to the incident.
    Warning.objects.filter(incident_id__in=ids).update(incident=None)
    Incident.objects.filter(pk__in=ids).delete()
    registry.delete_history(Incident, id__in=ids)


def expired_warnings(organisation_id: int, cutoff: datetime.date) -> QuerySet[Warning]:
    return Warning.objects.filter(complex__organisation_id=organisation_id, valid_until__lt=cutoff)


def delete_warnings(rows: QuerySet[Warning]) -> None:
    ids = list(rows.values_list("pk", flat=True))
    Warning.objects.filter(pk__in=ids).delete()
    registry.delete_history(Warning, id__in=ids)


registry.holding(
    registry.Holding(
        subject_type=SubjectType.PERSON,
        title=_("Living together: incidents, warnings, agreements, support, departure"),
        export=export,
        erase=erase,
        consequences=consequences,
    )
)
registry.category(
    registry.Category(
        code="incidents",
        label=_("Incidents"),
        starts=_("after the incident was closed"),
        default_months=24,
        anonymises=False,
        expired=closed_incidents,
        subject_type=SubjectType.PERSON,
        subject_path="involved",
        apply=delete_incidents,
    )
)
registry.category(
    registry.Category(
        code="warnings",
        label=_("Warnings"),
        starts=_("after the warning stopped counting"),
        default_months=24,
        anonymises=False,
        expired=expired_warnings,
        subject_type=SubjectType.PERSON,
        subject_path="person_id",
        apply=delete_warnings,
    )
)
