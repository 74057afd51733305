"""The page reads a fixed number of queries, however large the complex and the database."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from magicmix.accounts.models import Organisation, Role
from magicmix.testing import factories

from .conftest import build

pytestmark = pytest.mark.django_db

MAX_QUERIES = 18  # the protected page reads all its month ends in four more


def queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", [Role.LETTING, Role.POLICY_OFFICER])
def test_queries_do_not_grow_with_the_complex(client: Client, corporation, role) -> None:
    small = build(corporation, floors=1, gangs_per_floor=1, units_per_gang=3)
    large = build(
        corporation, floors=4, gangs_per_floor=7, units_per_gang=20
    )  # 560 units, 28 gangs
    # Persons elsewhere in the database change nothing either.
    build(factories.organisation(), floors=1, gangs_per_floor=2, units_per_gang=10)
    if role == Role.LETTING:
        member = factories.user(corporation, role)
    else:
        municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
        factories.partner(small.complex, municipality)
        factories.partner(large.complex, municipality)
        member = factories.user(municipality, role)
    client.force_login(member)

    counts = [queries(client, f"/complexes/{b.complex.pk}/mix/") for b in (small, large)]
    assert counts[0] == counts[1] <= MAX_QUERIES
