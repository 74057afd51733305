"""Figures from the corporation's administration into a complex: rent arrears per month, and
management costs and social management hours per year, from CSV or XLSX (docs/monitoring.md).

The file is read with the unit import's reader and limits (size, rows, cells, zip bombs) and
its number parsing; every row is checked before anything is saved, and a file with any
problem imports nothing. A month or year already present is updated, so importing the same
file twice changes nothing the second time.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from magicmix.housing.models import Complex
from magicmix.web.bounds import FIRST_YEAR
from magicmix.web.imports import (
    CellError,
    Column,
    ImportRejected,
    Layout,
    decimal,
    read_cells,
    read_table,
    row_problem,
    update,
)

from .models import ManagementCosts, RentArrears

_amount = decimal(2, Decimal("10000000000"), gettext_noop("'%(value)s' is not an amount"))
_hours = decimal(1, Decimal("10000000"), gettext_noop("'%(value)s' is not a number"))

MONTHS_NL = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip


def _month(value: str) -> datetime.date:
    """2026-03, 03-2026, 3/2026, maart 2026, or a date (an XLSX date cell) in that month."""
    text = " ".join(value.lower().replace("/", "-").replace(".", "-").split())
    found = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?(?: \d{2}:\d{2}:\d{2})?", text)
    year = month = None
    if found:
        year, month = int(found[1]), int(found[2])
    elif found := re.fullmatch(r"(\d{1,2})-(\d{4})", text):
        year, month = int(found[2]), int(found[1])
    elif found := re.fullmatch(r"([a-z]+) (\d{4})", text):
        names = [name for name in MONTHS_NL if name.startswith(found[1][:3])]
        if len(found[1]) >= 3 and len(names) == 1:
            year, month = int(found[2]), MONTHS_NL.index(names[0]) + 1
    if year is None or month is None or not 1 <= month <= 12:
        raise CellError(
            _("'%(value)s' is not a month; write e.g. 2026-03 or maart 2026")
            % {"value": value[:40]}
        )
    return _not_future(datetime.date(year, month, 1), value)


def _not_future(day: datetime.date, value: str) -> datetime.date:
    if day.year < FIRST_YEAR or day > timezone.localdate():
        raise CellError(_("'%(value)s' lies in the future or too far back") % {"value": value})
    return day


def _year(value: str) -> int:
    if not re.fullmatch(r"\d{4}", value.strip()):
        raise CellError(_("'%(value)s' is not a year; write e.g. 2025") % {"value": value[:40]})
    return _not_future(datetime.date(int(value), 1, 1), value).year


def _households(value: str) -> int:
    if not re.fullmatch(r"\d{1,6}", value.strip()) or int(value) > 100_000:
        raise CellError(_("'%(value)s' is not a whole number") % {"value": value[:40]})
    return int(value)


def _column(
    field: str, header: str, aliases: tuple[str, ...], read: Callable[[str], Any]
) -> Column:
    return Column(field, header, aliases, True, read, str)


@dataclass(frozen=True)
class Kind:
    """One kind of figure: its model, its key column and its columns (all required)."""

    model: type[models.Model]
    key: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


ARREARS = Kind(
    RentArrears,
    "month",
    (
        _column("month", "maand", ("month", "periode"), _month),
        _column("amount", "huurachterstand", ("achterstand", "rent arrears", "bedrag"), _amount),
        _column(
            "households",
            "huishoudens met achterstand",
            ("huishoudens", "households", "aantal huishoudens", "households in arrears"),
            _households,
        ),
    ),
)
COSTS = Kind(
    ManagementCosts,
    "year",
    (
        _column("year", "jaar", ("year", "boekjaar"), _year),
        _column("costs", "beheerkosten", ("management costs", "kosten beheer", "kosten"), _amount),
        _column(
            "social_management_hours",
            "uren sociaal beheer",
            ("sociaal beheer uren", "social management hours", "uren"),
            _hours,
        ),
    ),
)
KINDS = {"arrears": ARREARS, "costs": COSTS}


@dataclass(frozen=True)
class Imported:
    created: int
    updated: int
    unchanged: int


def _columns(kind: Kind, headers: list[str]) -> list[Column | None]:
    """The column of each header (None: another column, ignored); every column must be there."""
    layout = Layout(kind.columns, keys=())
    found = [layout.column_of(header) for header in headers]
    problems = []
    missing = [column.header for column in kind.columns if column not in found]
    if missing:
        problems.append(_("Missing columns: %(names)s.") % {"names": ", ".join(missing)})
    twice = {column.header for column in found if column and found.count(column) > 1}
    for header in sorted(twice):
        problems.append(_("The column '%(name)s' appears twice.") % {"name": header})
    if problems:
        problems.append(_("Expected columns: %(names)s.") % {"names": ", ".join(kind.headers)})
        raise ImportRejected(problems)
    return found


def check_rows(kind: Kind, filename: str, data: bytes) -> list[dict[str, Any]]:
    """Every row read and checked; raises ImportRejected naming the row and column of each
    problem."""
    table = read_table(filename, data)
    columns = _columns(kind, table.headers)
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    first_row_of: dict[Any, int] = {}
    for number, cells in table.rows:
        values, found = read_cells(number, columns, cells)
        problems.extend(found)
        key = values.get(kind.key)
        if key in first_row_of:
            problems.append(
                row_problem(
                    number,
                    kind.columns[0].header,
                    _("also appears in row %(row)d") % {"row": first_row_of[key]},
                )
            )
        elif key is not None:
            first_row_of[key] = number
        rows.append(values)
    if problems:
        raise ImportRejected(problems)
    return rows


def import_figures(complex_: Complex, kind: Kind, filename: str, data: bytes) -> Imported:
    """Create or update the figures of `complex_` from a file, all of them or none."""
    rows = check_rows(kind, filename, data)
    created = updated = unchanged = 0
    with transaction.atomic():
        Complex.objects.select_for_update().get(pk=complex_.pk)  # one import at a time
        manager = kind.model._default_manager
        existing = {getattr(row, kind.key): row for row in manager.filter(complex=complex_)}
        for values in rows:
            row = existing.get(values[kind.key])
            if row is None:
                manager.create(complex=complex_, **values)
                created += 1
            elif update(row, values):
                updated += 1
            else:
                unchanged += 1
    return Imported(created, updated, unchanged)
