"""Activities of a complex for staff: plan one, and record who came."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from ..access import managed_complexes
from ..forms import ActivityForm, residents_of
from ..models import Activity, Attendance
from .scope import managed_complex

PAGE = 100


@require_http_methods(["GET"])
def activity_list(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = managed_complex(user_of(request), pk)
    today = timezone.localdate()
    activities = Activity.objects.filter(complex=complex_).with_counts()
    year = activities.filter(day__lt=today, day__gte=today - datetime.timedelta(days=365))
    context = {
        "complex": complex_,
        "year": year.count(),
        "mixed": year.filter(groups__gte=2).count(),  # type: ignore[misc]  # annotated by with_counts
        "coming": activities.filter(day__gte=today)[:PAGE],
        "past": activities.filter(day__lt=today).order_by("-day", "-starts_at")[:PAGE],
    }
    return render(request, "community/activities/list.html", context)


@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = managed_complex(user, pk)
    form = ActivityForm(request.POST or None, complex_=complex_)
    if form.is_valid():
        form.instance.complex = complex_
        form.instance.created_by = user
        activity = form.save()
        messages.success(request, _("The activity is planned."))
        return redirect("community:activity_detail", pk=activity.pk)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Plan an activity in %(complex)s") % {"complex": complex_},
            "cancel": reverse("community:activity_list", args=[complex_.pk]),
        },
    )


@require_http_methods(["GET", "POST"])
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The sign-ups, with a tick per resident who came; neighbours only as a number."""
    user = user_of(request)
    activity = get_object_or_404(
        Activity.objects.filter(complex__in=managed_complexes(user)).select_related("complex"),
        pk=pk,
    )
    if request.method == "POST":
        came = {int(pk) for pk in request.POST.getlist("came") if pk.isdigit()}
        residents = residents_of(activity.complex).filter(pk__in=came)
        for person in residents:
            Attendance.objects.update_or_create(
                activity=activity, person=person, defaults={"attended": True}
            )
        activity.attendances.exclude(person__in=residents).update(attended=False)
        neighbours = request.POST.get("neighbours_came", "")
        if neighbours.isdigit() and int(neighbours) <= 1000:
            activity.neighbours_came = int(neighbours)
            activity.save(update_fields=["neighbours_came"])
        messages.success(request, _("The attendance is saved."))
        return redirect("community:activity_detail", pk=activity.pk)
    attendances = activity.attendances.select_related("person__target_group").order_by(
        "person__last_name"
    )
    groups = {a.person.target_group_id for a in attendances if a.attended}
    context = {
        "activity": activity,
        "complex": activity.complex,
        "attendances": attendances,
        "group_count": len(groups),
    }
    return render(request, "community/activities/detail.html", context)
