"""The neighbourhood of a complex: complaints with their handling time, buurtklankbordgroep
meetings, and the activities open to the neighbourhood with how many neighbours came."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from ..forms import MeetingForm
from ..models import Activity, NeighbourhoodMeeting
from ..models.neighbourhood import complaints, handling_days, median_handling_days, year_before
from .scope import managed_complex

PAGE = 100


@require_http_methods(["GET"])
def neighbourhood(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = managed_complex(user_of(request), pk)
    today = timezone.localdate()
    since = year_before(today)
    received = list(complaints(complex_).filter(occurred_on__gte=since)[:PAGE])
    open_to_all = Activity.objects.filter(
        complex=complex_, open_to_neighbourhood=True, day__gte=since, day__lte=today
    ).aggregate(count=Count("pk"), neighbours=Sum("neighbours_came"))
    context = {
        "complex": complex_,
        "since": since,
        "complaints": [(c, handling_days(c)) for c in received],
        "median_days": median_handling_days(received),
        "activities": open_to_all["count"],
        "neighbours": open_to_all["neighbours"] or 0,
        "meetings": NeighbourhoodMeeting.objects.filter(complex=complex_)[:PAGE],
    }
    return render(request, "community/neighbourhood.html", context)


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = managed_complex(user, pk)
    form = MeetingForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if form.is_valid():
        form.instance.complex = complex_
        form.instance.recorded_by = user
        form.save()
        messages.success(request, _("The meeting is saved."))
        return redirect("community:neighbourhood", pk=complex_.pk)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Buurtklankbordgroep meeting of %(complex)s") % {"complex": complex_},
            "cancel": reverse("community:neighbourhood", args=[complex_.pk]),
        },
    )
