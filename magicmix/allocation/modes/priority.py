"""Priority and lottery modes: applicants in order, each takes the best option still open.

An option is open when a vacancy in it is left, taking it breaks no hard
maximum, and the hard minimums stay reachable with the applicants after them
(see `reachability.py`). Within one preference rank the cells are tried in a
fixed order, so the result depends only on the round and the order.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..problem import Candidate, Problem
from ..reachability import Reachability
from .outcome import Closed, Outcome, Why
from .seats import Seats


def allocate(problem: Problem, order: Sequence[Candidate]) -> Outcome:
    reach = Reachability(problem, order)
    seats = Seats(problem)
    outcome = Outcome(positions={c.index: i for i, c in enumerate(order)})
    for candidate in order:
        passed: list[Closed] = []
        for option in candidate.options:
            cell = _open_cell(
                problem, reach, seats, candidate, option.cells, option.rank, option.target, passed
            )
            if cell is not None:
                outcome.units[candidate.index] = seats.take(cell)
                break
        else:
            reach.leave(candidate)
        outcome.closed[candidate.index] = passed
    return outcome


def _open_cell(
    problem: Problem,
    reach: Reachability,
    seats: Seats,
    candidate: Candidate,
    cells: Sequence[int],
    rank: int,
    target: str,
    passed: list[Closed],
) -> int | None:
    blocked: Closed | None = None
    for cell in cells:
        if not seats.left(cell):
            continue
        over = reach.exceeds_maximum(candidate, cell)
        if over is not None:
            blocked = blocked or Closed(rank, target, Why.MAXIMUM, over, reach.fixed[over])
            continue
        if reach.place(candidate, cell):
            return cell
        blocked = blocked or Closed(
            rank, target, Why.MINIMUM, *reach.blame(reach.tight_minimums(candidate, cell))
        )
    passed.append(blocked or Closed(rank, target, Why.TAKEN))
    return None
