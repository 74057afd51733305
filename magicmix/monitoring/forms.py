"""Planning a wave, answering a survey, recording a ZRM rating."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from magicmix.web.forms import NLDesignForm, style

from . import scoring
from .models import Instrument, Wave
from .scoring import localised

MAX_WAVE_DAYS = 92
RADIO = "utrecht-radio-button utrecht-radio-button--html-input"


class InstrumentsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.local_name)


class WavePlanForm(NLDesignForm):
    title = forms.CharField(
        label=_("Title"), max_length=120, help_text=_("For example “Autumn 2026”.")
    )
    moment = forms.ChoiceField(
        label=_("Moment"),
        choices=Wave.Moment.choices,
        help_text=_(
            "At intake: residents whose tenancy began in the last three months. After six "
            "months: tenancies of five to eight months. Yearly: every current resident."
        ),
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(
        label=_("Closes on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    instruments = InstrumentsField(
        label=_("Instruments"),
        queryset=Instrument.objects.filter(respondent=Instrument.Respondent.RESIDENT),
        widget=forms.CheckboxSelectMultiple(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes:
            if closes < opens:
                self.add_error("closes_on", _("A wave closes on or after the day it opens."))
            elif (closes - opens).days > MAX_WAVE_DAYS:
                self.add_error("closes_on", _("A wave runs at most three months."))
            elif closes < timezone.localdate():
                self.add_error("closes_on", _("This day has passed."))
        return data


@dataclass(frozen=True)
class Question:
    field: forms.BoundField
    text: str
    text_lang: str  # the language of `text`, for lang/dir
    fallback: str  # the interface-language text when `text` is in another language
    radios: bool


@dataclass(frozen=True)
class Section:
    instrument: Instrument
    name: str
    introduction: str
    citation: str
    validated: bool
    note: str
    questions: list[Question]


def field_name(instrument: str, item: str) -> str:
    return f"{instrument}__{item}"


class SurveyForm(NLDesignForm):
    """One field per item of each instrument of the wave; every item may be skipped."""

    def __init__(
        self,
        data: Any = None,
        *,
        instruments: list[Instrument],
        item_language: str | None = None,
        initial_answers: dict[str, dict[str, Any]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, **kwargs)
        self.instruments = instruments
        self.interface = get_language() or "nl"
        self.item_language = item_language or self.interface
        for instrument in instruments:
            spec = instrument.spec
            given = (initial_answers or {}).get(spec.code, {})
            for item in spec.items:
                name = field_name(spec.code, item.code)
                label = localised(item.texts, self.interface)
                if spec.scale.options or (spec.scale.maximum or 0) <= 10:
                    choices = self._choices(spec)
                    field: forms.Field = forms.ChoiceField(
                        label=label,
                        choices=choices,
                        required=False,
                        widget=forms.RadioSelect(attrs={"class": RADIO}),
                    )
                else:
                    field = forms.IntegerField(
                        label=label,
                        required=False,
                        min_value=spec.scale.minimum,
                        max_value=spec.scale.maximum,
                        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                    )
                field.initial = given.get(item.code)
                self.fields[name] = field
        style(self)  # the fields were added after NLDesignForm styled the form

    def _choices(self, spec: scoring.Instrument) -> list[tuple[str, str]]:
        if spec.scale.options:
            return [(o.code, localised(o.labels, self.interface)) for o in spec.scale.options]
        return [(code, code) for code in spec.scale.codes()]

    def sections(self) -> list[Section]:
        found = []
        for instrument in self.instruments:
            spec = instrument.spec
            language = (
                self.item_language if self.item_language in spec.languages() else self.interface
            )
            translation = spec.translations.get(language)
            questions = []
            for item in spec.items:
                text = localised(item.texts, language)
                fallback = localised(item.texts, self.interface)
                bound = self[field_name(spec.code, item.code)]
                questions.append(
                    Question(
                        bound,
                        text,
                        language,
                        "" if fallback == text else fallback,
                        isinstance(bound.field, forms.ChoiceField),
                    )
                )
            found.append(
                Section(
                    instrument=instrument,
                    name=localised(spec.names, self.interface),
                    introduction=localised(spec.introduction, language)
                    if spec.introduction
                    else "",
                    citation=spec.citation,
                    validated=bool(translation and translation.validated),
                    note=translation.note if translation else "",
                    questions=questions,
                )
            )
        return found

    def answers(self) -> dict[str, dict[str, str | None]]:
        """instrument code → item code → answer code (None when skipped)."""
        found: dict[str, dict[str, str | None]] = {}
        for instrument in self.instruments:
            spec = instrument.spec
            found[spec.code] = {}
            for item in spec.items:
                value = self.cleaned_data.get(field_name(spec.code, item.code))
                found[spec.code][item.code] = None if value in (None, "") else str(value)
        return found


class AssessmentForm(NLDesignForm):
    assessed_on = forms.DateField(
        label=_("Assessed on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data: Any = None, *, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        spec = instrument.spec
        language = get_language()
        self.spec = spec
        for item in spec.items:
            self.fields[item.code] = forms.ChoiceField(
                label=localised(item.texts, language),
                required=False,
                choices=[
                    ("", "—"),
                    *((o.code, localised(o.labels, language)) for o in spec.scale.options),
                ],
            )
        style(self)

    def clean_assessed_on(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["assessed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This day lies in the future."))
        return day

    def levels(self) -> dict[str, str | None]:
        return {item.code: self.cleaned_data.get(item.code) or None for item in self.spec.items}
