"""Benchmark the allocation engine side by side with the textbook IP and SciPy.

    .venv/bin/python bench/allocation/run.py --out bench/allocation/results.json

Each measurement runs in its own child process (for an honest peak memory and a
hard time limit). Prints a Markdown table; --out also writes the raw numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def measure(
    kind: str, size: str, mode: str, seed: int, applicants: int | None, limit: float
) -> dict[str, Any]:
    """Run one measurement in this process (called in the child)."""
    from magicmix.allocation.engine import allocate, without_mix
    from magicmix.allocation.generate import generate
    from magicmix.allocation.model import Mode
    from magicmix.allocation.problem import Problem

    round_ = generate(size, seed, applicants)
    row: dict[str, Any] = {
        "kind": kind,
        "size": size,
        "mode": mode,
        "applicants": len(round_.applicants),
    }
    started = time.perf_counter()
    cpu_started = time.process_time()  # all threads of this process; the machine is shared
    if kind == "engine":
        result = allocate(round_, Mode(mode), seed, with_max_fill=False)
        row.update(
            filled=result.metrics.filled,
            vacancies=result.metrics.vacancies,
            score=result.metrics.score,
            feasible=result.feasible,
            solves=result.solves,
            relayouts=result.relayouts,
            refuted=result.refuted,
        )
        if result.certificate is not None:
            row.update(gap=result.certificate.gap, bound=result.certificate.bound)
    elif kind == "json":  # the engine, then its result written as JSON (streamed)
        import tempfile

        from magicmix.allocation.export import write_json

        result = allocate(round_, Mode(mode), seed, with_max_fill=False)
        row["engine_seconds"] = time.perf_counter() - started
        row["engine_cpu_seconds"] = time.process_time() - cpu_started
        row["engine_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        write_started = time.perf_counter()
        write_cpu = time.process_time()
        with tempfile.TemporaryFile("w", encoding="utf-8") as handle:
            write_json(result, handle)
            row["json_mb"] = handle.tell() / 1e6
        row["json_seconds"] = time.perf_counter() - write_started
        row["json_cpu_seconds"] = time.process_time() - write_cpu
    elif kind == "floor":  # OR-Tools min-cost flow, applicants to complexes, no mix bounds
        complexes = {c.id: i for i, c in enumerate(round_.complexes)}
        capacity = [0] * len(complexes)
        for c in Problem(without_mix(round_)).cells:
            capacity[complexes[c.chain[0]]] += c.capacity
        arcs = [
            (a, complexes[t], rank)
            for a, applicant in enumerate(round_.applicants)
            for rank, t in enumerate(applicant.preferences)
            if t in complexes
        ]
        request = json.dumps(
            {
                "applicants": len(round_.applicants),
                "complexes": len(complexes),
                "capacity": capacity,
                "arcs": [x for arc in arcs for x in arc],
            }
        )
        done = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("_floor.py"))],
            input=request,
            capture_output=True,
            text=True,
            check=True,
        )
        answer = json.loads(done.stdout)
        row.update(solver_seconds=answer["seconds"], placed=answer["placed"])
        row["seconds"] = answer["seconds"]  # the floor is its build and solve, not our JSON
        row["cpu_seconds"] = answer["cpu_seconds"]  # the child's own CPU time: OR-Tools runs there
        row["peak_mb"] = 0.0
        return row
    elif kind == "textbook":
        from magicmix.allocation.tests import textbook

        problem = Problem(round_)
        (answer,) = textbook.solve([textbook.instance(problem)], solver=mode, time_limit=limit)
        row.update(
            solver_seconds=answer["seconds"], score=answer["objective"], optimal=answer["optimal"]
        )
        if not answer["optimal"]:
            row["timeout"] = limit  # the solver's own time limit ran out
    else:  # SciPy maximum-weight matching on the round without mix bounds
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        problem = Problem(without_mix(round_))
        units = sorted(u for cell in problem.cells for u in cell.units)
        index = {u: i for i, u in enumerate(units)}
        n = len(problem.candidates)
        weights = np.full((n, len(units) + n), -1e9)
        weights[:, len(units) :] = 0.0
        for c in problem.candidates:
            for option in c.options:
                for cell in option.cells:
                    for u in problem.cells[cell].units:
                        weights[c.index, index[u]] = problem.score(c, option.rank)
        solve_start = time.perf_counter()
        rows, cols = linear_sum_assignment(weights, maximize=True)
        row.update(
            solver_seconds=time.perf_counter() - solve_start, score=float(weights[rows, cols].sum())
        )
    row["seconds"] = time.perf_counter() - started
    row["cpu_seconds"] = time.process_time() - cpu_started
    row["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return row


def child(
    kind: str, size: str, mode: str, seed: int, applicants: int | None, limit: float
) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--child",
        kind,
        size,
        mode,
        str(seed),
        str(applicants or 0),
        str(limit - 10),
    ]
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=limit, cwd=ROOT, check=True, env=env
        )
    except subprocess.TimeoutExpired:
        return {
            "kind": kind,
            "size": size,
            "mode": mode,
            "applicants": applicants,
            "timeout": limit,
        }
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| what | size | mode/solver | applicants | seconds | peak MB | filled | score | gap |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        seconds = f"> {r['timeout']:.0f} (stopped)" if "timeout" in r else f"{r['seconds']:.1f}"
        if "cpu_seconds" in r:
            seconds += f" (CPU {r['cpu_seconds']:.1f})"
        if "solver_seconds" in r:
            seconds += f" (solver {r['solver_seconds']:.1f})"
        if "solves" in r:
            seconds += f", {r['solves']} solves"
            if r.get("relayouts") or r.get("refuted"):
                seconds += f" ({r['relayouts']} relayouts; {r['refuted']} refuted by certificate)"
        if "json_seconds" in r:
            seconds = (
                f"engine {r['engine_seconds']:.1f} (CPU {r['engine_cpu_seconds']:.1f}, "
                f"{r['engine_peak_mb']:.0f} MB), JSON {r['json_seconds']:.1f} "
                f"(CPU {r['json_cpu_seconds']:.1f}, {r['json_mb']:.0f} MB written)"
            )
        filled = f"{r['filled']}/{r['vacancies']}" if "filled" in r else ""
        score = f"{r['score']:.1f}" if r.get("score") is not None else ""
        gap = f"{r['gap']:.1e}" if "gap" in r else ""
        peak = f"{r['peak_mb']:.0f}" if "peak_mb" in r else ""
        lines.append(
            f"| {r['kind']} | {r['size']} | {r['mode']} | {r.get('applicants', '')} | {seconds} | {peak} | {filled} | {score} | {gap} |"
        )
    return "\n".join(lines)


def _median(rows: list[dict[str, Any]]) -> float:
    return sorted(r["cpu_seconds"] for r in rows)[len(rows) // 2]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, size, mode, seed, applicants, *limit = sys.argv[2:]
        print(
            json.dumps(
                measure(
                    kind,
                    size,
                    mode,
                    int(seed),
                    int(applicants) or None,
                    float(limit[0]) if limit else 600.0,
                )
            )
        )
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["S", "M", "L"])
    parser.add_argument(
        "--modes", nargs="*", default=["optimal", "priority", "lottery", "per-vacancy"]
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=300.0, help="seconds per measurement")
    parser.add_argument(
        "--scaling",
        action="store_true",
        help="also time M optimal and priority at 25k and 50k applicants",
    )
    parser.add_argument(
        "--scarce",
        action="store_true",
        help="also time M with 4,000 applicants (fewer than vacancies)",
    )
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--no-textbook", action="store_true", help="leave out the textbook IP and SciPy on S"
    )
    parser.add_argument(
        "--json", nargs="*", default=[], help="sizes at which to time writing the result as JSON"
    )
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []

    def run(kind: str, size: str, mode: str, applicants: int | None = None) -> dict[str, Any]:
        row = child(kind, size, mode, args.seed, applicants, args.limit)
        print(json.dumps(row), file=sys.stderr, flush=True)
        rows.append(row)
        return row

    ratios: dict[str, float] = {}
    cpu_ratios: dict[str, float] = {}
    for size in args.sizes:
        floor = run("floor", size, "OR-Tools min-cost flow")
        for mode in args.modes:
            row = run("engine", size, mode)
            if "seconds" in row and "seconds" in floor:
                ratios[f"{size} {mode}"] = round(row["seconds"] / floor["seconds"], 1)
                cpu_ratios[f"{size} {mode}"] = round(row["cpu_seconds"] / floor["cpu_seconds"], 1)
        if size in args.json:
            run("json", size, "priority")
        if size == "S" and not args.no_textbook:
            run("textbook", size, "HIGHS")
            run("textbook", size, "SCIP")
            run("scipy", size, "linear_sum_assignment")
    scaling: dict[str, float | None] = {}
    if args.scaling:
        # Three runs per size, median CPU time: one run's noise is larger than the effect measured.
        for mode in ("optimal", "priority"):
            half = [run("engine", "M", mode, 25_000) for _ in range(3)]
            full = [run("engine", "M", mode, 50_000) for _ in range(3)]
            both = all("cpu_seconds" in r for r in half + full)
            scaling[mode] = round(_median(full) / _median(half), 2) if both else None
    if args.scarce:
        for mode in ("optimal", "priority"):
            run("engine", "M", mode, 4_000)
    machine = f"{platform.processor() or platform.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    print(table(rows))
    print(f"\nscaling by median CPU time of 3 runs (M, 50k vs 25k applicants): {scaling}")
    print(f"engine seconds / OR-Tools min-cost-flow floor seconds: {ratios}")
    print(f"engine CPU seconds / floor CPU seconds: {cpu_ratios}")
    load = os.getloadavg()
    if args.out:
        args.out.write_text(
            json.dumps(
                {
                    "command": " ".join(sys.argv),
                    "machine": machine,
                    "rows": rows,
                    "scaling": scaling,
                    "ratio_to_floor": ratios,
                    "cpu_ratio_to_floor": cpu_ratios,
                    "load_average_at_end": load,
                },
                indent=2,
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
