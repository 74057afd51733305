"""The selection's tasks on the start page (see `magicmix.web.start`)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import User
from magicmix.web.start import Task

from .models import Application, Intake, Interview, Stage


def tasks(user: User) -> list[Task]:
    found = [
        Task(
            _("Checks to review"),
            Application.objects.reviewable_by(user).awaiting_check().count(),
            reverse("selection:review_list"),
        ),
        Task(_("Letters to score"), _letters_to_score(user), reverse("selection:scoring")),
        *_interviews_to_plan(user),
    ]
    for_panel = Application.objects.for_panel(user)
    if for_panel.exists():
        waiting = for_panel.exclude(advices__panel_member=user)
        found.append(Task(_("Panel advice pending"), waiting.count(), reverse("selection:panel")))
    return found


def _letters_to_score(user: User) -> int:
    intakes = Intake.objects.scored_by(user).filter(rubric__isnull=False).select_related("rubric")
    return sum(
        intake.applications.letters_for(user, intake.rubric.scorers_per_letter).count()
        for intake in intakes
    )


def _interviews_to_plan(user: User) -> list[Task]:
    """Per intake: eligible candidates whose letter is scored and who have no interview yet."""
    taking_place = Interview.objects.filter(
        application=OuterRef("pk"), status__in=[Interview.Status.PLANNED, Interview.Status.HELD]
    )
    return [
        Task(
            _("Interviews to plan: %(intake)s") % {"intake": intake.title},
            intake.applications.eligible()
            .filter(stage=Stage.ASSESSING)
            .exclude(Exists(taking_place))
            .count(),
            reverse("selection:interviews", args=[intake.pk]),
        )
        for intake in Intake.objects.editable_by(user).exclude(status=Intake.Status.DRAFT)
    ]
