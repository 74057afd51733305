from django import forms
from django.utils.translation import gettext_lazy as _

from magicmix.web.forms import NLDesignForm

APPROVE, REJECT = "approve", "reject"


class CheckDecisionForm(NLDesignForm):
    """Approve or reject a check by hand: two buttons, no default, a reason always."""

    decision = forms.ChoiceField(choices=[(APPROVE, _("approve")), (REJECT, _("reject"))])
    reason = forms.CharField(label=_("reason"), max_length=500, widget=forms.Textarea)
