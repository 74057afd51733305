"""The council report: per complex of a municipality, the latest value of every indicator and
the neighbourhood figures, aggregates only (from the indicators computed ahead), for the
municipality's policy officers and for the corporation to take to the council."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from magicmix.accounts.models import User
from magicmix.housing.models import Complex

from .indicators import Expectation, Series, registered
from .neighbourhood import Neighbourhood, neighbourhood
from .portfolio import MAX_COMPLEXES, Mix, complexes_of, latest_text, mixes, stored_series


@dataclass(frozen=True)
class Figure:
    expectation: Expectation
    label: str
    text: str


@dataclass(frozen=True)
class CouncilComplex:
    complex: Complex
    mix: Mix
    figures: list[Figure]
    neighbourhood: Neighbourhood


def figures(series: dict[str, Series]) -> list[Figure]:
    """The latest shown value of every indicator, from one complex's stored series."""
    return [
        Figure(indicator.expectation, str(indicator.label), latest_text(series.get(code)))
        for code, indicator in registered().items()
    ]


def municipalities(user: User) -> list[str]:
    return sorted(set(complexes_of(user).values_list("municipality", flat=True)))


def council(user: User, today: datetime.date, municipality: str = "") -> list[CouncilComplex]:
    found = complexes_of(user)
    if municipality:
        found = found.filter(municipality=municipality)
    complexes = list(found[:MAX_COMPLEXES])
    stored = stored_series(complexes, list(registered()))
    mix = mixes(complexes, today)
    around = neighbourhood(complexes, today)
    return [
        CouncilComplex(
            complex_,
            mix[complex_.pk],
            figures(stored.get(complex_.pk, {})),
            around[complex_.pk],
        )
        for complex_ in complexes
    ]
