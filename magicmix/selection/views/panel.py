"""Coöptatie: members of a resident panel read the letters and interview summaries of the
shortlisted candidates of their complexes, and give an advice. What they see is chosen field by
field: a first name, the letter and the summaries; never contact data, date of birth, income,
target group, health or support. Everyone else gets a 404."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from ..forms import AdviceForm
from ..models import Application, CooptationAdvice, Interview
from ..panel_codes import panel_code
from ..services import judgements

_HELD = Prefetch(
    "interviews",
    queryset=Interview.objects.filter(status=Interview.Status.HELD).exclude(summary=""),
    to_attr="held",
)


@require_http_methods(["GET"])
def candidate_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    candidates = (
        Application.objects.for_panel(user)
        .select_related("intake__complex")
        .order_by("intake__complex__name", "intake_id", "first_name", "pk")
    )
    mine = dict(
        CooptationAdvice.objects.filter(panel_member=user, application__in=candidates).values_list(
            "application_id", "advice"
        )
    )
    rows = [
        (c, panel_code(c.pk), CooptationAdvice.Advice(mine[c.pk]).label if c.pk in mine else None)
        for c in candidates
    ]
    return render(request, "selection/panel/list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def candidate(request: HttpRequest, code: str) -> HttpResponse:
    user = user_of(request)
    candidates = Application.objects.for_panel(user)
    pk = next((pk for pk in candidates.values_list("pk", flat=True) if panel_code(pk) == code), 0)
    application = get_object_or_404(
        candidates.select_related("intake__complex").prefetch_related(_HELD), pk=pk
    )
    given = CooptationAdvice.objects.filter(application=application, panel_member=user).first()
    form = AdviceForm(request.POST or None, instance=given)
    if request.method == "POST" and form.is_valid():
        judgements.give_advice(
            application, user, form.cleaned_data["advice"], form.cleaned_data["motivation"]
        )
        messages.success(request, _("Your advice is recorded."))
        return redirect("selection:panel")
    context = {
        "candidate": application,
        "code": code,
        "intake": application.intake,
        "form": form,
    }
    return render(request, "selection/panel/candidate.html", context)
