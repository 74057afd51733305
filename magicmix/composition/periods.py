"""The time axis of those who see aggregates only.

Comparing the mix on two days between which one person moved in tells that person's target
group, role and support need: every count that changed by one is theirs. So those who see
aggregates only choose among month ends (`month_ends`, from the month the complex opened up to
the last month that has ended), never a day; and a count is hidden on a month end when it
differs by 1 to 4 from the same count on any other month end of that axis (`unstable_cells`).
The rule is symmetric, so whenever a count is shown on two month ends, the two values are equal
or at least 5 apart: no difference of two published counts is fewer than five people. The
hidden counts then go through the same complementary suppression as small counts
(`disclosure.protect`), so they cannot be recomputed from their totals either. docs/privacy.md
gives the whole argument.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Mapping, Sequence

from .disclosure import RESIDENTS, THRESHOLD, CellKey, count
from .mix import MixNode


def month_ends(first: datetime.date, today: datetime.date) -> list[datetime.date]:
    """Every month end from `first`'s month up to the last one before `today`; at least one."""
    last = today.replace(day=1) - datetime.timedelta(days=1)
    ends, month = [], first.replace(day=1)
    while month <= last:
        following = (month + datetime.timedelta(days=32)).replace(day=1)
        ends.append(following - datetime.timedelta(days=1))
        month = following
    return ends or [last]


def cell_counts(root: MixNode, dimensions: Mapping[str, Sequence[Hashable]]) -> dict[CellKey, int]:
    counts: dict[CellKey, int] = {}
    for node in root.walk():
        counts[(node.key, RESIDENTS, "")] = node.tally.residents
        for dimension, categories in dimensions.items():
            for category in categories:
                counts[(node.key, dimension, category)] = count(node.tally, dimension, category)
    return counts


def unstable_cells(
    day: datetime.date,
    trees: Mapping[datetime.date, MixNode],
    dimensions: Mapping[str, Sequence[Hashable]],
) -> set[CellKey]:
    """The counts of `day` that differ by 1 to THRESHOLD-1 from the same count on another day."""
    shown = cell_counts(trees[day], dimensions)
    unstable = set()
    for other, root in trees.items():
        if other == day:
            continue
        for key, value in cell_counts(root, dimensions).items():
            if key in shown and 0 < abs(shown[key] - value) < THRESHOLD:
                unstable.add(key)
    return unstable
