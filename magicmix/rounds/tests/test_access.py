import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.rounds.models import Offer
from magicmix.testing import factories

from .helpers import approved, scene

pytestmark = pytest.mark.django_db


def test_other_organisations_and_non_letting_roles_get_404(client: Client) -> None:
    s = scene()
    round_ = approved(s)
    offer = Offer.objects.filter(round=round_).first()
    assert offer is not None
    urls = [
        reverse("rounds:round_detail", args=[round_.pk]),
        reverse("rounds:round_progress", args=[round_.pk]),
        reverse("rounds:justification_csv", args=[round_.pk]),
        reverse("rounds:policy", args=[s.complex.pk]),
        reverse("rounds:round_create", args=[s.complex.pk]),
    ]
    for outsider in (factories.user(), factories.user(s.corporation, Role.SOCIAL_MANAGER)):
        client.force_login(outsider)
        for url in urls:
            assert client.get(url).status_code == 404, url
        assert client.post(reverse("rounds:round_approve", args=[round_.pk])).status_code == 404
        assert (
            client.post(
                reverse("rounds:offer_answer", args=[offer.pk]), {"answer": "accept"}
            ).status_code
            == 404
        )
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PENDING


def test_the_private_link_shows_only_that_candidates_offer(client: Client) -> None:
    s = scene()
    round_ = approved(s)
    first, second = Offer.objects.filter(round=round_)[:2]
    token = first.application.issue_link()
    first.application.save()
    page = client.get(reverse("rounds:offer", args=[token])).content.decode()
    assert first.unit.code in page and first.application.first_name in page
    assert second.application.first_name not in page
    assert client.get(reverse("rounds:offer", args=["not-a-token"])).status_code == 404
