"""The comparison page reads the indicators stored each night: its number of queries does not
grow with the number of complexes, and what it shows is what computing them now would give."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.housing.models import Complex
from magicmix.monitoring.indicators import Context
from magicmix.monitoring.ingredients.derived import concept_of, concepts_of
from magicmix.monitoring.ingredients.outcomes import outcomes
from magicmix.monitoring.models import Ingredients
from magicmix.monitoring.services import refresh_snapshots
from magicmix.testing import factories

pytestmark = pytest.mark.django_db

# The page's queries for a corporation's social manager: session, user and memberships (once:
# 24 queries when each scoping method and the menu read them again), the visible complexes,
# their concepts (8), the stored indicators and their date; none per complex.
MAX_QUERIES = 16


def _portfolio(size: int) -> tuple[Organisation, list[Complex]]:
    corporation = factories.organisation()
    complexes = []
    for n in range(size):
        complex_ = factories.complex(corporation, name=f"Complex {n:02}")
        gang = factories.cluster(complex_)
        # Complexes differ in size and mix, so a figure of one cannot pass for another's.
        groups = ["student"] * (5 + n) + ["statushouder"] * (5 + 2 * (n % 2))
        for i, group in enumerate(groups):
            person = factories.person(corporation, group, email=f"b{i}-{complex_.pk}@example.nl")
            factories.tenancy(factories.unit(gang), person, start_date=datetime.date(2024, 3, 1))
        factories.unit(gang)  # one empty unit
        factories.intake(complex_)
        Ingredients.objects.create(complex=complex_, contribution_hours=n)
        complexes.append(complex_)
    return corporation, complexes


@pytest.mark.parametrize("size", [2, 8])
def test_the_page_costs_the_same_queries_for_2_and_8_complexes(
    client: Client, django_assert_max_num_queries, size: int
) -> None:
    corporation, complexes = _portfolio(size)
    today = timezone.localdate()
    refresh_snapshots(complexes, today)
    client.force_login(factories.user(corporation, Role.SOCIAL_MANAGER))
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get("/monitoring/ingredients/")
    assert response.status_code == 200
    rows = {row.concept.complex.pk: row for row in response.context["rows"]}
    assert len(rows) == size
    for complex_ in complexes:
        # The stored outcomes are those computed now; the concept is the complex's own.
        live = outcomes(Context(complex_, today))
        shown = rows[complex_.pk].outcomes
        assert [(o.indicator.code, o.unit, o.point) for o in shown] == [
            (o.indicator.code, o.unit, o.point) for o in live
        ]
        assert rows[complex_.pk].concept == concept_of(complex_, today)


def test_concepts_of_many_complexes_are_each_complexs_own() -> None:
    _corporation, complexes = _portfolio(3)
    today = timezone.localdate()
    together = concepts_of(complexes, today)
    for complex_ in complexes:
        alone = concept_of(complex_, today)
        assert together[complex_.pk] == alone
    sizes = [together[c.pk].size for c in complexes]
    assert sizes == [11, 14, 13]  # residents + the empty unit
    assert [together[c.pk].share_supporting for c in complexes] == [50, 46, 58]
