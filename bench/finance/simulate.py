"""Benchmark the policy simulator: Monte Carlo runs of a 565-unit complex over 15 years with
monthly rounds in priority mode, on one worker process and on two.

    timeout 1800 .venv/bin/python bench/finance/simulate.py --runs 100 --out bench/finance/results.json

The complex has 28 gangs of about 20 units, half of them let to statushouders, under a mix
policy of 45–55 % statushouders for the complex (hard). Workers are plain processes
(multiprocessing), not the database task queue: this measures the simulator and the engine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from magicmix import allocation as engine
from magicmix.finance.simulation import Flow, Setup, simulate

MONTHS = 15 * 12


def setup(seed: int) -> Setup:
    gangs = []
    for g in range(28):
        size = 21 if g < 5 else 20
        units = tuple(
            engine.Unit(
                f"g{g}-u{i}",
                "studio",
                23.0,
                1,
                True,
                False,
                470.0,
                "jongerencontract",
                engine.Occupant(
                    "statushouder" if i % 2 else "jongere",
                    engine.Role.SUPPORTED if i % 2 else engine.Role.SUPPORTING,
                    engine.SupportLevel.NONE,
                ),
            )
            for i in range(size)
        )
        gangs.append(engine.Cluster(f"g{g}", f"Gang {g}", "gang", (), units))
    complex_ = engine.Complex("havenwerf", "Havenwerf", tuple(gangs))
    bound = engine.Bound(
        "statushouders", "havenwerf", engine.Dimension.GROUP, "statushouder", 0.45, 0.55, True
    )
    # Stays of 5 years on average (a jongerencontract); about 565 / 60 ≈ 9.4 moves a month.
    return Setup(
        complex_,
        (
            Flow("jongere", engine.Role.SUPPORTING, 8.0, 60.0, patience=12.0),
            Flow("statushouder", engine.Role.SUPPORTED, 6.0, 60.0, patience=6.0),
        ),
        months=MONTHS,
        policy=engine.Policy(bounds=(bound,)),
        round_every=1.0,
        seed=seed,
    )


def one(seed: int) -> tuple[float, float]:
    """A run's mean occupancy and the CPU seconds it took (the machine is shared: wall time
    alone would count other people's work)."""
    start = time.process_time()
    occupancy = simulate(setup(seed)).occupancy
    return occupancy, time.process_time() - start


def measure(runs: int, workers: int) -> dict[str, float]:
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        done = pool.map(one, range(runs), chunksize=1)
    seconds = time.perf_counter() - start
    cpu = sum(c for _, c in done)
    return {
        "workers": workers,
        "runs": runs,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "cpu_seconds_per_run": round(cpu / runs, 3),
        "runs_per_second_per_worker": round(runs / seconds / workers, 3),
        # The result does not depend on the number of workers: the same seeds, the same runs.
        "mean_occupancy": round(sum(o for o, _ in done) / runs, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows = [measure(args.runs, workers) for workers in (1, 2)]
    result = {
        "speed_up_two_workers": round(rows[0]["seconds"] / rows[1]["seconds"], 2),
        "load_average_after": os.getloadavg(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "complex": "565 units, 28 gangs, 15 years, monthly rounds, priority mode",
        "measurements": rows,
    }
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
