"""Fingerprints of the engine's results, to show a speed change leaves them as they were.

    .venv/bin/python bench/allocation/fingerprint.py --sizes S M --seeds 1 2 3 --out before.json
    .venv/bin/python bench/allocation/fingerprint.py --sizes S M --seeds 1 2 3 --compare before.json

Per size, seed and mode: fill, score, and a hash of the assignments (unit, applicant, rank)
and of every explanation's reasons (codes and parameters). `--scarce N` adds rounds of the
M shape with N applicants (fewer than its vacancies). With `--compare`, exits 1 and names
the rows whose fill or score differ, and counts those whose units or explanations differ (the
serial modes may lay out committed applicants differently within their options).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from magicmix.allocation.engine import allocate
from magicmix.allocation.generate import generate
from magicmix.allocation.model import Mode


def _hash(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def fingerprint(size: str, seed: int, mode: Mode, applicants: int | None) -> dict[str, Any]:
    round_ = generate(size, seed, applicants)
    started = time.process_time()
    result = allocate(round_, mode, seed, with_max_fill=False)
    cpu = time.process_time() - started
    return {
        "size": size,
        "seed": seed,
        "mode": mode.value,
        "applicants": len(round_.applicants),
        "filled": result.metrics.filled,
        "score": round(result.metrics.score, 6),
        "assignments": _hash([(a.unit_id, a.applicant_id, a.rank) for a in result.assignments]),
        "explanations": _hash(
            [
                (e.applicant_id, e.unit_id, [(r.code, dict(r.params)) for r in e.reasons])
                for e in result.explanations
            ]
        ),
        "solves": result.solves,
        "cpu_seconds": round(cpu, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="*", default=["S", "M"])
    parser.add_argument("--seeds", nargs="+", type=int, default=[1, 2, 3])
    parser.add_argument("--modes", nargs="+", default=[m.value for m in Mode])
    parser.add_argument("--scarce", nargs="*", type=int, default=[], help="M with N applicants")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    runs = [(size, None) for size in args.sizes] + [("M", n) for n in args.scarce]
    for size, applicants in runs:
        for seed in args.seeds:
            for mode in args.modes:
                row = fingerprint(size, seed, Mode(mode), applicants)
                print(json.dumps(row), file=sys.stderr, flush=True)
                rows.append(row)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1) + "\n")
    if args.compare:
        before = {
            (r["size"], r["seed"], r["mode"], r["applicants"]): r
            for r in json.loads(args.compare.read_text())
        }
        pairs = [
            (old, r)
            for r in rows
            if (old := before.get((r["size"], r["seed"], r["mode"], r["applicants"]))) is not None
        ]
        differ = [
            r for old, r in pairs if (old["filled"], old["score"]) != (r["filled"], r["score"])
        ]
        laid_out = sum(
            1
            for old, r in pairs
            if (old["assignments"], old["explanations"]) != (r["assignments"], r["explanations"])
        )
        for r in differ:
            print(
                f"fill or score differs: {r['size']} seed {r['seed']} {r['mode']} {r['applicants']}"
            )
        print(f"{len(pairs) - len(differ)} of {len(pairs)} with the same fill and score")
        print(f"{laid_out} of {len(pairs)} with other units or explanations")
        if differ:
            sys.exit(1)


if __name__ == "__main__":
    main()
