"""The ingredients of every visible complex beside its outcomes, filtered and sorted.

Each row is one complex: its concept (`derived.Concept`) and the latest shown point of every
registered indicator. Complexes the user sees as a whole (staff, a partner with aggregate
rights: `portfolio.complexes_of`) read the indicators stored each night, so the page costs the
same few queries however many complexes; a partner caseworker's other complexes show their own
clients only, computed now as on the dashboard (the stored figures are of all residents).
Filters keep complexes with an ingredient; sorting puts empty cells last whatever the
direction.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import User
from magicmix.housing.models import Complex
from magicmix.people.models import Person

from ..indicators import Context, registered
from ..portfolio import complexes_of
from .derived import SELECTION_LABELS, Concept, concepts_of
from .models import SocialManagement, SupportModel
from .outcomes import Outcome, outcomes, stored_outcomes


@dataclass(frozen=True)
class Row:
    concept: Concept
    outcomes: list[Outcome]
    own_clients_only: bool

    def value(self, key: str) -> Any:
        """The value a column sorts by; None sorts last."""
        concept = self.concept
        if key in INGREDIENT_KEYS:
            return INGREDIENT_KEYS[key](concept)
        for outcome in self.outcomes:
            if outcome.indicator.code == key:
                return outcome.point.value if outcome.point else None
        return None


INGREDIENT_KEYS: dict[str, Callable[[Concept], Any]] = {
    "name": lambda c: c.complex.name.lower(),
    "size": lambda c: c.size,
    "share_supporting": lambda c: c.share_supporting,
    "placement": lambda c: c.complex.placement_style,
    "contribution_hours": lambda c: c.contribution_hours,
    "social_management_hours": lambda c: c.social_management_hours,
    "years_in_use": lambda c: c.years_in_use,
}


@dataclass(frozen=True)
class Filters:
    placement: str = ""
    term: str = ""  # "temporary" / "permanent"
    selection: str = ""  # letter / interview / cooptation
    social_management: str = ""
    support_model: str = ""

    def keep(self, concept: Concept) -> bool:
        return (
            (not self.placement or concept.complex.placement_style == self.placement)
            and (not self.term or concept.temporary == (self.term == "temporary"))
            and (not self.selection or self.selection in concept.selection)
            and (not self.social_management or concept.social_management == self.social_management)
            and (not self.support_model or concept.support_model == self.support_model)
        )


def filters_from(query: dict[str, str]) -> Filters:
    """Filters from the query string; an unknown value is ignored rather than refused."""
    allowed = {
        "placement": {choice.value for choice in Complex.PlacementStyle},
        "term": {"temporary", "permanent"},
        "selection": set(SELECTION_LABELS),
        "social_management": {choice.value for choice in SocialManagement},
        "support_model": {choice.value for choice in SupportModel},
    }
    return Filters(
        **{
            name: query.get(name, "")
            for name, values in allowed.items()
            if query.get(name) in values
        }
    )


def seen_by(concept: Concept, own_clients_only: bool) -> Concept:
    """A caseworker sees their clients' figures, never the complex's residents as a whole
    beside them: no share dragend."""
    return replace(concept, share_supporting=None) if own_clients_only else concept


def rows(user: User, today: datetime.date, filters: Filters) -> list[Row]:
    complexes = list(Complex.objects.visible_to(user).order_by("name"))
    concepts = concepts_of(complexes, today)
    kept = [c for c in complexes if filters.keep(concepts[c.pk])]
    whole = set(complexes_of(user).filter(pk__in=[c.pk for c in kept]).values_list("pk", flat=True))
    stored = stored_outcomes([c for c in kept if c.pk in whole])
    found = []
    for complex_ in kept:
        if complex_.pk in whole:
            found.append(Row(concepts[complex_.pk], stored[complex_.pk], False))
        else:
            clients = Context(complex_, today, Person.objects.visible_to(user))
            found.append(Row(seen_by(concepts[complex_.pk], True), outcomes(clients), True))
    return found


def sorted_rows(found: Sequence[Row], key: str, descending: bool) -> list[Row]:
    present = [row for row in found if row.value(key) is not None]
    missing = [row for row in found if row.value(key) is None]
    return sorted(present, key=lambda row: row.value(key), reverse=descending) + missing


def sort_keys() -> set[str]:
    return set(INGREDIENT_KEYS) | set(registered())


@dataclass(frozen=True)
class Header:
    key: str
    label: str
    href: str | None  # None: not sortable
    sort: str  # aria-sort: "ascending", "descending" or "none"


def headers(
    query: dict[str, str], sort: str, descending: bool, columns: Sequence[tuple[str, Any, bool]]
) -> list[Header]:
    """Column headers whose links sort by the column, keeping the filters; a second click on
    the sorted column reverses it."""
    found = []
    for key, label, sortable in columns:
        href = None
        if sortable:
            order = "asc" if key == sort and descending else "desc" if key == sort else "asc"
            href = "?" + urlencode({**query, "sort": key, "order": order})
        state = ("descending" if descending else "ascending") if key == sort else "none"
        found.append(Header(key, str(label), href, state))
    return found


def columns(outcome_columns: Sequence[Outcome]) -> list[tuple[str, Any, bool]]:
    return [
        ("name", _("Complex"), True),
        ("size", _("Units"), True),
        ("share_supporting", _("Dragend"), True),
        ("placement", _("Placement"), True),
        ("selection", _("Selection"), False),
        ("contribution_hours", _("Contribution (h/month)"), True),
        ("social_management_hours", _("Social management"), True),
        ("support_model", _("Support"), False),
        ("years_in_use", _("Term and years in use"), True),
        ("contract_types", _("Contracts"), False),
        *[(o.indicator.code, o.indicator.label, True) for o in outcome_columns],
    ]
