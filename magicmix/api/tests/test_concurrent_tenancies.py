"""Two systems letting the same unit through the API at the same moment: one tenancy, one 409."""

from __future__ import annotations

import datetime
from functools import partial

import pytest

from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories
from magicmix.testing.concurrency import together

from .conftest import ApiClient, issue

ROUNDS = 5

pytestmark = [
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
        calls = [
            partial(ApiClient(secret).post, "/tenancies", body)
            for secret, body in zip(secrets, bodies, strict=True)
        ]
        statuses = sorted(response.status_code for response in together(calls))
        assert statuses == [201, 409]
        assert Tenancy.objects.filter(unit=unit).count() == 1
        assert Tenancy.objects.get(unit=unit).start_date == datetime.date(2025, 1, 1)
