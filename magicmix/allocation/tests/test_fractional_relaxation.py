"""Rounds whose LP relaxation is fractional still get the textbook integer optimum, proven.

The optimal mode solves an LP and only falls back to integer programming when
the LP optimum is fractional: first with every placed applicant fixed (only the
seat counts per cell must become whole), then, if that cannot meet the LP
bound, the full MIP started from that split. These rounds were picked because
they take those paths; the test checks that they still do, so it cannot pass
by skipping them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from magicmix.allocation import formulation
from magicmix.allocation.engine import allocate
from magicmix.allocation.generate import Size, generate
from magicmix.allocation.model import Mode, Round
from magicmix.allocation.problem import Problem

from . import textbook
from .factories import random_round

# Two small complexes with 300 applicants: the LP places whole applicants but splits seats.
SPLIT_SEATS = [generate(Size(2, (40, 50), 15, 300, 2), seed) for seed in (49, 365)]
# Small random rounds whose LP relaxation places fractions of applicants.
SPLIT_APPLICANTS = [random_round(seed, applicants=25, units=12) for seed in (77, 181, 236, 374)]


@pytest.fixture
def paths(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which rounding path each solve took: 'whole seats' or 'full MIP'."""
    taken: list[str] = []
    whole_seats, integer = formulation._whole_seats, formulation._integer

    def spy_whole(*args: Any) -> np.ndarray | None:
        found = whole_seats(*args)
        taken.append("whole seats" if found is not None else "no whole seats")
        return found

    def spy_integer(*args: Any) -> formulation.Solution:
        if args[2] is not None:  # an LP bound is known: the LP optimum was fractional
            taken.append("full MIP")
        return integer(*args)

    monkeypatch.setattr(formulation, "_whole_seats", spy_whole)
    monkeypatch.setattr(formulation, "_integer", spy_integer)
    return taken


def _check_against_textbook(rounds: list[Round]) -> None:
    oracle = textbook.solve([textbook.instance(Problem(r)) for r in rounds], solver="SCIP")
    for round_, expected in zip(rounds, oracle, strict=True):
        result = allocate(round_, Mode.OPTIMAL, with_max_fill=False)
        assert expected["optimal"] and result.certificate is not None, round_.id
        assert result.certificate.proven_optimal, round_.id
        assert result.metrics.score == pytest.approx(expected["objective"], abs=1e-6), round_.id


def test_seat_counts_made_whole_with_applicants_fixed(paths: list[str]) -> None:
    _check_against_textbook(SPLIT_SEATS)
    assert paths == ["whole seats"] * len(SPLIT_SEATS)


def test_fractional_applicants_go_to_the_full_integer_programme(paths: list[str]) -> None:
    _check_against_textbook(SPLIT_APPLICANTS)
    assert paths == ["no whole seats", "full MIP"] * len(SPLIT_APPLICANTS)
