"""Indicators for the five expectations of a Magic Mix, in a registry.

An indicator is a small function `compute(context) -> Series`, registered with `@indicator`
under a code, a label and the expectation it informs. The dashboard shows every registered
indicator of each expectation. Modules that register indicators are named in `MODULES`; an
app's records enter by a module of its own here (the community app's incidents and
warnings are `indicators/conduct.py`, `participation.py`, `departures.py`, reading community's models), so
no app needs to import monitoring.

Every indicator protects small counts itself: a point that rests on fewer than 5 people is
not shown ("n too small"), and a share is shown only when its complement is 5 or more too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module

from django.db.models import QuerySet, TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from magicmix.housing.models import Complex
from magicmix.people.models import Person

from ..aggregates import TOTAL, protected_table

MODULES = (
    "magicmix.monitoring.indicators.stock",
    "magicmix.monitoring.indicators.administration",
    "magicmix.monitoring.indicators.surveys",
    "magicmix.monitoring.indicators.support",
    "magicmix.monitoring.indicators.conduct",
    "magicmix.monitoring.indicators.participation",
    "magicmix.monitoring.indicators.departures",
)


class Expectation(TextChoices):
    FEASIBLE = "feasible", _("financially more feasible")
    LESS_SUPPORT = "less_support", _("less professional support")
    LOWER_COSTS = "lower_costs", _("lower management costs")
    INTEGRATION = "integration", _("integration of statushouders")
    ISOLATION = "isolation", _("out of isolation")


@dataclass(frozen=True)
class Context:
    complex: Complex
    today: datetime.date
    # Survey and ZRM indicators count only these persons (a caseworker's own clients);
    # None: every resident of the complex.
    persons: QuerySet[Person] | None = None


@dataclass(frozen=True)
class Point:
    label: str
    value: float | None  # None: not shown, see `reason`
    n: int  # the people (or units) it rests on; shown only with the value
    reason: str | Promise = ""


@dataclass(frozen=True)
class Series:
    unit: str | Promise  # "%", "days", "" for a mean on the scale of the instrument
    points: list[Point]
    maximum: float | None = None  # the end of the scale, for the chart's axis
    references: list[Point] = field(default_factory=list)  # published figures beside ours
    note: str | Promise = ""

    @property
    def shown(self) -> list[Point]:
        return [point for point in self.points if point.value is not None]


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str | Promise
    expectation: Expectation
    compute: Callable[[Context], Series]
    description: str | Promise = ""


REGISTRY: dict[str, Indicator] = {}


def indicator(
    code: str, label: str | Promise, expectation: Expectation, description: str | Promise = ""
) -> Callable[[Callable[[Context], Series]], Callable[[Context], Series]]:
    def register(compute: Callable[[Context], Series]) -> Callable[[Context], Series]:
        REGISTRY[code] = Indicator(code, label, expectation, compute, description)
        return compute

    return register


def registered() -> dict[str, Indicator]:
    for module in MODULES:
        import_module(module)
    return REGISTRY


def not_shown(label: str, n: int) -> Point:
    return Point(label, None, n, _("n too small"))


def shares(label: str, counts: Sequence[int], counted: int) -> Point:
    """The share of category `counted` among `counts` (one count per category), shown only
    where the protected one-row table of all categories shows that count: below 5 is hidden,
    and so is a second count from which a hidden one could be worked out."""
    records = [(TOTAL, i) for i, count in enumerate(counts) for _n in range(count)]
    table = protected_table(records, [], [(i, str(i)) for i in range(len(counts))])
    assert table.total is not None
    cell = table.total.cells[counted]
    if cell.shown and cell.share is not None:
        return Point(label, cell.share, sum(counts))
    return not_shown(label, sum(counts))


def distribution(labelled: Sequence[tuple[str, int]]) -> list[Point]:
    """One point per category, its share of all, protected as in `shares`."""
    counts = [count for _label, count in labelled]
    return [shares(label, counts, i) for i, (label, _count) in enumerate(labelled)]
