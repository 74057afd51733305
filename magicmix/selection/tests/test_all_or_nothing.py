import datetime
from decimal import Decimal

import pytest

from magicmix.selection.models import Application, ApplicationEvent, EligibilityOutcome
from magicmix.selection.services import applications
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_failure_halfway_leaves_no_application_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    intake = open_intake()

    def crash(self: Application) -> None:
        raise RuntimeError("database gone")

    monkeypatch.setattr(Application, "flag_duplicates", crash)
    application = Application(
        intake=intake,
        target_group=factories.target_group(intake.complex.organisation, "student"),
        first_name="Noor",
        last_name="Bakker",
        date_of_birth=datetime.date(2001, 4, 12),
        email="noor@example.nl",
        annual_income=Decimal(35000),
        income_year=2025,
        motivation="Koken",
    )
    with pytest.raises(RuntimeError):
        applications.submit(application, [])
    assert not Application.objects.exists()
    assert not EligibilityOutcome.objects.exists()
    assert not ApplicationEvent.objects.exists()
