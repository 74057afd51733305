"""The policy page names every bound's group or partner from two lookups, not one per bound."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation
from magicmix.people.models import TargetGroup
from magicmix.rounds.models import Dimension, MixPolicy, PolicyBound
from magicmix.testing import factories

from .helpers import scene

pytestmark = pytest.mark.django_db
QUERIES = 31  # 32 with one pair and 46 with eight before the names were read once


@pytest.mark.parametrize("pairs", [1, 8])
def test_the_policy_page_reads_the_same_whatever_the_number_of_bounds(
    client: Client, pairs: int, django_assert_max_num_queries: object
) -> None:
    s = scene()
    policy = MixPolicy.objects.create(complex=s.complex)
    groups = list(TargetGroup.objects.filter(organisation=s.complex.organisation)[:pairs])
    partners = [
        factories.organisation(Organisation.Kind.PARTNER, name=f"Partner {i}") for i in range(pairs)
    ]
    for group, partner in zip(groups, partners, strict=False):
        for dimension, value in ((Dimension.GROUP, group.code), (Dimension.PARTNER, partner.pk)):
            PolicyBound.objects.create(
                policy=policy, dimension=dimension, value=str(value), maximum=Decimal(99)
            )
    client.force_login(s.staff)
    with django_assert_max_num_queries(QUERIES):  # type: ignore[operator]
        page = client.get(reverse("rounds:policy", args=[s.complex.pk])).content.decode()
    for group, partner in zip(groups, partners, strict=False):
        assert f": {group.name}</td>" in page
        assert f": {partner.name}</td>" in page
