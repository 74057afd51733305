"""The overview of complexes and a complex's dashboard: aggregates only, for everyone who may
see the complex (a partner caseworker: their own clients only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from magicmix.housing.models import Complex
from magicmix.web.auth import user_of

from .. import dashboard
from ..access import clients_to_rate, may_manage, persons_in_scope, visible_complex
from ..indicators import Context


@require_http_methods(["GET"])
def overview(request: HttpRequest) -> HttpResponse:
    complexes = Complex.objects.visible_to(user_of(request)).order_by("name")
    return render(request, "monitoring/overview.html", {"complexes": complexes})


@require_http_methods(["GET"])
def complex_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = visible_complex(user, pk)
    persons = persons_in_scope(user, complex_)
    context = Context(complex_, timezone.localdate(), persons)
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "complex": complex_,
            "own_clients_only": persons is not None,
            "sections": dashboard.sections(context),
            "latest": dashboard.latest_wave(complex_, context),
            "may_manage": may_manage(user, complex_),
            "may_import": Complex.objects.editable_by(user).filter(pk=pk).exists(),
            "clients_to_rate": clients_to_rate(user, complex_),
        },
    )
