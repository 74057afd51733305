"""An independent check of "strict priority at the level of the chosen option".

For every applicant *a* (in the order the mode served them) it asks a small
integer programme: is there an allocation meeting every hard bound in which *a*
gets an option they rank higher than what they got, while every applicant
served before *a* gets an option at least as good as theirs? Applicants served
earlier may move between units of equal (or better) preference; applicants
served later, and earlier ones left out, are free. One binary per (applicant,
unit), solved by HiGHS: nothing of the engine's aggregation, witness or repairs
is reused, only the compiled round (which units each applicant may take at
which rank, and the bounds as whole numbers).
"""

from __future__ import annotations

import highspy
import numpy as np

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import Mode, Round
from magicmix.allocation.problem import Problem, counts
from magicmix.allocation.ranking import lottery_order


def served_order(problem: Problem, mode: Mode, seed: int) -> list[int]:
    """Candidate indices in the order the mode serves them."""
    if mode is Mode.LOTTERY:
        by_id = {c.applicant.id: c.index for c in problem.candidates}
        return [by_id[a.id] for a in lottery_order(problem.round.applicants, seed)]
    return [c.index for c in sorted(problem.candidates, key=lambda c: c.position)]


def strict_violation(round_: Round, mode: Mode = Mode.PRIORITY, seed: int = 0) -> str | None:
    """The first applicant who could have had a better option, or None."""
    problem = Problem(round_)
    result = allocate(round_, mode, seed, with_max_fill=False)
    if not result.feasible:
        return None
    got = {a.applicant_id: a.rank - 1 for a in result.assignments}
    by_id = {c.applicant.id: c for c in problem.candidates}
    for b in problem.bounds:
        total = b.before + sum(
            1
            for a in result.assignments
            if b.bound.scope in problem.unit_chain[a.unit_id]
            and counts(b.bound, by_id[a.applicant_id].profile)
        )
        if b.bound.hard and not (
            (b.lo is None or total >= b.lo) and (b.hi is None or total <= b.hi)
        ):
            return f"hard bound {b.bound.id} broken: {total} ({mode.value}, {round_.id})"
    for a in result.assignments:
        rank = problem.rank_of(by_id[a.applicant_id], problem.unit_cell[a.unit_id])
        if rank != a.rank - 1:
            return f"{a.applicant_id} in {a.unit_id} at rank {rank}, reported {a.rank}"
    return violation(problem, got, served_order(problem, mode, seed), f"{mode.value}, {round_.id}")


def violation(problem: Problem, got: dict[str, int], order: list[int], label: str) -> str | None:
    """The first applicant in `order` who could have had a better option than `got` (applicant id ->
    preference rank from 0; absent = not placed), or None."""
    acceptable = {
        c.index: {
            u: o.rank for o in c.options for cell in o.cells for u in problem.cells[cell].units
        }
        for c in problem.candidates
    }
    for turn, index in enumerate(order):
        candidate = problem.candidates[index]
        own = got.get(candidate.applicant.id)
        if own == 0:
            continue
        better = {u for u, r in acceptable[index].items() if own is None or r < own}
        if not better:
            continue
        allowed: dict[int, set[str]] = {}
        required: set[int] = {index}
        for earlier in order[:turn]:
            theirs = got.get(problem.candidates[earlier].applicant.id)
            if theirs is None:
                allowed[earlier] = set(acceptable[earlier])
            else:
                allowed[earlier] = {u for u, r in acceptable[earlier].items() if r <= theirs}
                required.add(earlier)
        allowed[index] = better
        for later in order[turn + 1 :]:
            allowed[later] = set(acceptable[later])
        if _feasible(problem, allowed, required):
            return (
                f"{candidate.applicant.id} could have had a better option than "
                f"{'nothing' if own is None else f'choice {own + 1}'} ({label})"
            )
    return None


def _feasible(problem: Problem, allowed: dict[int, set[str]], required: set[int]) -> bool:
    pairs = [(a, u) for a, units in sorted(allowed.items()) for u in sorted(units)]
    if not pairs:
        return not required
    rows: list[list[int]] = []
    lo: list[float] = []
    hi: list[float] = []
    for a in sorted(allowed):
        rows.append([k for k, (b, _) in enumerate(pairs) if b == a])
        lo.append(1.0 if a in required else 0.0)
        hi.append(1.0)
    for u in sorted({u for _, u in pairs}):
        rows.append([k for k, (_, v) in enumerate(pairs) if v == u])
        lo.append(0.0)
        hi.append(1.0)
    for b in problem.bounds:
        if not b.bound.hard:
            continue
        rows.append(
            [
                k
                for k, (a, u) in enumerate(pairs)
                if b.bound.scope in problem.unit_chain[u]
                and counts(b.bound, problem.candidates[a].profile)
            ]
        )
        lo.append(-np.inf if b.lo is None else float(b.lo - b.before))
        hi.append(np.inf if b.hi is None else float(b.hi - b.before))
    h = highspy.Highs()  # type: ignore[no-untyped-call]
    h.setOptionValue("output_flag", False)
    inf = highspy.kHighsInf
    for _ in pairs:
        h.addVar(0.0, 1.0)
    h.changeColsIntegrality(
        len(pairs),
        np.arange(len(pairs), dtype=np.int32),
        np.array([highspy.HighsVarType.kInteger] * len(pairs)),
    )
    for members, low, high in zip(rows, lo, hi, strict=True):
        h.addRow(
            max(low, -inf),
            min(high, inf),
            len(members),
            np.array(members, dtype=np.int32),
            np.ones(len(members)),
        )
    h.run()
    return bool(h.getModelStatus() == highspy.HighsModelStatus.kOptimal)
