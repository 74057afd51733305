"""Priority and lottery modes: applicants in order, each takes the best option still open.

Strict priority at the level of the chosen option: an applicant who names a
complex (or a cluster) is indifferent between its units, so serving commits
them to the *option* they got, not to a unit. An option is open when some
layout of everyone served so far (each within the option they were committed
to) plus the applicant, completed by applicants still waiting, meets every hard
bound at every cluster level. The current layout is tried first, cell by cell
(`reachability.py` keeps a witness completion, so that is cheap); only when it
has no room does an integer programme look for another layout, and a refusal
is final only when counting or that programme proves it. The units are handed
out when the round is complete, from the last layout.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..problem import Candidate, Option, Problem
from ..reachability import Reachability
from .outcome import Closed, Outcome, Why
from .seats import Seats


def allocate(problem: Problem, order: Sequence[Candidate]) -> Outcome:
    reach = Reachability(problem, order)
    # Refusals read off the layout; many applicants in a row are refused the same option
    # before the layout changes, so the answer is kept per (profile, option cells, layout).
    # Options are shared between applicants too (immutable, living with the round), so the
    # answer with the option's rank and target is kept per (profile, option, layout) as well.
    seen: dict[tuple[object, int, int], Closed] = {}
    answered: dict[tuple[object, int, int], Closed] = {}

    def refusal(candidate: Candidate, option: Option) -> Closed:
        mine = (candidate.profile, id(option), reach.version)
        found = answered.get(mine)
        if found is not None:
            return found
        key = (candidate.profile, id(option.cells), reach.version)
        closed = seen.get(key)
        if closed is None:
            closed = seen[key] = _refusal(reach, candidate, option)
        if closed.rank != option.rank or closed.target != option.target:
            closed = Closed(
                option.rank,
                option.target,
                closed.why,
                closed.bound,
                closed.count,
                closed.bounds,
                closed.full_elsewhere,
            )
        answered[mine] = closed
        return closed

    outcome = Outcome(positions={c.index: i for i, c in enumerate(order)})
    for candidate in order:
        passed: list[Closed] = []
        for option in candidate.options:
            if not reach.is_refused(candidate, option) and (
                _take(reach, candidate, option) or reach.relayout(candidate, option) is not None
            ):
                break
            passed.append(refusal(candidate, option))
        else:
            reach.leave(candidate)
        outcome.closed[candidate.index] = passed
    # Explain full cells and maxima with the final layout, the one the applicants see.
    for index, passed in outcome.closed.items():
        candidate = problem.candidates[index]
        by_rank = {o.rank: o for o in candidate.options}
        for k, closed in enumerate(passed):
            if closed.why is not Why.MINIMUM:
                final = refusal(candidate, by_rank[closed.rank])
                if final.why is not Why.MINIMUM:
                    passed[k] = final
    seats = Seats(problem)
    for candidate in order:
        cell = reach.layout.get(candidate.index)
        if cell is not None:
            outcome.units[candidate.index] = seats.take(cell)
    outcome.solves, outcome.relayouts, outcome.refuted = (
        reach.solves,
        reach.relayouts,
        reach.refuted,
    )
    return outcome


def _take(reach: Reachability, candidate: Candidate, option: Option) -> bool:
    """Place `candidate` in a cell of `option` in the current layout, if one is open there."""
    for cell in reach.problem.soft_order(candidate.profile, option.cells):
        if reach.capacity[cell] <= 0 or reach.exceeds_maximum(candidate, cell) is not None:
            continue
        if reach.place(candidate, cell, option):
            return True
    return False


def _refusal(reach: Reachability, candidate: Candidate, option: Option) -> Closed:
    """Why `option` is closed to `candidate`, read off the current layout: every cell full (taken),
    or at a hard maximum counting them or else full (which maxima), or else a hard minimum."""
    maxima: list[int] = []
    full = False
    mine = reach.problem.counting(candidate.profile)
    for cell in option.cells:
        over = reach.maximum_reached(mine, cell)
        if over is None and reach.capacity[cell] <= 0:
            full = True
            continue
        if over is None:
            bound, count = reach.blame(reach.tight_minimums(candidate, cell))
            return Closed(option.rank, option.target, Why.MINIMUM, bound, count)
        if over not in maxima:
            maxima.append(over)
    if not maxima:
        return Closed(option.rank, option.target, Why.TAKEN)
    return Closed(
        option.rank,
        option.target,
        Why.MAXIMUM,
        maxima[0],
        reach.fixed[maxima[0]],
        tuple(maxima),
        full,
    )
