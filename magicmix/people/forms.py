"""Forms for persons, their role and the target group catalogue."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import STAFF_ROLES, Organisation, User
from magicmix.housing.models import linked_partners
from magicmix.web.forms import NLDesignForm, NLDesignModelForm

from .models import PALETTE_SIZE, Person, Role, SupportNeed, TargetGroup

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# What a person and an application both record about a household, in the order forms ask it.
HOUSEHOLD_FIELDS = [
    "first_name",
    "last_name",
    "date_of_birth",
    "email",
    "phone",
    "household_size",
    "annual_income",
    "income_year",
    "target_group",
]


class PersonFilterForm(NLDesignForm):
    """The search box and filters above the person list; every field is optional."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Name, e-mail address or external reference."),
    )
    target_group = forms.ModelChoiceField(
        label=_("target group"), queryset=TargetGroup.objects.none(), required=False
    )
    role = forms.ChoiceField(label=_("role"), required=False)
    support_need = forms.ChoiceField(label=_("support need"), required=False)
    nominating_partner = forms.ModelChoiceField(
        label=_("nominating partner"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, user: User, data: Any = None) -> None:
        super().__init__(data)
        self.fields["nominating_partner"].queryset = linked_partners(  # type: ignore[attr-defined]
            user.organisation_ids()
        )
        self.fields["target_group"].queryset = TargetGroup.objects.visible_to(user)  # type: ignore[attr-defined]
        everything = [("", _("all"))]
        self.fields["role"].choices = everything + Role.choices  # type: ignore[attr-defined]
        self.fields["support_need"].choices = everything + SupportNeed.choices  # type: ignore[attr-defined]
        for name in ("target_group", "nominating_partner"):
            self.fields[name].empty_label = _("all")  # type: ignore[attr-defined]

    def filter(self, persons: Any) -> Any:
        """The persons that match the valid filters; invalid input filters nothing."""
        if not self.is_valid():
            return persons
        data = self.cleaned_data
        if data["q"]:
            persons = persons.search(data["q"])
        for name in ("target_group", "role", "support_need", "nominating_partner"):
            if data[name]:
                persons = persons.filter(**{name: data[name]})
        return persons


class PersonForm(NLDesignModelForm):
    """Register or edit a person of one of the user's corporations."""

    class Meta:
        model = Person
        fields = [
            "organisation",
            *HOUSEHOLD_FIELDS,
            "role",
            "support_need",
            "nominating_partner",
            "supporting_partner",
            "registration_date",
            "external_reference",
        ]
        widgets = {"date_of_birth": DATE, "registration_date": DATE}

    def __init__(self, user: User, data: Any = None, instance: Person | None = None) -> None:
        super().__init__(data, instance=instance)
        organisations = Organisation.objects.filter(pk__in=user.organisation_ids(STAFF_ROLES))
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["target_group"].queryset = TargetGroup.objects.managed_by(user)  # type: ignore[attr-defined]
        if len(organisations) == 1 or self.instance.pk:
            # The registering organisation is fixed once known; no choice to make.
            del self.fields["organisation"]
            if not self.instance.pk:
                self.instance.organisation = organisations[0]
            self.fields["target_group"].queryset = TargetGroup.objects.filter(  # type: ignore[attr-defined]
                organisation=self.instance.organisation
            )
        owners = [self.instance.organisation_id] if "organisation" not in self.fields else []
        partners = linked_partners(owners or [o.pk for o in organisations])
        for name in ("nominating_partner", "supporting_partner"):
            # Only partners of the corporation's complexes: handing a person to another
            # corporation's partner would show it the person's file.
            self.fields[name].queryset = partners  # type: ignore[attr-defined]
        if self.instance.pk:
            # A role changes with a date and a reason, on its own form.
            del self.fields["role"]
        else:
            self.fields["role"].required = False
            self.fields["role"].help_text = _("Leave empty to use the target group's default role.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = data.get("organisation")
        for name in ("nominating_partner", "supporting_partner"):
            partner = data.get(name)
            if chosen and partner and not linked_partners([chosen.pk]).filter(pk=partner.pk):
                self.add_error(name, _("This partner does not work in a complex of yours."))
        group = data.get("target_group")
        if "role" in self.fields and not data.get("role") and group is not None:
            data["role"] = group.default_role
            self.instance.role = group.default_role
        return data


class RoleChangeForm(NLDesignForm):
    role = forms.ChoiceField(label=_("new role"), choices=Role.choices)
    valid_from = forms.DateField(
        label=_("valid from"),
        widget=DATE,
        help_text=_("A date in the future changes the current role only from that day on."),
    )
    reason = forms.CharField(
        label=_("reason"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why the role changes, for example a new job or the end of support."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"valid_from": timezone.localdate()})
        super().__init__(*args, **kwargs)


class TargetGroupForm(NLDesignModelForm):
    class Meta:
        model = TargetGroup
        fields = ["code", "name", "default_role", "colour"]
        widgets = {
            "colour": forms.Select(choices=[(i, str(i + 1)) for i in range(PALETTE_SIZE)]),
        }

    def __init__(self, organisation: Organisation, *args: Any, **kwargs: Any) -> None:
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        if self.instance.pk:
            self.fields["code"].help_text = _(
                "A new code is carried to the units designated for this group and to the bounds "
                "of mix policies on it."
            )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        others = TargetGroup.objects.filter(organisation=self.organisation, code=code)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Your catalogue already has a target group with this code.")
            )
        return code
