"""Figures that compare modes: fill, mean preference rank, score and priority displacement."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from .problem import Problem
from .result import Metrics


def ranks(problem: Problem, units: Mapping[int, str]) -> dict[int, int]:
    placed = {}
    for index, unit in units.items():
        rank = problem.rank_of(problem.candidates[index], problem.unit_cell[unit])
        assert rank is not None, "a mode placed an applicant outside their options"
        placed[index] = rank
    return placed


def displaced(problem: Problem, units: Mapping[int, str]) -> list[int]:
    """Applicants who prefer a unit that went to someone ranked below them by the ranking rule."""
    latest = [-1] * len(problem.cells)
    for index, unit in units.items():
        cell = problem.unit_cell[unit]
        latest[cell] = max(latest[cell], problem.candidates[index].position)
    rank = ranks(problem, units)
    latest_in: dict[int, int] = {}  # by id of the (shared) cell tuple
    result = []
    for candidate in problem.candidates:
        own = rank.get(candidate.index, len(candidate.applicant.preferences))
        for option in candidate.options:
            if option.rank >= own:
                break
            key = id(option.cells)
            if key not in latest_in:
                latest_in[key] = max(latest[c] for c in option.cells)
            if latest_in[key] > candidate.position:
                result.append(candidate.index)
                break
    return result


def metrics(problem: Problem, units: Mapping[int, str], penalty: float) -> Metrics:
    rank = ranks(problem, units)
    score = sum(problem.score(problem.candidates[i], r) for i, r in rank.items()) - penalty
    by_group = Counter(problem.candidates[i].applicant.group for i in displaced(problem, units))
    return Metrics(
        vacancies=sum(c.capacity for c in problem.cells),
        filled=len(units),
        mean_rank=(sum(rank.values()) / len(rank) + 1) if rank else 0.0,
        score=score,
        displaced_by_group=dict(sorted(by_group.items())),
    )
