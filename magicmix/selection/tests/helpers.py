"""What the selection tests share: an open intake of a complex with units, and a filled form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from magicmix.accounts.models import User
from magicmix.housing.models import Unit
from magicmix.selection.models import Application, Criterion, Intake, LetterScore, Rubric
from magicmix.testing import factories


def open_intake(**fields: Any) -> Intake:
    complex_ = factories.complex()
    gang = factories.cluster(complex_)
    factories.unit(gang, basic_rent=Decimal("450.00"), type=Unit.Type.STUDIO)
    return factories.intake(complex_, **fields)


def form_data(intake: Intake, **fields: Any) -> dict[str, Any]:
    student = intake.target_groups.get(code="student")
    data: dict[str, Any] = {
        "first_name": "Noor",
        "last_name": "Bakker",
        "date_of_birth": "2001-04-12",
        "email": "noor@example.nl",
        "phone": "0612345678",
        "household_size": "1",
        "annual_income": "35000",
        "income_year": str(timezone.localdate().year - 1),
        "target_group": str(student.pk),
        "education_institution": "Hogeschool Utrecht",
        "unit_types": ["studio"],
        "motivation": "Ik organiseer elke maand een gangdiner.",
        "website": "",
    }
    return data | fields


def rubric(intake: Intake, **fields: Any) -> Rubric:
    """A rubric with one letter criterion (weight 2, max 5) and one interview criterion
    (weight 1, max 10)."""
    created = Rubric.objects.create(intake=intake, **fields)
    created.criteria.create(
        stage=Criterion.Stage.LETTER, name="Inzet voor de buren", weight=2, max_points=5
    )
    created.criteria.create(
        stage=Criterion.Stage.INTERVIEW, name="Klik met de gang", weight=1, max_points=10
    )
    return created


def score(application: Application, scorer: User, points: int) -> None:
    criterion = application.intake.rubric.criteria.get(stage=Criterion.Stage.LETTER)
    LetterScore.objects.create(
        application=application, criterion=criterion, scorer=scorer, points=points
    )
