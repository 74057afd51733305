"""What the imports of records about people share once `imports.py` has read the rows.

Persons, applications and tenancies are imported row by row inside one transaction: each row is
checked against the importer's own rules, saved if the file has no problem so far, and every
problem is kept by row (`Problems`) so that the whole file is undone and listed at once. A person
and an application name themselves the same way — `nummer` (magicmix's number, written on export)
or else `referentie` (the key of another system, not unique) — and have the same personal details
(`DETAILS`); each importer states only its own columns, rules and words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from django import forms
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_noop

from .imports import (
    Column,
    Layout,
    Problems,
    Row,
    date,
    decimal,
    read_table,
    same,
    text,
    whole_number,
)

_income = decimal(2, Decimal("100000000"), gettext_noop("'%(value)s' is not an amount"))

# A person's details as a person and an application both hold them, in the order of a file.
DETAILS: tuple[Column, ...] = (
    Column("id", "nummer", ("id", "magicmix nummer"), False, whole_number(1, 2**31 - 1), same),
    Column(
        "external_reference",
        "referentie",
        ("external reference", "klantnummer"),
        False,
        text(50),
        same,
    ),
    Column("first_name", "voornaam", ("first name", "voornamen"), True, text(100), same),
    Column("last_name", "achternaam", ("last name",), True, text(150), same),
    Column("date_of_birth", "geboortedatum", ("date of birth",), True, date, same),
    Column("email", "e-mail", ("email", "e-mailadres"), False, text(254), same),
    Column("phone", "telefoon", ("phone", "telefoonnummer"), False, text(30), same),
    Column(
        "household_size", "huishoudgrootte", ("household size",), False, whole_number(1, 20), same
    ),
    Column("annual_income", "jaarinkomen", ("annual income", "inkomen"), False, _income, same),
    Column("income_year", "inkomensjaar", ("income year",), False, whole_number(2000, 9999), same),
    Column("target_group", "doelgroep", ("target group",), True, text(40), same),
)


def details(*, required: Iterable[str] = ()) -> tuple[Column, ...]:
    """`DETAILS`, with the fields named in `required` required as well."""
    wanted = set(required)
    return tuple(
        dataclasses.replace(column, required=True) if column.field in wanted else column
        for column in DETAILS
    )


def detail_values(record: Any, columns: Iterable[Column]) -> dict[str, Any]:
    """A person's or an application's values for an export row of `columns`: empty texts as no
    value, the target group by its code."""
    values = {column.field: getattr(record, column.field) for column in columns}
    return values | {
        "external_reference": record.external_reference or None,
        "email": record.email or None,
        "phone": record.phone or None,
        "target_group": record.target_group.code,
    }


class Referenced(Protocol):
    pk: Any
    external_reference: str


def by_reference[T: Referenced](records: Iterable[T]) -> dict[str, list[T]]:
    """Records by external reference: a reference is not unique, so each has a list."""
    found: dict[str, list[T]] = {}
    for record in records:
        if record.external_reference:
            found.setdefault(record.external_reference, []).append(record)
    return found


@dataclass
class ImportResult[T]:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changed: list[T] = field(default_factory=list)  # for the processing log


class Matching[T: Referenced]:
    """Finds the record a row names by `nummer` (`id`) or else by `referentie`
    (`external_reference`), only ever among `records`: those the importer may reach. The words
    of the problems are the importer's own, already translated; `several` takes `%(count)d`."""

    def __init__(
        self, records: Iterable[T], *, not_ours: str, reference_required: str, several: str
    ) -> None:
        self.by_id = {record.pk: record for record in records}
        self.by_reference = by_reference(self.by_id.values())
        self.not_ours = not_ours
        self.reference_required = reference_required
        self.several = several

    def find(self, saver: RowSaver[T], number: int, values: dict[str, Any]) -> T | None:
        """The record the row names, None for a new one (or a wrong row, with its problem)."""
        if "id" in values:
            record = self.by_id.get(values["id"])
            if record is None:
                # Never says whether the number exists elsewhere: that would leak.
                saver.problem(number, "id", self.not_ours)
            return record
        reference = values.get("external_reference")
        if not reference:
            saver.problem(number, "external_reference", self.reference_required)
            return None
        matches = self.by_reference.get(reference, [])
        if len(matches) > 1:
            saver.problem(number, "external_reference", self.several % {"count": len(matches)})
            return None
        return matches[0] if matches else None


def import_rows[T](
    layout: Layout,
    filename: str,
    data: bytes,
    *,
    nothing: str,
    lock: QuerySet[Any],
    saver: Callable[[list[tuple[int, str]]], RowSaver[T]],
) -> ImportResult[T]:
    """Read a file, then check and save its rows in one transaction, all of them or none.

    `lock` is the one row (the corporation, the intake) whose import runs one at a time; the
    saver reads the records it matches under that lock. `nothing` is the message for a file
    without rows."""
    table = read_table(filename, data, nothing=nothing)
    with transaction.atomic():
        lock.select_for_update().get()
        rows, problems = layout.read_rows(table)
        return saver(problems).save(rows)


class RowSaver[T]:
    """Checks and saves row after row inside the importer's transaction; `save_row` is the
    importer's own."""

    def __init__(self, layout: Layout, problems: list[tuple[int, str]]) -> None:
        self.problems = Problems(problems)
        self.header_of = {column.field: column.header for column in layout.columns}

    def save(self, rows: list[Row]) -> ImportResult[T]:
        result: ImportResult[T] = ImportResult()
        for row in rows:
            self.save_row(row.number, row.values, result)
        self.problems.raise_any()
        return result

    def save_row(self, number: int, values: dict[str, Any], result: ImportResult[T]) -> None:
        raise NotImplementedError

    def problem(self, number: int, name: str, message: str) -> None:
        self.problems.add(number, self.header_of[name], message)

    def form_problems(self, number: int, form: forms.BaseForm) -> bool:
        """The form's errors as problems of the row (by column where it has one); True if any."""
        for name, errors in form.errors.items():
            for error in errors:
                if name in self.header_of:
                    self.problem(number, name, str(error))
                else:
                    self.problems.add_row(number, str(error))
        return bool(form.errors)
