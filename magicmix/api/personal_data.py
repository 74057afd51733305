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


def _subject(row: Any) -> Person | Application | None:
    """The person or application a record is about (a role change, a tenancy, an offer, …)."""
    if isinstance(row, Person | Application):
        return row
    if hasattr(row, "person"):
        return row.person
    if hasattr(row, "application"):
        return row.application
    return None


def processed(request: HttpRequest, action: str, records: Iterable[Model]) -> None:
    """Record that this call did `action` ("read", "create", "change") on `records`."""
    subjects = []
    for row in records:
        subject = _subject(row)
        if isinstance(subject, Person):
            subjects.append(log.Subject(SubjectType.PERSON, subject.pk, subject.organisation_id))
        elif isinstance(subject, Application):
            owner = subject.intake.complex.organisation_id
            subjects.append(log.Subject(SubjectType.APPLICATION, subject.pk, owner))
    log.processed(request, subjects, ACTIONS[action])


def read_page(request: HttpRequest, page: dict[str, Any]) -> dict[str, Any]:
    """A page of personal records (`pagination.listing`), logged as read."""
    processed(request, "read", page["results"])
    return page


def read_record[Record: Model](request: HttpRequest, record: Record) -> Record:
    """One personal record, logged as read."""
    processed(request, "read", [record])
    return record
