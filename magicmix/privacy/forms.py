from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from magicmix.web.forms import NLDesignForm, style

from . import registry

# Ten years: longer than any period the law asks of a corporation for these data.
MAX_MONTHS = 120


class RetentionForm(NLDesignForm):
    """One period in months per data category; the documented default is shown beside it."""

    def __init__(self, data: Any = None, *, months: dict[str, int]) -> None:
        super().__init__(data, initial=months)
        for code, category in registry.CATEGORIES.items():
            self.fields[code] = forms.IntegerField(
                label=str(category.label),
                min_value=1,
                max_value=MAX_MONTHS,
                help_text=_("Months %(starts)s. Default: %(default)s.")
                % {"starts": category.starts, "default": category.default_months},
            )
        style(self)  # the fields came after NLDesignForm styled the (empty) form


class ErasureForm(NLDesignForm):
    confirm = forms.BooleanField(
        label=_("I have read the consequences; erase this data now."), required=True
    )
