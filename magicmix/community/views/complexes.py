"""The entry page, a social manager's day per complex, and who does what per gang."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from magicmix.housing.models import Cluster
from magicmix.tenancies.models import Tenancy, add_months
from magicmix.web.auth import user_of

from ..access import managed_complexes, partner
from ..day import day_of
from ..models import ResidentRole, SupportArrangement
from ..models.support import ENDING_SOON_MONTHS
from ..support_load import load_over_time, quarter_days
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
    days = quarter_days(today)
    load = load_over_time(SupportArrangement.objects.visible_to(user), days)
    context = {
        "complexes": complexes,
        "load": load,
        "quarters": days,
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


@dataclass
class Gang:
    cluster: Cluster
    residents: int = 0
    reviews_due: int = 0
    # (person id, name, unit code, role label) of the residents with a role
    roles: list[tuple[int, str, str, str]] = field(default_factory=list)

    @property
    def has_gangmaker(self) -> bool:
        return any(role == GANGMAKER_LABEL for *_rest, role in self.roles)


GANGMAKER_LABEL = ResidentRole.GANGMAKER.label


@require_http_methods(["GET"])
def gangs(request: HttpRequest, pk: int) -> HttpResponse:
    """Per gang: how many live there, who has a role, reviews due; gangs without a gangmaker.

    Read as plain values, one row per resident: a 969-unit complex renders in well under a
    second this way (model instances and a link per resident took over a second)."""
    complex_ = managed_complex(user_of(request), pk)
    today = timezone.localdate()
    clusters = {c.pk: Gang(c) for c in Cluster.objects.filter(complex=complex_).exclude(units=None)}
    labels = dict(ResidentRole.choices)
    rows = (
        Tenancy.objects.current(today)
        .filter(unit__complex=complex_)
        .order_by("unit__code")
        .values_list(
            "unit__cluster_id",
            "person_id",
            "person__first_name",
            "person__last_name",
            "unit__code",
            "agreement__role",
            "agreement__review_on",
        )
    )
    for cluster_id, person, first, last, code, role, review_on in rows:
        gang = clusters[cluster_id]
        gang.residents += 1
        gang.reviews_due += bool(review_on and review_on <= today)
        if role and role != ResidentRole.NONE:
            gang.roles.append((person, f"{first} {last}", code, str(labels[role])))
    context = {
        "complex": complex_,
        "gangs": sorted(clusters.values(), key=lambda g: (g.cluster.position, g.cluster.name)),
        "today": today,
    }
    return render(request, "community/gangs.html", context)
