"""Ingredients and benchmark pages on the demo portfolio: queries and time.

A plain script, not a test. It builds the demo (`magicmix.demo.showcase`: three complexes of
565, 64 and 490 units with a year of records, two survey waves each, four fictional projects'
benchmark documents) in a SQLite file once, then fetches each page as the demo's social
manager (all three complexes) and its policy officer: once to warm up, once under
`CaptureQueriesContext` for the query count, then `--runs` times. Prints Markdown rows with
the median wall time and the median CPU time of this process.

    .venv/bin/python bench/monitoring/comparison_pages.py --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/magicmix-bench-monitoring.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magicmix.settings")
    os.environ.setdefault("TWO_FACTOR_REQUIRED", "0")  # the demo's staff have no authenticator
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from magicmix.accounts.models import Role, User
    from magicmix.demo import showcase
    from magicmix.housing.models import Complex

    call_command("migrate", verbosity=0)
    if not showcase.exists():
        began = time.perf_counter()
        showcase.build(seed=1)
        sys.stdout.write(f"demo built in {time.perf_counter() - began:.0f} s\n")
    kapelhof = Complex.objects.get(name="Woonhof De Kapelhof")
    havenwerf = Complex.objects.get(name="Jongerencampus De Havenwerf")
    pages = [
        (Role.SOCIAL_MANAGER, "comparison, 3 complexes", "/monitoring/ingredients/"),
        (Role.SOCIAL_MANAGER, "ingredients, 64 units", f"/complexes/{kapelhof.pk}/ingredients/"),
        (Role.SOCIAL_MANAGER, "benchmark, 64 units", f"/complexes/{kapelhof.pk}/benchmark/"),
        (Role.SOCIAL_MANAGER, "benchmark, 565 units", f"/complexes/{havenwerf.pk}/benchmark/"),
        (Role.SOCIAL_MANAGER, "export, 565 units", f"/complexes/{havenwerf.pk}/benchmark.json"),
        (Role.POLICY_OFFICER, "comparison (policy officer)", "/monitoring/ingredients/"),
    ]
    sys.stdout.write(
        "| page | status | queries | median wall ms | median CPU ms |\n|---|---|---|---|---|\n"
    )
    request_started.disconnect(reset_queries)  # else each request empties the captured list
    for role, label, url in pages:
        client = Client()
        client.force_login(
            User.objects.filter(
                memberships__role=role, email__endswith=f"@{showcase.DOMAIN}"
            ).first()
        )
        client.get(url)
        reset_queries()  # a full log (9000 queries, as after building the demo) counts none
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        sys.stdout.write(
            f"| {label} | {status} | {len(queries)} | {statistics.median(walls) * 1000:.0f} "
            f"| {statistics.median(cpus) * 1000:.0f} |\n"
        )


if __name__ == "__main__":
    main()
