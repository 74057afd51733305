"""A tenancy ends with its reason and destination; months from the end notice to onward housing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ..models import Departure, Destination, Reason, whole_months
from ..services.departures import record_departure
from .scene import scene

D = datetime.date


@pytest.mark.parametrize(
    ("notice", "housed", "months"),
    [
        (D(2025, 1, 31), D(2025, 2, 28), 0),  # not yet a whole month
        (D(2024, 1, 31), D(2024, 2, 29), 0),  # leap February is still short of the 31st
        (D(2024, 1, 31), D(2024, 3, 1), 1),
        (D(2024, 3, 15), D(2024, 3, 15), 0),
        (D(2023, 11, 30), D(2024, 5, 30), 6),
        (D(2023, 11, 30), D(2024, 5, 29), 5),
    ],
)
def test_whole_months(notice: datetime.date, housed: datetime.date, months: int) -> None:
    assert whole_months(notice, housed) == months


@pytest.mark.django_db
def test_a_departure_ends_the_tenancy_and_keeps_where_the_resident_went() -> None:
    s = scene()
    tenancy = s.tenancies[0]
    departure = record_departure(
        tenancy,
        end_date=D(2025, 6, 30),
        reason=Reason.CONTRACT_ENDED,
        destination=Destination.SOCIAL_RENT,
        notice_on=D(2025, 3, 31),
        housed_on=D(2025, 7, 1),
        by=s.manager,
    )
    tenancy.refresh_from_db()
    assert tenancy.end_date == D(2025, 6, 30)
    assert departure.months_to_housing == 3
    assert tenancy.departure == departure


@pytest.mark.django_db
def test_a_wrong_departure_saves_nothing() -> None:
    s = scene()
    tenancy = s.tenancies[0]
    with pytest.raises(ValidationError) as error:
        record_departure(
            tenancy,
            end_date=D(2025, 6, 30),
            reason=Reason.OTHER,
            destination=Destination.UNKNOWN,
            notice_on=D(2025, 7, 1),
            housed_on=None,
            by=s.manager,
        )
    assert "notice_on" in error.value.error_dict
    tenancy.refresh_from_db()
    assert tenancy.end_date is None and not Departure.objects.exists()
