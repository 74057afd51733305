"""Day page benchmark: the social manager's day of the largest complex, at portfolio scale.

A plain script, not a test. It uses the page benchmark's portfolio (`bench/pages/run.py`
generates it: 50 complexes, 20,000 units, 100,000 persons), adds a year of living together to
every complex once (`magicmix.demo.community`, without history rows), then fetches the day
page of the largest complex and three more of its pages as the portfolio's social manager: once
to warm up, once to count queries, then `--runs` times for the time. It prints a Markdown row for RESULTS.md.

    .venv/bin/python bench/community/run.py --runs 15                      # SQLite in /tmp
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/magicmix_bench_1x \
        .venv/bin/python bench/community/run.py --runs 15
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/magicmix-bench-1x.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magicmix.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.signals import request_started
    from django.db import connection, reset_queries, transaction
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from magicmix.accounts.models import User
    from magicmix.community.models import Activity
    from magicmix.demo import community, portfolio
    from magicmix.demo.bulk import Writer
    from magicmix.housing.models import Complex

    call_command("migrate", verbosity=0)
    if not portfolio.exists(args.seed):
        call_command("generate_portfolio", seed=args.seed)
    complexes = Complex.objects.filter(organisation__name=portfolio.names(args.seed)["corporation"])
    if not Activity.objects.filter(complex__in=complexes).exists():
        began = time.perf_counter()
        with transaction.atomic():
            for complex_ in complexes:
                rng = random.Random(f"{args.seed}-{complex_.pk}")
                community.build(complex_, timezone.localdate(), rng, Writer(history=False))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(
            f"- a year of living together in {complexes.count()} complexes: "
            f"{time.perf_counter() - began:.0f} s"
        )
    largest = complexes.annotate(size=Count("units")).order_by("-size").first()
    assert largest is not None
    client = Client()
    client.force_login(User.objects.get(email=f"sociaalbeheer@schaaltest-{args.seed}.example"))
    base = f"/community/complexes/{largest.pk}/"
    pages = [
        (f"day page of the largest complex ({largest.size} units)", base),
        ("roles per gang, same complex", f"{base}gangs/"),
        ("open incidents, same complex", f"{base}incidents/"),
        ("neighbourhood, same complex", f"{base}neighbourhood/"),
    ]
    # Django empties the query log at the start of every request; keep it for the count.
    request_started.disconnect(reset_queries)
    print(f"- database: {connection.vendor}; runs: {args.runs} after one warm-up request\n")
    print("| page | status | queries | median ms | min ms | max ms |")
    print("|---|---|---|---|---|---|")
    for name, url in pages:
        status = client.get(url).status_code
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - began) * 1000)
        print(
            f"| {name} | {status} | {len(queries)} | {statistics.median(times):.0f} "
            f"| {min(times):.0f} | {max(times):.0f} |"
        )


if __name__ == "__main__":
    main()
