"""Can the policy be met? A trial run of the engine on today's vacancies and candidate pool.

The policy editor shows, per bound, the residents now (before), what the pool could reach
(after a strict-priority trial round) and where it falls short, plus a smallest set of hard
bounds that cannot hold together, if there is one. Nothing of the trial is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from magicmix import allocation as engine
from magicmix.housing.models import Complex, Unit
from magicmix.selection.models import Application, Intake

from . import engine_adapter
from .models import CANDIDATE_STAGES, DEFAULT_RANKING, Round


@dataclass(frozen=True)
class Trial:
    rows: list[dict[str, Any]]  # engine_adapter.report rows, by bound id
    conflict: dict[str, str] | None
    vacancies: int
    candidates: int


def trial(complex_: Complex) -> Trial:
    today = timezone.localdate()
    intake = complex_.intakes.order_by("-opens_on").first() or Intake(complex=complex_)
    probe = Round(complex=complex_, intake=intake, move_in=today, ranking=DEFAULT_RANKING)
    vacancies = list(Unit.objects.filter(complex=complex_, status=Unit.Status.IN_USE).vacant(today))
    pool = list(
        Application.objects.filter(
            intake__complex=complex_, stage__in=CANDIDATE_STAGES
        ).select_related("target_group", "nomination")
    )
    run = engine_adapter.allocate(
        probe, vacancies, pool, mode=engine.Mode.PRIORITY, with_max_fill=False
    )
    return Trial(
        engine_adapter.report(run.result),
        engine_adapter.conflict(run.result, run.input),
        len(vacancies),
        len(pool),
    )
