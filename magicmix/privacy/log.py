"""Writing the processing log from a view: one call per read, export or change.

    log.person(request, person.pk, person.organisation_id, Action.VIEW)
    log.processed(request, [log.Subject(SubjectType.PERSON, pk, organisation_id), …], action)

The processing activity follows from the user's role in the subject's organisation (letting →
allocation, social manager → social management, caseworker → support, application manager →
administration); applications are selection. A W3C `traceparent` header (set by a proxy or
tracing system) gives the trace id, so that the entry joins the caller's trace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from django.http import HttpRequest

from magicmix.accounts.models import Membership, Role, User
from magicmix.web.auth import user_of
from magicmix.web.exports import Cell

from .models import ACTIVITY_IDS, Action, Activity, Processing, SubjectType, new_trace_id

_BY_ROLE: dict[str, Activity] = {
    Role.LETTING: Activity.ALLOCATION,
    Role.SOCIAL_MANAGER: Activity.SOCIAL_MANAGEMENT,
    Role.PARTNER_CASEWORKER: Activity.SUPPORT,
    Role.APPLICATION_MANAGER: Activity.ADMINISTRATION,
}
# An application is always processed for selection, whoever opens it.
_BY_TYPE: dict[str, Activity] = {SubjectType.APPLICATION: Activity.SELECTION}
_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")


def _trace_id(request: HttpRequest) -> str:
    found = _TRACEPARENT.match(request.headers.get("traceparent", ""))
    return found.group(1) if found else new_trace_id()


class Subject(NamedTuple):
    """A data subject one processing touched, and the organisation that holds it."""

    type: str  # a SubjectType value
    id: int
    organisation_id: int


def processed(request: HttpRequest, subjects: Iterable[Subject], action: str) -> list[Processing]:
    """One entry per subject, written at once: a list, an export or an import of many persons
    costs two queries, not two per person. The entries share the request's trace."""
    touched = list(subjects)
    if not touched:
        return []
    user = user_of(request)
    memberships = list(Membership.objects.filter(user=user).order_by("pk"))
    trace_id = _trace_id(request)
    match = request.resolver_match
    operation = (match.view_name if match else request.path)[:100]
    rows = []
    for subject in touched:
        # On whose behalf the user processes: the subject's organisation if the user works
        # there (staff), else the user's own (a partner's caseworker).
        membership = next(
            (m for m in memberships if m.organisation_id == subject.organisation_id),
            memberships[0],
        )
        activity = _BY_TYPE.get(subject.type) or _BY_ROLE.get(membership.role, Activity.SUPPORT)
        rows.append(
            Processing(
                user=user,
                organisation_id=membership.organisation_id,
                subject_type=subject.type,
                subject_id=subject.id,
                action=action,
                activity=activity,
                activity_id=ACTIVITY_IDS[activity],
                trace_id=trace_id,
                operation=operation,
            )
        )
    return Processing.objects.bulk_create(rows)


def person(
    request: HttpRequest, person_id: int, organisation_id: int, action: str = Action.VIEW
) -> Processing:
    return persons(request, [person_id], organisation_id, action)[0]


def persons(
    request: HttpRequest, person_ids: Iterable[int], organisation_id: int, action: str
) -> list[Processing]:
    """Persons of one organisation in a list, an export or an import, logged at once."""
    subjects = (Subject(SubjectType.PERSON, pk, organisation_id) for pk in person_ids)
    return processed(request, subjects, action)


def application(
    request: HttpRequest, application_id: int, organisation_id: int, action: str = Action.VIEW
) -> Processing:
    return applications(request, [application_id], organisation_id, action)[0]


def applications(
    request: HttpRequest, application_ids: Iterable[int], organisation_id: int, action: str
) -> list[Processing]:
    """Applications to one organisation's intake in an export or an import, logged at once."""
    subjects = (Subject(SubjectType.APPLICATION, pk, organisation_id) for pk in application_ids)
    return processed(request, subjects, action)


HEADER: list[Cell] = ["tijdstip", "gebruiker", "organisatie", "handeling", "verwerking", "verwerkings-id",
          "trace-id", "span-id", "betrokkene", "onderdeel"]  # fmt: skip


def rows_of(subject_type: str, subject_id: int) -> list[list[Cell]]:
    """The log of one data subject as rows for a spreadsheet (magicmix.web.exports)."""
    entries = Processing.objects.filter(
        subject_type=subject_type, subject_id=subject_id
    ).select_related("user", "organisation")
    return [
        [
            entry.at.isoformat(timespec="seconds"),
            entry.user.email if entry.user else "bewaartermijnen",
            entry.organisation.name,
            entry.get_action_display(),
            entry.get_activity_display(),
            entry.activity_id,
            entry.trace_id,
            entry.span_id,
            f"{entry.subject_type}:{entry.subject_id}",
            entry.operation,
        ]
        for entry in entries
    ]


def entries(
    subject_type: str,
    subject_ids: Iterable[int],
    organisation_id: int,
    action: str,
    operation: str,
    user: User | None = None,
) -> None:
    """One entry per subject for an erasure, anonymisation or export of the privacy app, by
    the retention job (no user) or a user; one trace for the whole batch."""
    trace = new_trace_id()
    Processing.objects.bulk_create(
        Processing(
            user=user,
            organisation_id=organisation_id,
            subject_type=subject_type,
            subject_id=subject_id,
            action=action,
            activity=Activity.ADMINISTRATION,
            activity_id=ACTIVITY_IDS[Activity.ADMINISTRATION],
            trace_id=trace,
            operation=operation[:100],
        )
        for subject_id in sorted(set(subject_ids))
    )
