"""Interviews: letting staff plan a day of 10-minute slots and invite candidates into them;
any staff of the owning corporation records how an interview went."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib import messages
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from ..forms import InterviewForm, InviteForm, PlannerForm, TopForm
from ..models import INVITABLE_STAGES, Application, Criterion, Intake, Interview, breakdowns
from ..services import interviews, judgements


def _candidates(intake: Intake) -> list[tuple[int, str]]:
    """Who may be invited, best selection score first (unscored last)."""
    busy = Interview.objects.filter(application=OuterRef("pk"), status__in=interviews.TAKING_PLACE)
    applications = list(
        intake.applications.eligible().filter(stage__in=INVITABLE_STAGES).exclude(Exists(busy))
    )
    scores = breakdowns(application.pk for application in applications)
    applications.sort(key=lambda a: (scores[a.pk].total is None, -(scores[a.pk].total or 0), a.pk))
    return [(a.pk, f"{a.full_name} ({_score(scores[a.pk].total)})") for a in applications]


def _score(total: Decimal | None) -> str:
    return "–" if total is None else number_format(total, 1)


@require_http_methods(["GET", "POST"])
def planner(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    intake = get_object_or_404(Intake.objects.editable_by(user).select_related("complex"), pk=pk)
    plan = PlannerForm(request.GET or None)
    context: dict[str, object] = {
        "intake": intake,
        "plan": plan,
        "interviews": Interview.objects.filter(application__intake=intake).select_related(
            "application"
        ),
    }
    if plan.is_valid():
        day = plan.cleaned_data
        starts = interviews.slots(day["day"], day["start"], day["end"])
        taken = interviews.taken(intake, starts)
        free = [moment for moment in starts if moment not in taken]
        candidates = _candidates(intake)
        top = TopForm(request.POST if "top" in request.POST else None)
        invite = InviteForm(free, candidates, None if top.is_bound else request.POST or None)
        pairs: list[tuple[datetime.datetime, int]] = []
        if top.is_valid():  # the best N candidates in the first N free slots
            best = [pk for pk, _label in candidates[: top.cleaned_data["top"]]]
            pairs = list(zip(free, best, strict=False))
        elif request.method == "POST" and invite.is_valid():
            pairs = invite.invitations()
        if pairs:
            invitable = intake.applications.eligible().filter(stage__in=INVITABLE_STAGES)
            with transaction.atomic():
                for starts_at, application_pk in pairs:
                    application = get_object_or_404(invitable, pk=application_pk)
                    interviews.invite(application, starts_at, day["location"], user)
            messages.success(request, _("The invitations are sent."))
            return redirect(request.get_full_path())
        context |= {
            "invite": invite,
            "top": top,
            "slots": [(m, taken.get(m)) for m in starts],
        }
    return render(request, "selection/interviews/planner.html", context)


@require_http_methods(["GET", "POST"])
def record(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    interview = get_object_or_404(
        Interview.objects.filter(
            application__in=Application.objects.scorable_by(user)
        ).select_related("application__intake__complex"),
        pk=pk,
    )
    application = interview.application
    criteria = list(
        Criterion.objects.filter(
            rubric__intake=application.intake_id, stage=Criterion.Stage.INTERVIEW
        )
    )
    form = InterviewForm(criteria, request.POST or None, starts_at=interview.starts_at)
    if request.method != "POST":
        given = {answer.criterion_id: answer.points for answer in interview.scores.all()}
        form.initial = {"summary": interview.summary, "status": interview.status} | {
            form.key(c): given.get(c.pk) for c in criteria
        }
    elif form.is_valid():
        judgements.record_interview(
            interview,
            user,
            form.cleaned_data["status"],
            form.cleaned_data["summary"],
            form.points(),
        )
        messages.success(request, _("The interview is recorded."))
        return redirect("selection:interview", pk=interview.pk)
    context = {"interview": interview, "application": application, "form": form}
    return render(request, "selection/interviews/record.html", context)
