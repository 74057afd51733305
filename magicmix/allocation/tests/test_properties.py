"""Property-based tests: hard bounds hold, no justified envy, determinism, input order."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import Mode, Round
from magicmix.allocation.problem import Problem, counts
from magicmix.allocation.result import Result

from .envy import justified_envy
from .factories import random_round

seeds = st.integers(min_value=0, max_value=10**6)
SETTINGS = settings(max_examples=40, deadline=None)


def _counts_after(problem: Problem, result: Result) -> list[int]:
    """Residents per bound after the round, counted from the assignment alone."""
    by_id = {c.applicant.id: c for c in problem.candidates}
    totals = []
    for b in problem.bounds:
        total = b.before
        for a in result.assignments:
            if b.bound.scope in problem.unit_chain[a.unit_id] and counts(
                b.bound, by_id[a.applicant_id].profile
            ):
                total += 1
        totals.append(total)
    return totals


@SETTINGS
@given(seeds, st.sampled_from(list(Mode)))
def test_every_hard_bound_holds(seed: int, mode: Mode) -> None:
    round_ = random_round(seed)
    problem = Problem(round_)
    result = allocate(round_, mode, seed)
    if not result.feasible:
        assert result.conflict is not None and result.conflict.bound_ids
        return
    for b, total in zip(problem.bounds, _counts_after(problem, result), strict=True):
        if b.bound.hard:
            assert b.lo is None or total >= b.lo, b.bound
            assert b.hi is None or total <= b.hi, b.bound


@SETTINGS
@given(seeds)
def test_priority_mode_has_no_justified_envy(seed: int) -> None:
    round_ = random_round(seed, applicants=5, units=4)
    assert justified_envy(round_) is None


@SETTINGS
@given(seeds, st.integers(min_value=0, max_value=1000))
def test_same_input_and_seed_give_the_same_output(seed: int, lottery_seed: int) -> None:
    round_ = random_round(seed)
    assert allocate(round_, Mode.LOTTERY, lottery_seed) == allocate(
        round_, Mode.LOTTERY, lottery_seed
    )


def _shuffled(round_: Round, seed: int) -> Round:
    rng = random.Random(seed)
    applicants = list(round_.applicants)
    rng.shuffle(applicants)
    bounds = list(round_.policy.bounds)
    rng.shuffle(bounds)
    complex_ = round_.complexes[0]
    clusters = list(complex_.clusters)
    rng.shuffle(clusters)
    return dataclasses.replace(
        round_,
        applicants=tuple(applicants),
        complexes=(dataclasses.replace(complex_, clusters=tuple(clusters)),),
        policy=dataclasses.replace(round_.policy, bounds=tuple(bounds)),
    )


@SETTINGS
@given(seeds, st.sampled_from(list(Mode)))
def test_shuffling_input_order_changes_nothing(seed: int, mode: Mode) -> None:
    round_ = random_round(seed)
    first = allocate(round_, mode, 7)
    second = allocate(_shuffled(round_, seed), mode, 7)
    assert first.assignments == second.assignments
    assert first.explanations == second.explanations
    assert first.metrics == second.metrics
