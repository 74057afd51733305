"""A partner caseworker's nomination: the client's application and the support arrangement."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Organisation
from magicmix.people.forms import HOUSEHOLD_FIELDS
from magicmix.people.models import TargetGroup
from magicmix.web.forms import NLDesignModelForm

from ..models import Application, Intake, Nomination
from .application import DATE, ApplicationForm, household_from_one


class ClientForm(NLDesignModelForm):
    class Meta:
        model = Application
        fields = HOUSEHOLD_FIELDS
        widgets = {"date_of_birth": DATE}
        help_texts = {
            "email": _("Leave empty to receive the messages about this nomination yourself."),
            "annual_income": _("Gross, of everyone in the household, in whole euros."),
        }

    clean_date_of_birth = ApplicationForm.clean_date_of_birth
    clean_income_year = ApplicationForm.clean_income_year

    def __init__(self, intake: Intake, data: Any = None) -> None:
        super().__init__(data, prefix="client")
        household_from_one(self)
        self.instance.intake = intake
        # Every group of the corporation: nominations are the way in for groups the public
        # form does not offer.
        self.fields["target_group"].queryset = TargetGroup.objects.filter(  # type: ignore[attr-defined]
            organisation_id=intake.complex.organisation_id
        )
        self.fields["income_year"].initial = timezone.localdate().year - 1


class NominationForm(NLDesignModelForm):
    class Meta:
        model = Nomination
        fields = [
            "support_need",
            "support_organisation",
            "support_hours_per_week",
            "support_months",
            "readiness",
        ]
        widgets = {"readiness": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "readiness": _("Why is your client ready to live here, and what will they bring?"),
        }

    def __init__(self, intake: Intake, partner: Organisation, data: Any = None) -> None:
        super().__init__(data, prefix="support")
        self.instance.organisation = partner
        self.fields["support_organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            Q(pk=partner.pk) | Q(partnerships__complex=intake.complex_id),
            kind=Organisation.Kind.PARTNER,
        ).distinct()
        self.fields["support_organisation"].initial = partner.pk

    def clean_support_hours_per_week(self) -> Any:
        hours = self.cleaned_data["support_hours_per_week"]
        if hours is not None and not 0 <= hours <= 40:
            raise forms.ValidationError(_("Give between 0 and 40 hours per week."))
        return hours
