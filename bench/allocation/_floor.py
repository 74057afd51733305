"""Child process of run.py: the min-cost-flow floor with OR-Tools (no highspy in this process).

Reads {"applicants", "complexes", "capacity", "arcs": [[applicant, complex, rank], ...]} as
JSON on stdin: applicants to complexes, cost = preference rank, every mix bound and
eligibility rule left out. Builds and solves the flow, writes seconds and cost as JSON.
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def main() -> None:
    data = json.loads(sys.stdin.read())
    started = time.perf_counter()
    cpu_started = time.process_time()
    n, k = data["applicants"], data["complexes"]
    arcs = np.array(data["arcs"], dtype=np.int64).reshape(-1, 3)
    source, out, sink = n + k, n + k + 1, n + k + 2  # out = left unplaced
    unplaced = int(arcs[:, 2].max(initial=0)) + 1
    tails = np.concatenate([np.full(n, source), arcs[:, 0], np.arange(n), n + np.arange(k), [out]])
    heads = np.concatenate(
        [np.arange(n), n + arcs[:, 1], np.full(n, out), np.full(k, sink), [sink]]
    )
    caps = np.concatenate([np.ones(n), np.ones(len(arcs)), np.ones(n), data["capacity"], [n]])
    costs = np.concatenate([np.zeros(n), arcs[:, 2], np.full(n, unplaced), np.zeros(k), [0]])
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32),
        heads.astype(np.int32),
        caps.astype(np.int64),
        costs.astype(np.int64),
    )
    flow.set_node_supply(source, n)
    flow.set_node_supply(sink, -n)
    status = flow.solve()
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    placed = int(flow.flows(np.arange(n, n + len(arcs), dtype=np.int32)).sum())
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "optimal": status == flow.OPTIMAL,
                "placed": placed,
            }
        )
    )


if __name__ == "__main__":
    main()
