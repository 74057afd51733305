"""ZRM ratings, recorded and read by caseworkers of the partner that supports the resident.
Corporation staff see ZRM only as aggregates on the dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import Role
from magicmix.people.models import Person
from magicmix.web.auth import user_of

from .. import scoring, services
from ..forms import AssessmentForm
from ..models import Instrument


@require_http_methods(["GET", "POST"])
def person_zrm(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    partners = user.organisation_ids({Role.PARTNER_CASEWORKER})
    person = get_object_or_404(Person.objects.filter(supporting_partner_id__in=partners), pk=pk)
    assert person.supporting_partner is not None
    instrument = get_object_or_404(Instrument, code="zrm")
    form = AssessmentForm(
        request.POST or None, instrument=instrument, initial={"assessed_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        levels = form.levels()
        if not any(levels.values()):
            form.add_error(None, _("Rate at least one domain."))
        else:
            services.assess(
                person,
                levels=levels,
                assessed_on=form.cleaned_data["assessed_on"],
                organisation=person.supporting_partner,
                by=user,
            )
            messages.success(request, _("The rating is saved."))
            return redirect("monitoring:person_zrm", pk=person.pk)
    spec = instrument.spec
    language = request.LANGUAGE_CODE
    ratings = list(person.assessments.filter(organisation=person.supporting_partner))
    return render(
        request,
        "monitoring/person_zrm.html",
        {
            "person": person,
            "form": form,
            "instrument": spec,
            "ratings": ratings,
            "levels": [
                (
                    scoring.localised(item.texts, language),
                    [rating.scores.get(item.code) for rating in ratings],
                )
                for item in spec.items
            ],
        },
    )
