"""The shortlist: an intake's candidates ranked by selection score with its breakdown and the
resident panel's advice; letting staff shortlist or do not select, always with a reason."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from ..forms import DecisionForm
from ..models import DECIDABLE_STAGES, Application, CooptationAdvice, Intake, Stage, breakdowns


@require_http_methods(["GET"])
def shortlist(request: HttpRequest, pk: int) -> HttpResponse:
    intake = get_object_or_404(
        Intake.objects.editable_by(user_of(request)).select_related("complex"), pk=pk
    )
    applications = list(
        intake.applications.exclude(stage=Stage.WITHDRAWN).select_related("target_group")
    )
    scores = breakdowns(application.pk for application in applications)
    advice: dict[int, Counter[str]] = {}
    for given in CooptationAdvice.objects.filter(application__intake=intake):
        advice.setdefault(given.application_id, Counter())[given.advice] += 1
    applications.sort(
        key=lambda a: (
            scores[a.pk].total is None,
            -(scores[a.pk].total or 0),
            a.registered_on,
            a.pk,
        )
    )
    rows = [
        {
            "application": application,
            "score": scores[application.pk],
            "advice": [
                (label, advice.get(application.pk, Counter())[value])
                for value, label in CooptationAdvice.Advice.choices
            ],
            "decidable": application.stage in DECIDABLE_STAGES,
        }
        for application in applications
    ]
    context = {"intake": intake, "rows": rows, "stages": DecisionForm.base_fields["stage"].choices}  # type: ignore[attr-defined]
    return render(request, "selection/shortlist/list.html", context)


@require_http_methods(["POST"])
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    application = get_object_or_404(Application.objects.managed_by(user), pk=pk)
    form = DecisionForm(request.POST)
    if application.stage not in DECIDABLE_STAGES:
        messages.error(request, _("This application can no longer be decided on here."))
    elif not form.is_valid():
        messages.error(request, _("Choose a decision and give a reason."))
    else:
        application.move_to(form.cleaned_data["stage"], by=user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("%(name)s: %(stage)s.")
            % {"name": application.full_name, "stage": application.get_stage_display()},
        )
    return redirect("selection:shortlist", pk=application.intake_id)
