"""API load benchmark: three read endpoints under gunicorn, 20 connections for 30 s each.

A plain script, not a test. It prepares the 100,000-person portfolio (`portfolio.prepare`: a
finished round and a fresh token), starts gunicorn (sync workers) on loopback with production
settings (DEBUG off), and drives each endpoint from `client.py`, a separate process of
`--connections` threads with one keep-alive connection each, for `--seconds` after a 5-second
warm-up. Client, server and PostgreSQL share the machine's cores. It prints a Markdown table and writes the numbers as JSON.

    createdb -h 127.0.0.1 -U postgres magicmix_apibench
    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/magicmix_apibench \
        .venv/bin/python bench/api/load.py --workers 4 --json bench/api/results-load.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from portfolio import ROOT, prepare, setup_django

PERCENTILES = (50, 95, 99)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    setup_django(1)
    from django.db import connection
    from django.db.models import Count

    from magicmix.housing.models import Complex

    fixture = prepare(1)
    largest = Complex.objects.annotate(size=Count("units")).order_by("-size", "pk").first()
    assert largest is not None
    endpoints = {
        "persons (page 1 of 100,000)": "/api/v1/persons",
        f"units of the largest complex ({largest.size} units)": (
            f"/api/v1/complexes/{largest.pk}/units"
        ),
        f"round result ({fixture.candidates} candidates)": (
            f"/api/v1/rounds/{fixture.round_id}/candidates"
        ),
    }
    vendor = connection.vendor
    connection.close()  # the workers open their own
    base = f"http://127.0.0.1:{args.port}"
    server = start_server(args.workers, args.port)
    try:
        wait_until_up(base)
        results = []
        for name, path in endpoints.items():
            warm(base + path, fixture.token, args.workers)
            before = os.getloadavg()[0]
            stats = run(base + path, fixture.token, args.connections, args.seconds)
            stats.update(
                endpoint=name, path=path, load_before=before, load_after=os.getloadavg()[0]
            )
            results.append(stats)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = {
        "database": vendor,
        "gunicorn_workers": args.workers,
        "connections": args.connections,
        "seconds": args.seconds,
        "cpus": os.cpu_count(),
        "machine": platform.platform(),
        "python": platform.python_version(),
        "note": "client (client.py), gunicorn and PostgreSQL share the same cores",
        "results": results,
    }
    print_table(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


def start_server(workers: int, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",  # plain http on loopback
        "SECURE_COOKIES": "0",
    }
    command = [sys.executable, "-m", "gunicorn", "magicmix.wsgi", "--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def wait_until_up(base: str) -> None:
    for _ in range(120):
        try:
            with urllib.request.urlopen(base + "/api/v1/openapi.json", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer within a minute")


def warm(url: str, token: str, workers: int) -> None:
    """A few seconds first: a worker's first requests load the app and the URL configuration."""
    run(url, token, workers, 5)


def run(url: str, token: str, connections: int, seconds: int) -> dict[str, object]:
    """Requests per second, percentiles and errors of `client.py` against one URL."""
    command = [sys.executable, str(Path(__file__).with_name("client.py")), url, token]
    out = subprocess.run(
        [*command, str(connections), str(seconds)], check=True, capture_output=True, text=True
    ).stdout
    measured = json.loads(out)
    latencies = measured["latencies_ms"]
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    failed = sum(n for code, n in measured["statuses"].items() if code != "200")
    return {
        "requests_per_second": round(len(latencies) / measured["seconds"], 1),
        "requests": len(latencies) + sum(measured["errors"].values()),
        "statuses": measured["statuses"],
        "transport_errors": measured["errors"],
        "errors": failed + sum(measured["errors"].values()),
        **{f"p{p}_ms": round(cuts[p - 1], 1) for p in PERCENTILES},
    }


def print_table(report: dict[str, object]) -> None:
    print(
        f"- {report['database']}, gunicorn {report['gunicorn_workers']} sync workers, "
        f"{report['connections']} connections × {report['seconds']} s, "
        f"{report['cpus']} CPUs shared by client and server\n"
    )
    print("| endpoint | requests/s | p50 ms | p95 ms | p99 ms | requests | errors | load avg |")
    print("|---|---|---|---|---|---|---|---|")
    for r in report["results"]:  # type: ignore[attr-defined]
        print(
            f"| {r['endpoint']} | {r['requests_per_second']:.1f} | {r['p50_ms']:.0f} "
            f"| {r['p95_ms']:.0f} | {r['p99_ms']:.0f} | {r['requests']} | {r['errors']} "
            f"| {r['load_before']:.1f} → {r['load_after']:.1f} |"
        )


if __name__ == "__main__":
    main()
