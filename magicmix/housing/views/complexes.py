"""Complexes: the list, one complex with its partners and cluster tree, creating and editing."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from magicmix.web.auth import user_of
from magicmix.web.history import changes_of

from ..access import editable_complex, letting_corporations
from ..cluster_tree import cluster_tree
from ..forms import ComplexForm, PartnerForm
from ..models import Complex, ComplexPartner


@require_http_methods(["GET"])
def complex_list(request: HttpRequest) -> HttpResponse:
    complexes = Complex.objects.visible_to(user_of(request)).with_unit_counts()
    return render(
        request,
        "housing/complex_list.html",
        {
            "complexes": complexes,
            "may_create": letting_corporations(request).exists(),
        },
    )


@require_http_methods(["GET"])
def complex_detail(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = get_object_or_404(
        Complex.objects.visible_to(user_of(request))
        .with_unit_counts()
        .select_related("organisation"),
        pk=pk,
    )
    # Units, vacancies and who changed what are the corporation's business: those who see
    # aggregates only get the counts of units per cluster.
    with_units = Complex.objects.with_names_visible_to(user_of(request)).filter(pk=pk).exists()
    return render(
        request,
        "housing/complex_detail.html",
        {
            "complex": complex_,
            "partners": complex_.partners.select_related("organisation"),
            "tree": cluster_tree(complex_),
            "with_units": with_units,
            "may_edit": Complex.objects.editable_by(user_of(request)).filter(pk=pk).exists(),
            "changes": changes_of(complex_) if with_units else [],
        },
    )


@require_http_methods(["GET", "POST"])
def complex_create(request: HttpRequest) -> HttpResponse:
    corporations = letting_corporations(request)
    if not corporations:
        raise Http404
    form = ComplexForm(request.POST or None, corporations=corporations)
    if form.is_valid():
        complex_ = form.save()
        messages.success(request, _("Complex %(name)s was created.") % {"name": complex_.name})
        return redirect("housing:complex_detail", complex_.pk)
    return render(request, "housing/complex_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def complex_edit(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    form = ComplexForm(
        request.POST or None, instance=complex_, corporations=letting_corporations(request)
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("The changes were saved."))
        return redirect("housing:complex_detail", complex_.pk)
    return render(request, "housing/complex_form.html", {"form": form, "complex": complex_})


@require_http_methods(["GET", "POST"])
def partner_list(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    form = PartnerForm(
        request.POST or None, instance=ComplexPartner(complex=complex_), complex_=complex_
    )
    if form.is_valid():
        data = form.cleaned_data
        partner, created = ComplexPartner.objects.update_or_create(
            complex=complex_,
            organisation=data["organisation"],
            defaults={k: data[k] for k in ("may_nominate", "provides_support", "description")},
        )
        message = (
            _("%(name)s was added as a partner.")
            if created
            else _("What %(name)s may do was changed.")
        )
        messages.success(request, message % {"name": partner.organisation})
        return redirect("housing:partner_list", complex_.pk)
    return render(
        request,
        "housing/partner_list.html",
        {
            "complex": complex_,
            "partners": complex_.partners.select_related("organisation"),
            "form": form,
        },
    )


@require_POST
def partner_remove(request: HttpRequest, pk: int, partner_pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    partner = get_object_or_404(complex_.partners.select_related("organisation"), pk=partner_pk)
    partner.delete()
    messages.success(
        request, _("%(name)s is no longer a partner.") % {"name": partner.organisation}
    )
    return redirect("housing:partner_list", complex_.pk)
