"""A complex's concept: the ingredients staff entered beside those magicmix derives.

Derived: size (units in use), the share dragend among today's residents (shown only when
both dragend and vragend residents number 5 or more, as on the mix page), years in use since
the start of exploitation, temporary (a planned end of exploitation) or permanent, whether
the resident panel gave coöptatie advice, and the contract types in use — those of the
complex's intakes, which are policy, and those of 5 or more current contracts.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from magicmix.composition.census import mixes_on
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
    return concepts_of([complex_], today)[complex_.pk]


def concepts_of(complexes: Sequence[Complex], today: datetime.date) -> dict[int, Concept]:
    """complex id → its concept, in the same few queries however many complexes."""
    ids = [complex_.pk for complex_ in complexes]
    mixes = mixes_on(complexes, today)
    entered = {i.complex_id: i for i in Ingredients.objects.filter(complex_id__in=ids)}
    advised = set(
        CooptationAdvice.objects.filter(application__intake__complex_id__in=ids).values_list(
            "application__intake__complex_id", flat=True
        )
    )
    contracts = _contract_types(ids, today)
    found = {}
    for complex_ in complexes:
        tally = mixes[complex_.pk].tally
        supporting = tally.roles.get(Role.SUPPORTING, 0)
        supported = tally.residents - supporting
        share = (
            round(100 * supporting / tally.residents)
            if min(supporting, supported) >= THRESHOLD
            else None
        )
        started = complex_.exploitation_start
        found[complex_.pk] = Concept(
            complex=complex_,
            entered=entered.get(complex_.pk),
            size=tally.places,
            share_supporting=share,
            years_in_use=max(0.0, round((today - started).days / DAYS_PER_YEAR, 1)),
            temporary=complex_.exploitation_end is not None,
            cooptation=complex_.pk in advised,
            contract_types=contracts.get(complex_.pk, []),
        )
    return found


def _contract_types(ids: list[int], today: datetime.date) -> dict[int, list[ContractType]]:
    """The contract types of each complex's intakes, and those of 5 or more current contracts."""
    used: dict[int, set[str]] = defaultdict(set)
    for complex_id, kind in Intake.objects.filter(complex_id__in=ids).values_list(
        "complex_id", "contract_type"
    ):
        used[complex_id].add(kind)
    current = (
        Contract.objects.filter(tenancy__unit__complex_id__in=ids, tenancy__start_date__lte=today)
        .exclude(tenancy__end_date__lt=today)
        .values_list("tenancy__unit__complex_id", "contract_type")
        .annotate(n=Count("id"))
        .order_by()
    )
    for complex_id, kind, n in current:
        if n >= THRESHOLD:
            used[complex_id].add(kind)
    return {pk: [kind for kind in ContractType if kind.value in used[pk]] for pk in ids}


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
