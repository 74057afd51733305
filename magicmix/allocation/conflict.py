"""When the hard bounds cannot hold together: name a smallest conflicting set.

A deletion filter over the hard bounds, with HiGHS deciding feasibility: drop a
bound, and if the rest is still infeasible it was not needed. What remains is
irreducible: removing any one of its bounds makes the round feasible. Single
bounds are tried first, so a bound that is infeasible on its own is named alone.
"""

from __future__ import annotations

from . import formulation
from .problem import BoundState, Problem


def _feasible(problem: Problem, bounds: list[BoundState]) -> bool:
    return formulation.solve(
        problem, formulation.initial_state(problem), None, bounds=bounds, soft=False, deadline=False
    ).feasible


def smallest_conflict(problem: Problem) -> list[BoundState]:
    hard = [b for b in problem.bounds if b.bound.hard]
    # Maxima alone are met by placing nobody, so every conflict holds a minimum.
    for b in hard:
        if b.lo is not None and not _feasible(problem, [b]):
            return [b]
    keep = list(hard)
    for b in hard:
        trial = [k for k in keep if k is not b]
        if not _feasible(problem, trial):
            keep = trial
    return keep
