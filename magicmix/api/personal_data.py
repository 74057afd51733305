"""The one seam through which every API call that reads or changes personal data passes.

Each endpoint that returns or changes persons, role changes, tenancies, applications,
nominations, candidates' explanations or offers calls `processed` with what it touched; it
writes one entry per subject in the processing log of `magicmix.privacy`, as the pages do,
acting as the token's system account.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.http import HttpRequest

from magicmix.people.models import Person
from magicmix.privacy import log
from magicmix.privacy.models import Action, SubjectType
from magicmix.selection.models import Application

ACTIONS = {"read": Action.VIEW, "create": Action.CHANGE, "change": Action.CHANGE}


# A data subject by type and id, and its organisation where the record itself holds it.
_Found = tuple[str, int, int | None]


def _subject(row: Any) -> _Found | None:
    """The person or application a record is about (a role change, a tenancy, an offer, …),
    read from the record itself: no query."""
    if isinstance(row, Person):
        return SubjectType.PERSON, row.pk, row.organisation_id
    if isinstance(row, Application):
        return SubjectType.APPLICATION, row.pk, None
    if getattr(row, "person_id", None) is not None:
        return SubjectType.PERSON, row.person_id, None
    if getattr(row, "application_id", None) is not None:
        return SubjectType.APPLICATION, row.application_id, None
    return None


def _owners(subjects: list[_Found]) -> dict[tuple[str, int], int]:
    """The organisation that holds each subject: at most one query per subject type, whatever
    the number of records (a page of 100 candidates costs one, not three per candidate)."""
    owners = {(kind, pk): owner for kind, pk, owner in subjects if owner is not None}
    missing = [(kind, pk) for kind, pk, owner in subjects if owner is None]
    persons = {pk for kind, pk in missing if kind == SubjectType.PERSON}
    applications = {pk for kind, pk in missing if kind == SubjectType.APPLICATION}
    if persons:
        held = Person.objects.filter(pk__in=persons).values_list("pk", "organisation_id")
        owners.update(((SubjectType.PERSON, pk), owner) for pk, owner in held)
    if applications:
        applied = Application.objects.filter(pk__in=applications).values_list(
            "pk", "intake__complex__organisation_id"
        )
        owners.update(((SubjectType.APPLICATION, pk), owner) for pk, owner in applied)
    return owners


def processed(request: HttpRequest, action: str, records: Iterable[Model]) -> None:
    """Record that this call did `action` ("read", "create", "change") on `records`."""
    subjects = [s for s in map(_subject, records) if s is not None]
    owners = _owners(subjects)
    log.processed(
        request,
        [log.Subject(kind, pk, owners[kind, pk]) for kind, pk, _owner in subjects],
        ACTIONS[action],
    )


def read_page(request: HttpRequest, page: dict[str, Any]) -> dict[str, Any]:
    """A page of personal records (`pagination.listing`), logged as read."""
    processed(request, "read", page["results"])
    return page


def read_record[Record: Model](request: HttpRequest, record: Record) -> Record:
    """One personal record, logged as read."""
    processed(request, "read", [record])
    return record
