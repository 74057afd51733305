"""The four allocation modes; `run` picks one."""

from __future__ import annotations

from ..model import Mode
from ..problem import Problem
from ..ranking import lottery_order
from . import optimal, per_vacancy, priority
from .outcome import Outcome


def run(problem: Problem, mode: Mode, seed: int = 0) -> Outcome:
    if mode is Mode.OPTIMAL:
        return optimal.allocate(problem)
    if mode is Mode.PER_VACANCY:
        return per_vacancy.allocate(problem)
    if mode is Mode.LOTTERY:
        by_id = {c.applicant.id: c for c in problem.candidates}
        return priority.allocate(
            problem, [by_id[a.id] for a in lottery_order(problem.round.applicants, seed)]
        )
    return priority.allocate(problem, sorted(problem.candidates, key=lambda c: c.position))
