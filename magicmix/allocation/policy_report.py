"""Every bound before and after the round: count, target, slack or shortfall."""

from __future__ import annotations

from collections.abc import Mapping

from .model import Dimension
from .problem import BoundState, Problem, Profile, counts
from .result import BoundReport, DesignationReport, Reason, reason


def after_counts(problem: Problem, units: Mapping[int, str]) -> list[int]:
    after = [b.before for b in problem.bounds]
    for index, unit in units.items():
        candidate = problem.candidates[index]
        for bi in problem.cell_bounds[problem.unit_cell[unit]]:
            if counts(problem.bounds[bi].bound, candidate.profile):
                after[bi] += 1
    return after


def _notes(b: BoundState, shortfall: int, excess: int) -> tuple[Reason, ...]:
    notes = []
    if b.exceeded_before and b.target_max is not None:
        notes.append(reason("exceeded_before", before=b.before, limit=b.target_max))
    if b.min_capped and b.target_min is not None and b.lo is not None:
        notes.append(reason("min_capped", limit=b.target_min, effective=b.lo))
    # A hard bound missed means the round did not run (its hard bounds conflict): say so,
    # never "soft bound, penalty 0".
    if shortfall:
        if b.bound.hard:
            notes.append(reason("shortfall_hard", n=shortfall))
        else:
            notes.append(reason("shortfall", n=shortfall, penalty=b.bound.penalty))
    if excess:
        if b.bound.hard:
            notes.append(reason("excess_hard", n=excess))
        else:
            notes.append(reason("excess", n=excess, penalty=b.bound.penalty))
    return tuple(notes)


def policy_report(problem: Problem, units: Mapping[int, str]) -> tuple[BoundReport, ...]:
    rows = []
    for b, after in zip(problem.bounds, after_counts(problem, units), strict=True):
        shortfall = max(0, b.lo - after) if b.lo is not None else 0
        excess = max(0, after - b.hi) if b.hi is not None else 0
        scope = problem.scopes[b.bound.scope]
        rows.append(
            BoundReport(
                b.bound.id,
                scope.id,
                scope.name,
                b.bound.dimension.value,
                b.bound.value,
                b.bound.hard,
                b.places,
                b.before,
                after,
                b.target_min,
                b.target_max,
                b.lo,
                b.hi,
                shortfall,
                excess,
                _notes(b, shortfall, excess),
            )
        )
    return tuple(rows)


def designation_report(problem: Problem, units: Mapping[int, str]) -> tuple[DesignationReport, ...]:
    """Per designation (dimension, value, hard): designated vacancies, how many were let and
    how many of those to residents the designation counts."""
    who = {unit: problem.candidates[index] for index, unit in units.items()}
    rows: dict[tuple[str, str, bool], list[int]] = {}
    for cell in problem.cells:
        dimension, value, hard = cell.kind.designation
        if not dimension:
            continue
        row = rows.setdefault((dimension, value, hard), [0, 0, 0])
        for unit in cell.units:
            row[0] += 1
            if unit in who:
                row[1] += 1
                row[2] += trait_of(who[unit].profile, Dimension(dimension)) == value
    return tuple(DesignationReport(d, v, h, *counts) for (d, v, h), counts in sorted(rows.items()))


def trait_of(profile: Profile, dimension: Dimension) -> str | None:
    group, role, support, partner = profile
    if dimension is Dimension.GROUP:
        return group
    if dimension is Dimension.ROLE:
        return role.value
    if dimension is Dimension.SUPPORT:
        return support.value
    return partner


def penalty(problem: Problem, report: tuple[BoundReport, ...]) -> float:
    return sum(
        (r.shortfall + r.excess) * b.bound.penalty
        for b, r in zip(problem.bounds, report, strict=True)
        if not r.hard
    )
