"""Incidents of a complex: list, record, follow up, close. Social management and letting only."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import User
from magicmix.web.auth import user_of
from magicmix.web.history import changes_of

from ..forms import FollowUpForm, IncidentForm
from ..models import FollowUp, Incident
from ..services import incidents
from .scope import managed_complex

PAGE = 100


def _incident(user: User, pk: int) -> Incident:
    return get_object_or_404(
        Incident.objects.visible_to(user).select_related("complex", "recorded_by"), pk=pk
    )


@require_http_methods(["GET"])
def incident_list(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = managed_complex(user_of(request), pk)
    shown = request.GET.get("show", "open")
    found = Incident.objects.filter(complex=complex_)
    if shown != "all":
        found = found.open()
    context = {
        "complex": complex_,
        "incidents": found.prefetch_related("involved")[:PAGE],
        "shown": shown,
    }
    return render(request, "community/incidents/list.html", context)


@require_http_methods(["GET", "POST"])
def incident_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = managed_complex(user, pk)
    form = IncidentForm(request.POST or None, complex_=complex_)
    if form.is_valid():
        data = form.cleaned_data
        incident = incidents.record_incident(
            complex_,
            occurred_on=data["occurred_on"],
            kind=data["kind"],
            severity=data["severity"],
            description=data["description"],
            involved=data["involved"],
            police_involved=data["police_involved"],
            by=user,
        )
        if data["action"]:
            incidents.add_action(incident, data["action"], data["owner"], data["due_on"])
        messages.success(request, _("The incident is recorded."))
        return redirect("community:incident_detail", pk=incident.pk)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Record an incident in %(complex)s") % {"complex": complex_},
            "cancel": reverse("community:incident_list", args=[complex_.pk]),
        },
    )


@require_http_methods(["GET", "POST"])
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    incident = _incident(user, pk)
    form = FollowUpForm(request.POST or None, complex_=incident.complex)
    if form.is_valid():
        data = form.cleaned_data
        incidents.add_action(incident, data["what"], data["owner"], data["due_on"])
        messages.success(request, _("The action is added."))
        return redirect("community:incident_detail", pk=incident.pk)
    context = {
        "incident": incident,
        "complex": incident.complex,
        "involved": incident.involved.select_related("target_group"),
        "actions": incident.actions.select_related("owner"),
        "warnings": incident.warnings.select_related("person", "issued_by"),
        "form": form,
        "changes": changes_of(incident),
        "today": timezone.localdate(),
    }
    return render(request, "community/incidents/detail.html", context)


@require_http_methods(["POST"])
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    action = get_object_or_404(
        FollowUp.objects.filter(incident__in=Incident.objects.visible_to(user)), pk=pk
    )
    incidents.finish_action(action, timezone.localdate())
    return redirect("community:incident_detail", pk=action.incident_id)


@require_http_methods(["POST"])
def incident_close(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(user_of(request), pk)
    incidents.close(incident, timezone.localdate())
    messages.success(request, _("The incident is closed."))
    return redirect("community:incident_detail", pk=incident.pk)
