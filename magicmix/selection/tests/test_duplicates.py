import datetime

import pytest

from magicmix.selection.models import Application, ApplicationEvent
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db
BORN = datetime.date(1999, 2, 3)


def test_same_name_and_date_of_birth_are_flagged_not_merged() -> None:
    intake = open_intake()
    first, _ = factories.application(
        intake, first_name="José", last_name="de  Vries", date_of_birth=BORN
    )
    second, _ = factories.application(
        intake, first_name="jose", last_name="De Vries", date_of_birth=BORN
    )
    assert second.flag_duplicates() == [first]
    first.refresh_from_db()
    assert first.possible_duplicate and second.possible_duplicate
    assert Application.objects.count() == 2
    assert first.events.get(kind=ApplicationEvent.Kind.DUPLICATE).reason == str(second.pk)


def test_the_same_email_is_flagged_within_the_intake_only() -> None:
    intake = open_intake()
    first, _ = factories.application(intake, email="Dubbel@example.nl")
    other_intake = factories.intake(intake.complex)
    elsewhere, _ = factories.application(other_intake, email="dubbel@example.nl")
    second, _ = factories.application(intake, email="dubbel@example.nl")
    assert second.flag_duplicates() == [first]
    elsewhere.refresh_from_db()
    assert not elsewhere.possible_duplicate


def test_different_people_are_not_flagged() -> None:
    intake = open_intake()
    factories.application(intake, first_name="Ali", date_of_birth=BORN)
    other, _ = factories.application(intake, first_name="Ali", date_of_birth=BORN.replace(day=4))
    assert other.flag_duplicates() == []
    assert not Application.objects.filter(possible_duplicate=True).exists()
