"""Every table magicmix reads from a spreadsheet (CSV or XLSX), read and checked by one reader.

An importer (`housing/unit_import.py`, `people/person_import.py`, …) declares its columns: a
Dutch header written on export, the other names understood on import, and a function that reads
a cell as a letting officer types it ("23,5", "ja", "17-05-2000") or raises `CellError` saying
why not. This module reads the file within fixed limits, numbers the rows as the spreadsheet
shows them, and lists every problem by row and column before anything is saved. The writer is
`exports.py`; `unescaped` undoes its formula guard, so an export re-imports unchanged.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from .exports import unescaped

MAX_BYTES = 5 * 1024 * 1024
# An XLSX file is a zip: 5 MB can unpack to gigabytes (a "decompression bomb"). The sizes the
# zip declares are checked before openpyxl reads anything; Python's zipfile never unpacks a
# member beyond its declared size.
MAX_UNPACKED = 20 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 50
MAX_CELL = 1_000  # characters; the longest column (a cluster path) needs some 1,000
MAX_PROBLEMS = 100  # listed on the page; the rest are counted
SHOWN_VALUE = 40  # characters of a wrong value repeated in a message


def shown(value: str) -> str:
    """A value as a message repeats it: never more than SHOWN_VALUE characters."""
    return value if len(value) <= SHOWN_VALUE else value[:SHOWN_VALUE] + "…"


class CellError(ValueError):
    """A value that cannot be read; the message says why, for the person who typed it."""


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # the Dutch header written on export and used in messages
    aliases: tuple[str, ...]
    required: bool
    read: Callable[[str], Any]
    write: Callable[[Any], Any]


class ImportRejected(Exception):
    """The file was not imported; `problems` says why, row by row where it can."""

    def __init__(self, problems: list[str]) -> None:
        self.total = len(problems)
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            rest = _("… and %(count)d more problems.") % {"count": more}
            problems = [*problems[:MAX_PROBLEMS], rest]
        super().__init__("\n".join(problems))
        self.problems = problems


def normal(text: str) -> str:
    return " ".join(re.sub(r"[_\-]", " ", text).lower().split())


# ---------------------------------------------------------------- reading cells


def text(max_length: int) -> Callable[[str], str]:
    def read(value: str) -> str:
        if len(value) > max_length:
            raise CellError(_("is longer than %(max)d characters") % {"max": max_length})
        return value

    return read


def choice(values: dict[str, str], allowed: str) -> Callable[[str], str]:
    def read(value: str) -> str:
        try:
            return values[normal(value)]
        except KeyError:
            raise CellError(
                _("'%(value)s' is not one of: %(allowed)s")
                % {"value": shown(value), "allowed": allowed}
            ) from None

    return read


def decimal(places: int, below: Decimal, message: str) -> Callable[[str], Decimal]:
    """`message` (a gettext_noop msgid) says what the value should have been."""

    def read(value: str) -> Decimal:
        text = value.replace("€", "").replace(" ", "").replace("\u00a0", "")
        if "," in text and "." in text:
            # Both separators: the last one is the decimal separator ("1.234,56" / "1,234.56").
            thousands = "." if text.rfind(",") > text.rfind(".") else ","
            text = text.replace(thousands, "")
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise CellError(_(message) % {"value": shown(value)}) from None
        if not number.is_finite():
            raise CellError(_(message) % {"value": shown(value)})
        if number < 0:
            raise CellError(_("cannot be negative"))
        if -number.as_tuple().exponent > places:  # type: ignore[operator]
            raise CellError(
                _("'%(value)s' has more than %(places)d decimals")
                % {"value": shown(value), "places": places}
            )
        if number >= below:
            raise CellError(_("'%(value)s' is too large") % {"value": shown(value)})
        return number

    return read


def count(value: str) -> int:
    if not re.fullmatch(r"\d{1,3}", value.strip()):
        raise CellError(_("'%(value)s' is not a whole number") % {"value": shown(value)})
    number = int(value)
    if number < 1:
        raise CellError(_("must be at least 1"))
    return number


def whole_number(low: int, high: int) -> Callable[[str], int]:
    def read(value: str) -> int:
        if not re.fullmatch(r"\d{1,9}", value.strip()):
            raise CellError(_("'%(value)s' is not a whole number") % {"value": shown(value)})
        number = int(value)
        if not low <= number <= high:
            raise CellError(_("must lie between %(low)d and %(high)d") % {"low": low, "high": high})
        return number

    return read


_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
_NO = {"nee", "n", "no", "false", "onwaar", "0"}


def boolean(value: str) -> bool:
    if normal(value) in _YES:
        return True
    if normal(value) in _NO:
        return False
    raise CellError(_("'%(value)s' is not ja or nee") % {"value": shown(value)})


_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


def date(value: str) -> datetime.date:
    """ISO 8601 (what an export writes) or a Dutch day-month-year ("17-05-2000")."""
    candidate = value.strip().split(" ")[0]  # an XLSX date cell reads as "2000-05-17 00:00:00"
    for pattern in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(candidate, pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise CellError(
        _("'%(value)s' is not a date (write 2000-05-17 or 17-05-2000)") % {"value": shown(value)}
    )


def vocabulary(
    words: Mapping[str, tuple[str, ...]],
) -> tuple[Callable[[str], str], Callable[[Any], str]]:
    """Reader and writer of coded values: the first word is written on export, every word and
    the code itself is understood on import."""
    reading = {normal(word): code for code, spelled in words.items() for word in spelled}
    reading.update({normal(code): code for code in words})
    allowed = ", ".join(spelled[0] for spelled in words.values())
    return choice(reading, allowed), lambda code: words[code][0]


def same(value: Any) -> Any:
    return value


# ---------------------------------------------------------------- reading a file into rows


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the spreadsheet shows it, cells)


def read_table(filename: str, data: bytes, nothing: str = "") -> Table:
    """The first sheet of an XLSX file, or a CSV file (';', ',' or tab separated).

    `nothing` is the message for a file with a header and no rows ("The file contains no units.").
    """
    if len(data) > MAX_BYTES:
        raise ImportRejected([_("The file is larger than 5 MB.")])
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):  # whitespace or only a byte order mark
        raise ImportRejected([_("The file is empty.")])
    name = filename.lower()
    if name.endswith(".xlsx"):
        records = _xlsx_records(data)
    elif name.endswith((".csv", ".txt")):
        records = _csv_records(data)
    else:
        raise ImportRejected([_("Choose a CSV or XLSX file.")])
    numbered = [(number, cells) for number, cells in records if any(cells)]
    if not numbered or numbered[0][0] != 1:
        raise ImportRejected([_("The first row must contain the column names.")])
    headers, rows = numbered[0][1], numbered[1:]
    while headers and not headers[-1]:
        headers = headers[:-1]  # spreadsheets often carry empty columns after the last one
    if not rows:
        raise ImportRejected([nothing or _("The file contains no rows.")])
    return Table(headers, rows)


def _limited(records: Iterable[list[str]]) -> list[tuple[int, list[str]]]:
    rows = []
    for number, cells in enumerate(records, start=1):
        if number > MAX_ROWS + 1:
            raise ImportRejected([_("The file has more than %(max)d rows.") % {"max": MAX_ROWS}])
        cells = [unescaped(cell.strip()) for cell in cells[:MAX_COLUMNS]]
        if any(len(cell) > MAX_CELL for cell in cells):
            raise ImportRejected(
                [
                    _("Row %(row)d has a cell longer than %(max)d characters.")
                    % {"row": number, "max": MAX_CELL}
                ]
            )
        rows.append((number, cells))
    return rows


def _csv_records(data: bytes) -> list[tuple[int, list[str]]]:
    if b"\x00" in data:
        raise ImportRejected([_("This is not a CSV file.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV (puntkomma)" on Windows
    first_line = text.lstrip().split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        return _limited(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise ImportRejected([_("This CSV file cannot be read.")]) from None


def _xlsx_records(data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise ImportRejected([_("This is not a readable XLSX file.")]) from None
    if unpacked > MAX_UNPACKED:
        raise ImportRejected([_("The file unpacks to more than 20 MB; save it again or split it.")])
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (zip, XML, key errors) for a broken file
        raise ImportRejected([_("This is not a readable XLSX file.")]) from None
    try:
        sheet = book.worksheets[0]
        return _limited(
            [_cell_text(value) for value in row]
            for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        )
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value)


# ---------------------------------------------------------------- checking rows


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, Any]  # only the columns present in the file with a value


def row_problem(number: int, header: str, message: str) -> str:
    return _("Row %(row)d, %(column)s: %(message)s") % {
        "row": number,
        "column": header,
        "message": message,
    }


def read_cells(
    number: int, columns: list[Column] | list[Column | None], cells: list[str]
) -> tuple[dict[str, Any], list[str]]:
    """The values of one row's cells by field, and the problems of those that cannot be read;
    a cell under no column (None) is left out."""
    values: dict[str, Any] = {}
    problems = []
    for column, cell in zip(columns, cells + [""] * len(columns), strict=False):
        if column is None:
            continue
        if not cell:
            if column.required:
                problems.append(row_problem(number, column.header, _("is required")))
            continue
        try:
            values[column.field] = column.read(cell)
        except CellError as error:
            problems.append(row_problem(number, column.header, str(error)))
    return values, problems


class Problems:
    """The problems of a file by row, collected while an importer checks and saves row after
    row inside its transaction; `raise_any` then lists them in row order and, raised inside the
    transaction, undoes every row saved so far."""

    def __init__(self, found: list[tuple[int, str]]) -> None:
        self.found = found

    def add(self, number: int, header: str, message: str) -> None:
        self.found.append((number, row_problem(number, header, message)))

    def add_row(self, number: int, message: str) -> None:
        self.found.append(
            (number, _("Row %(row)d: %(message)s") % {"row": number, "message": message})
        )

    def __len__(self) -> int:
        return len(self.found)

    def raise_any(self) -> None:
        if self.found:
            self.found.sort(key=lambda problem: problem[0])
            raise ImportRejected([message for _number, message in self.found])


class Layout:
    """The columns of one kind of file; `keys` are the fields that name a record, each unique
    within a file."""

    def __init__(self, columns: tuple[Column, ...], keys: tuple[str, ...]) -> None:
        self.columns = columns
        self.keys = [column for column in columns if column.field in keys]
        self.headers = [column.header for column in columns]
        self._by_header = {
            normal(name): column
            for column in columns
            for name in (column.header, column.field, *column.aliases)
        }

    def column_of(self, header: str) -> Column | None:
        """The column a header names: its header, field or an alias, in any case and spacing,
        with a note in brackets ignored ("jaarinkomen (euro)")."""
        return self._by_header.get(normal(re.sub(r"\(.*\)", "", header)))

    def check_headers(self, headers: list[str]) -> list[Column]:
        columns: list[Column] = []
        problems = []
        for position, header in enumerate(headers, start=1):
            column = self.column_of(header)
            if not header:
                problems.append(_("Column %(number)d has no name.") % {"number": position})
            elif column is None:
                problems.append(_("Unknown column '%(name)s'.") % {"name": header})
            elif column in columns:
                problems.append(_("The column '%(name)s' appears twice.") % {"name": header})
            else:
                columns.append(column)
        missing = [c.header for c in self.columns if c.required and c not in columns]
        if missing:
            problems.append(_("Missing columns: %(names)s.") % {"names": ", ".join(missing)})
        if problems:
            problems.append(_("Expected columns: %(names)s.") % {"names": ", ".join(self.headers)})
            raise ImportRejected(problems)
        return columns

    def check_rows(self, table: Table) -> list[Row]:
        """Every row read and checked; raises ImportRejected listing every problem of every row."""
        rows, problems = self.read_rows(table)
        if problems:
            raise ImportRejected([problem for _number, problem in problems])
        return rows

    def read_rows(self, table: Table) -> tuple[list[Row], list[tuple[int, str]]]:
        """The rows whose every cell could be read, and the problems of the others as (row,
        message), so that an importer can go on checking the good rows against its rules and
        list everything at once."""
        columns = self.check_headers(table.headers)
        problems: list[tuple[int, str]] = []
        rows: list[Row] = []
        first_row_of: dict[tuple[str, Any], int] = {}
        for number, cells in table.rows:
            known = len(problems)
            values, found = read_cells(number, columns, cells)
            problems.extend((number, problem) for problem in found)
            for key in self.keys:
                value = (key.field, values.get(key.field))
                if value in first_row_of:
                    message = _("'%(code)s' also appears in row %(row)d") % {
                        "code": value[1],
                        "row": first_row_of[value],
                    }
                    problems.append((number, row_problem(number, key.header, message)))
                elif value[1]:
                    first_row_of[value] = number
            if len(problems) == known:
                rows.append(Row(number, values))
        return rows, problems

    def record(self, values: Mapping[str, Any]) -> list[Any]:
        """One export row in the column order, each value written as the import reads it."""
        return [
            None if values.get(column.field) is None else column.write(values[column.field])
            for column in self.columns
        ]


def update(record: Model, values: Mapping[str, Any]) -> bool:
    """Set `values` on a record found by its key and save it if any differs: True if it did, so
    that importing the same file twice changes nothing."""
    if all(getattr(record, name) == value for name, value in values.items()):
        return False
    for name, value in values.items():
        setattr(record, name, value)
    record.save()
    return True
