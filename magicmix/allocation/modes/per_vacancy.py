"""Per-vacancy baseline, what corporations do today: each vacancy in turn goes to the
best-ranked applicant who wants it, is eligible and still fits the policy.

Vacancies are taken in unit-id order. Preference rank plays no part in who gets
a vacancy, only whether the applicant listed it at all.
"""

from __future__ import annotations

from ..problem import Problem
from ..reachability import Reachability
from .outcome import Closed, Outcome, Why
from .seats import Seats


def allocate(problem: Problem) -> Outcome:
    order = sorted(problem.candidates, key=lambda c: c.position)
    reach = Reachability(problem, order)
    seats = Seats(problem)
    outcome = Outcome(positions={c.index: c.position for c in problem.candidates})
    wanting: list[list[int]] = [[] for _ in problem.cells]
    for candidate in order:
        for option in candidate.options:
            for cell in option.cells:
                wanting[cell].append(candidate.index)
    for cell in problem.soft:  # a soft-designated unit is offered to its own group first
        wanting[cell].sort(key=lambda i: problem.soft_miss(problem.candidates[i].profile, cell))
    unit_order = sorted((unit, cell.index) for cell in problem.cells for unit in cell.units)
    for _, cell in unit_order:
        for index in wanting[cell]:
            candidate = problem.candidates[index]
            if index in outcome.units:
                continue
            rank = problem.rank_of(candidate, cell)
            assert rank is not None
            target = candidate.options[[o.rank for o in candidate.options].index(rank)].target
            over = reach.exceeds_maximum(candidate, cell)
            if over is not None:
                outcome.closed.setdefault(index, []).append(
                    Closed(rank, target, Why.MAXIMUM, over, reach.fixed[over])
                )
                continue
            if reach.place(candidate, cell):
                outcome.units[index] = seats.take(cell)
                break
            outcome.closed.setdefault(index, []).append(
                Closed(
                    rank, target, Why.MINIMUM, *reach.blame(reach.tight_minimums(candidate, cell))
                )
            )
        else:
            seats.take(cell)
            reach.close(cell)
    return outcome
