"""How long a round of 50 vacancies and 1,000 candidates takes from "run" to a reviewable
proposal: queue it, let the real task worker run it (engine, price of the mix, all modes
compared, every explanation stored), until the round is ready for review.

    rm -f /tmp/bench_rounds.sqlite3
    export DEBUG=1 DATABASE_URL=sqlite:////tmp/bench_rounds.sqlite3
    .venv/bin/python manage.py migrate -v0 && .venv/bin/python bench/rounds/round_50x1000.py
"""

import datetime
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magicmix.settings")

import django

django.setup()

from django.core.management import call_command

from magicmix.accounts.models import Role
from magicmix.rounds.models import DEFAULT_RANKING, Dimension, MixPolicy, PolicyBound, Round
from magicmix.rounds.services import runs
from magicmix.selection.models import Application, Stage
from magicmix.testing import factories

VACANCIES, CANDIDATES, GANGS = 50, 1000, 5


def setup() -> Round:
    corporation = factories.organisation()
    staff = factories.user(corporation, Role.LETTING)
    complex_ = factories.complex(corporation)
    units = []
    for g in range(GANGS):
        gang = factories.cluster(complex_, name=f"Gang {g}", position=g)
        units += [factories.unit(gang, code=f"G{g}-{i:02}") for i in range(VACANCIES // GANGS)]
    intake = factories.intake(complex_, groups=("student", "starter", "statushouder"))
    groups = {
        code: factories.target_group(corporation, code)
        for code in ("student", "starter", "statushouder")
    }
    Application.objects.bulk_create(
        Application(
            intake=intake, first_name=f"K{i}", last_name="Bench", name_key=f"k{i} bench",
            date_of_birth=datetime.date(1998 + i % 8, 1 + i % 12, 1 + i % 28), household_size=1,
            annual_income=Decimal(20000 + (i * 37) % 25000), income_year=2025,
            target_group=list(groups.values())[i % 3], motivation="-", stage=Stage.SHORTLISTED,
            registered_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 1500), lottery_number=i * 7919 % 1_000_003,
        )
        for i in range(CANDIDATES)
    )  # fmt: skip
    policy = MixPolicy.objects.create(complex=complex_)
    PolicyBound.objects.create(policy=policy, dimension=Dimension.GROUP, value="statushouder",
                               minimum=Decimal(40), maximum=Decimal(60), share=True)  # fmt: skip
    PolicyBound.objects.create(policy=policy, dimension=Dimension.ROLE, value="supporting",
                               minimum=Decimal(50), share=True, hard=False, penalty=Decimal(50))  # fmt: skip
    round_ = Round.objects.create(complex=complex_, intake=intake, title="Bench", ranking=DEFAULT_RANKING,
                                  move_in=timezone.localdate(), created_by=staff)  # fmt: skip
    round_.units.set(units)
    return round_


def main() -> None:
    round_ = setup()
    started = time.perf_counter()
    runs.start(round_)
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    elapsed = time.perf_counter() - started
    round_.refresh_from_db()
    run = round_.latest_run()
    assert round_.status == Round.Status.DONE and run is not None, round_.error
    print(f"{VACANCIES} vacancies, {CANDIDATES} candidates, mode {round_.mode}: "
          f"run → reviewable proposal in {elapsed:.2f} s; filled {run.metrics['filled']}, "
          f"{run.outcomes.count()} explanations stored")  # fmt: skip


if __name__ == "__main__":
    main()
