"""Person search benchmark: the page `/persons/?q=` and the API `/api/v1/persons?search=`.

A plain script, not a test. On the portfolio of `--scale` (1: 100,000 persons, 10: 1,000,000;
`generate_portfolio`, seed 1, made here if absent) it asks each query of `QUERIES` through
Django's test Client — the page as the corporation's letting user (who sees every person), the
API with a letting token — once to warm up, once under `CaptureQueriesContext`, then `--runs`
times for p50/p95 of the wall time. It runs `EXPLAIN ANALYZE` (plain `EXPLAIN QUERY PLAN` on
SQLite) on every captured SQL statement that searches the persons and reports which index each
used. `--against` a JSON of another scale adds the ratio of the medians.

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/magicmix_apibench \
        .venv/bin/python bench/api/search.py --scale 1 --json bench/api/results-search-pg-1x.json
    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/magicmix_apibench_10x \
        .venv/bin/python bench/api/search.py --scale 10 --json bench/api/results-search-pg-10x.json \
        --against bench/api/results-search-pg-1x.json
    DEBUG=1 .venv/bin/python bench/api/search.py --scale 1   # SQLite, /tmp/magicmix-apibench-1x.sqlite3
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from portfolio import SEED, prepare, setup_django

QUERIES = {  # what a letting employee types; names as the generator draws them
    "surname prefix": "jans",
    "infix": "ssen",
    "full name": "Marijn de Vries",
    "rare surname": "Houteveen",
    "common surname": "Mebrahtu",
    "two letters": "de",
    "nothing": "xqzwy",
}
SEARCHING = re.compile(r"people_person.*(LIKE|MATCH)", re.S)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, choices=(1, 10), default=1)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--against", type=Path, help="results of another scale, for the ratio")
    args = parser.parse_args()
    # The test Client logs in without an authenticator code, as `bin/demo` does.
    os.environ.setdefault("TWO_FACTOR_REQUIRED", "0")
    setup_django(args.scale)
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client

    from magicmix.accounts.models import User
    from magicmix.people.models import Person

    token = prepare(args.scale).token
    page = Client()
    page.force_login(User.objects.get(email=f"verhuur@schaaltest-{SEED}.example"))
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    # Django empties the query log at the start of every request; keep it for the plans.
    request_started.disconnect(reset_queries)
    results = []
    for name, text in QUERIES.items():
        for surface, client, url in (
            ("page", page, f"/persons/?q={quote(text)}"),
            ("api", api, f"/api/v1/persons?search={quote(text)}"),
        ):
            results.append({"query": name, "text": text, "surface": surface, "url": url})
            results[-1].update(measure(client, url, args.runs))
    report = {
        "database": connection.vendor,
        "persons": Person.objects.count(),
        "runs": args.runs,
        "results": results,
    }
    if args.against:
        before = {
            (r["query"], r["surface"]): r for r in json.loads(args.against.read_text())["results"]
        }
        for r in results:
            r["ratio_p50"] = round(r["p50_ms"] / before[(r["query"], r["surface"])]["p50_ms"], 2)
    print_table(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


def measure(client: Any, url: str, runs: int) -> dict[str, Any]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # The API refuses a word shorter than 3 characters (400, `search` named); that is measured too.
    status = client.get(url).status_code
    assert status == 200 or (status == 400 and url.startswith("/api/")), url
    reset_queries()  # the log keeps 9,000 statements; past that nothing more is captured
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - began) * 1000)
    plans = [explain(q["sql"]) for q in queries.captured_queries if SEARCHING.search(q["sql"])]
    total = response.json()["totalCount"] if url.startswith("/api/") and status == 200 else None
    return {
        "status": status,
        "queries": len(queries),
        "total": total,
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(statistics.quantiles(times, n=20)[-1], 1),
        "scans": sorted({scan for plan in plans for scan in plan["scans"]}),
        "sql_ms": [plan["ms"] for plan in plans],
        "plans": plans,
    }


def explain(sql: str) -> dict[str, Any]:
    """The plan of one statement: its scan nodes, its time (PostgreSQL), its full text."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            lines = [row[0] for row in cursor.fetchall()]
            scans = [
                re.sub(r"\s+\(cost.*", "", re.sub(r".*->\s*", "", line)).strip()
                for line in lines
                if "Scan" in line
            ]
            ms = float(re.search(r"Execution Time: ([\d.]+)", lines[-1])[1])  # type: ignore[index]
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            lines = [row[-1] for row in cursor.fetchall()]
            scans = [line for line in lines if line.startswith(("SCAN", "SEARCH"))]
            ms = None
    return {"sql": sql, "scans": scans, "ms": ms, "plan": lines}


def print_table(report: dict[str, Any]) -> None:
    ratio = "ratio_p50" in report["results"][0]
    print(f"- {report['database']}, {report['persons']:,} persons, {report['runs']} runs\n")
    print(
        "| query | where | matches | p50 ms | p95 ms | SQL ms (EXPLAIN ANALYZE) |"
        + (" p50 ÷ --against |" if ratio else "")
    )
    print("|---|---|---|---|---|---|" + ("---|" if ratio else ""))
    for r in report["results"]:
        sql = ", ".join(f"{ms:.1f}" for ms in r["sql_ms"] if ms is not None) or "–"
        print(
            f"| {r['query']} `{r['text']}` | {r['surface']} | {r['total'] if r['total'] is not None else ''} "
            f"| {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {sql} |"
            + (f" {r['ratio_p50']:.2f} |" if ratio else "")
        )
    print("\nScans used:")
    for r in report["results"]:
        print(f"- {r['query']} ({r['surface']}): {'; '.join(r['scans'])}")


if __name__ == "__main__":
    main()
