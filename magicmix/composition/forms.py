from django import forms
from django.utils.translation import gettext_lazy as _

from magicmix.web.forms import NLDesignForm

from .picture import Colouring


class MixForm(NLDesignForm):
    """The day to look at (today when empty) and how to colour the picture."""

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
