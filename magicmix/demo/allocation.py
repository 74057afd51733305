"""The mix policy of the young-people complex and one allocation round with a proposal to review.

The round is run in-process through the rounds app's own `runs.execute` (what the worker
calls), not queued: the demo must be ready to review as soon as the command ends, and a queued
task would make the worker run it a second time.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.people.models import Role, SupportNeed
from magicmix.rounds.models import DEFAULT_RANKING, Dimension, MixPolicy, Mode, PolicyBound, Round
from magicmix.rounds.services import runs
from magicmix.selection.models import Intake

from .intake import Team


def build_policy(complex_: Complex) -> MixPolicy:
    """Statushouders 45–55% of the complex (hard); per gang at least half dragend and at most two
    residents with intensive support (soft: the engine weighs, and reports, any shortfall)."""
    policy = MixPolicy.objects.create(complex=complex_)
    bounds = [
        PolicyBound(
            policy=policy,
            dimension=Dimension.GROUP,
            value="statushouder",
            minimum=Decimal(45),
            maximum=Decimal(55),
            share=True,
            hard=True,
        ),
    ]
    for gang in Cluster.objects.filter(complex=complex_, kind=Cluster.Kind.GANG):
        bounds += [
            PolicyBound(
                policy=policy,
                cluster=gang,
                dimension=Dimension.ROLE,
                value=Role.SUPPORTING,
                minimum=Decimal(50),
                share=True,
                hard=False,
                penalty=Decimal(10),
            ),
            PolicyBound(
                policy=policy,
                cluster=gang,
                dimension=Dimension.SUPPORT,
                value=SupportNeed.INTENSIVE,
                maximum=Decimal(2),
                hard=False,
                penalty=Decimal(5),
            ),
        ]
    for bound in bounds:  # one by one: the history records each bound like the editor does
        bound.save()
    return policy


def build_round(intake: Intake, team: Team, seed: int, today: datetime.date) -> Round:
    round_ = Round.objects.create(
        complex=intake.complex,
        intake=intake,
        title="Ronde 1: vrije studio's",
        mode=Mode.PRIORITY,
        ranking=DEFAULT_RANKING,
        seed=seed,
        move_in=today + datetime.timedelta(days=30),
        created_by=team.letting,
    )
    round_.units.set(
        Unit.objects.filter(complex=intake.complex, status=Unit.Status.IN_USE).vacant(today)
    )
    runs.execute(round_.pk)
    round_.refresh_from_db()
    return round_
