"""Two systems letting the same unit through the API at the same moment: one tenancy, one 409.

On PostgreSQL only. The shared in-memory SQLite test database answers "table is locked" at
once to a read while another thread writes, and a whole API call reads outside a transaction
(the token, the person), which the API answers with a 500 before `together` could wait; a file
database waits (its busy timeout). The service itself is raced on SQLite too
(`tenancies/tests/test_concurrent_letting.py`)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from django.db import connection

from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories
from magicmix.testing.concurrency import together

from .conftest import ApiClient, issue

ROUNDS = 5

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="see the module docstring"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("sqlite_begin_waits"),
]


@pytest.mark.parametrize("end", [None, "2026-12-31"])
def test_concurrent_starts_on_one_unit_give_one_tenancy(end: str | None) -> None:
    corporation = factories.organisation()
    cluster = factories.cluster(factories.complex(corporation))
    secrets = [issue(corporation), issue(corporation)]
    for _ in range(ROUNDS):
        unit = factories.unit(cluster)
        persons = [factories.person(corporation), factories.person(corporation)]
        bodies = [
            {"unitId": unit.pk, "personId": p.pk, "startDate": "2025-01-01", "endDate": end}
            for p in persons
        ]
        calls: list[Callable[[], Any]] = [
            partial(ApiClient(secret).post, "/tenancies", body)
            for secret, body in zip(secrets, bodies, strict=True)
        ]
        statuses = sorted(response.status_code for response in together(calls))
        assert statuses == [201, 409]
        assert Tenancy.objects.filter(unit=unit).count() == 1
        assert Tenancy.objects.get(unit=unit).start_date == datetime.date(2025, 1, 1)
