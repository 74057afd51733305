"""Small-count protection for those who may see aggregates of a complex only.

The rule, applied to every count of residents (in total and per target group, role and
support need, for the complex and for every cluster):

1. Primary suppression: a count below 5 — zero included, since "nobody here is vragend" says
   something about everyone — is shown as "<5", and its shares are not shown.
2. Complementary suppression: counts are tied by sums — the categories of a row add up to
   the row's residents, and a cluster's count adds up its sub-clusters' (plus its own units,
   which are never published separately). Whenever such a sum has exactly one hidden term,
   that term could be recomputed from the others, so the smallest other term is hidden too
   (a part before the total). This repeats until no sum has a lone hidden term.
   Counts hidden this way are 5 or more and shown as "x".
3. A share of residents is shown only when both its count and the row's residents are shown;
   occupied, vacant and occupancy follow the row's residents. Places (units in use) are
   about buildings, not people, and are always shown.

A sum of several hidden terms can still be worked out, but it covers several categories or
clusters and is either 0, below 5 (which "<5" tells anyway) or larger: never the category of
one person. This stops recomputing a hidden count from any single published sum; it is the usual rule
of statistical offices for tables with margins, not a proof against every combination of
published sums. Comparing two days is handled by the coarse time axis of `periods.py`.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence, Set
from enum import StrEnum

from .mix import MixNode, Tally

THRESHOLD = 5
RESIDENTS = "residents"

# (cluster id, or None for the complex; dimension: a Tally counter name or RESIDENTS; category)
CellKey = tuple[int | None, str, Hashable]
# Terms of a sum: a published cell, or a cluster's own units (never published on their own).
_Term = tuple[str, CellKey]


class Visibility(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # primary: below the threshold, shown as "<5"
    HIDDEN = "hidden"  # complementary: 5 or more, hidden so that a small count stays hidden


def count(tally: Tally, dimension: str, category: Hashable) -> int:
    if dimension == RESIDENTS:
        return tally.residents
    counter: Mapping[Hashable, int] = getattr(tally, dimension)
    return counter.get(category, 0)


def protect(
    root: MixNode,
    dimensions: Mapping[str, Sequence[Hashable]],
    unstable: Collection[CellKey] = (),
) -> dict[CellKey, Visibility]:
    """The visibility of every resident count under `root`, for `dimensions` (Tally counter
    name → its categories, which must together cover every resident). `unstable` counts are
    hidden too, as if they were small (periods.unstable_cells: they differ by fewer than 5
    from the same count on another published day)."""
    values: dict[_Term, int] = {}
    sums: list[list[_Term]] = []
    lines = [(RESIDENTS, "")] + [(dim, cat) for dim, cats in dimensions.items() for cat in cats]
    for node in root.walk():
        for dimension, category in lines:
            values[("cell", (node.key, dimension, category))] = count(
                node.tally, dimension, category
            )
        for dimension, categories in dimensions.items():
            sums.append(
                [("cell", (node.key, RESIDENTS, ""))]
                + [("cell", (node.key, dimension, category)) for category in categories]
            )
        if not node.children:
            continue
        own = Tally()
        for unit in node.units:
            own.add_unit(unit)
        for dimension, category in lines:
            terms: list[_Term] = [("cell", (node.key, dimension, category))]
            terms += [("cell", (child.key, dimension, category)) for child in node.children]
            if node.units:
                own_term: _Term = ("own", (node.key, dimension, category))
                values[own_term] = count(own, dimension, category)
                terms.append(own_term)
            sums.append(terms)

    units_alone = {term for term in values if term[0] == "own"}
    withheld = {("cell", key) for key in unstable if ("cell", key) in values}
    small, hidden = suppress(values, sums, units_alone, withheld)
    return {
        term[1]: Visibility.SMALL
        if term in small
        else Visibility.HIDDEN
        if term in hidden
        else Visibility.SHOWN
        for term in values
        if term not in units_alone
    }


def suppress[T: Hashable](
    values: Mapping[T, int],
    sums: Sequence[Sequence[T]],
    unpublished: Set[T] = frozenset(),
    withheld: Set[T] = frozenset(),
) -> tuple[set[T], set[T]]:
    """(small, hidden): the published terms of `values` below the threshold, and every term to
    hide so that none of them can be recomputed from a sum in `sums` (each a total first, then
    its parts). `unpublished` terms enter sums but are never shown, so count as hidden;
    `withheld` terms are published but hidden for a reason of their own (unstable over time)."""
    small = {
        term for term, value in values.items() if term not in unpublished and value < THRESHOLD
    }
    hidden = small | set(unpublished) | set(withheld)
    changed = True
    while changed:
        changed = False
        for terms in sums:
            if sum(term in hidden for term in terms) != 1:
                continue
            # Prefer hiding a part (index > 0) over the total, then the smallest count.
            candidates = [(i == 0, values[t], i) for i, t in enumerate(terms) if t not in hidden]
            if candidates:
                hidden.add(terms[min(candidates)[2]])
                changed = True
    return small, hidden
