"""Two requests letting the same unit at the same moment must never both succeed."""

import datetime
from functools import partial

import pytest

from magicmix.tenancies.models import Tenancy
from magicmix.tenancies.services import start_tenancy
from magicmix.testing import factories
from magicmix.testing.concurrency import together

ROUNDS = 5

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("sqlite_begin_waits"),
]


@pytest.mark.parametrize("end", [None, datetime.date(2026, 12, 31)])
def test_concurrent_lettings_of_one_unit_create_one_tenancy(end: datetime.date | None) -> None:
    org = factories.organisation()
    cluster = factories.cluster(factories.complex(org))
    for _ in range(ROUNDS):
        unit = factories.unit(cluster)
        persons = [factories.person(org), factories.person(org)]
        day = datetime.date(2025, 1, 1)
        results = together([partial(start_tenancy, unit, person, day, end) for person in persons])
        assert sorted(type(r).__name__ for r in results) == ["Tenancy", "UnitOccupied"]
        assert Tenancy.objects.filter(unit=unit).count() == 1
