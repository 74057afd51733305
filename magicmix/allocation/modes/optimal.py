"""Optimal mode: maximise the weighted score of the whole round under the policy."""

from __future__ import annotations

from .. import formulation
from ..problem import Problem
from ..reachability import Unreachable
from ..result import Certificate
from .outcome import Outcome
from .seats import Seats


def allocate(problem: Problem) -> Outcome:
    solution = formulation.solve(problem, formulation.initial_state(problem), problem.score, presolve=False)
    if not solution.feasible:
        raise Unreachable
    seats = Seats(problem)
    units = {index: seats.take(cell) for index, cell in sorted(solution.placement.items())}
    certificate = Certificate(solution.objective, solution.dual_bound, solution.gap)
    positions = {c.index: c.position for c in problem.candidates}
    return Outcome(units=units, certificate=certificate, positions=positions, serial=False)


def max_fill(problem: Problem) -> int:
    """The most vacancies any allocation under the hard bounds fills."""
    solution = formulation.solve(problem, formulation.initial_state(problem), lambda candidate, rank: 1.0, soft=False)
    if not solution.feasible:
        raise Unreachable
    return len(solution.placement)
