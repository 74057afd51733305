"""The resident's side, without an account, behind their private link: answer the survey of
a wave, and look at their own answers. A wrong or expired link is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import scoring, services
from ..forms import SurveyForm
from ..models import Invitation

ITEM_LANGUAGES = {"nl": "Nederlands", "en": "English", "ar": "العربية", "ti": "ትግርኛ"}
RTL = {"ar"}


def _invitation(token: str) -> Invitation:
    return get_object_or_404(
        Invitation.objects.by_token(token).select_related("wave__complex__organisation")
    )


def _given(invitation: Invitation) -> dict[str, dict]:
    return {r.instrument.code: r.answers for r in invitation.responses.select_related("instrument")}


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, token: str) -> HttpResponse:
    invitation = _invitation(token)
    wave = invitation.wave
    instruments = list(wave.instruments.all())
    offered = [
        lang for lang in ITEM_LANGUAGES if any(lang in i.spec.languages() for i in instruments)
    ]
    language = request.GET.get("lang") if request.GET.get("lang") in offered else None
    form = SurveyForm(
        request.POST or None,
        instruments=instruments,
        item_language=language,
        initial_answers=_given(invitation),
    )
    context = {
        "invitation": invitation,
        "wave": wave,
        "token": token,
        "form": form,
        "languages": [(code, ITEM_LANGUAGES[code]) for code in offered],
        "item_language": language,
        "rtl": RTL,
        "open": wave.is_open(),
    }
    if request.method == "POST" and wave.is_open() and form.is_valid():
        try:
            services.answer(invitation, form.answers())
        except (scoring.InvalidAnswer, services.SurveyClosed):
            form.add_error(None, _("Some answers could not be saved; please check them."))
        else:
            messages.success(request, _("Thank you! Your answers are saved."))
            return redirect("monitoring:survey_answers", token=token)
    return render(request, "monitoring/survey.html", context)


@login_not_required
@never_cache
@require_http_methods(["GET"])
def survey_answers(request: HttpRequest, token: str) -> HttpResponse:
    """The resident's own answers and scores: the only page that shows them."""
    invitation = _invitation(token)
    language = request.LANGUAGE_CODE
    answered = []
    for response in invitation.responses.select_related("instrument"):
        spec = response.instrument.spec
        labels = {o.code: scoring.localised(o.labels, language) for o in spec.scale.options}
        answered.append(
            {
                "name": scoring.localised(spec.names, language),
                "citation": spec.citation,
                "items": [
                    (
                        scoring.localised(item.texts, language),
                        labels.get(a, a) if (a := response.answers.get(item.code)) else None,
                    )
                    for item in spec.items
                ],
                "scores": [
                    (
                        scoring.localised(field.labels, language),
                        _score_text(spec, field.code, response.scores.get(field.code), language),
                    )
                    for field in spec.scores
                ],
            }
        )
    return render(
        request,
        "monitoring/survey_answers.html",
        {"invitation": invitation, "wave": invitation.wave, "token": token, "answered": answered},
    )


def _score_text(spec: scoring.Instrument, code: str, value: object, language: str) -> str:
    if value is None:
        return _("not enough answers")
    if code == "band":
        band = next(b for b in spec.bands if b.code == value)
        return scoring.localised(band.labels, language)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)
