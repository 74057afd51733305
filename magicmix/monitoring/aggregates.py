"""Counts of respondents as tables with margins, protected the way the mix page is.

A table has rows (target groups, or roles) and columns (answer categories: bands, answered /
not answered), the row totals, the column totals and the grand total. Every count below 5 is
shown as "<5"; complementary suppression (composition.disclosure.suppress) then hides other
counts wherever a single hidden count could be worked out from a row, a column or the totals.
A share or a mean of a row is shown only when its count is, so that it gives nothing away
that the counts do not. Nobody sees an individual's answers here: only counts and means.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from magicmix.composition.disclosure import THRESHOLD, Visibility, suppress

TOTAL = "__total__"


@dataclass(frozen=True)
class Cell:
    count: int
    visibility: Visibility
    share: float | None = None  # percentage of the row's total, None when not to be shown

    @property
    def shown(self) -> bool:
        return self.visibility == Visibility.SHOWN


@dataclass(frozen=True)
class Row:
    key: Hashable
    label: str
    cells: list[Cell]
    total: Cell
    mean: float | None = None  # shown only when the row's total is


@dataclass
class Table:
    columns: list[tuple[Hashable, str]]
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None

    @property
    def respondents(self) -> int:
        return self.total.total.count if self.total else 0

    @property
    def too_small(self) -> bool:
        """Fewer respondents in all than the threshold: nothing of the table is shown."""
        return self.respondents < THRESHOLD


def protected_table(
    records: Sequence[tuple[Hashable, Hashable]],
    rows: Sequence[tuple[Hashable, str]],
    columns: Sequence[tuple[Hashable, str]],
    values: Sequence[float | None] | None = None,
    protect: bool = True,
) -> Table:
    """A table of `records` (row key, column key), one per respondent. `values`, aligned with
    the records, give each row's mean (None values left out; a mean of fewer than 5 values
    is not shown). `protect` False shows all
    counts as they are (for a single respondent's own page, or for tests)."""
    counts = Counter(records)
    row_keys = [key for key, _ in rows]
    column_keys = [key for key, _ in columns]
    cell_values: dict[tuple[Hashable, Hashable], int] = {}
    for r in [*row_keys, TOTAL]:
        for c in [*column_keys, TOTAL]:
            cell_values[(r, c)] = sum(
                n
                for (rk, ck), n in counts.items()
                if (r == TOTAL or rk == r) and (c == TOTAL or ck == c)
            )
    sums: list[list[tuple[Hashable, Hashable]]] = []
    for r in [*row_keys, TOTAL]:
        sums.append([(r, TOTAL)] + [(r, c) for c in column_keys])
    for c in [*column_keys, TOTAL]:
        sums.append([(TOTAL, c)] + [(r, c) for r in row_keys])
    small, hidden = suppress(cell_values, sums) if protect else (set(), set())

    def cell(r: Hashable, c: Hashable) -> Cell:
        key = (r, c)
        value = cell_values[key]
        if key in small:
            return Cell(value, Visibility.SMALL)
        if key in hidden:
            return Cell(value, Visibility.HIDDEN)
        of = cell_values[(r, TOTAL)]
        # A share of the row only tells something when the row has several columns.
        several = len(column_keys) > 1
        share = 100 * value / of if several and of and (r, TOTAL) not in hidden else None
        return Cell(value, Visibility.SHOWN, share)

    means = _means(records, values) if values is not None else {}
    table = Table(list(columns))
    for key, label in [*rows, (TOTAL, "")]:
        total = cell(key, TOTAL)
        row = Row(
            key,
            label,
            [cell(key, c) for c in column_keys],
            total,
            means.get(key) if total.shown else None,
        )
        if key == TOTAL:
            table.total = row
        else:
            table.rows.append(row)
    return table


def _means(
    records: Sequence[tuple[Hashable, Hashable]], values: Sequence[float | None]
) -> dict[Hashable, float]:
    sums: dict[Hashable, list[float]] = {}
    for (row, _column), value in zip(records, values, strict=True):
        if value is not None:
            sums.setdefault(row, []).append(value)
            sums.setdefault(TOTAL, []).append(value)
    # A mean of fewer than 5 values is as telling as a small count.
    return {row: sum(given) / len(given) for row, given in sums.items() if len(given) >= THRESHOLD}
