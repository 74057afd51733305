"""Optimal mode: maximise the weighted score of the whole round under the policy."""

from __future__ import annotations

import dataclasses
import math

from .. import formulation
from ..policy_report import penalty, policy_report
from ..problem import Candidate, Problem
from ..reachability import Unreachable
from ..result import Certificate
from . import priority
from .outcome import Outcome
from .seats import Seats


def allocate(problem: Problem) -> Outcome:
    state = dataclasses.replace(
        formulation.initial_state(problem),
        designation_cost=problem.round.policy.weights.designation,
    )
    solution = formulation.solve(problem, state, problem.score, presolve=False)
    positions = {c.index: c.position for c in problem.candidates}
    if not solution.feasible and problem.timed_out:
        # Nothing found in time: the priority mode's allocation is the best we have.
        served = priority.allocate(problem, sorted(problem.candidates, key=lambda c: c.position))
        objective = _objective(problem, served.units)
        bound = max(_upper_bound(problem), objective)
        return Outcome(
            units=served.units,
            certificate=Certificate(objective, bound, _gap(bound, objective)),
            positions=positions,
            serial=False,
        )
    if not solution.feasible:
        raise Unreachable
    seats = Seats(problem)
    units = {index: seats.take(cell) for index, cell in sorted(solution.placement.items())}
    certificate = Certificate(solution.objective, solution.dual_bound, solution.gap)
    if problem.timed_out:
        # The LP may have been cut short too: only a bound that needs no solve is sure.
        bound = max(_upper_bound(problem), solution.objective)
        certificate = Certificate(solution.objective, bound, _gap(bound, solution.objective))
    return Outcome(units=units, certificate=certificate, positions=positions, serial=False)


def _objective(problem: Problem, units: dict[int, str]) -> float:
    report = policy_report(problem, units)
    return sum(
        problem.score(c, rank)
        for index, unit in units.items()
        for c in [problem.candidates[index]]
        for rank in [problem.rank_of(c, problem.unit_cell[unit])]
        if rank is not None
    ) - penalty(problem, report)


def _upper_bound(problem: Problem) -> float:
    """A bound on the objective that needs no solve: the best score of each applicant, for as
    many applicants as there are vacancies (penalties only lower the objective)."""
    best = sorted(
        (max(problem.score(c, o.rank) for o in c.options) for c in problem.candidates if c.options),
        reverse=True,
    )
    return float(sum(v for v in best[: sum(cell.capacity for cell in problem.cells)] if v > 0))


def _gap(bound: float, objective: float) -> float:
    return max(0.0, (bound - objective) / max(1.0, abs(bound)))


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
