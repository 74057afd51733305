"""The optimal mode's objective equals independent solvers on many small random rounds."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from magicmix.allocation.engine import allocate, without_mix
from magicmix.allocation.model import Mode
from magicmix.allocation.problem import Problem

from . import textbook
from .factories import random_round

SEEDS = range(60)


def test_objective_equals_textbook_integer_programme_solved_by_or_tools() -> None:
    rounds = [random_round(seed, applicants=7, units=5) for seed in SEEDS]
    oracle = textbook.solve([textbook.instance(Problem(r)) for r in rounds], solver="SCIP")
    infeasible = 0
    for round_, expected in zip(rounds, oracle, strict=True):
        result = allocate(round_, Mode.OPTIMAL)
        assert result.feasible == expected["feasible"], round_.id
        if not result.feasible:
            infeasible += 1
            continue
        assert result.certificate is not None and result.certificate.proven_optimal
        assert abs(result.certificate.objective - expected["objective"]) < 1e-6, round_.id
        assert abs(result.metrics.score - expected["objective"]) < 1e-6, round_.id
    assert 0 < infeasible < len(rounds), "the sample should hold feasible and infeasible rounds"


def _scipy_best(problem: Problem) -> float:
    """Maximum-weight matching of applicants to units by SciPy, each applicant may stay out."""
    units = sorted(u for cell in problem.cells for u in cell.units)
    n = len(problem.candidates)
    weights = np.full((n, len(units) + n), -1e9)
    weights[:, len(units) :] = 0.0  # one "stay out" column per applicant
    for candidate in problem.candidates:
        for option in candidate.options:
            for c in option.cells:
                for u in problem.cells[c].units:
                    weights[candidate.index, units.index(u)] = problem.score(candidate, option.rank)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return float(weights[rows, cols].sum())


def test_without_mix_bounds_objective_equals_scipy_matching() -> None:
    for seed in SEEDS:
        round_ = without_mix(random_round(seed, applicants=8, units=6))
        result = allocate(round_, Mode.OPTIMAL)
        assert result.certificate is not None
        assert abs(result.certificate.objective - _scipy_best(Problem(round_))) < 1e-6, round_.id
