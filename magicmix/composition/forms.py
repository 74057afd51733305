import datetime
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from magicmix.web.forms import NLDesignForm, style

from .picture import Colouring


class MixForm(NLDesignForm):
    """The day to look at (today when empty) and how to colour the picture. Those who see
    aggregates only choose among `periods` (month ends, see periods.py) instead of a day."""

    on = forms.DateField(
        label=_("On date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    by = forms.ChoiceField(
        choices=[(Colouring.GROUP, _("target group")), (Colouring.ROLE, _("role"))],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, data: Any = None, *, periods: Sequence[datetime.date] = ()) -> None:
        super().__init__(data)
        if periods:
            # A list of month ends; a day typed into the address is read as the month end on
            # or before it (report.aggregate_report).
            choices = [("", _("the last month"))] + [
                (day.isoformat(), date_format(day, "F Y")) for day in reversed(periods)
            ]
            self.fields["on"] = forms.DateField(
                label=_("Situation at the end of"),
                required=False,
                widget=forms.Select(choices=choices),
            )
            style(self)
