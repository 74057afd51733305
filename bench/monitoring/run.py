"""Portfolio dashboard benchmark: the portfolio pages over the 100,000-person portfolio with a
year of living together and two survey waves, against computing the same figures live.

A plain script, not a test. It uses the page benchmark's portfolio (`generate_portfolio`,
seed 1: 50 complexes, 20,000 units, 100,000 persons), adds once a year of living together to
every complex (`magicmix.demo.community`, as `bench/community` does) and two survey waves with
answers and ZRM ratings (`magicmix.demo.monitoring`'s wave, answer and rating steps, without its
former tenants, so the portfolio keeps its 100,000 persons). Then:

1. it computes every indicator of every complex ahead, as the nightly `refresh_indicators`
   does (`services.refresh_snapshots`), and reports the wall and CPU time of that;
2. it fetches the portfolio pages as the corporation's social manager (who sees all 50
   complexes): once to warm up, once to count queries, then `--runs` times;
3. side by side, it computes the portfolio's five headline indicators live for every complex,
   which is what the page would cost without the snapshots.

    .venv/bin/python bench/monitoring/run.py --runs 10          # SQLite in /tmp
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/magicmix_bench_1x \
        .venv/bin/python bench/monitoring/run.py --runs 10
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


def timed(work):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/magicmix-bench-1x.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magicmix.settings")
    # The test Client logs in without an authenticator code, as `bin/demo` does.
    os.environ.setdefault("TWO_FACTOR_REQUIRED", "0")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.signals import request_started
    from django.db import connection, reset_queries, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from magicmix.accounts.models import User
    from magicmix.community.models import Activity
    from magicmix.demo import community, monitoring, portfolio
    from magicmix.demo.bulk import Writer
    from magicmix.housing.models import Complex
    from magicmix.monitoring.indicators import Context, registered
    from magicmix.monitoring.loading import load_definitions
    from magicmix.monitoring.models import Instrument, Wave
    from magicmix.monitoring.portfolio import HEADLINES
    from magicmix.monitoring.services import refresh_snapshots

    call_command("migrate", verbosity=0)
    if not portfolio.exists(args.seed):
        call_command("generate_portfolio", seed=args.seed)
    today = timezone.localdate()
    complexes = list(
        Complex.objects.filter(
            organisation__name=portfolio.names(args.seed)["corporation"]
        ).order_by("pk")
    )
    if not Activity.objects.filter(complex__in=complexes).exists():
        began = time.perf_counter()
        with transaction.atomic():
            for complex_ in complexes:
                rng = random.Random(f"{args.seed}-{complex_.pk}")
                community.build(complex_, today, rng, Writer(history=False))
        print(f"- a year of living together added: {time.perf_counter() - began:.0f} s")
    if not Wave.objects.filter(complex__in=complexes).exists():
        began = time.perf_counter()
        load_definitions()
        instruments = {i.code: i for i in Instrument.objects.all()}
        with transaction.atomic():
            for complex_ in complexes:
                rng = random.Random(f"waves-{args.seed}-{complex_.pk}")
                waves = [
                    monitoring._wave(
                        complex_, "Voorjaar", today - monitoring.datetime.timedelta(days=200),
                        21, instruments,
                    ),
                    monitoring._wave(
                        complex_, "Najaar", today - monitoring.datetime.timedelta(days=12),
                        30, instruments,
                    ),
                ]  # fmt: skip
                monitoring._answers(complex_, waves, instruments, rng, today, demo_link=False)
                monitoring._ratings(complex_, instruments["zrm"], rng, today)
        print(f"- two survey waves added: {time.perf_counter() - began:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    stored, wall, cpu = timed(lambda: refresh_snapshots(complexes, today))
    print(f"- database: {connection.vendor}; {len(complexes)} complexes; today {today}")
    print(
        f"- computing ahead (`refresh_indicators`): {stored} series in {wall / 1000:.1f} s "
        f"wall, {cpu / 1000:.1f} s CPU ({wall / len(complexes):.0f} ms per complex)"
    )

    indicators = registered()

    def live() -> None:
        for complex_ in complexes:
            context = Context(complex_, today)
            for code in HEADLINES:
                indicators[code].compute(context)

    _none, live_wall, live_cpu = timed(live)
    print(
        f"- the five headline indicators computed live for all {len(complexes)} complexes "
        f"(no snapshots): {live_wall:.0f} ms wall, {live_cpu:.0f} ms CPU\n"
    )

    client = Client()
    client.force_login(User.objects.get(email=f"sociaalbeheer@schaaltest-{args.seed}.example"))
    largest = max(complexes, key=lambda c: c.units.count())
    pages = [
        ("portfolio dashboard", "/monitoring/portfolio/"),
        (
            "portfolio dashboard, trend of loneliness",
            "/monitoring/portfolio/?indicator=severely_lonely",
        ),
        ("council report page", "/monitoring/council/"),
        ("portfolio report (PDF)", "/monitoring/portfolio/report/"),
        ("council report (PDF)", "/monitoring/council/?format=pdf"),
        (
            f"complex dashboard of the largest complex (live, {largest.units.count()} units)",
            f"/complexes/{largest.pk}/monitoring/",
        ),
    ]
    request_started.disconnect(reset_queries)
    print(f"- runs per page: {args.runs} after one warm-up request\n")
    print("| page | status | queries | median ms | min ms | max ms | median CPU ms |")
    print("|---|---|---|---|---|---|---|")
    for name, url in pages:
        status = client.get(url).status_code
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        walls, cpus = [], []
        for _ in range(args.runs):
            _response, wall, cpu = timed(lambda url=url: client.get(url))
            walls.append(wall)
            cpus.append(cpu)
        print(
            f"| {name} | {status} | {len(queries)} | {statistics.median(walls):.0f} "
            f"| {min(walls):.0f} | {max(walls):.0f} | {statistics.median(cpus):.0f} |"
        )


if __name__ == "__main__":
    main()
