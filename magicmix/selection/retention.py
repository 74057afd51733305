"""What selection keeps about an applicant, for export and erasure, and how long (the privacy
registry).

Erasing an applicant anonymises the application rather than deleting it: the outcomes of a
round refer to it, and a round's justification must stay readable with its candidates
anonymised. What identifies the applicant or was written about them goes: name, date of birth
(the year stays), contact details, the letter, interview summaries, scorers' notes, panel
motivations, the nomination's readiness statement, reasons in the log and the change history.
Household, income and target group stay, for the allocation figures (passend toewijzen).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from magicmix.privacy import registry
from magicmix.privacy.models import SubjectType

from .models import (
    Application,
    ApplicationEvent,
    CooptationAdvice,
    EligibilityOutcome,
    Interview,
    InterviewScore,
    LetterScore,
    Nomination,
    Stage,
)

ANONYMOUS = "(geanonimiseerd)"
# The rows of each model that belong to one application, and their change history.
_PARTS: list[tuple[type[Any], str]] = [
    (Application, "id"),
    (Nomination, "application_id"),
    (LetterScore, "application_id"),
    (Interview, "application_id"),
    (InterviewScore, "interview__application_id"),
    (CooptationAdvice, "application_id"),
]


def export(pk: int) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    parts: list[tuple[type[Any], str]] = [*_PARTS, (ApplicationEvent, "application_id")]
    for model, path in parts:
        records += [registry.record(row) for row in model.objects.filter(**{path: pk})]
    records += [
        registry.record(row) for row in EligibilityOutcome.objects.filter(application_id=pk)
    ]
    for model, path in _PARTS:
        if model is not InterviewScore:
            records += registry.history_records(model, **{path: pk})
    return records


def erase_notes(pk: int) -> None:
    """What staff and the panel wrote about the applicant, with the history that holds it."""
    LetterScore.objects.filter(application_id=pk).update(note="")
    Interview.objects.filter(application_id=pk).update(summary="")
    CooptationAdvice.objects.filter(application_id=pk).update(motivation="")
    for model in (LetterScore, Interview, CooptationAdvice):
        registry.delete_history(model, application_id=pk)


def erase(pk: int) -> None:
    application = Application.objects.get(pk=pk)
    # .update(), not save(): a save would write the old values into a new history row.
    Application.objects.filter(pk=pk).update(
        first_name="",
        last_name=ANONYMOUS,
        name_key="",
        date_of_birth=datetime.date(application.date_of_birth.year, 7, 1),
        email="",
        phone="",
        education_institution="",
        motivation="",
        token_hash=None,
        link_expires_at=None,
    )
    Nomination.objects.filter(application_id=pk).update(readiness="")
    ApplicationEvent.objects.filter(application_id=pk).update(reason="")
    erase_notes(pk)
    registry.delete_history(Application, id=pk)
    registry.delete_history(Nomination, application_id=pk)
    registry.delete_history(InterviewScore, interview__application_id=pk)


def consequences(pk: int) -> list[str]:
    return [
        gettext(
            "Name, date of birth (the year stays), contact details, the motivation letter, "
            "interview summaries, scorers' notes, panel motivations and reasons in the log are "
            "removed, with the change history; the application stays without a name in the "
            "rounds it took part in."
        )
    ]


def _decided(organisation_id: int, cutoff: datetime.date, stage: str) -> QuerySet[Application]:
    """Applications of the organisation in `stage` whose last event lies before the cut-off."""
    return (
        Application.objects.filter(intake__complex__organisation_id=organisation_id, stage=stage)
        .annotate(last_event=Max("events__at"))
        .filter(last_event__date__lt=cutoff)
    )


def not_selected(organisation_id: int, cutoff: datetime.date) -> QuerySet[Application]:
    return _decided(organisation_id, cutoff, Stage.NOT_SELECTED).exclude(last_name=ANONYMOUS)


def withdrawn(organisation_id: int, cutoff: datetime.date) -> QuerySet[Application]:
    return _decided(organisation_id, cutoff, Stage.WITHDRAWN).exclude(last_name=ANONYMOUS)


def letters(organisation_id: int, cutoff: datetime.date) -> QuerySet[Application]:
    """Letters of housed applicants: they did their work once the home was let."""
    return _decided(organisation_id, cutoff, Stage.HOUSED).exclude(motivation="")


def erase_letters(rows: QuerySet[Application]) -> None:
    for pk in list(rows.values_list("pk", flat=True)):
        Application.objects.filter(pk=pk).update(motivation="")
        registry.delete_history(Application, id=pk)


def notes(organisation_id: int, cutoff: datetime.date) -> QuerySet[Application]:
    written = (
        Q(interviews__summary__gt="")
        | Q(letter_scores__note__gt="")
        | Q(advices__motivation__gt="")
    )
    housed = _decided(organisation_id, cutoff, Stage.HOUSED)
    return Application.objects.filter(pk__in=housed.values("pk")).filter(written).distinct()


def erase_all_notes(rows: QuerySet[Application]) -> None:
    for pk in list(rows.values_list("pk", flat=True)):
        erase_notes(pk)


def history(organisation_id: int, cutoff: datetime.date) -> QuerySet[Any]:
    return Application.history.filter(
        intake__complex__organisation_id=organisation_id, history_date__date__lt=cutoff
    )


registry.subject(
    registry.Subject(
        type=SubjectType.APPLICATION,
        managed_by=lambda user: Application.objects.reviewable_by(user),
        organisation_of=lambda application: application.intake.complex.organisation_id,
        edit_url=lambda application: (
            ""
            if application.last_name == ANONYMOUS
            else reverse("selection:application_correct", args=[application.pk])
        ),
        page_url=lambda application: reverse("selection:application_detail", args=[application.pk]),
    )
)
registry.holding(
    registry.Holding(
        subject_type=SubjectType.APPLICATION,
        title=_("Application, scores, interviews and panel advice"),
        export=export,
        erase=erase,
        consequences=consequences,
    )
)
for entry in [
    registry.Category(
        code="not_selected_applications",
        label=_("Applications not selected"),
        starts=_("after the decision"),
        default_months=6,
        anonymises=True,
        expired=not_selected,
        subject_type=SubjectType.APPLICATION,
        subject_path="pk",
    ),
    registry.Category(
        code="withdrawn_applications",
        label=_("Withdrawn applications"),
        starts=_("after the withdrawal"),
        default_months=1,
        anonymises=True,
        expired=withdrawn,
        subject_type=SubjectType.APPLICATION,
        subject_path="pk",
    ),
    registry.Category(
        code="motivation_letters",
        label=_("Motivation letters of housed applicants"),
        starts=_("after the applicant was housed"),
        default_months=6,
        anonymises=False,
        expired=letters,
        subject_type=SubjectType.APPLICATION,
        subject_path="pk",
        apply=erase_letters,
    ),
    registry.Category(
        code="interview_notes",
        label=_("Interview summaries, scorers' notes and panel motivations of housed applicants"),
        starts=_("after the applicant was housed"),
        default_months=6,
        anonymises=False,
        expired=notes,
        subject_type=SubjectType.APPLICATION,
        subject_path="pk",
        apply=erase_all_notes,
    ),
    registry.Category(
        code="application_history",
        label=_("Change history of applications"),
        starts=_("after the change"),
        default_months=24,
        anonymises=False,
        expired=history,
        subject_type=SubjectType.APPLICATION,
        subject_path="id",
        apply=lambda rows: rows.delete(),
    ),
]:
    registry.category(entry)
