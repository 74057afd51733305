"""The warm model (`formulation.Warm`) answers as a fresh model does, on random rounds.

The serial modes keep one HiGHS instance per round and only change bounds between
solves. Each random state below (who is still waiting, vacancies, counts, committed
applicants, which bounds apply) is solved twice in sequence on the same warm model and
once cold (`formulation.solve`, itself checked against SCIP and brute force elsewhere):
both must agree on feasibility and on the optimum's value, and the warm placement is
checked against the round's data directly.
"""

from __future__ import annotations

import random

import pytest

from magicmix.allocation import formulation
from magicmix.allocation.problem import Candidate, Problem, counts

from .factories import nested_round


def _lean(candidate: Candidate, rank: int) -> float:
    """As the witness values applicants: place as few as the bounds need."""
    return -1.0 - (candidate.index % 7) / 10 - rank / 100


def _eager(candidate: Candidate, rank: int) -> float:
    """Place as many as possible, better choices first (fractional vertices happen)."""
    return 10.0 - rank - (candidate.index % 3) / 10


def _random_state(problem: Problem, rng: random.Random) -> tuple[formulation.State, list[int]]:
    """A state as the serial modes pose it, and the bounds (indices) that apply."""
    shuffled = [c for c in problem.candidates if c.options]
    rng.shuffle(shuffled)
    committed = shuffled[: rng.randint(0, len(shuffled) // 3)]
    pool = [c for c in shuffled[len(committed) :] if rng.random() < 0.8]
    required = [(c, rng.choice(c.options)) for c in committed]
    capacity = [rng.randint(0, c.capacity) for c in problem.cells]
    fixed = [b.before + rng.choice((0, 0, 1)) for b in problem.bounds]
    bounds = [b.index for b in problem.bounds if b.bound.hard and rng.random() < 0.8]
    return formulation.State(pool, capacity, fixed, required), bounds


def _check(
    problem: Problem, state: formulation.State, bounds: list[int], placement: dict[int, int]
) -> None:
    allowed = {c.index: c.options for c in state.candidates}
    allowed.update((c.index, (o,)) for c, o in state.required)
    assert {c.index for c, _ in state.required} <= set(placement)
    used = [0] * len(problem.cells)
    for index, cell in placement.items():
        used[cell] += 1
        assert any(
            cell in problem.target_cells[o.target] and problem.cells[cell].kind_id in o.kinds
            for o in allowed[index]
        )
    assert all(u <= cap for u, cap in zip(used, state.capacity, strict=True))
    for bi in bounds:
        b = problem.bounds[bi]
        total = state.fixed[bi] + sum(
            1
            for index, cell in placement.items()
            if cell in b.cells and counts(b.bound, problem.candidates[index].profile)
        )
        assert (b.lo is None or total >= b.lo) and (b.hi is None or total <= b.hi)


@pytest.mark.parametrize("seed", range(40))
def test_warm_solves_agree_with_cold_ones(seed: int) -> None:
    problem = Problem(nested_round(seed, applicants=14, units=8))
    rng = random.Random(seed)
    value = _lean if seed % 2 else _eager
    warm = formulation.Warm(problem, problem.candidates, value)
    for _ in range(6):
        state, bounds = _random_state(problem, rng)
        subset = [problem.bounds[bi] for bi in bounds]
        cold = formulation.solve(problem, state, value, subset, soft=False, deadline=False)
        for _ in range(2):  # the second solve starts from the first one's basis
            answer = warm.solve(state, subset)
            assert answer.feasible == cold.feasible
            if answer.feasible:
                _check(problem, state, bounds, answer.placement)
                assert answer.objective == pytest.approx(cold.objective, abs=1e-6)
