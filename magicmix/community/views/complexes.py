"""The entry page, a social manager's day per complex, and who does what per gang."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from magicmix.rounds.contracts import add_months
from magicmix.tenancies.models import Tenancy
from magicmix.web.auth import user_of

from ..access import managed_complexes, partner
from ..day import day_of, gangs_without_gangmaker
from ..models import SupportArrangement
from ..models.support import ENDING_SOON_MONTHS
from .scope import managed_complex


@require_http_methods(["GET"])
def index(request: HttpRequest) -> HttpResponse:
    """Complexes the user manages; for a caseworker, the arrangements of their clients."""
    user = user_of(request)
    complexes = list(managed_complexes(user).order_by("name"))
    if not complexes and not partner(user):
        raise Http404
    today = timezone.localdate()
    arrangements = (
        SupportArrangement.objects.visible_to(user)
        .running()
        .filter(partner_id__in=partner(user))
        .select_related("tenancy__person", "tenancy__unit__complex", "partner")
        .order_by("planned_end")[:200]
    )
    load = (
        SupportArrangement.objects.visible_to(user)
        .running()
        .filter(start_date__lte=today)
        .values("tenancy__unit__complex__name", "partner__name")
        .annotate(count=Count("pk"), hours=Sum("hours_per_week"))
        .order_by("tenancy__unit__complex__name", "partner__name")
    )
    context = {
        "complexes": complexes,
        "load": load,
        "arrangements": arrangements,
        "soon": add_months(today, ENDING_SOON_MONTHS),
        "today": today,
    }
    return render(request, "community/index.html", context)


@require_http_methods(["GET"])
def day(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = managed_complex(user_of(request), pk)
    today = timezone.localdate()
    context = {"complex": complex_, "day": today, **day_of(complex_, today)}
    return render(request, "community/day.html", context)


@require_http_methods(["GET"])
def gangs(request: HttpRequest, pk: int) -> HttpResponse:
    """Per gang who lives there, their role and hours; gangs without a gangmaker marked."""
    complex_ = managed_complex(user_of(request), pk)
    today = timezone.localdate()
    tenancies = (
        Tenancy.objects.current(today)
        .filter(unit__complex=complex_)
        .select_related("person__target_group", "unit__cluster", "agreement")
        .order_by(
            "unit__cluster__position", "unit__cluster__name", "unit__cluster_id", "unit__code"
        )
    )
    without = set(gangs_without_gangmaker(complex_, today).values_list("pk", flat=True))
    rows = [
        (cluster, cluster.pk in without, list(group))
        for cluster, group in groupby(tenancies, key=lambda t: t.unit.cluster)
    ]
    context = {"complex": complex_, "gangs": rows, "today": today}
    return render(request, "community/gangs.html", context)
