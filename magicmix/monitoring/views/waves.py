"""Survey waves of a complex: plan one, send its invitations and reminders, follow the
response rate. Everyone who sees the complex sees a wave's aggregates; only its
corporation's social management (and application managers) plan and send."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from magicmix.web.auth import user_of

from .. import services
from ..access import (
    managed_complex,
    managed_wave,
    may_manage,
    persons_in_scope,
    visible_complex,
    visible_wave,
)
from ..forms import WavePlanForm
from ..summaries import response_table, summary


def _link_for(request: HttpRequest) -> services.LinkFor:
    return lambda token: request.build_absolute_uri(reverse("monitoring:survey", args=[token]))


@require_http_methods(["GET"])
def wave_list(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = visible_complex(user, pk)
    persons = persons_in_scope(user, complex_)
    waves = [(wave, response_table(wave, persons)) for wave in complex_.survey_waves.all()]
    return render(
        request,
        "monitoring/wave_list.html",
        {"complex": complex_, "waves": waves, "may_manage": may_manage(user, complex_)},
    )


@require_http_methods(["GET", "POST"])
def wave_plan(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = managed_complex(user, pk)
    form = WavePlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wave = services.plan_wave(complex_, by=user, **form.cleaned_data)
        messages.success(request, _("The wave is planned. Send the invitations when it opens."))
        return redirect("monitoring:wave_detail", pk=wave.pk)
    return render(request, "monitoring/wave_plan.html", {"complex": complex_, "form": form})


@require_http_methods(["GET"])
def wave_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    wave = visible_wave(user, pk)
    persons = persons_in_scope(user, wave.complex)
    return render(
        request,
        "monitoring/wave_detail.html",
        {
            "wave": wave,
            "complex": wave.complex,
            "own_clients_only": persons is not None,
            "responses": response_table(wave, persons),
            "summaries": [summary(wave, i, persons) for i in wave.instruments.all()],
            "may_manage": may_manage(user, wave.complex),
            "population": wave.population().count() if may_manage(user, wave.complex) else None,
        },
    )


@require_POST
def wave_invite(request: HttpRequest, pk: int) -> HttpResponse:
    wave = managed_wave(user_of(request), pk)
    if not wave.is_open():
        messages.error(request, _("Invitations go out while the wave is open."))
    else:
        sent = services.invite(wave, _link_for(request))
        messages.success(
            request,
            _("%(invited)s residents invited; %(without)s without an e-mail address were not.")
            % {"invited": sent.invited, "without": sent.without_email},
        )
    return redirect("monitoring:wave_detail", pk=wave.pk)


@require_POST
def wave_remind(request: HttpRequest, pk: int) -> HttpResponse:
    wave = managed_wave(user_of(request), pk)
    count = services.remind(wave, _link_for(request))
    messages.success(request, _("%(count)s reminders sent.") % {"count": count})
    return redirect("monitoring:wave_detail", pk=wave.pk)
