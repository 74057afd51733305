"""The corporation's side of an intake (letting staff of the owner): set it up, read what came
in. Intakes and applications of other corporations answer 404."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.housing.models import Complex
from magicmix.legal.checks import Status
from magicmix.privacy import log
from magicmix.privacy.models import Action
from magicmix.web.auth import user_of
from magicmix.web.history import changes_of

from ..forms import ApplicantUpdateForm, IntakeForm
from ..models import Application, EligibilityOutcome, Intake, Nomination, breakdowns
from ..models.application import OPEN_RESULTS
from ..retention import ANONYMOUS
from ..services import applications


@require_http_methods(["GET"])
def intake_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    intakes = (
        Intake.objects.editable_by(user)
        .select_related("complex")
        .annotate(application_count=Count("applications"))
    )
    context = {
        "intakes": intakes,
        "may_create": Complex.objects.editable_by(user).exists(),
    }
    return render(request, "selection/staff/intake_list.html", context)


@require_http_methods(["GET", "POST"])
def intake_create(request: HttpRequest) -> HttpResponse:
    if not Complex.objects.editable_by(user_of(request)).exists():
        raise Http404
    return _intake_form(request, Intake())


@require_http_methods(["GET", "POST"])
def intake_edit(request: HttpRequest, pk: int) -> HttpResponse:
    intake = get_object_or_404(Intake.objects.editable_by(user_of(request)), pk=pk)
    return _intake_form(request, intake)


def _intake_form(request: HttpRequest, intake: Intake) -> HttpResponse:
    form = IntakeForm(user_of(request), request.POST or None, instance=intake)
    if form.is_valid():
        intake = form.save()
        messages.success(request, _("The intake is saved."))
        return redirect("selection:intake_detail", pk=intake.pk)
    return render(request, "selection/staff/intake_form.html", {"form": form, "intake": intake})


@require_http_methods(["GET"])
def intake_detail(request: HttpRequest, pk: int) -> HttpResponse:
    intake = get_object_or_404(
        Intake.objects.editable_by(user_of(request)).select_related("complex"), pk=pk
    )
    applications = intake.applications.select_related("target_group").annotate(
        failed=Count("eligibility", filter=Q(eligibility__status=Status.FAILED)),
        missing=Count("eligibility", filter=Q(eligibility__status=Status.MISSING)),
    )
    context = {
        "intake": intake,
        "applications": applications,
        "target_groups": intake.target_groups.all(),
        "changes": changes_of(intake),
    }
    return render(request, "selection/staff/intake_detail.html", context)


@require_http_methods(["GET"])
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    application = get_object_or_404(
        Application.objects.managed_by(user)
        .select_related("intake__complex", "target_group")
        .prefetch_related(
            Prefetch("eligibility", queryset=EligibilityOutcome.objects.order_by("id")),
            "preferred_clusters",
        ),
        pk=pk,
    )
    log.application(request, application.pk, application.intake.complex.organisation_id)
    context = {
        "application": application,
        "intake": application.intake,
        "may_decide_check": application.check_result in OPEN_RESULTS
        and not application.is_final
        and Application.objects.reviewable_by(user).filter(pk=application.pk).exists(),
        "duplicates": application.likely_duplicates(),
        "may_correct": application.last_name != ANONYMOUS,
        "nomination": Nomination.objects.filter(application=application)
        .select_related("organisation", "support_organisation", "caseworker")
        .first(),
        "score": breakdowns([application.pk])[application.pk],
        "interviews": application.interviews.all(),
        "advices": application.advices.select_related("panel_member"),
        "events": application.events.select_related("actor"),
        "changes": changes_of(application),
    }
    return render(request, "selection/staff/application_detail.html", context)


@require_http_methods(["GET", "POST"])
def application_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Letting staff correct an applicant's contact details and preferences, e.g. on a phone
    call, with the applicant's own form (not the letter); an anonymised one has nothing left."""
    user = user_of(request)
    application = get_object_or_404(
        Application.objects.managed_by(user)
        .exclude(last_name=ANONYMOUS)
        .select_related("intake__complex"),
        pk=pk,
    )
    owner = application.intake.complex.organisation_id
    form = ApplicantUpdateForm(application, request.POST or None, letter=False)
    log.application(request, application.pk, owner)
    if form.is_valid():
        applications.correct(form, by=user)
        log.application(request, application.pk, owner, Action.CHANGE)
        messages.success(request, _("The applicant's details are corrected."))
        return redirect("selection:application_detail", pk=application.pk)
    return render(
        request,
        "selection/staff/application_correct.html",
        {"application": application, "form": form},
    )
