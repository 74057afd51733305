"""The textbook integer programme: one binary per (applicant, unit), solved by OR-Tools.

This is the reference the tests hold the optimal mode against, and the
baseline the benchmarks time. It shares only the round's data with the engine
(which pairs are acceptable and what each is worth), not its aggregation,
formulation or solver. OR-Tools and highspy bundle clashing builds of HiGHS,
so the solve runs in a child process (`_textbook_solver.py`, a plain script
that imports nothing from this package) reading JSON on stdin.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from magicmix.allocation.problem import Problem, counts

Instance = dict[str, Any]


def instance(problem: Problem) -> Instance:
    """The round as plain data: pairs with scores, unit and applicant of each pair, bound rows."""
    pairs: list[tuple[int, int, float]] = []  # applicant, unit, score
    units = sorted(u for cell in problem.cells for u in cell.units)
    unit_index = {u: i for i, u in enumerate(units)}
    for candidate in problem.candidates:
        for option in candidate.options:
            for c in option.cells:
                for u in problem.cells[c].units:
                    pairs.append(
                        (candidate.index, unit_index[u], problem.score(candidate, option.rank))
                    )
    bounds = []
    for b in problem.bounds:
        members = [
            k
            for k, (a, u, _) in enumerate(pairs)
            if problem.unit_cell[units[u]] in b.cells
            and counts(b.bound, problem.candidates[a].profile)
        ]
        bounds.append(
            {
                "pairs": members,
                "before": b.before,
                "lo": b.lo,
                "hi": b.hi,
                "hard": b.bound.hard,
                "penalty": b.bound.penalty,
            }
        )
    return {
        "applicants": len(problem.candidates),
        "units": len(units),
        "pairs": pairs,
        "bounds": bounds,
    }


def solve(
    instances: list[Instance], solver: str = "SCIP", time_limit: float = 600.0
) -> list[dict[str, Any]]:
    """Solve each instance in one child process; per instance: feasible, optimal, objective, seconds."""
    request = json.dumps({"solver": solver, "time_limit": time_limit, "instances": instances})
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("_textbook_solver.py"))],
        input=request,
        capture_output=True,
        text=True,
        check=True,
    )
    answer: list[dict[str, Any]] = json.loads(done.stdout)
    return answer
