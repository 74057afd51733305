"""Forms of living together. Each narrows its choices to the complex it is about (decision 11)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Organisation, User
from magicmix.housing.models import Cluster, Complex
from magicmix.people.forms import DATE
from magicmix.people.models import Person
from magicmix.tenancies.models import Tenancy, add_months
from magicmix.web.forms import NLDesignForm, NLDesignModelForm

from .access import SENSITIVE_ROLES
from .models import (
    Activity,
    ContributionAgreement,
    Destination,
    HouseRules,
    Incident,
    NeighbourhoodMeeting,
    NextStep,
    Reason,
    SupportArrangement,
    Warning,
)
from .models.ladder import MAX_STEPS

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
# Support often runs three years, after which the lease moves to the resident.
SUPPORT_MONTHS = 36


def residents_of(complex_: Complex) -> Any:
    current = Tenancy.objects.current().filter(unit__complex=complex_)
    return Person.objects.filter(tenancies__in=current).distinct().order_by("last_name", "pk")


def staff_of(complex_: Complex) -> Any:
    return (
        User.objects.filter(
            memberships__organisation=complex_.organisation, memberships__role__in=SENSITIVE_ROLES
        )
        .distinct()
        .order_by("full_name")
    )


class AgreementForm(NLDesignModelForm):
    class Meta:
        model = ContributionAgreement
        fields = ["hours_per_month", "role", "start_date", "review_on", "notes"]
        widgets = {"start_date": DATE, "review_on": DATE}


class IncidentForm(NLDesignForm):
    occurred_on = forms.DateField(label=_("date"), widget=DATE)
    kind = forms.ChoiceField(label=_("type of incident"), choices=Incident.Kind.choices)
    severity = forms.TypedChoiceField(
        label=_("severity"), choices=Incident.Severity.choices, coerce=int
    )
    description = forms.CharField(
        label=_("what happened"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    involved = forms.ModelMultipleChoiceField(
        label=_("residents involved"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Current residents of the complex; hold Ctrl to choose more than one."),
    )
    police_involved = forms.BooleanField(label=_("police involved"), required=False)
    action = forms.CharField(label=_("first follow-up action"), max_length=300, required=False)
    owner = forms.ModelChoiceField(
        label=_("owner of the action"), queryset=User.objects.none(), required=False
    )
    due_on = forms.DateField(label=_("action due on"), widget=DATE, required=False)

    def __init__(self, data: Any = None, *, complex_: Complex, **kw: Any) -> None:
        super().__init__(data, initial={"occurred_on": timezone.localdate()}, **kw)
        self.fields["involved"].queryset = residents_of(complex_)  # type: ignore[attr-defined]
        self.fields["owner"].queryset = staff_of(complex_)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        parts = [data.get("action"), data.get("owner"), data.get("due_on")]
        if any(parts) and not all(parts):
            raise forms.ValidationError(
                _("Give the follow-up action, its owner and its due date together.")
            )
        return data


class FollowUpForm(NLDesignForm):
    what = forms.CharField(label=_("action"), max_length=300)
    owner = forms.ModelChoiceField(label=_("owner"), queryset=User.objects.none())
    due_on = forms.DateField(label=_("due on"), widget=DATE)

    def __init__(self, data: Any = None, *, complex_: Complex, **kw: Any) -> None:
        super().__init__(data, **kw)
        self.fields["owner"].queryset = staff_of(complex_)  # type: ignore[attr-defined]


class WarningForm(NLDesignForm):
    issued_on = forms.DateField(label=_("issued on"), widget=DATE)
    reason = forms.CharField(
        label=_("reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Written in the letter as it is; name the facts, dates and house rule."),
    )
    incident = forms.ModelChoiceField(
        label=_("incident"), queryset=Incident.objects.none(), required=False
    )
    language = forms.ChoiceField(
        label=_("language of the letter"), choices=Warning.Language.choices
    )

    def __init__(self, data: Any = None, *, complex_: Complex, person: Person, **kw: Any) -> None:
        super().__init__(data, initial={"issued_on": timezone.localdate()}, **kw)
        self.fields["incident"].queryset = Incident.objects.filter(  # type: ignore[attr-defined]
            complex=complex_, involved=person
        )


class HouseRulesForm(NLDesignModelForm):
    class Meta:
        model = HouseRules
        fields = ["rules", "steps", "warning_valid_months"]
        widgets = {"steps": forms.Textarea(attrs={"rows": 5}), "rules": forms.Textarea()}

    def clean_steps(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["steps"].splitlines() if line.strip()]
        if len(lines) > MAX_STEPS:
            raise forms.ValidationError(
                _("A ladder has at most %(count)s steps.") % {"count": MAX_STEPS}
            )
        for number, line in enumerate(lines, start=1):
            if len(line) > 200:
                raise forms.ValidationError(
                    _("Step %(number)s is longer than 200 characters.") % {"number": number}
                )
        return "\n".join(lines)


class ArrangementForm(NLDesignModelForm):
    class Meta:
        model = SupportArrangement
        fields = ["partner", "hours_per_week", "start_date", "planned_end", "next_step", "ended_on"]
        widgets = {"start_date": DATE, "planned_end": DATE, "ended_on": DATE}

    def __init__(self, data: Any = None, *, complex_: Complex, **kw: Any) -> None:
        if kw.get("instance") is None:
            today = timezone.localdate()
            kw.setdefault(
                "initial", {"start_date": today, "planned_end": add_months(today, SUPPORT_MONTHS)}
            )
        super().__init__(data, **kw)
        self.fields["partner"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            partnerships__complex=complex_, partnerships__provides_support=True
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("planned_end")
        if start and end and end < start:
            self.add_error("planned_end", _("The planned end cannot come before the start."))
        return data


class ReviewForm(NLDesignForm):
    held_on = forms.DateField(label=_("held on"), widget=DATE)
    notes = forms.CharField(
        label=_("notes"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    next_step = forms.ChoiceField(label=_("planned next step"), choices=NextStep.choices)

    def __init__(self, data: Any = None, **kw: Any) -> None:
        super().__init__(data, **kw)
        self.fields["held_on"].initial = timezone.localdate()


class DepartureForm(NLDesignForm):
    end_date = forms.DateField(label=_("end date"), widget=DATE)
    reason = forms.ChoiceField(label=_("reason"), choices=Reason.choices)
    destination = forms.ChoiceField(label=_("moved to"), choices=Destination.choices)
    notice_on = forms.DateField(label=_("end notice given on"), widget=DATE)
    housed_on = forms.DateField(
        label=_("onward housing from"),
        widget=DATE,
        required=False,
        help_text=_("The day the resident's next home starts, if known."),
    )

    def __init__(self, data: Any = None, *, tenancy: Tenancy, **kw: Any) -> None:
        self.tenancy = tenancy
        super().__init__(data, **kw)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        end = data.get("end_date")
        if end and end < self.tenancy.start_date:
            self.add_error("end_date", _("A tenancy cannot end before it starts."))
        return data


class ActivityForm(NLDesignModelForm):
    class Meta:
        model = Activity
        fields = [
            "title",
            "kind",
            "day",
            "starts_at",
            "place",
            "cluster",
            "organiser",
            "open_to_neighbourhood",
            "neighbours_came",
        ]
        widgets = {"day": DATE, "starts_at": TIME}

    def __init__(self, data: Any = None, *, complex_: Complex, **kw: Any) -> None:
        super().__init__(data, **kw)
        self.fields["cluster"].queryset = Cluster.objects.filter(  # type: ignore[attr-defined]
            complex=complex_, kind__in=[Cluster.Kind.GANG, Cluster.Kind.FLOOR]
        )
        self.fields["organiser"].queryset = residents_of(complex_)  # type: ignore[attr-defined]


class ResidentActivityForm(NLDesignModelForm):
    """A gangmaker or community builder plans an activity from their phone."""

    class Meta:
        model = Activity
        fields = ["title", "kind", "day", "starts_at", "place", "open_to_neighbourhood"]
        widgets = {"day": DATE, "starts_at": TIME}

    def clean_day(self) -> Any:
        day = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a day to come."))
        return day


class HoursForm(NLDesignForm):
    day = forms.DateField(label=_("day"), widget=DATE)
    hours = forms.DecimalField(
        label=_("hours"), min_value=0.5, max_value=24, decimal_places=1, max_digits=4
    )
    what = forms.CharField(label=_("what did you do?"), max_length=200)

    def __init__(self, data: Any = None, **kw: Any) -> None:
        super().__init__(data, **kw)
        self.fields["day"].initial = timezone.localdate()

    def clean_day(self) -> Any:
        day = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("You cannot log hours for a day still to come."))
        return day


class MeetingForm(NLDesignModelForm):
    class Meta:
        model = NeighbourhoodMeeting
        fields = ["held_on", "organisations", "neighbours_came", "agreements"]
        widgets = {
            "held_on": DATE,
            "organisations": forms.Textarea(attrs={"rows": 4}),
            "agreements": forms.Textarea(attrs={"rows": 4}),
        }
