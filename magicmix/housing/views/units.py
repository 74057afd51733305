"""Units of a complex: the filtered list, one unit with its history, creating, editing, deleting."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of
from magicmix.web.history import changes_of

from ..access import editable_complex, staff_complex
from ..cluster_tree import cluster_tree
from ..designation import designate_vacated, vacated
from ..forms import DesignateVacatedForm, UnitFilterForm, UnitForm
from ..models import Complex, Unit

PAGE_SIZE = 50


@require_http_methods(["GET"])
def unit_list(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = staff_complex(request, pk)
    tree = cluster_tree(complex_)
    units = complex_.units.with_occupancy().select_related("cluster")
    form = UnitFilterForm(request.GET, tree=tree)
    if form.is_valid():
        choice = form.cleaned_data
        node = tree.node(choice["cluster"]) if choice["cluster"] else None
        if node:
            units = units.filter(cluster__in=[below.cluster.pk for below in node.walk()])
        if choice["type"]:
            units = units.filter(type=choice["type"])
        if choice["status"]:
            units = units.filter(status=choice["status"])
        if choice["occupancy"]:
            units = units.filter(occupied=choice["occupancy"] == "occupied")  # type: ignore[misc]  # annotated by with_occupancy
    filters = request.GET.copy()
    filters.pop("page", None)
    return render(
        request,
        "housing/unit_list.html",
        {
            "complex": complex_,
            "form": form,
            "page": Paginator(units, PAGE_SIZE).get_page(request.GET.get("page")),
            "filters": filters.urlencode(),
            "paths": tree.paths(),
            "may_edit": _may_edit(request, complex_),
            "has_units": complex_.units.exists(),
        },
    )


@require_http_methods(["GET"])
def unit_detail(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    complex_ = staff_complex(request, pk)
    unit = get_object_or_404(complex_.units.with_occupancy(), pk=unit_pk)
    may_edit = _may_edit(request, complex_)
    return render(
        request,
        "housing/unit_detail.html",
        {
            "complex": complex_,
            "unit": unit,
            "path": cluster_tree(complex_).paths()[unit.cluster_id],
            "may_edit": may_edit,
            "designated_for": unit.designated_for_name(),
            "changes": changes_of(unit),
            # Names only for the letting staff of the owner, never for aggregate roles.
            "story": _story(unit) if may_edit else None,
        },
    )


def _story(unit: Unit) -> dict[str, Any]:
    """The unit's tenants (current, next, earlier) and open offers, through the reverse
    relations of the apps above housing (decision 10: housing imports none of them)."""
    today = timezone.localdate()
    tenancies = list(unit.tenancies.select_related("person", "contract").order_by("-start_date"))
    current = next(
        (
            t
            for t in tenancies
            if t.start_date <= today and (t.end_date is None or t.end_date >= today)
        ),
        None,
    )
    upcoming = sorted((t for t in tenancies if t.start_date > today), key=lambda t: t.start_date)
    return {
        "current": current,
        "next": upcoming[0] if upcoming else None,
        "tenancies": tenancies,
        "offers": unit.offers.filter(status="pending").select_related("application", "round"),
    }


@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    return _unit_form(request, complex_, Unit(complex=complex_), _("Unit %(code)s was created."))


@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    unit = get_object_or_404(complex_.units, pk=unit_pk)
    return _unit_form(request, complex_, unit, _("Unit %(code)s was saved."))


def _unit_form(request: HttpRequest, complex_: Complex, unit: Unit, done: str) -> HttpResponse:
    tree = cluster_tree(complex_)
    form = UnitForm(request.POST or None, instance=unit, tree=tree)
    if form.is_valid():
        unit = form.save()
        messages.success(request, done % {"code": unit.code})
        return redirect("housing:unit_detail", complex_.pk, unit.pk)
    return render(
        request,
        "housing/unit_form.html",
        {
            "complex": complex_,
            "unit": unit if unit.pk else None,
            "form": form,
            "has_clusters": bool(tree.roots),
        },
    )


@require_http_methods(["GET", "POST"])
def unit_delete(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    unit = get_object_or_404(complex_.units, pk=unit_pk)
    if request.method == "POST" and unit.may_be_deleted:
        unit.delete()
        messages.success(request, _("Unit %(code)s was deleted.") % {"code": unit.code})
        return redirect("housing:unit_list", complex_.pk)
    return render(request, "housing/unit_delete.html", {"complex": complex_, "unit": unit})


@require_http_methods(["GET", "POST"])
def designate_after_tenant(request: HttpRequest, pk: int) -> HttpResponse:
    """Om-en-om as practised: units whose last tenant left (or gave notice) go to that
    tenant's group. Shows which units and groups first; designates on submit."""
    complex_ = editable_complex(request, pk)
    form = DesignateVacatedForm(request.POST or None)
    if form.is_valid():
        done = designate_vacated(complex_, form.cleaned_data["strength"])
        messages.success(
            request,
            ngettext(
                "%(count)d unit is designated for its last tenant's group.",
                "%(count)d units are designated for their last tenant's group.",
                len(done),
            )
            % {"count": len(done)},
        )
        return redirect("housing:unit_list", complex_.pk)
    return render(
        request,
        "housing/designate_vacated.html",
        {"complex": complex_, "form": form, "vacated": vacated(complex_)},
    )


def _may_edit(request: HttpRequest, complex_: Complex) -> bool:
    return Complex.objects.editable_by(user_of(request)).filter(pk=complex_.pk).exists()
