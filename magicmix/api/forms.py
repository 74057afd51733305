"""The form an application manager issues a token with."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Organisation, Role
from magicmix.selection.forms.application import CHECKBOXES, DATE
from magicmix.web.forms import NLDesignForm

from .models import TOKEN_ROLES, Scope

# A token lives at most a year: a forgotten integration should stop on its own.
MAX_VALIDITY = datetime.timedelta(days=366)


def token_organisations(issuers: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """The manager's corporations and the partners working in their complexes."""
    return Organisation.objects.filter(
        Q(pk__in=issuers) | Q(partnerships__complex__organisation__in=issuers)
    ).distinct()


class TokenForm(NLDesignForm):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("Which system uses it, e.g. “ERP Tobias”.")
    )
    organisation = forms.ModelChoiceField(
        label=_("Acts for organisation"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(
        label=_("Acts as role"),
        choices=[(r, Role(r).label) for roles in TOKEN_ROLES.values() for r in roles],
        help_text=_("The token sees exactly what this role of that organisation sees."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
    )
    expires_on = forms.DateField(
        label=_("Valid until"),
        widget=DATE,
        help_text=_("At most a year from today."),
    )

    def __init__(self, data: Any = None, *, issuers: QuerySet[Organisation], **kw: Any) -> None:
        super().__init__(data, **kw)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = token_organisations(issuers)
        self.fields["expires_on"].initial = timezone.localdate() + datetime.timedelta(days=90)

    def clean_expires_on(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("Choose today or a later date."))
        if day > today + MAX_VALIDITY:
            raise forms.ValidationError(_("A token is valid for at most a year."))
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        organisation, role = data.get("organisation"), data.get("role")
        if organisation and role and role not in TOKEN_ROLES.get(organisation.kind, ()):
            self.add_error(
                "role",
                _("This role does not exist in a %(kind)s.")
                % {"kind": organisation.get_kind_display()},
            )
        return data
