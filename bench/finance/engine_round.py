"""Where the engine's time goes on the simulator's tiny rounds (for whoever tunes the engine).

    .venv/bin/python bench/finance/engine_round.py --out bench/finance/engine_round.json

Records the 180 monthly rounds of one benchmark run (565 units, ~9 vacancies, ~18 applicants
handed to the engine), then replays them through the steps of `allocation.engine._allocate`,
timing each step in CPU time without a profiler (profilers inflate the many small calls).
Reads the engine's internals only to time them; changes nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from simulate import setup

from magicmix import allocation as engine
from magicmix.allocation import modes
from magicmix.allocation.explain import explain_all
from magicmix.allocation.metrics import metrics
from magicmix.allocation.policy_report import designation_report, penalty, policy_report
from magicmix.allocation.problem import Problem
from magicmix.allocation.ranking import lacking
from magicmix.finance.simulation import run as simulation


def recorded_rounds() -> list[engine.Round]:
    rounds: list[engine.Round] = []
    allocate = engine.allocate

    def keep(
        round_: engine.Round, mode: engine.Mode, seed: int, *, with_max_fill: bool
    ) -> engine.Result:
        rounds.append(round_)
        return allocate(round_, mode, seed, with_max_fill=with_max_fill)

    simulation.engine.allocate = keep  # type: ignore[assignment]
    try:
        simulation.simulate(setup(0))
    finally:
        simulation.engine.allocate = allocate
    return rounds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rounds = recorded_rounds()
    steps: dict[str, float] = dict.fromkeys(
        [
            "allocate (whole call)",
            "Problem(round)",
            "Problem(round, with_bounds=False)",
            "modes.run (priority)",
            "explain_all",
            "policy_report + penalty",
            "metrics",
            "designation_report",
            "lacking",
        ],
        0.0,
    )
    for round_ in rounds:
        clock = time.process_time
        t = clock()
        engine.allocate(round_, engine.Mode.PRIORITY, 0, with_max_fill=False)
        steps["allocate (whole call)"] += clock() - t
        t = clock()
        problem = Problem(round_)
        steps["Problem(round)"] += clock() - t
        t = clock()
        Problem(round_, with_bounds=False)
        steps["Problem(round, with_bounds=False)"] += clock() - t
        t = clock()
        outcome = modes.run(problem, engine.Mode.PRIORITY, 0)
        steps["modes.run (priority)"] += clock() - t
        t = clock()
        explain_all(problem, outcome)
        steps["explain_all"] += clock() - t
        t = clock()
        report = policy_report(problem, outcome.units)
        cost = penalty(problem, report)
        steps["policy_report + penalty"] += clock() - t
        t = clock()
        metrics(problem, outcome.units, cost)
        steps["metrics"] += clock() - t
        t = clock()
        designation_report(problem, outcome.units)
        steps["designation_report"] += clock() - t
        t = clock()
        lacking(round_.applicants, round_.ranking)
        steps["lacking"] += clock() - t
    n = len(rounds)
    result = {
        "rounds": n,
        "units": sum(1 for _ in simulation.units_of(rounds[0].complexes[0])),
        "mean_vacancies": round(
            statistics.fmean(
                sum(u.occupant is None for u in simulation.units_of(r.complexes[0])) for r in rounds
            ),
            1,
        ),
        "mean_applicants": round(statistics.fmean(len(r.applicants) for r in rounds), 1),
        "cpu_ms_per_round": {k: round(v / n * 1000, 2) for k, v in steps.items()},
    }
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
