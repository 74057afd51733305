"""Page benchmark: queries per page and median response time on a generated portfolio.

A plain script, not a test. It migrates the configured database, generates the portfolio once
(`generate_portfolio`, seed 1) if it is not there yet, then fetches each page through Django's
test Client as a letting user of the portfolio's corporation (who sees every person): once to
warm up, once under CaptureQueriesContext to count queries, then `--runs` times for the time.

    .venv/bin/python bench/pages/run.py --scale 1            # 100,000 persons, SQLite in /tmp
    .venv/bin/python bench/pages/run.py --scale 10           # 1,000,000 persons
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/magicmix_bench_1x \
        .venv/bin/python bench/pages/run.py --scale 1

Without DATABASE_URL it uses /tmp/magicmix-bench-<scale>x.sqlite3, never the development
database. It prints a Markdown table for RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCALES = {1: (50, 20_000, 100_000), 10: (500, 200_000, 1_000_000)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, choices=sorted(SCALES), default=1)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--wait", action="store_true", help="poll until every page answers 200")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", f"sqlite:////tmp/magicmix-bench-{args.scale}x.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magicmix.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from magicmix.demo import portfolio

    call_command("migrate", verbosity=0)
    complexes, units, persons = SCALES[args.scale]
    if not portfolio.exists(args.seed):
        call_command(
            "generate_portfolio",
            complexes=complexes,
            units=units,
            persons=persons,
            seed=args.seed,
        )
    measure(args.seed, args.runs, args.wait)


def measure(seed: int, runs: int, wait: bool) -> None:
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from magicmix.accounts.models import User
    from magicmix.demo import portfolio
    from magicmix.housing.models import Complex
    from magicmix.people.models import Person

    corporation = portfolio.names(seed)["corporation"]
    largest = (
        Complex.objects.filter(organisation__name=corporation)
        .annotate(size=Count("units"))
        .order_by("-size")
        .first()
    )
    assert largest is not None
    visible = Person.objects.filter(organisation__name=corporation).count()
    client = Client()
    client.force_login(User.objects.get(email=f"verhuur@schaaltest-{seed}.example"))
    pages = [
        (
            f"composition of the largest complex ({largest.size} units)",
            f"/complexes/{largest.pk}/mix/",
        ),
        ("complex list", "/complexes/"),
        (f"person list, first page (of {visible:,} persons)", "/persons/"),
        ("person list, page 100", "/persons/?page=100"),
        ("person list, search `?q=jansen`", "/persons/?q=jansen"),
    ]
    # Django empties the query log at the start of every request; keep it for the count.
    request_started.disconnect(reset_queries)
    while wait and any(client.get(url).status_code != 200 for _, url in pages):
        time.sleep(30)

    print(f"- database: {connection.vendor} {server_version()}")
    print(
        f"- machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"Django {django_version()}"
    )
    print(f"- runs per page: {runs} (after one warm-up request)\n")
    # CPU ms: this process only (the page and, for SQLite, the database; not a PostgreSQL
    # server). Less disturbed than wall time when other work shares the machine.
    print("| page | status | queries | median ms | min ms | max ms | median CPU ms |")
    print("|---|---|---|---|---|---|---|")
    for name, url in pages:
        status = client.get(url).status_code
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times, cpu = [], []
        for _ in range(runs):
            began, began_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        print(
            f"| {name} | {status} | {len(queries)} | {statistics.median(times):.0f} "
            f"| {min(times):.0f} | {max(times):.0f} | {statistics.median(cpu):.0f} |"
        )


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "select sqlite_version()" if connection.vendor == "sqlite" else "show server_version"
        )
        return str(cursor.fetchone()[0])


def django_version() -> str:
    import django

    return django.get_version()


if __name__ == "__main__":
    main()
