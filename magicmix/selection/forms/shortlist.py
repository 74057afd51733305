"""The shortlist's filters and its actions on several candidates at once."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from magicmix.people.models import TargetGroup
from magicmix.web.forms import NLDesignForm

from ..models import CheckResult, CooptationAdvice, Intake, Stage

ALL = [("", pgettext_lazy("filter", "all"))]
SORTS = [
    ("score", _("selection score, highest first")),
    ("registered", _("registration date, oldest first")),
    ("name", _("name")),
]
NO_ADVICE = "none"


class ShortlistFilterForm(NLDesignForm):
    q = forms.CharField(label=_("Search name or e-mail"), max_length=100, required=False)
    stage = forms.ChoiceField(label=_("stage"), choices=ALL + Stage.choices, required=False)
    check = forms.ChoiceField(
        label=_("eligibility check"), choices=ALL + CheckResult.choices, required=False
    )
    group = forms.ModelChoiceField(
        label=_("target group"), queryset=TargetGroup.objects.none(), required=False
    )
    min_score = forms.DecimalField(
        label=_("selection score at least"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        decimal_places=1,
        required=False,
    )
    advice = forms.ChoiceField(
        label=_("panel advice"),
        choices=ALL + CooptationAdvice.Advice.choices + [(NO_ADVICE, _("no advice yet"))],
        required=False,
    )
    sort = forms.ChoiceField(label=_("sort by"), choices=SORTS, required=False)

    def __init__(self, data: Any = None, *, intake: Intake, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        group = self.fields["group"]
        group.queryset = intake.target_groups.all()  # type: ignore[attr-defined]
        group.empty_label = ALL[0][1]  # type: ignore[attr-defined]


class BulkDecisionForm(NLDesignForm):
    """Shortlist or do not select the ticked candidates, all with the same reason."""

    stage = forms.ChoiceField(
        choices=[
            (Stage.SHORTLISTED, Stage.SHORTLISTED.label),
            (Stage.NOT_SELECTED, Stage.NOT_SELECTED.label),
        ]
    )
    reason = forms.CharField(label=_("reason"), max_length=500)
    applications = forms.TypedMultipleChoiceField(coerce=int, choices=[])

    def __init__(self, data: Any = None, *, decidable: list[int], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["applications"].choices = [(pk, pk) for pk in decidable]  # type: ignore[attr-defined]
        self.fields["applications"].error_messages["required"] = _("Tick one candidate or more.")
