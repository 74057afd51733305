"""The selection's judgements, each one workflow that also writes the application's log:
a scorer's points for a letter, the points and summary of an interview, the resident panel's
advice, and the corporation's decision to shortlist or not select."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.db import transaction

from ..models import (
    DECIDABLE_STAGES,
    Application,
    ApplicationEvent,
    CooptationAdvice,
    Criterion,
    Interview,
    InterviewScore,
    LetterScore,
    Stage,
)
from .notices import tell_not_selected

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class AlreadyScored(Exception):
    """A scorer scores a letter once; a second attempt (say, a double click) changes nothing."""


def score_letter(
    application: Application, scorer: User, points: dict[Criterion, int], note: str = ""
) -> None:
    with transaction.atomic():
        # The row lock makes a double submit wait, then find the first one's scores.
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if LetterScore.objects.filter(application=locked, scorer=scorer).exists():
            raise AlreadyScored
        LetterScore.objects.bulk_create(
            LetterScore(
                application=locked, criterion=criterion, scorer=scorer, points=value, note=note
            )
            for criterion, value in points.items()
        )
        summary = ", ".join(f"{criterion.name}: {value}" for criterion, value in points.items())
        locked.record(ApplicationEvent.Kind.SCORED, by=scorer, reason=summary)
        if locked.stage == Stage.SUBMITTED:
            locked.move_to(
                Stage.ASSESSING, by=scorer, reason=str(ApplicationEvent.Kind.SCORED.label)
            )


@transaction.atomic
def record_interview(
    interview: Interview, by: User, status: str, summary: str, points: dict[Criterion, int]
) -> None:
    interview.status = status
    interview.summary = summary
    interview.save(update_fields=["status", "summary"])
    for criterion, value in points.items():
        InterviewScore.objects.update_or_create(
            interview=interview, criterion=criterion, defaults={"points": value}
        )
    interview.interviewers.add(by)
    answers = ", ".join(f"{criterion.name}: {value}" for criterion, value in points.items())
    interview.application.record(
        ApplicationEvent.Kind.INTERVIEW,
        by=by,
        reason=f"{interview.get_status_display()}. {answers}".strip(". "),
    )


@transaction.atomic
def give_advice(application: Application, member: User, advice: str, motivation: str) -> None:
    """The panel member's advice; given again, it replaces their earlier one (history keeps it)."""
    CooptationAdvice.objects.update_or_create(
        application=application,
        panel_member=member,
        defaults={"advice": advice, "motivation": motivation},
    )
    label = CooptationAdvice.Advice(advice).label
    application.record(ApplicationEvent.Kind.ADVICE, by=member, reason=f"{label}: {motivation}")


@transaction.atomic
def decide_many(applications: list[Application], stage: str, reason: str, by: User) -> int:
    """Shortlist or do not select several candidates with one reason; each gets its own log
    entry. Candidates decided on meanwhile (no longer decidable) are left as they are."""
    if not reason.strip():
        raise ValueError("a decision needs a reason")
    locked = Application.objects.select_for_update().filter(
        pk__in=[a.pk for a in applications], stage__in=DECIDABLE_STAGES
    )
    decided = 0
    for application in locked:
        application.move_to(stage, by=by, reason=reason)
        if stage == Stage.NOT_SELECTED:
            transaction.on_commit(partial(tell_not_selected, application))
        decided += 1
    return decided
