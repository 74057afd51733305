import datetime

import pytest
from django.core import mail
from django.test import Client

from magicmix.rounds.models import Offer, Run
from magicmix.rounds.services import offers
from magicmix.selection.models import Stage

from .helpers import SITE, approved, link_of, scene

pytestmark = pytest.mark.django_db


def test_a_decline_offers_the_unit_to_the_next_candidate_and_keeps_the_others(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    s = scene(vacancies=2, students=3, statushouders=0)
    with django_capture_on_commit_callbacks(execute=True):
        round_ = approved(s)
    first, second = Offer.objects.filter(round=round_).order_by("unit__code")
    offers.accept(second, by=s.staff)
    link = link_of(next(m for m in mail.outbox if m.to == [first.application.email]).body)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"decline": "1", "reason": "Te ver van mijn werk."})
    first.refresh_from_db()
    assert (first.status, first.decline_reason) == (Offer.Status.DECLINED, "Te ver van mijn werk.")
    new = Offer.objects.get(round=round_, status=Offer.Status.PENDING)
    assert new.unit == first.unit and new.application not in (first.application, second.application)
    second.refresh_from_db()
    assert second.status == Offer.Status.ACCEPTED and second.run.number == 1
    assert round_.runs.filter(kind=Run.Kind.REFILL).count() == 1
    first.application.refresh_from_db()
    assert first.application.stage == Stage.NOT_SELECTED
    assert mail.outbox[-1].to == [new.application.email]


def test_an_expired_offer_moves_on_too() -> None:
    s = scene(vacancies=1, students=2, statushouders=0)
    round_ = approved(s)
    [offer] = Offer.objects.filter(round=round_)
    Offer.objects.filter(pk=offer.pk).update(deadline=datetime.date(2020, 1, 1))
    [new] = offers.expire_due(SITE)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.EXPIRED
    assert new.unit == offer.unit and new.application != offer.application
