"""A resident's own pages, opened with their personal link: their complex's activities, signing
up, logging contributed hours, their agreement and hours against it. Nobody else's data."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.people.models import Person
from magicmix.tenancies.models import Tenancy

from ..forms import HoursForm, ResidentActivityForm
from ..models import (
    Activity,
    Attendance,
    ContributionAgreement,
    ResidentLink,
    ResidentRole,
    Warning,
)
from ..services.agreements import log_hours

AHEAD = datetime.timedelta(days=30)


def _resident(token: str) -> tuple[Person, Tenancy]:
    link = get_object_or_404(ResidentLink.objects.by_token(token).select_related("person"))
    tenancy = (
        Tenancy.objects.current().filter(person=link.person).select_related("unit__complex").first()
    )
    if tenancy is None:
        raise Http404
    return link.person, tenancy


def _agreement(tenancy: Tenancy) -> ContributionAgreement | None:
    return ContributionAgreement.objects.filter(tenancy=tenancy).first()


@login_not_required
@require_http_methods(["GET"])
def home(request: HttpRequest, token: str) -> HttpResponse:
    person, tenancy = _resident(token)
    today = timezone.localdate()
    month_start = today.replace(day=1)
    agreement = _agreement(tenancy)
    activities = list(
        Activity.objects.filter(complex=tenancy.unit.complex).between(today, today + AHEAD)[:30]
    )
    signed_up = set(
        Attendance.objects.filter(person=person, activity__in=activities).values_list(
            "activity_id", flat=True
        )
    )
    context = {
        "person": person,
        "complex": tenancy.unit.complex,
        "token": token,
        "agreement": agreement,
        "this_month": agreement.hours_logged(month_start, today) if agreement else None,
        "logged": agreement.logged.all()[:5] if agreement else [],
        "activities": [(a, a.pk in signed_up) for a in activities],
        "warnings": Warning.objects.filter(person=person).counting_on(today),
        "organiser": agreement is not None and agreement.role in ORGANISERS,
    }
    return render(request, "community/residents/home.html", context)


@login_not_required
@require_http_methods(["POST"])
def sign_up(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    person, tenancy = _resident(token)
    activity = get_object_or_404(
        Activity.objects.filter(complex=tenancy.unit.complex, day__gte=timezone.localdate()), pk=pk
    )
    if request.POST.get("cancel"):
        Attendance.objects.filter(activity=activity, person=person).delete()
        messages.success(
            request, _("You are no longer signed up for %(title)s.") % {"title": activity.title}
        )
    else:
        Attendance.objects.get_or_create(activity=activity, person=person)
        messages.success(request, _("You are signed up for %(title)s.") % {"title": activity.title})
    return redirect("community:resident_home", token=token)


# Resident roles that organise activities themselves.
ORGANISERS = {
    ResidentRole.GANGMAKER,
    ResidentRole.COMMUNITY_BUILDER,
    ResidentRole.COMMISSION_MEMBER,
}


@login_not_required
@require_http_methods(["GET", "POST"])
def plan_activity(request: HttpRequest, token: str) -> HttpResponse:
    person, tenancy = _resident(token)
    agreement = _agreement(tenancy)
    if agreement is None or agreement.role not in ORGANISERS:
        raise Http404
    form = ResidentActivityForm(request.POST or None)
    if form.is_valid():
        form.instance.complex = tenancy.unit.complex
        form.instance.organiser = person
        activity = form.save()
        Attendance.objects.create(activity=activity, person=person)
        messages.success(request, _("%(title)s is planned.") % {"title": activity.title})
        return redirect("community:resident_home", token=token)
    context = {
        "form": form,
        "token": token,
        "title": _("Plan an activity"),
    }
    return render(request, "community/residents/form.html", context)


@login_not_required
@require_http_methods(["GET", "POST"])
def hours(request: HttpRequest, token: str) -> HttpResponse:
    _person, tenancy = _resident(token)
    agreement = _agreement(tenancy)
    if agreement is None:
        raise Http404
    form = HoursForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        log_hours(agreement, data["day"], data["hours"], data["what"], None)
        messages.success(request, _("Thank you! Your hours are saved."))
        return redirect("community:resident_home", token=token)
    context = {"form": form, "token": token, "title": _("Log hours")}
    return render(request, "community/residents/form.html", context)
