"""Forms of the selection itself: the rubric, letter and interview points, the panel's advice
and the corporation's decision."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.web.forms import NLDesignForm, NLDesignModelForm, style

from ..models import CooptationAdvice, Criterion, Interview, Rubric, Stage
from .application import DATE

RADIOS = {"class": "utrecht-radio-button utrecht-radio-button--html-input"}


class RubricForm(NLDesignModelForm):
    class Meta:
        model = Rubric
        fields = ["blind", "scorers_per_letter"]

    def clean_scorers_per_letter(self) -> int:
        count: int = self.cleaned_data["scorers_per_letter"]
        if not 1 <= count <= 10:
            raise forms.ValidationError(_("Choose between 1 and 10 scorers."))
        return count


class CriterionForm(NLDesignModelForm):
    class Meta:
        model = Criterion
        fields = ["stage", "name", "guidance", "weight", "max_points", "position"]
        widgets = {"guidance": forms.Textarea(attrs={"rows": 2})}

    def clean_max_points(self) -> int:
        most: int = self.cleaned_data["max_points"]
        if not 1 <= most <= 100:
            raise forms.ValidationError(_("Choose between 1 and 100 points."))
        return most


CriterionFormSet: type[BaseModelFormSet] = modelformset_factory(
    Criterion, form=CriterionForm, extra=2, can_delete=True
)


class PointsForm(NLDesignForm):
    """One points field per criterion, from 0 to its maximum, before the form's own fields."""

    def __init__(self, criteria: list[Criterion], data: Any = None, required: bool = True) -> None:
        super().__init__(data)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[self.key(criterion)] = forms.IntegerField(
                label=f"{criterion.name} (0–{criterion.max_points})",
                help_text=criterion.guidance,
                min_value=0,
                max_value=criterion.max_points,
                required=required,
            )
        self.order_fields([self.key(criterion) for criterion in criteria])
        style(self)

    @staticmethod
    def key(criterion: Criterion) -> str:
        return f"criterion_{criterion.pk}"

    def points(self) -> dict[Criterion, int]:
        given = {c: self.cleaned_data.get(self.key(c)) for c in self.criteria}
        return {criterion: value for criterion, value in given.items() if value is not None}


class LetterScoreForm(PointsForm):
    note = forms.CharField(
        label=_("Note for the other scorers"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InterviewForm(PointsForm):
    """Points are asked only of an interview that was held."""

    status = forms.ChoiceField(
        label=_("How did it go?"),
        choices=[c for c in Interview.Status.choices if c[0] != Interview.Status.PLANNED],
    )
    summary = forms.CharField(
        label=_("summary for the resident panel"),
        help_text=_(
            "The resident panel reads this. Write about the person as a neighbour; never about "
            "income, health or support."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        required=False,
    )

    def __init__(
        self,
        criteria: list[Criterion],
        data: Any = None,
        *,
        starts_at: datetime.datetime | None = None,
    ) -> None:
        super().__init__(criteria, data, required=False)
        self.starts_at = starts_at
        self.order_fields(["status", *(self.key(c) for c in criteria), "summary"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        status = cleaned.get("status")
        early = self.starts_at is not None and self.starts_at > timezone.now()
        if early and status in (Interview.Status.HELD, Interview.Status.NO_SHOW):
            when = timezone.localtime(self.starts_at).strftime("%d-%m-%Y %H:%M")
            self.add_error(
                "status",
                _("The interview starts at %(when)s: it cannot have been held before then.")
                % {"when": when},
            )
        if status == Interview.Status.HELD:
            for criterion in self.criteria:
                if (
                    cleaned.get(self.key(criterion)) is None
                    and self.key(criterion) not in self.errors
                ):
                    self.add_error(self.key(criterion), _("Give the points of a held interview."))
        return cleaned


class AdviceForm(NLDesignModelForm):
    class Meta:
        model = CooptationAdvice
        fields = ["advice", "motivation"]
        widgets = {
            "advice": forms.RadioSelect(attrs=RADIOS),
            "motivation": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"motivation": _("Why? The corporation reads your motivation.")}


class DecisionForm(NLDesignForm):
    stage = forms.ChoiceField(
        choices=[
            (Stage.SHORTLISTED, Stage.SHORTLISTED.label),
            (Stage.NOT_SELECTED, Stage.NOT_SELECTED.label),
        ]
    )
    reason = forms.CharField(label=_("reason"), max_length=500)


class PlannerForm(NLDesignForm):
    day = forms.DateField(label=_("day"), widget=DATE)
    start = forms.TimeField(label=_("from"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("until"), widget=forms.TimeInput(attrs={"type": "time"}))
    location = forms.CharField(label=_("location"), max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must lie after the start."))
        return cleaned


class TopForm(NLDesignForm):
    """Invite the best candidates into the first free slots of the day, one each."""

    top = forms.IntegerField(label=_("number of candidates"), min_value=1, max_value=200)


class InviteForm(NLDesignForm):
    """A choice of candidate for each free slot; a candidate fits in one slot only."""

    def __init__(
        self, free: list[datetime.datetime], candidates: list[tuple[int, str]], data: Any = None
    ) -> None:
        super().__init__(data)
        self.free = free
        choices = [("", _("nobody")), *((str(pk), label) for pk, label in candidates)]
        for index, starts in enumerate(free):
            self.fields[f"slot_{index}"] = forms.TypedChoiceField(
                label=timezone.localtime(starts).strftime("%H:%M"),
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
            )
        style(self)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = [pk for pk in cleaned.values() if pk is not None]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Invite each candidate for one slot only."))
        return cleaned

    def invitations(self) -> list[tuple[datetime.datetime, int]]:
        return [
            (starts, self.cleaned_data[f"slot_{index}"])
            for index, starts in enumerate(self.free)
            if self.cleaned_data.get(f"slot_{index}") is not None
        ]
