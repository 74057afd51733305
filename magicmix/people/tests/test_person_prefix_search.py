"""The person search on SQLite: a word matches at the start of any word, from the FTS5 index
that triggers keep in step; PostgreSQL matches anywhere (test_person_search_index.py)."""

from __future__ import annotations

import pytest
from django.db import connection

from magicmix.people.models import Person
from magicmix.testing import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index is SQLite's"),
]


def _found(text: str) -> set[str]:
    return set(Person.objects.search(text).values_list("last_name", flat=True))


def test_a_word_matches_the_start_of_a_word_through_the_full_text_index() -> None:
    org = factories.organisation()
    vries = factories.person(org, first_name="Sanne", last_name="de Vries")
    factories.person(org, first_name="Noor", last_name="Bakker", email="noor@voorbeeld.nl")
    factories.person(org, first_name="José", last_name="Müller", external_reference="COA-7731")
    assert _found("vries") == {"de Vries"}
    assert _found("VRI sAN") == {"de Vries"}
    assert _found("ries") == set()  # inside a word: not a prefix
    assert _found("voorbeeld") == {"Bakker"}
    assert _found("jose muller") == {"Müller"}  # without accents
    assert _found("coa-77") == {"Müller"}
    assert _found('"') == set() and _found("-") == set()
    vries.last_name = "Jansen"
    vries.save()  # the update trigger re-indexes the row
    assert _found("vries") == set() and _found("jans") == {"Jansen"}
    Person.objects.filter(pk=vries.pk).update(last_name="Smit")  # and a bulk update
    assert _found("smit") == {"Smit"}
    sql, params = Person.objects.search("smit").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "VIRTUAL TABLE INDEX" in plan, plan
