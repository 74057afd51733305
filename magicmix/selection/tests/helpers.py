"""What the selection tests share: an open intake of a complex with units, and a filled form."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from magicmix.housing.models import Unit
from magicmix.selection.models import Intake
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
        "income_year": str(datetime.date.today().year - 1),
        "target_group": str(student.pk),
        "education_institution": "Hogeschool Utrecht",
        "unit_types": ["studio"],
        "motivation": "Ik organiseer elke maand een gangdiner.",
        "website": "",
    }
    return data | fields
