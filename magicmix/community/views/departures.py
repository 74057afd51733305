"""A tenancy ends with its reason and where the resident goes; contract ends to act on."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from .. import contract_ends
from ..forms import DepartureForm
from ..services.departures import record_departure
from .scope import managed_complex, managed_tenancy


@require_http_methods(["GET", "POST"])
def departure(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    tenancy = managed_tenancy(user, pk)
    known = getattr(tenancy, "departure", None)
    initial = (
        {
            "end_date": tenancy.end_date,
            "reason": known.reason,
            "destination": known.destination,
            "notice_on": known.notice_on,
            "housed_on": known.housed_on,
        }
        if known
        else {"end_date": tenancy.end_date, "notice_on": timezone.localdate()}
    )
    form = DepartureForm(request.POST or None, tenancy=tenancy, initial=initial)
    if form.is_valid():
        try:
            record_departure(tenancy, by=user, **form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else "end_date", errors)
            else:
                form.add_error("end_date", error)
        else:
            messages.success(request, _("The end of the tenancy and the destination are saved."))
            return redirect("community:resident", pk=tenancy.person_id)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("End the tenancy of %(person)s in %(unit)s")
            % {"person": tenancy.person, "unit": tenancy.unit},
            "cancel": reverse("community:resident", args=[tenancy.person_id]),
        },
    )


@require_http_methods(["GET"])
def contract_end_list(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = managed_complex(user_of(request), pk)
    today = timezone.localdate()
    context = {
        "complex": complex_,
        "deadlines": contract_ends.ending(complex_, today),
        "today": today,
    }
    return render(request, "community/contract_ends.html", context)
