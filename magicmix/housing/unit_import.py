"""The units of a complex to and from a spreadsheet (CSV or XLSX).

One column set, documented in docs/unit-import.md: Dutch headers and values as a letting officer
writes them ("studio", "ja", "23,5"), English field names accepted as well. Every row is checked
before anything is saved; a file with any error imports nothing. An export re-imports unchanged.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from magicmix.web.exports import unescaped

from .cluster_tree import cluster_tree
from .models import (
    MAX_CLUSTER_DEPTH,
    PATH_SEPARATOR,
    Cluster,
    Complex,
    DesignatedBy,
    DesignatedRole,
    Designation,
    Unit,
)

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


def _shown(value: str) -> str:
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


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    clusters_created: int


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[_\-]", " ", text).lower().split())


def _text(max_length: int) -> Callable[[str], str]:
    def read(value: str) -> str:
        if len(value) > max_length:
            raise CellError(_("is longer than %(max)d characters") % {"max": max_length})
        return value

    return read


def _choice(values: dict[str, str], shown: str) -> Callable[[str], str]:
    def read(value: str) -> str:
        try:
            return values[_normal(value)]
        except KeyError:
            raise CellError(
                _("'%(value)s' is not one of: %(allowed)s")
                % {"value": _shown(value), "allowed": shown}
            ) from None

    return read


def _decimal(places: int, below: Decimal, message: str) -> Callable[[str], Decimal]:
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
            raise CellError(_(message) % {"value": _shown(value)}) from None
        if not number.is_finite():
            raise CellError(_(message) % {"value": _shown(value)})
        if number < 0:
            raise CellError(_("cannot be negative"))
        if -number.as_tuple().exponent > places:  # type: ignore[operator]
            raise CellError(
                _("'%(value)s' has more than %(places)d decimals")
                % {"value": _shown(value), "places": places}
            )
        if number >= below:
            raise CellError(_("'%(value)s' is too large") % {"value": _shown(value)})
        return number

    return read


_decimal_area = _decimal(1, Decimal("100000"), gettext_noop("'%(value)s' is not a number"))


def _area(value: str) -> Decimal:
    area = _decimal_area(value)
    if area == 0:
        raise CellError(_("must be more than 0"))
    return area


_amount = _decimal(2, Decimal("1000000"), gettext_noop("'%(value)s' is not an amount"))


def _count(value: str) -> int:
    if not re.fullmatch(r"\d{1,3}", value.strip()):
        raise CellError(_("'%(value)s' is not a whole number") % {"value": _shown(value)})
    number = int(value)
    if number < 1:
        raise CellError(_("must be at least 1"))
    return number


def _cluster_path(value: str) -> tuple[str, ...]:
    names = tuple(" ".join(name.split()) for name in value.split("/"))
    if not all(names):
        raise CellError(_("'%(value)s' has an empty cluster name") % {"value": _shown(value)})
    if any(len(name) > 100 for name in names):
        raise CellError(_("a cluster name is longer than 100 characters"))
    if len(names) > MAX_CLUSTER_DEPTH:
        raise CellError(
            _("clusters nest at most %(max)d levels deep, this path has %(levels)d")
            % {"max": MAX_CLUSTER_DEPTH, "levels": len(names)}
        )
    return names


_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
_NO = {"nee", "n", "no", "false", "onwaar", "0"}


def _boolean(value: str) -> bool:
    if _normal(value) in _YES:
        return True
    if _normal(value) in _NO:
        return False
    raise CellError(_("'%(value)s' is not ja or nee") % {"value": _shown(value)})


# Value written on export first, then what else is understood on import.
_TYPES: dict[str, tuple[str, ...]] = {
    Unit.Type.ROOM: ("kamer", "room"),
    Unit.Type.STUDIO: ("studio",),
    Unit.Type.APARTMENT: ("appartement", "apartment", "woning"),
}
_ACCESS: dict[str, tuple[str, ...]] = {
    Unit.Accessibility.NONE: ("geen", "none", "nee"),
    Unit.Accessibility.GROUND_FLOOR: (
        "gelijkvloers",
        "ground floor",
        "traploos",
        "gelijkvloers bereikbaar",
    ),
    Unit.Accessibility.WHEELCHAIR: ("rolstoel", "wheelchair", "rolstoeltoegankelijk"),
}
_STATUSES: dict[str, tuple[str, ...]] = {
    Unit.Status.IN_USE: ("in verhuur", "in use", "verhuur", "in gebruik"),
    Unit.Status.RENOVATION: ("renovatie", "renovation", "in renovatie"),
    Unit.Status.WITHDRAWN: ("uit exploitatie", "withdrawn", "onttrokken"),
}


def _vocabulary(
    words: Mapping[str, tuple[str, ...]],
) -> tuple[Callable[[str], str], Callable[[Any], str]]:
    reading = {_normal(word): code for code, spelled in words.items() for word in spelled}
    reading.update({_normal(code): code for code in words})
    shown = ", ".join(spelled[0] for spelled in words.values())
    return _choice(reading, shown), lambda code: words[code][0]


_DESIGNATIONS: dict[str, tuple[str, ...]] = {
    Designation.NONE: ("geen", "none", "nee"),
    Designation.HARD: ("hard", "alleen"),
    Designation.SOFT: ("zacht", "soft", "voorrang", "bij voorrang"),
}
_DESIGNATED_ROLES: dict[str, tuple[str, ...]] = {
    DesignatedRole.SUPPORTING: ("dragend", "supporting"),
    DesignatedRole.SUPPORTED: ("vragend", "supported"),
}
_ROLE_WORDS = {_normal(w): code for code, words in _DESIGNATED_ROLES.items() for w in words}


def _read_designated_for(value: str) -> tuple[str, str]:
    """`dragend`/`vragend`, or a target group by code or name (checked against the catalogue
    when the rows are saved, where the corporation is known)."""
    role = _ROLE_WORDS.get(_normal(value))
    if role is not None:
        return (DesignatedBy.ROLE, role)
    if len(value) > 100:
        raise CellError(_("is longer than %(max)d characters") % {"max": 100})
    return (DesignatedBy.GROUP, value.strip())


def _write_designated_for(target: tuple[str, str]) -> str:
    dimension, value = target
    return _DESIGNATED_ROLES[value][0] if dimension == DesignatedBy.ROLE else value


def _same(value: Any) -> Any:
    return value


_read_type, _write_type = _vocabulary(_TYPES)
_read_access, _write_access = _vocabulary(_ACCESS)
_read_status, _write_status = _vocabulary(_STATUSES)
_read_designation, _write_designation = _vocabulary(_DESIGNATIONS)

COLUMNS: tuple[Column, ...] = (
    Column("code", "code", ("vhe", "eenheid"), True, _text(30), _same),
    Column(
        "cluster",
        "cluster",
        ("clusterpad", "cluster path"),
        True,
        _cluster_path,
        PATH_SEPARATOR.join,
    ),
    Column("type", "type", ("soort", "woningtype"), True, _read_type, _write_type),
    Column(
        "floor_area", "woonoppervlak", ("floor area", "oppervlakte", "m2", "m²"), True, _area, _same
    ),
    Column("rooms", "kamers", ("rooms", "aantal kamers"), False, _count, _same),
    Column(
        "max_occupants",
        "max bewoners",
        ("max occupants", "maximum occupants", "maximaal aantal bewoners"),
        False,
        _count,
        _same,
    ),
    Column(
        "self_contained",
        "zelfstandig",
        ("self contained",),
        False,
        _boolean,
        lambda yes: "ja" if yes else "nee",
    ),
    Column(
        "accessibility", "toegankelijkheid", ("accessibility",), False, _read_access, _write_access
    ),
    Column("basic_rent", "kale huur", ("basic rent", "huur", "netto huur"), True, _amount, _same),
    Column("service_costs", "servicekosten", ("service costs",), False, _amount, _same),
    Column("status", "status", (), False, _read_status, _write_status),
    Column(
        "designation",
        "bestemming",
        ("designation",),
        False,
        _read_designation,
        _write_designation,
    ),
    Column(
        "designated_for",
        "bestemd voor",
        ("designated for",),
        False,
        _read_designated_for,
        _write_designated_for,
    ),
)
HEADERS = [column.header for column in COLUMNS]
_BY_HEADER = {
    _normal(name): column
    for column in COLUMNS
    for name in (column.header, column.field, *column.aliases)
}


# ---------------------------------------------------------------- reading a file into rows


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the spreadsheet shows it, cells)


def read_table(filename: str, data: bytes) -> Table:
    """The first sheet of an XLSX file, or a CSV file (';', ',' or tab separated)."""
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
        raise ImportRejected([_("The file contains no units.")])
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
    return str(value)


# ---------------------------------------------------------------- checking rows


@dataclass(frozen=True)
class UnitRow:
    number: int
    values: dict[str, Any]  # only the columns present in the file with a value


def _row_problem(number: int, column: Column, message: str) -> str:
    return _("Row %(row)d, %(column)s: %(message)s") % {
        "row": number,
        "column": column.header,
        "message": message,
    }


def check_headers(headers: list[str]) -> list[Column]:
    columns: list[Column] = []
    problems = []
    for position, header in enumerate(headers, start=1):
        column = _BY_HEADER.get(_normal(re.sub(r"\(.*\)", "", header)))
        if not header:
            problems.append(_("Column %(number)d has no name.") % {"number": position})
        elif column is None:
            problems.append(_("Unknown column '%(name)s'.") % {"name": header})
        elif column in columns:
            problems.append(_("The column '%(name)s' appears twice.") % {"name": header})
        else:
            columns.append(column)
    missing = [c.header for c in COLUMNS if c.required and c not in columns]
    if missing:
        problems.append(_("Missing columns: %(names)s.") % {"names": ", ".join(missing)})
    if problems:
        problems.append(_("Expected columns: %(names)s.") % {"names": ", ".join(HEADERS)})
        raise ImportRejected(problems)
    return columns


def check_rows(table: Table) -> list[UnitRow]:
    """Every row read and checked; raises ImportRejected listing every problem of every row."""
    columns = check_headers(table.headers)
    problems: list[str] = []
    rows: list[UnitRow] = []
    first_row_of: dict[str, int] = {}
    for number, cells in table.rows:
        values: dict[str, Any] = {}
        for column, cell in zip(columns, cells + [""] * (len(columns) - len(cells)), strict=False):
            if not cell:
                if column.required:
                    problems.append(_row_problem(number, column, _("is required")))
                continue
            try:
                values[column.field] = column.read(cell)
            except CellError as error:
                problems.append(_row_problem(number, column, str(error)))
        code = values.get("code")
        if code in first_row_of:
            problems.append(
                _row_problem(
                    number,
                    COLUMNS[0],
                    _("'%(code)s' also appears in row %(row)d")
                    % {"code": code, "row": first_row_of[code]},
                )
            )
        elif code:
            first_row_of[code] = number
        rows.append(UnitRow(number, values))
    if problems:
        raise ImportRejected(problems)
    return rows


# ---------------------------------------------------------------- saving


_KIND_WORDS = {
    "terrein": Cluster.Kind.SITE,
    "site": Cluster.Kind.SITE,
    "gebouw": Cluster.Kind.BUILDING,
    "building": Cluster.Kind.BUILDING,
    "blok": Cluster.Kind.BUILDING,
    "vleugel": Cluster.Kind.WING,
    "wing": Cluster.Kind.WING,
    "verdieping": Cluster.Kind.FLOOR,
    "etage": Cluster.Kind.FLOOR,
    "floor": Cluster.Kind.FLOOR,
    "gang": Cluster.Kind.GANG,
    "corridor": Cluster.Kind.GANG,
}


def _guess_kind(name: str, is_leaf: bool) -> str:
    """A new cluster's kind from its first word ("Gebouw A"), else a gang at the end of a path."""
    first_word = name.split()[0].lower()
    return _KIND_WORDS.get(first_word, Cluster.Kind.GANG if is_leaf else Cluster.Kind.BUILDING)


class _Clusters:
    """Finds clusters by path (case-insensitive) and creates the missing ones."""

    def __init__(self, complex_: Complex, paths: list[tuple[str, ...]]) -> None:
        self.complex = complex_
        self.known = {
            tuple(name.casefold() for name in node.path.split(PATH_SEPARATOR)): node.cluster
            for node in cluster_tree(complex_)
        }
        self.inner = {
            tuple(n.casefold() for n in path[:i]) for path in paths for i in range(1, len(path))
        }
        self.created = 0

    def get(self, path: tuple[str, ...]) -> Cluster:
        key = tuple(name.casefold() for name in path)
        if key not in self.known:
            parent = self.get(path[:-1]) if len(path) > 1 else None
            self.known[key] = Cluster.objects.create(
                complex=self.complex,
                parent=parent,
                name=path[-1],
                kind=_guess_kind(path[-1], key not in self.inner),
            )
            self.created += 1
        return self.known[key]


def import_units(complex_: Complex, filename: str, data: bytes) -> ImportResult:
    """Create or update the units of `complex_` from a file, all of them or none."""
    table = read_table(filename, data)
    try:
        with transaction.atomic():
            # One import per complex at a time; the existing units are read under the lock.
            Complex.objects.select_for_update().get(pk=complex_.pk)
            rows = check_rows(table)
            return _save(complex_, rows)
    except IntegrityError:
        raise ImportRejected(
            [_("The units changed while importing; nothing was imported. Please try again.")]
        ) from None


def _save(complex_: Complex, rows: list[UnitRow]) -> ImportResult:
    existing = {unit.code: unit for unit in complex_.units.all()}
    _check_designations(complex_, rows, existing)
    clusters = _Clusters(complex_, [row.values["cluster"] for row in rows])
    created = updated = unchanged = 0
    for row in rows:
        values = dict(row.values)
        values["cluster_id"] = clusters.get(values.pop("cluster")).pk
        unit = existing.get(values["code"])
        if unit is None:
            Unit.objects.create(complex=complex_, **values)
            created += 1
        elif any(getattr(unit, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(unit, name, value)
            unit.save()
            updated += 1
        else:
            unchanged += 1
    return ImportResult(created, updated, unchanged, clusters.created)


def _check_designations(complex_: Complex, rows: list[UnitRow], existing: dict[str, Unit]) -> None:
    """A designation names a group of the corporation's catalogue (by code or name, stored by
    code) and is whole: `bestemming` hard or zacht with a `bestemd voor`, or `geen` with
    neither. Fixes up `rows` in place; raises ImportRejected listing every problem."""
    catalogue = complex_.organisation.target_groups.values_list("code", "name")
    codes = {key.casefold(): code for code, name in catalogue for key in (code, name)}
    columns = {column.field: column for column in COLUMNS}
    problems = []
    for row in rows:
        values, unit = row.values, existing.get(row.values.get("code", ""))
        dimension, value = values.get("designated_for", ("", ""))
        if dimension == DesignatedBy.GROUP:
            if value.casefold() not in codes:
                problems.append(
                    _row_problem(
                        row.number,
                        columns["designated_for"],
                        _("'%(value)s' is not dragend, vragend or a target group of yours")
                        % {"value": _shown(value)},
                    )
                )
                continue
            values["designated_for"] = (dimension, codes[value.casefold()])
        strength = values.get("designation", unit.designation if unit else Designation.NONE)
        if dimension and not strength and "designation" not in values:
            problems.append(
                _row_problem(row.number, columns["designation"], _("give hard or zacht"))
            )
        elif strength == Designation.NONE:
            values["designated_for"] = ("", "")  # "geen" clears the group or role too
        elif not dimension and not (unit and unit.designated_dimension):
            problems.append(_row_problem(row.number, columns["designated_for"], _("is required")))
    if problems:
        raise ImportRejected(problems)


# ---------------------------------------------------------------- export


def unit_records(complex_: Complex) -> list[list[Any]]:
    """One row per unit in the import's column order, values as the import reads them."""
    paths = cluster_tree(complex_).paths()
    records = []
    for unit in complex_.units.order_by("code"):
        values = {column.field: getattr(unit, column.field) for column in COLUMNS[2:]}
        values |= {
            "code": unit.code,
            "cluster": tuple(paths[unit.cluster_id].split(PATH_SEPARATOR)),
        }
        records.append([column.write(values[column.field]) for column in COLUMNS])
    return records
