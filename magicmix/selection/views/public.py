"""The public side, without an account: open intakes, the application form and the private
status page behind the link from the confirmation e-mail. A wrong or expired link is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import ratelimit
from ..forms import ApplicantUpdateForm, ApplicationForm, WithdrawForm
from ..models import Application, Intake, PublicStatus
from ..models.eligibility import sentence
from ..models.intake import IntakeQuerySet
from ..services import applications

# The plain steps of the status page; "not selected" and "withdrawn" end the path early.
STEPS = [
    PublicStatus.RECEIVED,
    PublicStatus.ASSESSING,
    PublicStatus.INVITED,
    PublicStatus.OFFER,
    PublicStatus.HOUSED,
]


def _open_intakes() -> IntakeQuerySet:
    return Intake.objects.open_on(timezone.localdate()).select_related("complex")


def _open_intake(pk: int) -> Intake:
    return get_object_or_404(_open_intakes(), pk=pk)


def _application(token: str) -> Application:
    return get_object_or_404(
        Application.objects.by_token(token).select_related("intake__complex", "target_group"),
    )


@login_not_required
@require_http_methods(["GET"])
def intake_list(request: HttpRequest) -> HttpResponse:
    return render(request, "selection/public/intake_list.html", {"intakes": _open_intakes()})


@login_not_required
@require_http_methods(["GET"])
def intake_detail(request: HttpRequest, pk: int) -> HttpResponse:
    intake = _open_intake(pk)
    return render(
        request,
        "selection/public/intake_detail.html",
        {"intake": intake, "target_groups": intake.target_groups.all()},
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    intake = _open_intake(pk)
    form = ApplicationForm(intake, request.POST or None)
    context: dict[str, object] = {"intake": intake, "form": form}
    if request.method != "POST":
        return render(request, "selection/public/apply.html", context)
    if not ratelimit.allow(request, "apply"):
        context["limited"] = True
        return render(request, "selection/public/apply.html", context, status=429)
    if form.is_spam:
        # Answer a bot as if all went well, and keep nothing.
        return redirect("selection:thanks", pk=intake.pk)
    if form.is_valid():
        try:
            token = applications.submit(form.instance, form.cleaned_data["preferred_clusters"])
        except applications.NotEligible as refused:
            context["refusals"] = [sentence(outcome.text) for outcome in refused.refusals]
            return render(request, "selection/public/apply.html", context)
        link = request.build_absolute_uri(reverse("selection:status", args=[token]))
        applications.send_confirmation(form.instance, link)
        return redirect("selection:thanks", pk=intake.pk)
    return render(request, "selection/public/apply.html", context)


@login_not_required
@require_http_methods(["GET"])
def thanks(request: HttpRequest, pk: int) -> HttpResponse:
    intake = get_object_or_404(Intake.objects.exclude(status=Intake.Status.DRAFT), pk=pk)
    return render(request, "selection/public/thanks.html", {"intake": intake})


@login_not_required
@never_cache
@require_http_methods(["GET"])
def status(request: HttpRequest, token: str) -> HttpResponse:
    application = _application(token)
    current = application.public_status
    steps = [(step.label, step == current, STEPS.index(step) < _reached(current)) for step in STEPS]
    context = {
        "application": application,
        "intake": application.intake,
        "token": token,
        "steps": steps,
        "ended": current in (PublicStatus.NOT_SELECTED, PublicStatus.WITHDRAWN),
    }
    return render(request, "selection/public/status.html", context)


def _reached(current: str) -> int:
    """How many steps lie behind the current one; an ended application shows none as done."""
    return STEPS.index(PublicStatus(current)) if current in STEPS else 0


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def status_edit(request: HttpRequest, token: str) -> HttpResponse:
    application = _application(token)
    if application.is_final:
        return redirect("selection:status", token=token)
    form = ApplicantUpdateForm(application, request.POST or None)
    if form.is_valid():
        applications.correct(form)
        messages.success(request, _("Your changes are saved."))
        return redirect("selection:status", token=token)
    return render(
        request,
        "selection/public/status_edit.html",
        {"application": application, "form": form, "token": token},
    )


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def status_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    application = _application(token)
    if application.is_final:
        return redirect("selection:status", token=token)
    form = WithdrawForm(request.POST or None)
    if form.is_valid():
        application.withdraw(form.cleaned_data["reason"])
        messages.success(request, _("Your application is withdrawn."))
        return redirect("selection:status", token=token)
    return render(
        request,
        "selection/public/withdraw.html",
        {"application": application, "form": form, "token": token},
    )
