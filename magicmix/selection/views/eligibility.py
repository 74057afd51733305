"""Checks to finish: the applications that wait for a legal value or a person's decision, and
the application manager's decision on one of them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from ..forms import CheckDecisionForm
from ..forms.eligibility import APPROVE
from ..models import Application
from ..services import eligibility


@require_http_methods(["GET"])
def review_list(request: HttpRequest) -> HttpResponse:
    applications = (
        Application.objects.managed_by(user_of(request))
        .awaiting_check()
        .select_related("intake", "target_group")
        .prefetch_related("eligibility")
        .order_by("intake__title", "registered_on", "id")
    )
    return render(request, "selection/eligibility/list.html", {"applications": applications})


@require_http_methods(["POST"])
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    application = get_object_or_404(Application.objects.reviewable_by(user), pk=pk)
    form = CheckDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject and give a reason."))
        return redirect("selection:application_detail", pk=application.pk)
    try:
        eligibility.decide(
            application,
            approve=form.cleaned_data["decision"] == APPROVE,
            reason=form.cleaned_data["reason"],
            by=user,
        )
    except eligibility.NotOpen:
        messages.error(request, _("This check has already been decided on."))
    else:
        messages.success(
            request,
            _("%(name)s: eligibility %(result)s.")
            % {"name": application.full_name, "result": application.get_check_result_display()},
        )
    return redirect("selection:application_detail", pk=application.pk)
