"""On PostgreSQL a search is served by the trigram index, and a page of it sorts the matches:
reading every person, or walking the name index until a page is full, grows with the portfolio
(bench/api/RESULTS.md). The persons here are enough for the planner to weigh them."""

import datetime
from typing import Any

import pytest
from django.db import connection
from django.db.models import QuerySet

from magicmix.accounts.models import Organisation
from magicmix.people.models import Person
from magicmix.testing import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's"),
]

PERSONS = 20_000
PAGE = 51  # what people.paging asks for a page of fifty


def _plan(rows: QuerySet[Person, Any]) -> str:
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _organisation(late_every: int = 0) -> Organisation:
    """Many persons, with names early in the alphabet except every `late_every`th one."""
    org = factories.organisation()
    first = factories.person(org, last_name="van 't Houteveen", email="h@voorbeeld.nl")
    Person.objects.bulk_create(
        Person(
            organisation=org,
            target_group=first.target_group,
            role=first.role,
            first_name=f"Voornaam{n % 500}",
            last_name=f"Zwart{n}" if late_every and n % late_every == 0 else f"Naam{n % 1000}",
            email=f"persoon{n}@voorbeeld.nl",
            date_of_birth=datetime.date(2000, 1, 1),
            registration_date=datetime.date(2024, 1, 1),
        )
        for n in range(PERSONS)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE people_person")
    return org


def test_a_rare_word_and_a_word_that_matches_nobody_are_found_through_the_trigram_index() -> None:
    """The index serves the search expression exactly. Whether the planner prefers it here
    depends on statistics this test cannot fix: the rows are inserted in the test's transaction,
    so they sit in the GIN index's pending list, which VACUUM would flush (a full run chose a
    scan of the table once, and of the organisation index once). So the plan is read with the
    table scan priced out and nothing else to choose from; the planner's own choice at 100,000
    and 1,000,000 persons is measured in bench/api/RESULTS.md."""
    org = _organisation()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    for word in ("houteveen", "xqzwy"):
        plan = _plan(Person.objects.search(word).order_by().values("pk"))
        assert "person_search_text_trigram" in plan, plan
        assert "Seq Scan on people_person" not in plan, plan
    found = Person.objects.filter(organisation=org).search("HOUTE")
    assert [p.last_name for p in found] == ["van 't Houteveen"]


def test_a_page_of_a_search_sorts_its_matches_instead_of_walking_the_name_index() -> None:
    org = _organisation(late_every=10)
    searched = Person.objects.filter(organisation=org).search("zwart").by_name()
    # Matches are common, so walking the name index looks cheap; but they all lie at its end.
    plan = _plan(searched.values("pk")[:PAGE])
    assert "using person_search " not in plan, plan
    # The same order as the name index gives, computed apart from the search.
    expected = list(
        Person.objects.filter(organisation=org, last_name__startswith="Zwart")
        .order_by("last_name", "first_name", "pk")
        .values_list("pk", flat=True)
    )
    assert list(searched.values_list("pk", flat=True)) == expected
    assert len(expected) == PERSONS // 10


def test_a_two_letter_word_has_no_trigrams_and_keeps_the_name_index_order() -> None:
    """A word of two letters matches many persons: walking the name index suits it, so the page
    is ordered by the plain columns the index holds. (Which plan the planner then picks for rows
    inserted in a test's transaction depends on statistics; the SQL does not.)"""
    org = factories.organisation()
    searched = Person.objects.filter(organisation=org).search("aa").by_name()
    plain = Person.objects.filter(organisation=org).order_by("last_name", "first_name", "pk")

    def order_of(rows: QuerySet[Person, Any]) -> str:
        return str(rows.values("pk").query).rsplit("ORDER BY", 1)[1]

    assert order_of(searched) == order_of(plain)
