from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from magicmix.housing.cluster_tree import cluster_tree
from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.people.models import Role, SupportNeed, TargetGroup
from magicmix.selection.models import Intake
from magicmix.tenancies.availability import free_on
from magicmix.web.forms import NLDesignForm, NLDesignModelForm

from .availability import UnitState, states
from .models import RANKING_KEYS, CandidateOutcome, Dimension, PolicyBound, Round

# Ranking rules offered in the form: the engine's keys in a few sensible orders.
RANKINGS = [
    ["urgency", "selection_score", "registration_date", "lottery_number"],
    ["urgency", "registration_date", "lottery_number"],
    ["selection_score", "registration_date", "lottery_number"],
    ["lottery_number"],
]
_KEY_LABELS = dict(RANKING_KEYS)


def ranking_label(keys: list[str]) -> str:
    return ", ".join(str(_KEY_LABELS.get(key, key)) for key in keys)


def counts_choices(complex_: Complex) -> list[tuple[str, list[tuple[str, str]]]]:
    """What a bound may count, grouped per dimension, as "dimension:value"."""
    groups = TargetGroup.objects.filter(organisation=complex_.organisation)
    partners = complex_.partners.select_related("organisation")
    return [
        (str(Dimension.GROUP.label), [(f"group:{g.code}", g.name) for g in groups]),
        (str(Dimension.ROLE.label), [(f"role:{v}", str(label)) for v, label in Role.choices]),
        (
            str(Dimension.SUPPORT.label),
            [(f"support:{v}", str(label)) for v, label in SupportNeed.choices],
        ),
        (
            str(Dimension.PARTNER.label),
            [(f"partner:{p.organisation_id}", p.organisation.name) for p in partners],
        ),
    ]


class BoundForm(NLDesignModelForm):
    counts = forms.ChoiceField(label=_("counts"))

    class Meta:
        model = PolicyBound
        fields = ["cluster", "minimum", "maximum", "share", "hard", "penalty"]

    def __init__(self, *args: Any, complex_: Complex, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cluster = self.fields["cluster"]
        cluster.queryset = Cluster.objects.filter(complex=complex_)  # type: ignore[attr-defined]
        self.paths = cluster_tree(complex_).paths()
        cluster.choices = [("", _("the whole complex")), *self.paths.items()]  # type: ignore[attr-defined]
        self.fields["counts"].choices = counts_choices(complex_)  # type: ignore[attr-defined]
        self.order_fields(["cluster", "counts"])
        if self.instance.pk:
            self.initial["counts"] = f"{self.instance.dimension}:{self.instance.value}"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "counts" in cleaned:
            self.instance.dimension, self.instance.value = cleaned["counts"].split(":", 1)
            self._refuse_twin(cleaned.get("cluster"))
        return cleaned

    def _refuse_twin(self, cluster: Cluster | None) -> None:
        """Two bounds on the same thing in the same place would contradict or repeat each
        other; the letting officer changes the one there is."""
        twin = PolicyBound.objects.filter(
            policy_id=self.instance.policy_id,
            cluster=cluster,
            dimension=self.instance.dimension,
            value=self.instance.value,
        ).exclude(pk=self.instance.pk)
        if twin.exists():
            self.add_error(
                "counts",
                _(
                    "The policy already has a bound for %(value)s in %(scope)s. "
                    "Change that bound instead of adding a second one."
                )
                % {
                    "value": self.instance.value_display(),
                    "scope": self.paths.get(cluster.pk) if cluster else _("the whole complex"),
                },
            )


class RoundForm(NLDesignModelForm):
    """A new round. Only units free on the start of the tenancies are offered (see
    `availability`); the page reloads the list when the date changes, and a unit taken between
    loading and submitting is refused by name."""

    ranking_rule = forms.ChoiceField(
        label=_("ranking rule"), choices=[(",".join(r), ranking_label(r)) for r in RANKINGS]
    )
    without_score = forms.ChoiceField(
        label=_("candidates without a selection score"),
        choices=[("last", _("last")), ("first", _("first"))],
        initial="last",
        required=False,
        help_text=_("Where nominees not (yet) scored go when the ranking uses the score."),
    )

    class Meta:
        model = Round
        fields = ["title", "intake", "units", "mode", "seed", "move_in", "offer_days"]
        widgets = {
            "units": forms.CheckboxSelectMultiple(
                attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
            ),
            "move_in": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(
        self, data: Any = None, *, complex_: Complex, all_units: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(data, **kwargs)
        self.fields["intake"].queryset = Intake.objects.filter(complex=complex_)  # type: ignore[attr-defined]
        self.in_use = Unit.objects.filter(complex=complex_, status=Unit.Status.IN_USE)
        self.day = self._day()
        units = self.fields["units"]
        units.queryset = self.in_use  # type: ignore[attr-defined]
        free = free_on(self.in_use, self.day)
        paths = cluster_tree(complex_).paths()
        units.choices = [(u.pk, f"{u.code} ({paths.get(u.cluster_id, '')})") for u in free]  # type: ignore[attr-defined]
        if all_units and not self.is_bound:
            self.initial["units"] = [u.pk for u in free]
        units.help_text = _("Units free on %(date)s: no tenant then or later, no open offer.") % {
            "date": date_format(self.day, "j F Y")
        }
        self.order_fields(
            ["title", "intake", "move_in", "units", "mode", "ranking_rule", "without_score"]
        )
        if self.instance.pk:
            self.initial["without_score"] = self.instance.missing_keys.get(
                "selection_score", "last"
            )

    def _day(self) -> datetime.date:
        """The start of the tenancies as typed so far, else as given, else today."""
        field = self.fields["move_in"]
        raw = self.data.get("move_in") if self.is_bound else self.initial.get("move_in")
        try:
            day = field.to_python(raw) if raw else None
        except forms.ValidationError:
            day = None
        return day or timezone.localdate()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen, day = cleaned.get("units"), cleaned.get("move_in")
        if chosen and day:
            state = states(chosen, day)
            taken = [u for u in chosen if state[u.pk] != UnitState.FREE]
            if taken:
                self.add_error(
                    "units",
                    _("Not free on %(date)s: %(units)s. Choose other units or another date.")
                    % {
                        "date": date_format(day, "j F Y"),
                        "units": ", ".join(f"{u.code} ({state[u.pk].label})" for u in taken),
                    },
                )
        return cleaned

    def save(self, commit: bool = True) -> Round:
        self.instance.ranking = self.cleaned_data["ranking_rule"].split(",")
        self.instance.missing_keys = {
            **self.instance.missing_keys,
            "selection_score": self.cleaned_data.get("without_score") or "last",
        }
        return super().save(commit)


class OverrideForm(NLDesignForm):
    unit = forms.ModelChoiceField(label=_("unit"), queryset=Unit.objects.none())
    candidate = forms.ModelChoiceField(
        label=_("give it to"),
        queryset=CandidateOutcome.objects.none(),
        required=False,
        empty_label=_("nobody (leave the unit open)"),
    )
    reason = forms.CharField(
        label=_("reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required: it is part of the round's justification."),
    )

    def __init__(self, *args: Any, round_: Round, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        run = round_.latest_run()
        self.fields["unit"].queryset = round_.units.all()  # type: ignore[attr-defined]
        outcomes = CandidateOutcome.objects.filter(run=run).select_related(
            "application__target_group"
        )
        self.fields["candidate"].queryset = outcomes  # type: ignore[attr-defined]
        self.fields["candidate"].label_from_instance = (  # type: ignore[attr-defined]
            lambda o: f"{o.position}. {o.application.full_name} ({o.application.target_group})"
        )


class DeclineForm(NLDesignForm):
    reason = forms.CharField(
        label=_("why do you decline?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(NLDesignForm):
    """Staff record the candidate's answer given by phone or at the counter."""

    answer = forms.ChoiceField(
        label=_("answer"),
        choices=[
            ("", _("choose the answer")),
            ("accept", _("accepted")),
            ("decline", _("declined")),
        ],
        error_messages={"required": _("Choose the answer the candidate gave.")},
    )
    reason = forms.CharField(
        label=_("reason for declining"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("answer") == "decline" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for declining."))
        return cleaned
