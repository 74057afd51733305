"""When applicants are scarce, priority mode refuses seats without solving where an earlier
solve already proved the applicant cannot be spared, and the result keeps its promise."""

from __future__ import annotations

from typing import Any

import pytest

from magicmix.allocation import reachability
from magicmix.allocation.problem import counts

from .envy import justified_envy
from .factories import random_round

# Small rounds (found by search) in which an applicant needed elsewhere is refused a better seat
# in more than one cell, so the second refusal comes from the first one's proof.
ROUNDS = [random_round(seed, applicants=5, units=4) for seed in (328, 1143, 2328)] + [
    random_round(seed, applicants=4, units=6) for seed in (111, 441, 2196)
]


def test_refusals_without_solving_leave_no_justified_envy(monkeypatch: pytest.MonkeyPatch) -> None:
    skipped: list[str] = []
    admits = reachability.Reachability._admits

    def spy(self: reachability.Reachability, candidate: Any, cell: int) -> bool:
        credit = frozenset(
            bi
            for bi in self.hard_at[cell]
            if counts(self.problem.bounds[bi].bound, candidate.profile)
        )
        if (candidate.index, credit) in self.hopeless:
            skipped.append(candidate.applicant.id)
        return admits(self, candidate, cell)

    monkeypatch.setattr(reachability.Reachability, "_admits", spy)
    for round_ in ROUNDS:
        before = len(skipped)
        assert justified_envy(round_) is None
        assert len(skipped) > before, f"round {round_.id} no longer takes the shortcut"
