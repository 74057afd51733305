"""The engine's front door: run a round in a mode, compare modes, price the mix.

`allocate` compiles the round (`problem.py`), runs a mode (`modes/`), and turns
the outcome into a `Result`: assignments, an explanation per applicant, the
policy report and the metrics. Infeasible hard bounds never raise; the result
says so and names a smallest conflicting set (`conflict.py`).
"""

from __future__ import annotations

import dataclasses

from . import modes
from .conflict import smallest_conflict
from .explain import explain_all
from .metrics import metrics
from .model import Mode, Round
from .modes.optimal import max_fill
from .policy_report import designation_report, penalty, policy_report
from .problem import Problem
from .ranking import lacking, lottery_order, priority_order
from .reachability import Unreachable
from .result import (
    Assignment,
    Comparison,
    Conflict,
    Explanation,
    Metrics,
    PriceOfMix,
    Result,
    reason,
)


def allocate(
    round_: Round,
    mode: Mode = Mode.PRIORITY,
    seed: int = 0,
    *,
    with_max_fill: bool = True,
    time_limit: float | None = None,
) -> Result:
    """Run `round_` in `mode`. `time_limit` (seconds, default the round's own) bounds the
    solves; the result says whether it was reached."""
    return _allocate(Problem(round_), mode, seed, with_max_fill, time_limit)


def _allocate(
    problem: Problem, mode: Mode, seed: int, with_max_fill: bool, time_limit: float | None = None
) -> Result:
    limit = problem.round.time_limit if time_limit is None else time_limit
    problem.start_clock(limit)
    try:
        outcome = modes.run(problem, mode, seed)
    except Unreachable:
        return _infeasible(problem, mode, seed)
    timed_out = problem.timed_out
    problem.start_clock(None)
    report = policy_report(problem, outcome.units)
    assignments = tuple(
        sorted(
            (
                Assignment(
                    unit, problem.candidates[i].applicant.id, problem.unit_chain[unit][0], rank + 1
                )
                for i, unit in outcome.units.items()
                for rank in [problem.rank_of(problem.candidates[i], problem.unit_cell[unit])]
                if rank is not None
            ),
            key=lambda a: a.unit_id,
        )
    )
    return Result(
        round_id=problem.round.id,
        mode=mode,
        seed=seed,
        feasible=True,
        assignments=assignments,
        explanations=explain_all(problem, outcome),
        policy=report,
        metrics=metrics(problem, outcome.units, penalty(problem, report)),
        certificate=outcome.certificate,
        max_fill=max_fill(problem, len(outcome.units))
        if with_max_fill and outcome.serial and not timed_out
        else None,
        time_limit=limit,
        time_limit_reached=timed_out,
        solves=outcome.solves,
        relayouts=outcome.relayouts,
        refuted=outcome.refuted,
        designations=designation_report(problem, outcome.units),
        missing_keys=lacking(problem.round.applicants, problem.round.ranking),
    )


def _infeasible(problem: Problem, mode: Mode, seed: int) -> Result:
    ids = tuple(b.bound.id for b in smallest_conflict(problem))
    why = reason("infeasible", bounds=", ".join(ids))
    explanations = tuple(
        Explanation(c.applicant.id, None, None, (reason("not_placed"), why))
        for c in problem.candidates
    )
    return Result(
        round_id=problem.round.id,
        mode=mode,
        seed=seed,
        feasible=False,
        assignments=(),
        explanations=explanations,
        policy=policy_report(problem, {}),
        metrics=metrics(problem, {}, 0.0),
        conflict=Conflict(ids, why),
    )


def serving_order(round_: Round, mode: Mode, seed: int = 0) -> list[str]:
    """Applicant ids in the order `mode` serves them (the ranking rule, or the lottery's draw).
    Optimal mode has no serving order; it is given the ranking rule's, used for its priority term."""
    if mode is Mode.LOTTERY:
        return [a.id for a in lottery_order(round_.applicants, seed)]
    return [a.id for a in priority_order(round_.applicants, round_.ranking, round_.missing)]


def without_mix(round_: Round) -> Round:
    """The same round with every mix bound removed (eligibility stays)."""
    return dataclasses.replace(round_, policy=dataclasses.replace(round_.policy, bounds=()))


def price_of_mix(
    round_: Round, mode: Mode = Mode.PRIORITY, seed: int = 0, with_mix: Result | None = None
) -> PriceOfMix:
    mixed = with_mix or allocate(round_, mode, seed, with_max_fill=False)
    free = allocate(without_mix(round_), mode, seed, with_max_fill=False)
    placed_with = {a.applicant_id for a in mixed.assignments}
    return PriceOfMix(
        filled_with=mixed.metrics.filled,
        filled_without=free.metrics.filled,
        score_with=mixed.metrics.score,
        score_without=free.metrics.score,
        displaced=tuple(sorted({a.applicant_id for a in free.assignments} - placed_with)),
    )


def compare_modes(round_: Round, seed: int = 0) -> Comparison:
    problem = Problem(round_)
    results: dict[Mode, Metrics] = {}
    for mode in Mode:
        results[mode] = _allocate(problem, mode, seed, with_max_fill=False).metrics
    try:
        fill = max_fill(problem, max(m.filled for m in results.values()))
    except Unreachable:
        fill = 0
    return Comparison(results, fill)
