"""The policy simulation form: policies to compare, and per target group how many arrive and on
which contract; arrivals start from the complex's intake history of the last twelve months."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Count
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from magicmix import allocation as engine
from magicmix.housing.models import Complex
from magicmix.people.models import TargetGroup
from magicmix.selection.models import Application
from magicmix.tenancies.models import Tenancy
from magicmix.web.forms import NLDesignForm, style

from .simulation.scenario import FlowInput, Inputs, Variant

CHECKBOXES = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
MAX_RUNS_IN_ALL = 400  # policies × runs: what two workers finish in minutes

POLICIES = [
    ("own", gettext_lazy("The complex's own mix policy")),
    ("half-spotted", gettext_lazy("50/50, spotted (half vragend at most in every cluster)")),
    ("half-clustered", gettext_lazy("50/50, clustered (half vragend at most in the complex)")),
    ("third-spotted", gettext_lazy("Two thirds dragend, spotted (in every cluster)")),
    ("third-clustered", gettext_lazy("Two thirds dragend, clustered (in the complex)")),
]
MODES = [
    (engine.Mode.PRIORITY.value, gettext_lazy("In order of priority")),
    (engine.Mode.OPTIMAL.value, gettext_lazy("Optimal")),
]
CONTRACTS = [
    ("jongerencontract", gettext_lazy("youth contract (5 years, optionally 2 more)")),
    ("tijdelijk", gettext_lazy("temporary contract (2 years)")),
    ("campuscontract", gettext_lazy("campus contract (yearly enrolment check)")),
    ("onbepaalde_tijd", gettext_lazy("indefinite-term contract")),
]


def variant_label(variant: Variant) -> str:
    policy = "own" if variant.share == "own" else f"{variant.share}-{variant.spread}"
    return f"{dict(POLICIES)[policy]} — {dict(MODES)[variant.mode]}"


@dataclass(frozen=True)
class Group:
    code: str
    name: str
    role: str
    estimate: Decimal  # applications per month over the last twelve months


def groups_of(complex_: Complex, day: dt.date) -> list[Group]:
    """The target groups living in the complex or applying to it, with their arrival rate."""
    since = day - dt.timedelta(days=365)
    applied = dict(
        Application.objects.filter(intake__complex=complex_, registered_on__gt=since)
        .values_list("target_group__code")
        .annotate(n=Count("id"))
    )
    living = set(
        Tenancy.objects.current(day)
        .filter(unit__complex=complex_)
        .values_list("person__target_group__code", flat=True)
    )
    return [
        Group(g.code, g.name, g.default_role, round(Decimal(applied.get(g.code, 0)) / 12, 2))
        for g in TargetGroup.objects.filter(
            organisation=complex_.organisation, code__in=living | set(applied)
        ).order_by("name")
    ]


def _default_contract(group: Group) -> str:
    if "student" in group.code:
        return "campuscontract"
    return "jongerencontract" if group.role == engine.Role.SUPPORTING.value else "tijdelijk"


def _number(label: str, low: int, high: int, initial: float, places: int = 2) -> forms.Field:
    return forms.DecimalField(
        label=label,
        min_value=low,
        max_value=high,
        decimal_places=places,
        initial=initial,
        localize=True,
    )


class SimulationForm(NLDesignForm):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    policies = forms.MultipleChoiceField(
        label=gettext_lazy("Policies to compare"),
        choices=POLICIES,
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
    )
    modes = forms.MultipleChoiceField(
        label=gettext_lazy("Allocation"),
        choices=MODES,
        initial=[engine.Mode.PRIORITY.value],
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
    )
    years = forms.IntegerField(
        label=gettext_lazy("Horizon (years)"), min_value=1, max_value=15, initial=15
    )
    runs = forms.IntegerField(
        label=gettext_lazy("Runs per policy"),
        min_value=2,
        max_value=100,
        initial=20,
        help_text=gettext_lazy("More runs give narrower confidence bands and take longer."),
    )
    seed = forms.IntegerField(
        label=gettext_lazy("Seed"),
        min_value=0,
        max_value=10**6,
        initial=1,
        help_text=gettext_lazy("The same seed gives the same result."),
    )

    def __init__(self, data: Any = None, *, groups: list[Group], rent: float, **kw: Any) -> None:
        super().__init__(data, **kw)
        self.groups, self.rent = groups, rent
        for g in groups:
            self.fields[f"arrivals_{g.code}"] = _number(
                _("%(group)s: arrivals per month") % {"group": g.name}, 0, 100, float(g.estimate)
            )
            self.fields[f"arrivals_{g.code}"].help_text = _(
                "From the intake history: %(n)s a month over the last twelve months."
            ) % {"n": number_format(g.estimate, 2)}
            self.fields[f"contract_{g.code}"] = forms.ChoiceField(
                label=_("%(group)s: contract") % {"group": g.name},
                choices=CONTRACTS,
                initial=_default_contract(g),
            )
            self.fields[f"patience_{g.code}"] = forms.IntegerField(
                label=_("%(group)s: months an applicant keeps waiting") % {"group": g.name},
                min_value=0,
                max_value=120,
                initial=12,
            )
        self.fields |= {
            "renewal_share": _number(_("Youth contracts renewed for 2 years (%)"), 0, 100, 50),
            "campus_pass_share": _number(
                _("Campus residents passing the yearly check (%)"), 0, 99, 80
            ),
            "indefinite_stay_years": _number(
                _("Mean stay on an indefinite contract (years)"), 1, 50, 8
            ),
            "early_departure_per_year": _number(
                _("Leaving before the contract ends (% a year)"), 0, 100, 10
            ),
            "role_change_per_year": _number(
                _("Vragend residents becoming dragend (% a year)"), 0, 100, 10
            ),
            "support_months": forms.IntegerField(
                label=_("Support arrangement of a vragend resident (months)"),
                min_value=0,
                max_value=120,
                initial=36,
            ),
            "support_hours_per_month": _number(
                _("Support hours per resident per month"), 0, 200, 4
            ),
            "support_rate": _number(_("Cost of an hour of support (€)"), 0, 500, 65),
        }
        style(self)  # again: the fields above came after the base class styled its own

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        policies, modes, runs = data.get("policies"), data.get("modes"), data.get("runs")
        if policies and modes and runs and len(policies) * len(modes) * runs > MAX_RUNS_IN_ALL:
            raise forms.ValidationError(
                _("%(n)s runs in all is too many: at most %(max)s (policies × allocations × runs).")
                % {"n": len(policies) * len(modes) * runs, "max": MAX_RUNS_IN_ALL}
            )
        if not self.groups:
            raise forms.ValidationError(
                _("Nobody lives in or applies to this complex yet: there is nothing to simulate.")
            )
        return data

    def inputs(self) -> Inputs:
        d = self.cleaned_data
        percent = Decimal(100)
        variants = tuple(
            Variant(share, spread or "clustered", mode)
            for share, _dash, spread in (p.partition("-") for p in d["policies"])
            for mode in d["modes"]
        )
        return Inputs(
            variants=variants,
            flows=tuple(
                FlowInput(
                    g.code,
                    g.role,
                    float(d[f"arrivals_{g.code}"]),
                    d[f"contract_{g.code}"],
                    float(d[f"patience_{g.code}"]),
                )
                for g in self.groups
            ),
            years=d["years"],
            runs=d["runs"],
            seed=d["seed"],
            renewal_share=float(d["renewal_share"] / percent),
            campus_pass_share=float(d["campus_pass_share"] / percent),
            indefinite_stay_years=float(d["indefinite_stay_years"]),
            early_departure_per_year=float(d["early_departure_per_year"] / percent),
            role_change_per_year=float(d["role_change_per_year"] / percent),
            support_months=float(d["support_months"]),
            support_hours_per_month=float(d["support_hours_per_month"]),
            support_rate=float(d["support_rate"]),
            rent_per_month=self.rent,
        )
