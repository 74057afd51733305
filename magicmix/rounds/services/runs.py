"""Running a round: queue it, let the worker run the engine, review, override, approve.

`start` queues the run as the background task `run_round`; the worker calls `execute`,
which reports progress on the round and stores the run in one transaction at the end, so a
crash leaves the round failed with nothing half-stored, and `start` may be called again.
`approve` turns the latest run's proposal into offers exactly once; `rerun` computes a new
version of a proposal under review.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.tasks import task
from django.utils import timezone

from magicmix import allocation as engine
from magicmix.housing.models import Unit
from magicmix.selection.models import Application
from magicmix.tenancies.availability import free_on

from .. import engine_adapter
from ..availability import reserved_in
from ..models import CandidateOutcome, Override, Round, Run

if TYPE_CHECKING:
    from magicmix.accounts.models import User

logger = logging.getLogger(__name__)


class NotAllowed(Exception):
    """The round is not in a state for this step."""


def start(round_: Round) -> bool:
    """Queue a run of a draft or failed round; False if it is busy or already done."""
    with transaction.atomic():
        queued = Round.objects.filter(
            pk=round_.pk, status__in=[Round.Status.DRAFT, Round.Status.FAILED]
        ).update(status=Round.Status.QUEUED, progress=0, error="")
        if queued:
            run_round.enqueue(round_.pk)
    return bool(queued)


def rerun(round_: Round) -> bool:
    """Queue a fresh proposal for a round under review (say, after units were taken meanwhile);
    the earlier versions stay browsable."""
    with transaction.atomic():
        queued = Round.objects.filter(pk=round_.pk, status=Round.Status.DONE).update(
            status=Round.Status.QUEUED, progress=0, error=""
        )
        if queued:
            run_round.enqueue(round_.pk)
    return bool(queued)


def _progress(round_: Round, percent: int, status: str = Round.Status.RUNNING) -> None:
    Round.objects.filter(pk=round_.pk).update(progress=percent, status=status)


@task()
def run_round(round_id: int) -> None:
    """The background task (run by `manage.py db_worker`)."""
    execute(round_id)


def execute(round_id: int) -> None:
    """The worker's part: run the engine for the round's vacancies and all its candidates."""
    round_ = Round.objects.select_related("complex", "intake").get(pk=round_id)
    _progress(round_, 5)
    try:
        # Only units still free on the move-in day; open offers of other rounds count as taken.
        allocation = allocate(round_, free_on(round_.units.all(), round_.move_in))
        data, result = allocation.input, allocation.result
        _progress(round_, 55)
        mode = engine.Mode(round_.mode)
        price = engine.price_of_mix(data.round, mode, round_.seed, with_mix=result)
        _progress(round_, 70)
        comparison = engine.compare_modes(data.round, round_.seed)
        _progress(round_, 95)
        with transaction.atomic():
            run = save_run(round_, Run.Kind.PROPOSAL, data, result)
            run.price = engine_adapter.price(
                price, {k: a.full_name for k, a in data.applications.items()}
            )
            run.comparison = engine_adapter.comparison(comparison)
            run.save(update_fields=["price", "comparison"])
            Round.objects.filter(pk=round_.pk).update(status=Round.Status.DONE, progress=100)
    except Exception as error:
        logger.exception("Round %s failed", round_id)
        with transaction.atomic():
            Run.objects.create(
                round=round_,
                number=_next_number(round_),
                mode=round_.mode,
                seed=round_.seed,
                finished_at=timezone.now(),
                failed=True,
                error=repr(error),
            )
            Round.objects.filter(pk=round_.pk).update(status=Round.Status.FAILED, error=repr(error))


def allocate(
    round_: Round, vacancies: Iterable[Unit], *, with_max_fill: bool = True
) -> engine_adapter.Allocation:
    """The round's candidates on `vacancies`, the units of pending offers of any round of the
    complex counted as occupied by their candidate: a proposal and a refill alike."""
    candidates = round_.candidates().select_related("target_group", "nomination")
    return engine_adapter.allocate(
        round_, vacancies, candidates, reserved_in(round_.complex_id), with_max_fill=with_max_fill
    )


def _next_number(round_: Round) -> int:
    return (Run.objects.filter(round=round_).aggregate(n=Max("number"))["n"] or 0) + 1


def save_run(round_: Round, kind: str, data: engine_adapter.Input, result: engine.Result) -> Run:
    """Store a finished engine run as the round's next version, with every candidate's why."""
    metrics = engine_adapter.metrics(result.metrics)
    if result.designations:
        metrics["designations"] = engine_adapter.designations(result, data.names)
    conflict = engine_adapter.conflict(result, data)
    if conflict is not None:
        metrics["conflict"] = conflict
    if result.time_limit_reached:
        metrics["time_limit_reached"] = result.time_limit
        if result.certificate is not None:
            c = result.certificate
            metrics["certificate"] = {"objective": c.objective, "bound": c.bound, "gap": c.gap}
    run = Run.objects.create(
        round=round_,
        number=_next_number(round_),
        kind=kind,
        mode=result.mode,
        seed=result.seed,
        finished_at=timezone.now(),
        policy=data.policy,
        report=engine_adapter.report(result),
        metrics=metrics,
    )
    explanations = {e.applicant_id: e for e in result.explanations}
    units = {a.applicant_id: data.units[a.unit_id] for a in result.assignments}
    eligibility = _eligibility(data.applications.values())
    order = _positions(data.round, result.mode, result.seed)
    CandidateOutcome.objects.bulk_create(
        CandidateOutcome(
            run=run,
            application=application,
            position=order[key],
            selection_score=data.scores[key],
            engine_unit=units.get(key),
            unit=units.get(key),
            choice=explanations[key].rank,
            explanation=engine_adapter.reasons(explanations[key], data.names),
            eligibility=eligibility.get(application.pk, []),
        )
        for key, application in data.applications.items()
    )
    return run


def _positions(round_: engine.Round, mode: engine.Mode, seed: int) -> dict[str, int]:
    """Each applicant's place (1 = first) in the order the mode serves them."""
    order = engine.serving_order(round_, mode, seed)
    return {applicant_id: place for place, applicant_id in enumerate(order, start=1)}


def _eligibility(applications: Iterable[Application]) -> dict[int, list[dict[str, object]]]:
    from magicmix.selection.models import EligibilityOutcome

    copies: dict[int, list[dict[str, object]]] = {}
    outcomes = EligibilityOutcome.objects.filter(application__in=[a.pk for a in applications])
    for outcome in outcomes.order_by("id"):
        copies.setdefault(outcome.application_id, []).append(
            {"rule": outcome.rule, "status": outcome.status, "outcome": outcome.outcome}
        )
    return copies


@transaction.atomic
def override(run: Run, unit: Unit, chosen: Application | None, reason: str, by: User) -> Override:
    """Give `unit` to `chosen` (or to nobody) instead of the proposal; the reason is required.
    If `chosen` was proposed for another unit, that unit is left open."""
    if not reason.strip():
        raise NotAllowed("an override needs a written reason")
    if (
        Round.objects.filter(pk=run.round_id, status=Round.Status.DONE).select_for_update().count()
        == 0
    ):
        raise NotAllowed("only a proposal under review can be changed")
    current = run.outcomes.filter(unit=unit).first()
    if current is not None:
        current.unit = None
        current.save(update_fields=["unit"])
    if chosen is not None:
        outcome = run.outcomes.get(application=chosen)
        outcome.unit = unit
        outcome.save(update_fields=["unit"])
    return Override.objects.create(
        run=run,
        unit=unit,
        replaced=current.application if current else None,
        chosen=chosen,
        reason=reason.strip(),
        by=by,
    )
