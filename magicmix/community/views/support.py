"""Support arrangements: start, change, review. The complex's management and the partner."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.tenancies.models import Tenancy
from magicmix.web.auth import user_of

from ..forms import ArrangementForm, ReviewForm
from ..models import SupportArrangement
from ..services.support import review
from .scope import resident


@require_http_methods(["GET", "POST"])
def arrangement_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    person, complex_, manages = resident(user, pk)
    tenancy = Tenancy.objects.current().filter(person=person, unit__complex=complex_).first()
    if not manages or tenancy is None:
        raise Http404
    form = ArrangementForm(request.POST or None, complex_=complex_)
    if form.is_valid():
        form.instance.tenancy = tenancy
        form.save()
        messages.success(request, _("The support arrangement is saved."))
        return redirect("community:resident", pk=person.pk)
    return _form(request, form, _("Support arrangement for %(name)s") % {"name": person}, person.pk)


@require_http_methods(["GET", "POST"])
def arrangement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    arrangement = get_object_or_404(
        SupportArrangement.objects.editable_by(user).select_related(
            "tenancy__person", "tenancy__unit__complex"
        ),
        pk=pk,
    )
    form = ArrangementForm(
        request.POST or None, complex_=arrangement.tenancy.unit.complex, instance=arrangement
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("The support arrangement is saved."))
        return redirect("community:resident", pk=arrangement.tenancy.person_id)
    title = _("Support arrangement for %(name)s") % {"name": arrangement.tenancy.person}
    return _form(request, form, title, arrangement.tenancy.person_id)


@require_http_methods(["GET", "POST"])
def review_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    arrangement = get_object_or_404(
        SupportArrangement.objects.editable_by(user).select_related("tenancy__person"), pk=pk
    )
    form = ReviewForm(request.POST or None, initial={"next_step": arrangement.next_step})
    if form.is_valid():
        data = form.cleaned_data
        review(arrangement, data["held_on"], data["notes"], data["next_step"], user)
        messages.success(request, _("The review is saved."))
        return redirect("community:resident", pk=arrangement.tenancy.person_id)
    title = _("Review of the support of %(name)s") % {"name": arrangement.tenancy.person}
    return _form(request, form, title, arrangement.tenancy.person_id)


def _form(request: HttpRequest, form: object, title: str, person_pk: int) -> HttpResponse:
    return render(
        request,
        "people/form.html",
        {"form": form, "title": title, "cancel": reverse("community:resident", args=[person_pk])},
    )
