"""The mix of one complex on one day, as tables and a summary, protected where it must be."""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property

from django.utils import timezone
from django.utils.functional import Promise

from magicmix.housing.models import Complex
from magicmix.people.models import Role, SupportNeed

from .census import Census, take_census, trees_on
from .disclosure import RESIDENTS, CellKey, Visibility, protect
from .periods import month_ends, unstable_cells
from .tables import Table, build_tables


@dataclass(frozen=True)
class Summary:
    """Headline figures of a complex. A percentage is None when there is nothing to divide by."""

    units: int  # every unit, also those out of use: the count the complex list shows
    places: int  # units in use
    vacant: int | None  # places without a resident, as the complex list counts them
    occupancy: float | None
    supporting_share: float | None  # dragend as a percentage of residents
    occupancy_hidden: bool = False  # protected: it would reveal a small count
    supporting_hidden: bool = False


@dataclass
class MixReport:
    complex: Complex
    census: Census
    protected: bool  # aggregates only: small counts hidden
    # The month ends those who see aggregates may choose (periods.py); counts that differ by
    # fewer than 5 between two of them are hidden.
    periods: Sequence[datetime.date] = ()

    @cached_property
    def dimensions(self) -> dict[str, list[tuple[Hashable, str | Promise]]]:
        return {
            "groups": [(group.id, group.name) for group in self.census.groups],
            "roles": list(Role.choices),
            "needs": list(SupportNeed.choices),
        }

    @cached_property
    def visibility(self) -> dict[CellKey, Visibility] | None:
        if not self.protected:
            return None
        categories = {name: [c for c, _ in pairs] for name, pairs in self.dimensions.items()}
        unstable: set[CellKey] = set()
        if self.periods:
            trees = trees_on(self.complex, self.periods)
            trees[self.census.day] = self.census.root
            unstable = unstable_cells(self.census.day, trees, categories)
        return protect(self.census.root, categories, unstable)

    @cached_property
    def tables(self) -> list[Table]:
        return build_tables(self.census.root, self.dimensions, self.visibility)

    @cached_property
    def summary(self) -> Summary:
        tally = self.census.root.tally

        def shown(dimension: str, category: Hashable) -> bool:
            return self.visibility is None or (
                self.visibility[(None, dimension, category)] == Visibility.SHOWN
            )

        residents_shown = shown(RESIDENTS, "")
        supporting = tally.roles[Role.SUPPORTING]
        return Summary(
            units=tally.places + tally.out_of_use,
            places=tally.places,
            # Hidden with the occupancy: together with the places it would give it away.
            vacant=tally.vacant if residents_shown else None,
            occupancy=tally.occupancy if residents_shown else None,
            supporting_share=100 * supporting / tally.residents
            if tally.residents and residents_shown and shown("roles", Role.SUPPORTING)
            else None,
            occupancy_hidden=not residents_shown,
            supporting_hidden=not (residents_shown and shown("roles", Role.SUPPORTING)),
        )


def mix_report(
    complex_: Complex,
    day: datetime.date,
    *,
    protected: bool,
    periods: Sequence[datetime.date] = (),
) -> MixReport:
    return MixReport(complex_, take_census(complex_, day), protected, periods)


def aggregate_report(complex_: Complex, chosen: datetime.date | None = None) -> MixReport:
    """What those who see aggregates only get: the last month end on or before `chosen` (the
    last one that has ended by default), protected against small counts and against
    comparing month ends."""
    periods = month_ends(complex_.exploitation_start, timezone.localdate())
    day = max((p for p in periods if chosen is None or p <= chosen), default=periods[0])
    return mix_report(complex_, day, protected=True, periods=periods)
