"""Figures from the corporation's administration: the imported rent arrears and management
costs of a complex, their import (all or nothing) and empty templates. Letting staff and
application managers of the corporation only; anyone else gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.housing.models import Complex
from magicmix.housing.unit_import import ImportRejected
from magicmix.web.auth import user_of
from magicmix.web.exports import download
from magicmix.web.forms import SpreadsheetForm

from ..imports import KINDS, Kind, import_figures
from ..models import FactSheet, ManagementCosts, RentArrears


def _complex(request: HttpRequest, pk: int) -> Complex:
    return get_object_or_404(Complex.objects.editable_by(user_of(request)), pk=pk)


def _kind(code: str) -> Kind:
    if code not in KINDS:
        raise Http404
    return KINDS[code]


@require_http_methods(["GET", "POST"])
def figures(request: HttpRequest, pk: int, kind: str = "") -> HttpResponse:
    complex_ = _complex(request, pk)
    forms = {code: SpreadsheetForm(None, prefix=code) for code in KINDS}
    problems: list[str] = []
    problem_count = 0
    if request.method == "POST":
        chosen = _kind(kind)
        form = forms[kind] = SpreadsheetForm(request.POST, request.FILES, prefix=kind)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = import_figures(complex_, chosen, upload.name, upload.read())
            except ImportRejected as rejected:
                problems, problem_count = rejected.problems, rejected.total
            else:
                messages.success(
                    request,
                    _(
                        "Import done: %(created)d rows added, %(updated)d updated, "
                        "%(unchanged)d unchanged."
                    )
                    % vars(result),
                )
                return redirect("monitoring:figures", complex_.pk)
    return render(
        request,
        "monitoring/figures.html",
        {
            "complex": complex_,
            "may_import": True,
            "forms": forms,
            "kind": kind,
            "kinds": KINDS,
            "problems": problems,
            "problem_count": problem_count,
            "arrears": RentArrears.objects.filter(complex=complex_).order_by("-month")[:24],
            "fact_sheet": FactSheet.objects.filter(complex=complex_).first(),
            "costs": ManagementCosts.objects.filter(complex=complex_).order_by("-year")[:10],
        },
    )


@require_http_methods(["GET"])
def figures_template(request: HttpRequest, kind: str, format: str) -> HttpResponse:
    chosen = _kind(kind)
    name = {"arrears": "huurachterstand-sjabloon", "costs": "beheerkosten-sjabloon"}[kind]
    return download(format, [chosen.headers], name)
