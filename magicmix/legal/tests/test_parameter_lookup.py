"""One lookup answers "the value of X on day D" with the record that gave it."""

import datetime
from decimal import Decimal

import pytest

from magicmix.legal.models import Kind, Parameter

pytestmark = pytest.mark.django_db


def test_new_year_switches_to_the_indexed_value() -> None:
    old = Parameter.objects.value_on(Kind.DAEB_INCOME_SINGLE, datetime.date(2025, 12, 31))
    new = Parameter.objects.value_on(Kind.DAEB_INCOME_SINGLE, datetime.date(2026, 1, 1))
    assert old is not None and new is not None
    assert (old.amount, old.valid_from) == (Decimal(49669), datetime.date(2025, 1, 1))
    assert (new.amount, new.valid_from) == (Decimal(51537), datetime.date(2026, 1, 1))
    assert "rijksoverheid.nl" in new.source_url


def test_before_the_first_value_there_is_none() -> None:
    assert Parameter.objects.value_on(Kind.DAEB_RENT, datetime.date(2024, 12, 31)) is None


def test_in_effect_gives_the_same_records_as_single_lookups() -> None:
    day = datetime.date(2026, 1, 1)
    records = Parameter.objects.in_effect(day)
    for kind in (Kind.DAEB_RENT, Kind.YOUNG_RENT, Kind.AOW_AGE, Kind.CAP_RENT_SMALL):
        assert records[kind] == Parameter.objects.value_on(kind, day)


def test_a_pending_value_is_not_replaced_by_last_years() -> None:
    record = Parameter.objects.value_on(Kind.CAP_RENT_SMALL, datetime.date(2026, 3, 1))
    assert record is not None
    assert record.valid_from == datetime.date(2026, 1, 1)
    assert record.is_pending


def test_a_correction_of_the_same_date_wins_and_the_earlier_version_stays() -> None:
    first = Parameter.objects.get(kind=Kind.DAEB_RENT, valid_from=datetime.date(2026, 1, 1))
    correction = Parameter.objects.create(
        kind=Kind.DAEB_RENT, valid_from=datetime.date(2026, 1, 1), amount=Decimal("932.94")
    )
    assert Parameter.objects.value_on(Kind.DAEB_RENT, datetime.date(2026, 5, 1)) == correction
    assert Parameter.objects.get(pk=first.pk).amount == Decimal("932.93")
    superseded = {r.pk: r.superseded for r in Parameter.objects.versions()}
    assert superseded[first.pk] is True and superseded[correction.pk] is False
