"""The most vacancies any allocation fills (the yardstick for the price of strict priority)
equals the textbook integer programme with every placement worth 1, on many small rounds."""

from __future__ import annotations

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import Mode
from magicmix.allocation.modes.optimal import max_fill
from magicmix.allocation.problem import Problem

from . import textbook
from .factories import random_round

SEEDS = range(60)


def _fill_instance(problem: Problem) -> textbook.Instance:
    """Every pair worth 1, soft bounds left out: the textbook IP then maximises the fill."""
    instance = textbook.instance(problem)
    instance["pairs"] = [(a, u, 1.0) for a, u, _ in instance["pairs"]]
    instance["bounds"] = [b for b in instance["bounds"] if b["hard"]]
    return instance


def test_max_fill_equals_the_textbook_maximum() -> None:
    rounds = [random_round(seed, applicants=8, units=6) for seed in SEEDS]
    problems = [Problem(r) for r in rounds]
    oracle = textbook.solve([_fill_instance(p) for p in problems], solver="SCIP")
    short = 0
    for round_, problem, expected in zip(rounds, problems, oracle, strict=True):
        if not expected["feasible"]:
            continue
        best = round(expected["objective"])
        assert max_fill(problem) == best, round_.id
        result = allocate(round_, Mode.PRIORITY)  # passes its own fill as a known lower bound
        assert result.max_fill == best, round_.id
        short += result.metrics.filled < best
    assert short > 0, (
        "the sample should hold rounds where strict priority fills fewer than the maximum"
    )
