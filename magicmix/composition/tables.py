"""The mix as tables: one row per cluster, counts and shares, with small counts protected."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.functional import Promise

from .disclosure import RESIDENTS, CellKey, Visibility, count
from .mix import MixNode

MAX_INDENT = 6


@dataclass(frozen=True)
class Cell:
    count: int
    visibility: Visibility
    of_residents: float | None = None  # percentages; None when not to be shown
    of_places: float | None = None

    @property
    def shown(self) -> bool:
        return self.visibility == Visibility.SHOWN


@dataclass(frozen=True)
class Row:
    node: MixNode
    residents: Cell
    cells: list[Cell]

    @property
    def indent(self) -> int:
        return min(self.node.depth, MAX_INDENT)


@dataclass(frozen=True)
class Table:
    dimension: str
    columns: list[str]
    rows: list[Row]


def build_tables(
    root: MixNode,
    dimensions: Mapping[str, Sequence[tuple[Hashable, str | Promise]]],
    visibility: Mapping[CellKey, Visibility] | None,
) -> list[Table]:
    """A table per dimension (Tally counter name → (category, label) pairs); `visibility`
    None shows every count as it is."""

    def cell(node: MixNode, dimension: str, category: Hashable, total: Cell | None) -> Cell:
        value = count(node.tally, dimension, category)
        seen = (
            Visibility.SHOWN if visibility is None else visibility[(node.key, dimension, category)]
        )
        if seen != Visibility.SHOWN:
            return Cell(value, seen)
        residents, places = node.tally.residents, node.tally.places
        return Cell(
            value,
            seen,
            of_residents=100 * value / residents if residents and total and total.shown else None,
            of_places=100 * value / places if places else None,
        )

    tables = [Table(RESIDENTS, [], [])]
    for dimension, categories in dimensions.items():
        tables.append(Table(dimension, [str(label) for _, label in categories], []))
    for node in root.walk():
        residents = cell(node, RESIDENTS, "", None)
        tables[0].rows.append(Row(node, residents, []))
        for table, categories in zip(tables[1:], dimensions.values(), strict=True):
            cells = [cell(node, table.dimension, category, residents) for category, _ in categories]
            table.rows.append(Row(node, residents, cells))
    return [tables[0], *(_without_empty_columns(table) for table in tables[1:])]


def _without_empty_columns(table: Table) -> Table:
    """A category nobody in the complex belongs to is left out: a column of zeros only makes the
    table wider (on a phone, wider than the screen). Zero is no small count to protect."""
    keep = [i for i in range(len(table.columns)) if any(row.cells[i].count for row in table.rows)]
    return Table(
        table.dimension,
        [table.columns[i] for i in keep],
        [Row(row.node, row.residents, [row.cells[i] for i in keep]) for row in table.rows],
    )
