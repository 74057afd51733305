"""Finishing an eligibility check: a person's decision, or the rules run again.

An application whose check waits for a legal value (PENDING) or did not pass (FAILED) stays out
of every round (`ApplicationQuerySet.eligible`) until one of two things happens:
- an application manager approves or rejects it by hand, with a reason (`decide`);
- the value is entered or corrected: `magicmix.legal` sends `value_entered` with a `Recheck`,
  `queue_recheck` counts the applications the value may change and queues the background task
  `recheck_applications`, which checks each again (`check_again`), logs the result per
  application and reports progress on the `Recheck`.
Each application changes in its own transaction, so a crash halfway leaves the checked ones
checked and the task may be queued again.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from magicmix.legal.models import Recheck

from .. import intake_rules
from ..models import (
    FINAL_STAGES,
    Application,
    ApplicationEvent,
    CheckResult,
    EligibilityOutcome,
    Stage,
)
from ..models.application import OPEN_RESULTS
from .notices import tell_not_selected

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class NotOpen(Exception):
    """The check was already passed or decided on; there is nothing to decide."""


def decide(application: Application, *, approve: bool, reason: str, by: User) -> None:
    """Approve (the application goes on to selection) or reject (not selected) a check that
    waits or did not pass; the reason is required and goes into the log."""
    if not reason.strip():
        raise ValueError("a decision on eligibility needs a reason")
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.check_result not in OPEN_RESULTS or locked.is_final:
            raise NotOpen
        locked.check_result = CheckResult.APPROVED if approve else CheckResult.REJECTED
        locked.save(update_fields=["check_result"])
        kind = ApplicationEvent.Kind.ELIGIBILITY
        text = f"{locked.get_check_result_display()}: {reason}"
        if not approve:
            locked.move_to(Stage.NOT_SELECTED, by=by, reason=text, kind=kind)
            transaction.on_commit(partial(tell_not_selected, locked))
        elif locked.stage == Stage.REVIEW:
            locked.move_to(Stage.SUBMITTED, by=by, reason=text, kind=kind)
        else:
            locked.record(kind, by=by, reason=text)
    application.refresh_from_db()


def check_again(application: Application, because: str) -> CheckResult:
    """Run the rules again with today's values, replace the stored outcomes and log the
    change. An approval by hand stands unless the rules now pass by themselves."""
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update()
            .select_related("intake", "target_group")
            .get(pk=application.pk)
        )
        if locked.is_final or locked.check_result == CheckResult.REJECTED:
            return CheckResult(locked.check_result)
        household = intake_rules.household_of(locked)
        outcomes = intake_rules.check(locked.intake, household, timezone.localdate())
        found = intake_rules.result_of(outcomes)
        before = locked.get_check_result_display()
        if not (locked.check_result == CheckResult.APPROVED and found != CheckResult.PASSED):
            locked.check_result = found
            locked.save(update_fields=["check_result"])
        locked.eligibility.all().delete()
        EligibilityOutcome.objects.bulk_create(
            [EligibilityOutcome.of(locked, outcome) for outcome in outcomes]
        )
        reason = _("%(because)s: %(before)s → %(after)s.") % {
            "because": because,
            "before": before,
            "after": locked.get_check_result_display(),
        }
        if locked.stage == Stage.REVIEW and locked.check_result == CheckResult.PASSED:
            locked.move_to(
                Stage.SUBMITTED, by=None, reason=reason, kind=ApplicationEvent.Kind.RECHECKED
            )
        else:
            locked.record(ApplicationEvent.Kind.RECHECKED, reason=reason)
        return CheckResult(locked.check_result)


def affected_by(kind: str) -> list[int]:
    """Ids of the open applications a new value of `kind` may change: every check still open,
    and every check that used a value of that kind."""
    candidates = (
        Application.objects.exclude(stage__in=FINAL_STAGES | {Stage.OFFERED})
        .exclude(check_result=CheckResult.REJECTED)
        .prefetch_related("eligibility")
    )
    return [
        application.pk
        for application in candidates
        if application.check_result in OPEN_RESULTS
        or any(
            used.get("kind") == kind
            for outcome in application.eligibility.all()
            for used in outcome.outcome.get("parameters", [])
        )
    ]


def queue_recheck(sender: Any, recheck: Recheck, **kwargs: Any) -> None:
    """Receiver of `magicmix.legal.signals.value_entered`. The database backend stores the task
    in the same transaction as the value, so one is never queued without the other."""
    Recheck.objects.filter(pk=recheck.pk).update(total=len(affected_by(recheck.parameter.kind)))
    recheck_applications.enqueue(recheck.pk)


@task()
def recheck_applications(recheck_id: int) -> None:
    """The background task (run by `manage.py db_worker`)."""
    recheck = Recheck.objects.select_related("parameter").get(pk=recheck_id)
    ids = affected_by(recheck.parameter.kind)
    Recheck.objects.filter(pk=recheck_id).update(total=len(ids), done=0)
    because = _("Checked again after “%(parameter)s” was entered") % {
        "parameter": recheck.parameter.get_kind_display()
    }
    for done, application_id in enumerate(ids, start=1):
        check_again(Application(pk=application_id), because)
        Recheck.objects.filter(pk=recheck_id).update(done=done)
    Recheck.objects.filter(pk=recheck_id).update(finished_at=timezone.now())
