from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.validators import validate_slug
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.web.forms import NLDesignModelForm

from .models import Parameter, value_fields

# Form field → the part of a parameter it fills (see value_fields).
_VALUE_FIELDS = {
    "amount": "amount",
    "age_from": "band",
    "age_below": "band",
    "target_groups": "target_groups",
}


class ParameterForm(NLDesignModelForm):
    """A new dated value of any parameter."""

    class Meta:
        model = Parameter
        fields = ["kind", "valid_from", *_VALUE_FIELDS, "source_url", "note"]
        widgets = {"valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_target_groups(self) -> str:
        codes = [code.strip() for code in self.cleaned_data["target_groups"].split(",")]
        codes = [code for code in codes if code]
        for code in codes:
            validate_slug(code)
        return ", ".join(codes)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind = cleaned.get("kind") if "kind" in self.fields else self.instance.kind
        if not kind:
            return cleaned
        used = value_fields(kind)
        if "amount" in used and cleaned.get("amount") is None:
            self.add_error("amount", _("This parameter needs a value."))
        if "target_groups" in used and not cleaned.get("target_groups"):
            self.add_error("target_groups", _("This parameter needs at least one code."))
        low, high = cleaned.get("age_from"), cleaned.get("age_below")
        if "band" in used and low is None and high is None:
            self.add_error("age_below", _("Give at least one end of the age band."))
        if low is not None and high is not None and low >= high:
            self.add_error("age_below", _("The band must end above the age it starts at."))
        for name, part in _VALUE_FIELDS.items():
            if part not in used and cleaned.get(name) not in (None, ""):
                self.add_error(name, _("This parameter does not use this field."))
        return cleaned


class FutureParameterForm(ParameterForm):
    """A value that has not taken effect: same parameter, still starting after today."""

    class Meta(ParameterForm.Meta):
        fields = ["valid_from", *_VALUE_FIELDS, "source_url", "note"]

    def clean_valid_from(self) -> datetime.date:
        valid_from: datetime.date = self.cleaned_data["valid_from"]
        if valid_from <= timezone.localdate():
            raise forms.ValidationError(_("A changed value must start after today."))
        return valid_from


class ParameterVersionForm(ParameterForm):
    """A correction of a value that may have been used: a new record with the same date."""

    class Meta(ParameterForm.Meta):
        fields = [*_VALUE_FIELDS, "source_url", "note"]

    def __init__(self, data: Any, version_of: Parameter) -> None:
        super().__init__(
            data,
            instance=Parameter(kind=version_of.kind, valid_from=version_of.valid_from),
            initial=model_to_dict(version_of, fields=self.Meta.fields),
        )
