"""On PostgreSQL the person search can be served by the trigram index: a word inside a name,
e-mail or reference is found without reading every person."""

import pytest
from django.db import connection

from magicmix.people.models import Person
from magicmix.testing import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's"),
]


def test_the_search_uses_the_trigram_index_and_finds_a_word_inside_a_name() -> None:
    org = factories.organisation()
    factories.person(org, last_name="van der Berghuis", email="k@voorbeeld.nl")
    factories.person(org, last_name="Jansen")
    found = Person.objects.search("berghu")
    with connection.cursor() as cursor:
        # Too few rows for the planner to prefer an index on its own: forbid reading the table
        # or walking a B-tree whole, which leaves the bitmap scan a GIN index gives.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        sql, params = found.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "person_search_text_trigram" in plan, plan
    assert [p.last_name for p in found] == ["van der Berghuis"]
