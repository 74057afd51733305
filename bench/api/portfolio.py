"""The 100,000-person portfolio of the page benchmark, with a finished round and an API token.

Shared by `load.py` and `search.py`. The persons, complexes and units come from
`manage.py generate_portfolio` (seed 1), as in `bench/pages`. The portfolio has no selection
history, so the round is added here with the demo's own steps (`demo.intake.build_intake`, then
`demo.allocation.build_policy` and `build_round`, which runs the engine in-process) on the
complex with the fewest vacancies that still has some. The token is issued through
`api.services.issue`, as an application manager does on the token page.
"""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCALES = {1: (50, 20_000, 100_000), 10: (500, 200_000, 1_000_000)}
SEED = 1
ROUND_TITLE = "Ronde 1: vrije studio's"  # the title `build_round` gives


@dataclass(frozen=True)
class Fixture:
    token: str
    complex_id: int
    round_id: int
    candidates: int


def setup_django(scale: int) -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:////tmp/magicmix-apibench-{scale}x.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magicmix.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_portfolio(scale: int) -> None:
    from django.core.management import call_command

    from magicmix.demo import portfolio

    call_command("migrate", verbosity=0)
    complexes, units, persons = SCALES[scale]
    if not portfolio.exists(SEED):
        call_command(
            "generate_portfolio", complexes=complexes, units=units, persons=persons, seed=SEED
        )


def prepare(scale: int) -> Fixture:
    """The portfolio with a finished round, and a fresh token that may read all of it."""
    from django.utils import timezone

    from magicmix.accounts.models import Organisation, Role, User
    from magicmix.api import services
    from magicmix.api.models import Scope
    from magicmix.demo import portfolio
    from magicmix.rounds.models import CandidateOutcome, Round

    ensure_portfolio(scale)
    names = portfolio.names(SEED)
    corporation = Organisation.objects.get(name=names["corporation"])
    round_ = Round.objects.filter(complex__organisation=corporation, title=ROUND_TITLE).first()
    if round_ is None:
        round_ = _finished_round(names)
    assert round_.status == Round.Status.DONE, round_.error
    _token, secret = services.issue(
        name=f"Belastingtest {timezone.now():%Y-%m-%d %H:%M}",
        issuer=corporation,
        organisation=corporation,
        role=Role.LETTING,
        scopes=[Scope.READ_STOCK, Scope.READ_PERSONS, Scope.RUN_ROUNDS],
        expires_on=timezone.localdate() + datetime.timedelta(days=1),
        by=User.objects.get(email=f"applicatiebeheer@schaaltest-{SEED}.example"),
    )
    candidates = CandidateOutcome.objects.filter(run=round_.latest_run()).count()
    return Fixture(secret, round_.complex_id, round_.pk, candidates)


def _finished_round(names: dict[str, str]):  # type: ignore[no-untyped-def]
    from django.db import transaction
    from django.db.models import Count, Q
    from django.test import override_settings
    from django.utils import timezone

    from magicmix.accounts.models import Organisation, User
    from magicmix.demo.allocation import build_policy, build_round
    from magicmix.demo.intake import Team, build_intake
    from magicmix.demo.showcase import person_maker
    from magicmix.housing.models import Complex, Unit

    today = timezone.localdate()
    orgs = {key: Organisation.objects.get(name=name) for key, name in names.items()}
    vacant = Unit.objects.filter(status=Unit.Status.IN_USE).vacant(today).values("pk")
    complex_ = (
        Complex.objects.filter(organisation=orgs["corporation"])
        .annotate(vacancies=Count("units", filter=Q(units__in=vacant)))
        .filter(vacancies__gt=0)
        .order_by("vacancies", "pk")
        .first()
    )
    assert complex_ is not None, "the portfolio has no vacant unit"
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith=".example")}
    team = Team(
        scorers=(users["applicatiebeheer"], users["sociaalbeheer"]),
        letting=users["verhuur"],
        panel=users["bewonerspanel"],
        caseworkers={"coa": users["casemanager-coa"], "shelter": users["casemanager"]},
    )
    mail = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    # Mail goes out on commit: the override must outlast the transaction.
    with override_settings(MAILERS=mail), transaction.atomic():
        intake = build_intake(complex_, orgs, person_maker(orgs, SEED, today), team)
        build_policy(complex_)
        return build_round(intake, team, SEED, today)
