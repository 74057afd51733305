"""A complex's benchmark document: its concept and, per indicator, the latest point that may
be shown, with every count rounded to a multiple of 5 and anything resting on fewer than 5
left out (null).

Rounding to a multiple of 5 keeps any two counts of the document either equal or 5 or more
apart, so no small group can be found by subtracting one count from another (units and the
respondents of two instruments in the same wave, say). Free texts that staff type (wave
titles, notes) never enter the document; the periods of the points are left out with them.
"""

from __future__ import annotations

import datetime

from django.utils import translation

from magicmix.housing.models import Complex

from ..indicators import Context
from ..ingredients.derived import concept_of
from ..ingredients.models import Ingredients as Entered
from ..ingredients.models import SocialManagement, SupportModel
from ..ingredients.outcomes import outcomes
from .document import FORMAT, ROUNDING, VERSION, Document, Indicator, Ingredients, Project


def rounded(count: int | None) -> int | None:
    """The count to the nearest multiple of 5 (halves up); None below 5."""
    if count is None or count < ROUNDING:
        return None
    return ROUNDING * ((count + ROUNDING // 2) // ROUNDING)


def quarter(day: datetime.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def document(complex_: Complex, today: datetime.date) -> Document:
    """The document of the whole complex (never of a caseworker's clients: a document is
    about a project)."""
    concept = concept_of(complex_, today)
    entered, _created = Entered.objects.get_or_create(complex=complex_)
    with translation.override("en"):  # the units in the document do not follow the reader
        found = outcomes(Context(complex_, today))
    indicators = []
    for outcome in found:
        point = outcome.point
        n = rounded(point.n) if point else None
        indicators.append(
            Indicator(
                code=outcome.indicator.code,
                unit=outcome.unit[:10],
                value=round(point.value, 1) if point and n and point.value is not None else None,
                n=n,
            )
        )
    hours = concept.social_management_hours
    return Document(
        format=FORMAT,
        version=VERSION,
        project=Project(
            id=entered.project_id, name=complex_.name, municipality=complex_.municipality
        ),
        period=quarter(today),
        exported_on=today,
        ingredients=Ingredients(
            units=rounded(concept.size),
            share_supporting=concept.share_supporting,
            placement=Complex.PlacementStyle(complex_.placement_style),
            selection=concept.selection,
            contribution_hours=concept.contribution_hours,
            social_management=SocialManagement(concept.social_management)
            if concept.social_management
            else None,
            social_management_hours=float(hours) if hours is not None else None,
            support_model=SupportModel(concept.support_model) if concept.support_model else None,
            temporary=concept.temporary,
            years_in_use=concept.years_in_use,
            contract_types=concept.contract_types,
        ),
        indicators=indicators,
    )
