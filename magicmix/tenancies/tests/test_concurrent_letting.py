"""Two requests letting the same unit at the same moment must never both succeed."""

import datetime
import threading
import time
from collections.abc import Callable

import pytest
from django.db import OperationalError, connection

from magicmix.tenancies.models import Tenancy
from magicmix.tenancies.services import UnitOccupied, start_tenancy
from magicmix.testing import factories

ROUNDS = 5


def _waiting_for_sqlite_lock(call: Callable[[], object]) -> None:
    """Call, waiting while another thread holds SQLite's write lock.

    The in-memory test database shares one cache between threads, where a second
    BEGIN IMMEDIATE fails at once ("table is locked") instead of waiting for the lock as a
    file database does (its busy timeout); this loop is that wait. PostgreSQL waits itself.
    """
    deadline = time.monotonic() + 10
    while True:
        try:
            call()
            return
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("end", [None, datetime.date(2026, 12, 31)])
def test_concurrent_lettings_of_one_unit_create_one_tenancy(end: datetime.date | None) -> None:
    org = factories.organisation()
    cluster = factories.cluster(factories.complex(org))
    for _ in range(ROUNDS):
        unit = factories.unit(cluster)
        persons = [factories.person(org), factories.person(org)]
        start = threading.Barrier(len(persons))
        outcomes: list[str] = []

        def let(person, unit=unit, start=start, outcomes=outcomes) -> None:
            try:
                start.wait()
                _waiting_for_sqlite_lock(
                    lambda: start_tenancy(unit, person, datetime.date(2025, 1, 1), end)
                )
                outcomes.append("let")
            except UnitOccupied:
                outcomes.append("occupied")
            except Exception as error:
                outcomes.append(repr(error))
            finally:
                connection.close()

        threads = [threading.Thread(target=let, args=(person,)) for person in persons]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["let", "occupied"]
        assert Tenancy.objects.filter(unit=unit).count() == 1
