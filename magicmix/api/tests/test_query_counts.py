"""The busy reads cost a fixed number of SQL statements, whatever the number of rows on the
page: each list is asked at two sizes, and the larger page must not cost more statements than
the smaller (the oracle), nor more than a fixed bound. Before the processing log fetched the
owners in one query, a round's candidates cost about five statements per candidate."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from magicmix.accounts.models import Organisation, Role
from magicmix.privacy.models import Processing
from magicmix.rounds.services import runs
from magicmix.rounds.tests.helpers import new_round, policy, scene, work
from magicmix.testing import factories

pytestmark = pytest.mark.django_db

# Statements of one call: the token, the memberships, the rows, the count, the log.
BOUND = 12
SIZES = (3, 25)
SCENE_ORGANISATIONS = ("De Woonstichting", "COA Test")


def _statements(api, path: str, rows: int, max_queries) -> int:
    api.get(path)  # the token's first use is written once; not part of the page
    with max_queries(BOUND), CaptureQueriesContext(connection) as captured:
        body = api.get(path, pageSize=100).json()
    assert len(body["results"]) == rows
    return len(captured)


def _at_two_sizes(make: Callable[[int], tuple[object, str, int]], max_queries) -> None:
    counts = []
    for size in SIZES:
        api, path, rows = make(size)
        counts.append(_statements(api, path, rows, max_queries))
    assert counts[1] <= counts[0], counts


def test_round_candidates_cost_the_same_for_5_and_27_candidates(
    api_as, django_assert_max_num_queries
):
    def make(students: int):
        # The scene names its organisations; the first scene's step aside for the second.
        for organisation in Organisation.objects.filter(name__in=SCENE_ORGANISATIONS):
            organisation.name += " (eerder)"
            organisation.save()
        s = scene(students=students)
        policy(s)
        round_ = new_round(s)
        runs.start(round_)
        work()
        return api_as(s.corporation, Role.LETTING), f"/rounds/{round_.pk}/candidates", students + 2

    _at_two_sizes(make, django_assert_max_num_queries)
    # Every candidate shown is still logged as read (the warm-up's default page of 20, then
    # all), on behalf of the corporation that holds the application.
    logged = Processing.objects.filter(subject_type="application", action="view")
    shown = [size + 2 for size in SIZES]
    assert logged.count() == sum(min(n, 20) + n for n in shown)
    holders = set(logged.values_list("organisation__name", flat=True))
    assert holders == {"De Woonstichting", "De Woonstichting (eerder)"}


def test_persons_cost_the_same_for_3_and_25_persons(api_as, django_assert_max_num_queries):
    def make(size: int):
        corporation = factories.organisation()
        for i in range(size):
            factories.person(corporation, last_name=f"Jansen{i:02}")
        return api_as(corporation, Role.LETTING), "/persons", size

    _at_two_sizes(make, django_assert_max_num_queries)


def test_units_cost_the_same_for_3_and_25_units(api_as, django_assert_max_num_queries):
    def make(size: int):
        corporation = factories.organisation()
        complex_ = factories.complex(corporation)
        gang = factories.cluster(complex_)
        for i in range(size):
            factories.unit(gang, code=f"B{i:02}")
        return api_as(corporation, Role.LETTING), f"/complexes/{complex_.pk}/units", size

    _at_two_sizes(make, django_assert_max_num_queries)
