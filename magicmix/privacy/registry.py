"""What each app keeps about people, and for how long: the protocol between privacy and the apps.

privacy sits low (people and selection write its log, decision 10), so it may not know the
models of the apps above it. Each app that keeps personal data contributes a small
`retention.py` that registers, for its own rows only:

- a `Subject`: a kind of data subject (a person, an applicant) and the rows an application
  manager may export or erase (the app's own access rule);
- a `Holding`: what the app keeps about one subject — its export, its erasure (anonymise what
  aggregate figures need, delete the rest) and what blocks erasure;
- a `Category`: a retention rule — which of its rows have expired for an organisation on a
  cut-off date, and what happens to them.

`PrivacyConfig.ready` imports every installed app's `retention` module, as Django's admin does
with `admin.py`; privacy itself names none of them (decision 16).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import User


@dataclass(frozen=True)
class Subject:
    type: str  # a SubjectType value
    # The subject's rows this user may export, rectify and erase (application managers).
    managed_by: Callable[[User], QuerySet[Any]]
    organisation_of: Callable[[Any], int]
    edit_url: Callable[[Any], str]  # rectification: the app's own edit form
    page_url: Callable[[Any], str]


@dataclass(frozen=True)
class Holding:
    subject_type: str
    title: Promise
    # Everything kept about one subject, as sections of records {label: value}.
    export: Callable[[int], list[dict[str, Any]]]
    # Anonymise and delete this app's rows about the subject; returns what it did, in words.
    erase: Callable[[int], None]
    # What erasing the subject would do here, shown before anything happens.
    consequences: Callable[[int], list[str]] = lambda pk: []
    # Reasons the subject may not be erased now, each saying what to do instead.
    blocks: Callable[[int], list[str]] = lambda pk: []
    # Other subjects erased with this one, for the log (a resident's application).
    includes: Callable[[int], list[tuple[str, int]]] = lambda pk: []


@dataclass(frozen=True)
class Category:
    code: str
    label: Promise
    starts: Promise  # when the clock starts, e.g. "after the application was withdrawn"
    default_months: int
    anonymises: bool  # False: erased
    # The expired rows of one organisation on a cut-off date (the rows' own model).
    expired: Callable[[int, datetime.date], QuerySet[Any]]
    subject_type: str
    subject_path: str  # from a row to its data subject's id, for the processing log
    # What happens to the expired rows; None: the rows are subjects, each erased whole (every
    # app's part, as on request), except one that something blocks.
    apply: Callable[[QuerySet[Any]], object] | None = None
    # From a row to its data subject's type, where the rows are about several kinds (the
    # processing log); else every row's subject is of `subject_type`.
    subject_type_path: str = ""
    # The expired rows whose data subjects the job logs; None: all of them.
    logged: Callable[[QuerySet[Any]], QuerySet[Any]] | None = None


# Fields of no use to the person: link hashes and simple-history's own bookkeeping.
_LEFT_OUT = {"token_hash", "history_id", "history_change_reason", "history_user", "name_key"}
_LABELS = {"history_date": _("changed at"), "history_type": _("kind of change")}

SUBJECTS: dict[str, Subject] = {}
HOLDINGS: list[Holding] = []
CATEGORIES: dict[str, Category] = {}


def subject(entry: Subject) -> None:
    SUBJECTS[entry.type] = entry


def holding(entry: Holding) -> None:
    HOLDINGS.append(entry)


def category(entry: Category) -> None:
    CATEGORIES[entry.code] = entry


def holdings_of(subject_type: str) -> list[Holding]:
    return [entry for entry in HOLDINGS if entry.subject_type == subject_type]


def record(obj: Model, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """A row as {field label: value}: choices by their label, a related row by its name."""
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude or field.name in _LEFT_OUT:
            continue
        if field.choices:
            value: Any = getattr(obj, f"get_{field.name}_display")()
        elif field.is_relation:
            try:
                related = getattr(obj, field.name)
            except ObjectDoesNotExist:  # a history row can point at a row erased since
                related = None
            value = None if related is None else str(related)
        else:
            value = getattr(obj, field.attname)
        values[str(_LABELS.get(field.name, field.verbose_name))] = value
    return values


def history_records(model: type[Model], **lookup: Any) -> list[dict[str, Any]]:
    """The change history (django-simple-history) of rows of `model`, for an export."""
    rows = model.history.model.objects.filter(**lookup).order_by("history_date")  # type: ignore[attr-defined]
    return [{"model": str(model._meta.verbose_name), **record(row)} for row in rows]


def delete_history(model: type[Model], **lookup: Any) -> int:
    return model.history.model.objects.filter(**lookup).delete()[0]  # type: ignore[attr-defined]
