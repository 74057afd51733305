"""Starting and ending tenancies, from a person's page. Letting staff of the owner only."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.people.access import may_let_to
from magicmix.people.models import Person
from magicmix.web.auth import user_of

from .forms import EndTenancyForm, StartTenancyForm
from .models import Tenancy
from .services import end_tenancy, lettable_units, start_tenancy
from .start import ENDING_MONTHS


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    person = get_object_or_404(Person.objects.visible_to(user), pk=pk)
    if not may_let_to(user, person):
        raise Http404
    form = StartTenancyForm(lettable_units(user, person), request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            tenancy = start_tenancy(data["unit"], person, data["start_date"], data["end_date"])
        except ValidationError as error:
            form.add_error("unit", error)
        else:
            messages.success(
                request,
                _("%(person)s rents %(unit)s.") % {"person": person, "unit": tenancy.unit},
            )
            return redirect(person)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Let a unit to %(name)s") % {"name": person.full_name},
            "cancel": person.get_absolute_url(),
        },
    )


@require_http_methods(["GET", "POST"])
def end(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    tenancy = get_object_or_404(
        Tenancy.objects.editable_by(user).select_related("unit__complex", "person"),
        pk=pk,
    )
    form = EndTenancyForm(tenancy, request.POST or None)
    if form.is_valid():
        try:
            end_tenancy(tenancy, form.cleaned_data["end_date"])
        except ValidationError as error:
            form.add_error("end_date", error)
        else:
            messages.success(request, _("The end date of the tenancy is saved."))
            return redirect(tenancy.person)
    title = _("End the tenancy of %(person)s in %(unit)s") % {
        "person": tenancy.person,
        "unit": tenancy.unit,
    }
    return render(
        request,
        "people/form.html",
        {"form": form, "title": title, "cancel": tenancy.person.get_absolute_url()},
    )


@require_http_methods(["GET"])
def ending(request: HttpRequest) -> HttpResponse:
    """Tenancies of the persons the user may see that end in the next months, soonest first."""
    tenancies = (
        Tenancy.objects.visible_to(user_of(request))
        .ending_within(timezone.localdate(), ENDING_MONTHS)
        .select_related("person", "unit__complex")
        .order_by("end_date", "id")
    )
    return render(request, "tenancies/ending.html", {"tenancies": tenancies})
