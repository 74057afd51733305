"""The units of a complex to and from a spreadsheet (CSV or XLSX).

One column set, documented in docs/bulk-import.md: Dutch headers and values as a letting officer
writes them ("studio", "ja", "23,5"), English field names accepted as well. Every row is checked
before anything is saved; a file with any error imports nothing. An export re-imports unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# The file reading and its limits are shared by every import; the names stay importable here.
from magicmix.web.imports import (
    MAX_BYTES,
    MAX_CELL,
    MAX_COLUMNS,
    MAX_PROBLEMS,
    MAX_ROWS,
    MAX_UNPACKED,
    CellError,
    Column,
    ImportRejected,
    Layout,
    Table,
    row_problem,
    shown,
    update,
)
from magicmix.web.imports import Row as UnitRow
from magicmix.web.imports import boolean as _boolean
from magicmix.web.imports import count as _count
from magicmix.web.imports import decimal as _decimal
from magicmix.web.imports import normal as _normal
from magicmix.web.imports import read_table as _read_table
from magicmix.web.imports import same as _same
from magicmix.web.imports import text as _text
from magicmix.web.imports import vocabulary as _vocabulary

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

__all__ = [
    "HEADERS",
    "MAX_BYTES",
    "MAX_CELL",
    "MAX_COLUMNS",
    "MAX_PROBLEMS",
    "MAX_ROWS",
    "MAX_UNPACKED",
    "CellError",
    "Column",
    "ImportRejected",
    "ImportResult",
    "Table",
    "UnitRow",
    "check_headers",
    "check_rows",
    "import_units",
    "read_table",
    "unit_records",
]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    clusters_created: int


_decimal_area = _decimal(1, Decimal("100000"), gettext_noop("'%(value)s' is not a number"))


def _area(value: str) -> Decimal:
    area = _decimal_area(value)
    if area == 0:
        raise CellError(_("must be more than 0"))
    return area


_amount = _decimal(2, Decimal("1000000"), gettext_noop("'%(value)s' is not an amount"))


def _cluster_path(value: str) -> tuple[str, ...]:
    names = tuple(" ".join(name.split()) for name in value.split("/"))
    if not all(names):
        raise CellError(_("'%(value)s' has an empty cluster name") % {"value": shown(value)})
    if any(len(name) > 100 for name in names):
        raise CellError(_("a cluster name is longer than 100 characters"))
    if len(names) > MAX_CLUSTER_DEPTH:
        raise CellError(
            _("clusters nest at most %(max)d levels deep, this path has %(levels)d")
            % {"max": MAX_CLUSTER_DEPTH, "levels": len(names)}
        )
    return names


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
LAYOUT = Layout(COLUMNS, keys=("code",))
HEADERS = LAYOUT.headers


# ---------------------------------------------------------------- reading and checking rows


def read_table(filename: str, data: bytes) -> Table:
    """The first sheet of an XLSX file, or a CSV file (';', ',' or tab separated)."""
    return _read_table(filename, data, nothing=_("The file contains no units."))


def check_headers(headers: list[str]) -> list[Column]:
    return LAYOUT.check_headers(headers)


def check_rows(table: Table) -> list[UnitRow]:
    """Every row read and checked; raises ImportRejected listing every problem of every row."""
    return LAYOUT.check_rows(table)


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
        elif update(unit, values):
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
                    row_problem(
                        row.number,
                        columns["designated_for"].header,
                        _("'%(value)s' is not dragend, vragend or a target group of yours")
                        % {"value": shown(value)},
                    )
                )
                continue
            values["designated_for"] = (dimension, codes[value.casefold()])
        strength = values.get("designation", unit.designation if unit else Designation.NONE)
        if dimension and not strength and "designation" not in values:
            problems.append(
                row_problem(row.number, columns["designation"].header, _("give hard or zacht"))
            )
        elif strength == Designation.NONE:
            values["designated_for"] = ("", "")  # "geen" clears the group or role too
        elif not dimension and not (unit and unit.designated_dimension):
            problems.append(
                row_problem(row.number, columns["designated_for"].header, _("is required"))
            )
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
