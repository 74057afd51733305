"""Optimal mode: maximise the weighted score of the whole round under the policy."""

from __future__ import annotations

import math

from .. import formulation
from ..problem import Candidate, Problem
from ..reachability import Unreachable
from ..result import Certificate
from .outcome import Outcome
from .seats import Seats


def allocate(problem: Problem) -> Outcome:
    solution = formulation.solve(
        problem, formulation.initial_state(problem), problem.score, presolve=False
    )
    if not solution.feasible:
        raise Unreachable
    seats = Seats(problem)
    units = {index: seats.take(cell) for index, cell in sorted(solution.placement.items())}
    certificate = Certificate(solution.objective, solution.dual_bound, solution.gap)
    positions = {c.index: c.position for c in problem.candidates}
    return Outcome(units=units, certificate=certificate, positions=positions, serial=False)


def max_fill(problem: Problem, filled: int = 0) -> int:
    """The most vacancies any allocation under the hard bounds fills.

    `filled`: what an allocation at hand already fills. When that is every
    vacancy, or the LP bound shows no allocation fills more, nothing else is
    solved; the integer programme (slow when thousands of applicants tie) runs
    only when the bound leaves room.
    """
    state = formulation.initial_state(problem)
    if filled >= sum(state.capacity):
        return filled
    bound = formulation.upper_bound(problem, state, _one, soft=False)
    if bound is None:
        raise Unreachable
    if math.floor(bound + 1e-6) <= filled:
        return filled
    solution = formulation.solve(problem, state, _one, soft=False)
    if not solution.feasible:
        raise Unreachable
    return len(solution.placement)


def _one(candidate: Candidate, rank: int) -> float:
    return 1.0
