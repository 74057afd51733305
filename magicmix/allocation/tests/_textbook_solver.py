"""Child process of `textbook.py`: solve textbook integer programmes with OR-Tools.

Reads {"solver", "time_limit", "instances"} as JSON on stdin, writes one result per
instance as JSON on stdout. Imports nothing from magicmix (see textbook.py).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from ortools.linear_solver import pywraplp


def _solve_one(data: dict[str, Any], solver_name: str, time_limit: float) -> dict[str, Any]:
    solver = pywraplp.Solver.CreateSolver(solver_name)
    solver.SetTimeLimit(int(time_limit * 1000))
    y = [solver.BoolVar(f"y{k}") for k in range(len(data["pairs"]))]
    by_applicant: dict[int, list[int]] = {}
    by_unit: dict[int, list[int]] = {}
    for k, (a, u, _) in enumerate(data["pairs"]):
        by_applicant.setdefault(a, []).append(k)
        by_unit.setdefault(u, []).append(k)
    for ks in [*by_applicant.values(), *by_unit.values()]:
        solver.Add(sum(y[k] for k in ks) <= 1)
    objective = [score * y[k] for k, (_, _, score) in enumerate(data["pairs"])]
    for b in data["bounds"]:
        count = b["before"] + sum(y[k] for k in b["pairs"])
        if b["hard"]:
            if b["lo"] is not None:
                solver.Add(count >= b["lo"])
            if b["hi"] is not None:
                solver.Add(count <= b["hi"])
            continue
        if b["lo"] is not None:
            short = solver.NumVar(0, solver.infinity(), "")
            solver.Add(count + short >= b["lo"])
            objective.append(-b["penalty"] * short)
        if b["hi"] is not None:
            over = solver.NumVar(0, solver.infinity(), "")
            solver.Add(count - over <= b["hi"])
            objective.append(-b["penalty"] * over)
    solver.Maximize(sum(objective))
    started = time.perf_counter()
    status = solver.Solve()
    seconds = time.perf_counter() - started
    feasible = status in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE)
    return {
        "feasible": feasible,
        "optimal": status == pywraplp.Solver.OPTIMAL,
        "objective": solver.Objective().Value() if feasible else None,
        "seconds": seconds,
    }


def main() -> None:
    request = json.loads(sys.stdin.read())
    sys.stdout.write(
        json.dumps(
            [_solve_one(i, request["solver"], request["time_limit"]) for i in request["instances"]]
        )
    )


if __name__ == "__main__":
    main()
