"""The mix policy editor of a complex: bounds per complex and cluster, the current composition
next to them, and warnings where the current pool cannot meet the policy."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.composition.census import take_census
from magicmix.housing.cluster_tree import cluster_tree
from magicmix.housing.models import Complex
from magicmix.people.models import Role, SupportNeed
from magicmix.web.auth import user_of

from ..engine_adapter import names_of
from ..feasibility import trial
from ..forms import BoundForm
from ..models import MixPolicy, PolicyBound


def _complex(request: HttpRequest, pk: int) -> Complex:
    return get_object_or_404(Complex.objects.editable_by(user_of(request)), pk=pk)


@require_http_methods(["GET", "POST"])
def policy(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = _complex(request, pk)
    mix, _created = MixPolicy.objects.get_or_create(complex=complex_)
    form = BoundForm(request.POST or None, complex_=complex_, instance=PolicyBound(policy=mix))
    if form.is_valid():
        form.save()
        messages.success(request, _("The bound is added."))
        return redirect("rounds:policy", pk=pk)
    bounds = list(mix.bounds.select_related("cluster"))
    names = names_of(complex_, bounds)
    checked = trial(complex_)
    rows = {row["bound"]: row for row in checked.rows}
    census = take_census(complex_, timezone.localdate())
    tally = census.root.tally

    def share(n: int) -> int:
        return round(100 * n / tally.residents) if tally.residents else 0

    composition = (
        [
            (g.name, tally.groups[g.pk], share(tally.groups[g.pk]))
            for g in census.groups
            if tally.groups[g.pk]
        ]
        + [(label, tally.roles[v], share(tally.roles[v])) for v, label in Role.choices]
        + [
            (_("support: %(level)s") % {"level": label}, tally.needs[v], share(tally.needs[v]))
            for v, label in SupportNeed.choices
        ]
    )
    return render(
        request,
        "rounds/policy.html",
        {
            "complex": complex_,
            "form": form,
            "trial": checked,
            "residents": tally.residents,
            "places": tally.places,
            "composition": composition,
            "language": translation.get_language() or "nl",
            "bounds": [
                (b, names.label(b.dimension, b.value), rows.get(f"bound-{b.pk}")) for b in bounds
            ],
            "paths": form.paths,
        },
    )


def _bound(request: HttpRequest, pk: int, bound_pk: int) -> PolicyBound:
    return get_object_or_404(
        PolicyBound.objects.filter(policy__complex=_complex(request, pk)), pk=bound_pk
    )


@require_http_methods(["GET", "POST"])
def bound_edit(request: HttpRequest, pk: int, bound_pk: int) -> HttpResponse:
    bound = _bound(request, pk, bound_pk)
    form = BoundForm(request.POST or None, complex_=bound.policy.complex, instance=bound)
    if form.is_valid():
        form.save()
        messages.success(request, _("The bound is saved."))
        return redirect("rounds:policy", pk=pk)
    return render(
        request,
        "rounds/bound_form.html",
        {"complex": bound.policy.complex, "form": form, "bound": bound},
    )


@require_http_methods(["GET", "POST"])
def bound_delete(request: HttpRequest, pk: int, bound_pk: int) -> HttpResponse:
    """Removing a bound changes every later round: asked for first, done only when confirmed."""
    bound = _bound(request, pk, bound_pk)
    if request.method == "POST" and request.POST.get("confirmed"):
        bound.delete()
        messages.success(request, _("The bound is removed."))
        return redirect("rounds:policy", pk=pk)
    complex_ = bound.policy.complex
    scope = cluster_tree(complex_).paths().get(bound.cluster_id or 0, complex_.name)
    return render(
        request,
        "rounds/confirm.html",
        {
            "title": _("Remove this bound?"),
            "consequences": [
                _("%(counts)s: %(value)s in %(scope)s, %(limits)s.")
                % {
                    "counts": bound.get_dimension_display(),
                    "value": bound.value_display(),
                    "scope": scope,
                    "limits": bound.limits(),
                },
                _(
                    "Rounds computed from now on no longer keep to it; earlier rounds keep the policy they used."
                ),
            ],
            "action": request.path,
            "hidden": {},
            "confirm": _("Yes, remove the bound"),
            "cancel": reverse("rounds:bound_edit", args=[pk, bound_pk]),
        },
    )
