from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import LETTING_ROLES, User
from magicmix.housing.cluster_tree import cluster_tree
from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.people.forms import HOUSEHOLD_FIELDS
from magicmix.people.models import AGE_RANGE, TargetGroup
from magicmix.web.forms import NLDesignForm, NLDesignModelForm

from ..models import Application, Intake, age_on

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CHECKBOXES = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
STUDENT = "student"


class PreferencesMixin:
    """Unit types and clusters offered by the intake's complex; nothing chosen means any."""

    fields: dict[str, forms.Field]

    def offer_preferences(self, intake: Intake) -> None:
        present = set(
            Unit.objects.filter(complex_id=intake.complex_id).values_list("type", flat=True)
        )
        unit_types = forms.MultipleChoiceField(
            label=_("Which kind of home would you accept?"),
            help_text=_("Choose nothing if any kind is fine."),
            choices=[choice for choice in Unit.Type.choices if not present or choice[0] in present],
            widget=forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
            required=False,
        )
        self.fields["unit_types"] = unit_types
        clusters = self.fields["preferred_clusters"]
        clusters.label = _("Where in the complex would you like to live?")
        clusters.help_text = _("Choose nothing if anywhere is fine.")
        clusters.widget = forms.CheckboxSelectMultiple(attrs=CHECKBOXES)
        # Setting the queryset after the widget hands the widget its choices.
        choosable = choosable_clusters(intake.complex_id)
        clusters.queryset = Cluster.objects.filter(  # type: ignore[attr-defined]
            pk__in=[cluster.pk for cluster in choosable]
        )
        paths = cluster_tree(intake.complex).paths()
        clusters.choices = [(c.pk, paths.get(c.pk, c.name)) for c in choosable]  # type: ignore[attr-defined]


def choosable_clusters(complex_id: int) -> list[Cluster]:
    """The first level of the cluster tree that offers a choice (buildings of a site, say)."""
    level = list(Cluster.objects.filter(complex_id=complex_id, parent__isnull=True))
    while len(level) == 1:
        children = list(level[0].children.all())
        if not children:
            break
        level = children
    return level


def household_from_one(form: forms.BaseForm) -> None:
    """The browser offers 1 to 20, as the model allows (the form field would start at 0)."""
    form.fields["household_size"].widget.attrs.update(min=1, max=20)


class ApplicationForm(PreferencesMixin, NLDesignModelForm):
    # A field people never see (hidden by the stylesheet) and bots fill in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = Application
        fields = [
            *HOUSEHOLD_FIELDS,
            "education_institution",
            "unit_types",
            "preferred_clusters",
            "motivation",
        ]
        widgets = {
            "date_of_birth": DATE,
            "motivation": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "annual_income": _("Gross, of everyone who will live with you, in whole euros."),
            "education_institution": _("Only if you are a student: school or university."),
            "motivation": _(
                "Tell us in your own words what you will do for your neighbours. Leave out your "
                "name, age and where you come from: the letter is scored without them."
            ),
        }

    def __init__(
        self, intake: Intake, data: Any = None, instance: Application | None = None
    ) -> None:
        super().__init__(data, instance=instance)
        household_from_one(self)
        self.instance.intake = intake
        self.fields["email"].required = True
        self.fields["target_group"].queryset = intake.target_groups.all()  # type: ignore[attr-defined]
        self.fields["target_group"].label = _("Which group do you belong to?")
        self.fields["target_group"].empty_label = _("Choose your group")  # type: ignore[attr-defined]
        self.fields["income_year"].initial = timezone.localdate().year - 1
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.offer_preferences(intake)

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean_date_of_birth(self) -> datetime.date:
        born: datetime.date = self.cleaned_data["date_of_birth"]
        youngest, oldest = AGE_RANGE
        if not youngest <= age_on(born, timezone.localdate()) <= oldest:
            raise forms.ValidationError(_("Check your date of birth."))
        return born

    def clean_income_year(self) -> int:
        year: int = self.cleaned_data["income_year"]
        if not timezone.localdate().year - 3 <= year <= timezone.localdate().year:
            raise forms.ValidationError(_("Give the income of this year or one of the last three."))
        return year

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        group: TargetGroup | None = cleaned.get("target_group")
        if group and group.code == STUDENT and not cleaned.get("education_institution"):
            self.add_error("education_institution", _("Tell us where you are enrolled."))
        return cleaned


class ApplicantUpdateForm(PreferencesMixin, NLDesignModelForm):
    """What an applicant may change through the private link, the letter only while open; and
    what letting staff may correct for them (`letter=False`: the scored letter is the
    applicant's own words)."""

    class Meta:
        model = Application
        fields = ["email", "phone", "unit_types", "preferred_clusters", "motivation"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, application: Application, data: Any = None, *, letter: bool = True) -> None:
        super().__init__(data, instance=application)
        self.fields["email"].required = True
        self.offer_preferences(application.intake)
        if not letter or not application.may_change_letter:
            del self.fields["motivation"]


class WithdrawForm(NLDesignForm):
    confirm = forms.BooleanField(label=_("Yes, I withdraw my application"), required=True)
    reason = forms.CharField(
        label=_("Why? This helps us improve"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IntakeForm(NLDesignModelForm):
    class Meta:
        model = Intake
        fields = [
            "complex",
            "title",
            "status",
            "opens_on",
            "closes_on",
            "places",
            "contract_type",
            "checks_income",
            "contribution_hours",
            "house_rules",
            "warning_rule",
            "target_groups",
        ]
        widgets = {
            "opens_on": DATE,
            "closes_on": DATE,
            "target_groups": forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
        }

    def __init__(self, user: User, data: Any = None, instance: Intake | None = None) -> None:
        super().__init__(data, instance=instance)
        self.fields["complex"].queryset = Complex.objects.editable_by(user)  # type: ignore[attr-defined]
        self.fields["target_groups"].queryset = TargetGroup.objects.filter(  # type: ignore[attr-defined]
            organisation_id__in=user.organisation_ids(LETTING_ROLES)
        ).select_related("organisation")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        complex_: Complex | None = cleaned.get("complex")
        groups = cleaned.get("target_groups") or []
        if complex_ and any(g.organisation_id != complex_.organisation_id for g in groups):
            self.add_error("target_groups", _("Choose target groups of the complex's corporation."))
        return cleaned
