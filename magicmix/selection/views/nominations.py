"""Nominations by partner caseworkers: nominate a client for an open intake of a complex where
the partner may nominate, and follow the nominations. A nomination is seen only by the
nominating partner and the owning corporation; anyone else gets a 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import Organisation, Role
from magicmix.web.auth import user_of

from ..forms import ClientForm, NominationForm
from ..models import Application, Intake, Route
from ..models.eligibility import sentence
from ..services import applications


@require_http_methods(["GET"])
def nomination_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    nominations = Application.objects.filter(
        route=Route.NOMINATION,
        nomination__organisation_id__in=user.organisation_ids({Role.PARTNER_CASEWORKER}),
    ).select_related("intake__complex", "target_group", "nomination__organisation")
    context = {
        "intakes": Intake.objects.nominatable_by(user).select_related("complex"),
        "nominations": nominations.order_by("-created_at"),
    }
    return render(request, "selection/nominations/list.html", context)


@require_http_methods(["GET", "POST"])
def nominate(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    intake = get_object_or_404(Intake.objects.nominatable_by(user).select_related("complex"), pk=pk)
    partner = Organisation.objects.filter(
        pk__in=user.organisation_ids({Role.PARTNER_CASEWORKER}),
        partnerships__complex=intake.complex_id,
        partnerships__may_nominate=True,
    ).first()
    client = ClientForm(intake, request.POST or None)
    support = NominationForm(intake, partner, request.POST or None)  # type: ignore[arg-type]
    context: dict[str, object] = {"intake": intake, "client": client, "support": support}
    if request.method == "POST" and client.is_valid() and support.is_valid():
        try:
            applications.nominate(client.instance, support.instance, user)
        except applications.NotEligible as refused:
            context["refusals"] = [sentence(outcome.text) for outcome in refused.refusals]
        else:
            messages.success(request, _("The nomination is sent."))
            return redirect("selection:nomination_detail", pk=client.instance.pk)
    return render(request, "selection/nominations/form.html", context)


@require_http_methods(["GET"])
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.visible_to(user_of(request))
        .filter(route=Route.NOMINATION)
        .select_related(
            "intake__complex",
            "target_group",
            "nomination__organisation",
            "nomination__support_organisation",
            "nomination__caseworker",
        ),
        pk=pk,
    )
    context = {
        "application": application,
        "nomination": application.nomination,
        "intake": application.intake,
    }
    return render(request, "selection/nominations/detail.html", context)
