"""A complex's concept: the ingredients staff entered beside those magicmix derives.

Derived: size (units in use), the share dragend among today's residents (shown only when
both dragend and vragend residents number 5 or more, as on the mix page), years in use since
the start of exploitation, temporary (a planned end of exploitation) or permanent, whether
the resident panel gave coöptatie advice, and the contract types in use — those of the
complex's intakes, which are policy, and those of 5 or more current contracts.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.utils.translation import gettext_lazy as _

from magicmix.composition.census import take_census
from magicmix.composition.disclosure import THRESHOLD
from magicmix.housing.models import Complex
from magicmix.legal.contracts import ContractType
from magicmix.people.models import Role
from magicmix.rounds.models import Contract
from magicmix.selection.models import CooptationAdvice, Criterion, Intake

from .models import Ingredients

DAYS_PER_YEAR = 365.25
SelectionMethod = Literal["letter", "interview", "cooptation"]
SELECTION_LABELS = {
    "letter": _("motivation letter"),
    "interview": _("interview"),
    "cooptation": _("coöptatie"),
}


@dataclass(frozen=True)
class Concept:
    complex: Complex
    entered: Ingredients | None
    size: int
    share_supporting: float | None  # percent; None when a count behind it is below 5
    years_in_use: float
    temporary: bool
    cooptation: bool
    contract_types: list[ContractType]

    @property
    def selection(self) -> list[SelectionMethod]:
        """The selection methods in use: letter, interview, coöptatie."""
        entered = self.entered
        methods: list[SelectionMethod] = []
        if entered and entered.selects_by_letter:
            methods.append("letter")
        if entered and entered.selects_by_interview:
            methods.append("interview")
        if self.cooptation:
            methods.append("cooptation")
        return methods

    @property
    def selection_labels(self) -> list[str]:
        return [str(SELECTION_LABELS[method]) for method in self.selection]

    @property
    def contract_labels(self) -> list[str]:
        labels = dict(ContractType.choices)
        return [str(labels[kind]) for kind in self.contract_types]

    @property
    def contribution_hours(self) -> int | None:
        return self.entered.contribution_hours if self.entered else None

    @property
    def social_management(self) -> str:
        return self.entered.social_management if self.entered else ""

    @property
    def social_management_hours(self) -> Decimal | None:
        return self.entered.social_management_hours if self.entered else None

    @property
    def support_model(self) -> str:
        return self.entered.support_model if self.entered else ""


def concept_of(complex_: Complex, today: datetime.date) -> Concept:
    tally = take_census(complex_, today).root.tally
    supporting = tally.roles.get(Role.SUPPORTING, 0)
    supported = tally.residents - supporting
    share = (
        round(100 * supporting / tally.residents)
        if min(supporting, supported) >= THRESHOLD
        else None
    )
    started = complex_.exploitation_start
    return Concept(
        complex=complex_,
        entered=Ingredients.objects.filter(complex=complex_).first(),
        size=tally.places,
        share_supporting=share,
        years_in_use=max(0.0, round((today - started).days / DAYS_PER_YEAR, 1)),
        temporary=complex_.exploitation_end is not None,
        cooptation=CooptationAdvice.objects.filter(application__intake__complex=complex_).exists(),
        contract_types=_contract_types(complex_, today),
    )


def _contract_types(complex_: Complex, today: datetime.date) -> list[ContractType]:
    used = set(Intake.objects.filter(complex=complex_).values_list("contract_type", flat=True))
    current = Counter(
        Contract.objects.filter(tenancy__unit__complex=complex_, tenancy__start_date__lte=today)
        .exclude(tenancy__end_date__lt=today)
        .values_list("contract_type", flat=True)
    )
    used |= {kind for kind, n in current.items() if n >= THRESHOLD}
    return [kind for kind in ContractType if kind.value in used]


def suggested(complex_: Complex) -> dict[str, object]:
    """What the latest intake says, as the first values of the ingredients form."""
    intake = Intake.objects.filter(complex=complex_).order_by("-opens_on", "-pk").first()
    if intake is None:
        return {}
    stages = set(Criterion.objects.filter(rubric__intake=intake).values_list("stage", flat=True))
    return {
        "selects_by_letter": Criterion.Stage.LETTER in stages,
        "selects_by_interview": Criterion.Stage.INTERVIEW in stages,
        "contribution_hours": intake.contribution_hours,
    }
