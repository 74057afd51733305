"""An independent brute-force check of the priority mode's promise: no justified envy.

No applicant prefers a unit that went to someone served after them, or stayed
empty, while they could have taken it with a completion (by the applicants
after them) that meets every hard bound. For rounds of a handful of applicants.
"""

from __future__ import annotations

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import Mode, Round
from magicmix.allocation.problem import Problem, counts


def justified_envy(round_: Round) -> str | None:
    """The first applicant who could have taken a preferred unit, or None."""
    problem = Problem(round_)
    result = allocate(round_, Mode.PRIORITY)
    if not result.feasible:
        return None
    got = {a.applicant_id: a.unit_id for a in result.assignments}
    order = [c.index for c in sorted(problem.candidates, key=lambda c: c.position)]
    before: dict[int, str] = {}
    for turn, index in enumerate(order):
        candidate = problem.candidates[index]
        options = _acceptable(problem, index)
        own = options.get(got.get(candidate.applicant.id, ""), len(candidate.applicant.preferences))
        for unit, rank in options.items():
            if (
                rank < own
                and unit not in before.values()
                and _completable(problem, {**before, index: unit}, order[turn + 1 :])
            ):
                return f"{candidate.applicant.id} could have taken {unit} in round {round_.id}"
        if candidate.applicant.id in got:
            before[index] = got[candidate.applicant.id]
    return None


def _fits(problem: Problem, taken: dict[int, str]) -> tuple[bool, bool]:
    """(no hard maximum broken, every hard minimum met) for residents plus `taken`."""
    low_ok = high_ok = True
    for b in problem.bounds:
        if not b.bound.hard:
            continue
        total = b.before + sum(
            1
            for index, unit in taken.items()
            if b.bound.scope in problem.unit_chain[unit]
            and counts(b.bound, problem.candidates[index].profile)
        )
        high_ok &= b.hi is None or total <= b.hi
        low_ok &= b.lo is None or total >= b.lo
    return high_ok, low_ok


def _acceptable(problem: Problem, index: int) -> dict[str, int]:
    candidate = problem.candidates[index]
    return {u: o.rank for o in candidate.options for c in o.cells for u in problem.cells[c].units}


def _completable(problem: Problem, taken: dict[int, str], rest: list[int]) -> bool:
    """Brute force: can applicants in `rest` take free units so that every hard bound holds?"""
    high_ok, low_ok = _fits(problem, taken)
    if not high_ok:
        return False
    if low_ok:
        return True
    if not rest:
        return False
    head, tail = rest[0], rest[1:]
    if _completable(problem, taken, tail):
        return True
    used = set(taken.values())
    for unit in _acceptable(problem, head):
        if unit not in used and _completable(problem, {**taken, head: unit}, tail):
            return True
    return False
