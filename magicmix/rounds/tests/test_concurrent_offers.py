"""Every path that makes or answers an offer, run at the same moment as another: approving two
overlapping rounds, refilling after declines, staff and candidate answering one offer, and the
expiry job. Whatever the order, no unit has two open offers, no application two live offers,
and an applicant gets one tenancy and one person record."""

import datetime
from collections import Counter

import pytest
from django.db.models import Count

from magicmix.people.models import Person
from magicmix.rounds.models import Offer, Round
from magicmix.rounds.services import offers, runs
from magicmix.tenancies.models import Tenancy
from magicmix.testing.concurrency import together

from .helpers import SITE, approved, new_round, scene, work

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("sqlite_begin_waits"),
]


def assert_one_life() -> None:
    pending = Offer.objects.filter(status=Offer.Status.PENDING)
    assert not pending.values("unit").annotate(n=Count("id")).filter(n__gt=1).exists()
    live = Offer.objects.filter(status__in=[Offer.Status.PENDING, Offer.Status.ACCEPTED])
    assert not live.values("application").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert not Tenancy.objects.values("unit").annotate(n=Count("id")).filter(n__gt=1).exists()


def test_two_overlapping_rounds_approved_at_once_offer_each_unit_once() -> None:
    s = scene(vacancies=3, students=5, statushouders=0)
    one, two = new_round(s, title="Ronde 1"), new_round(s, title="Ronde 2")
    for round_ in (one, two):
        runs.start(round_)
    work()
    one, two = Round.objects.get(pk=one.pk), Round.objects.get(pk=two.pk)
    results = together(
        [lambda: offers.approve(one, s.staff, SITE), lambda: offers.approve(two, s.staff, SITE)]
    )
    made = [r for r in results if isinstance(r, list)]
    refused = [r for r in results if isinstance(r, offers.ProposalOutdated)]
    assert len(made) == 1 and len(made[0]) == 3 and len(refused) == 1, results
    assert refused[0].conflicts.units == ["A01", "A02", "A03"]
    assert Offer.objects.count() == 3
    assert Round.objects.filter(status=Round.Status.APPROVED).count() == 1
    assert_one_life()


def test_declines_at_once_refill_each_open_unit_once() -> None:
    s = scene(vacancies=2, students=6, statushouders=0)
    round_ = approved(s)
    first, second = Offer.objects.filter(round=round_).order_by("unit__code")
    results = together(
        [
            lambda: offers.decline(first, "Te klein.", SITE),
            lambda: offers.decline(second, "Te ver.", SITE, by=s.staff),
        ]
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    pending = Offer.objects.filter(round=round_, status=Offer.Status.PENDING)
    assert sorted(pending.values_list("unit__code", flat=True)) == ["A01", "A02"]
    declined = {first.application_id, second.application_id}
    assert not pending.filter(application_id__in=declined).exists()
    assert_one_life()


def test_refills_at_once_offer_the_open_units_once() -> None:
    s = scene(vacancies=3, students=6, statushouders=0)
    round_ = approved(s)
    Offer.objects.filter(round=round_).update(status=Offer.Status.DECLINED)
    results = together([lambda: offers.refill(round_, SITE) for _ in range(3)])
    assert sorted(len(r) for r in results) == [0, 0, 3], results
    assert Offer.objects.filter(round=round_, status=Offer.Status.PENDING).count() == 3
    assert_one_life()


def test_staff_and_candidate_answering_one_offer_at_once_give_one_answer() -> None:
    s = scene(vacancies=1, students=2, statushouders=0)
    [offer] = Offer.objects.filter(round=approved(s))
    results = together(
        [
            lambda: offers.accept(offer, by=s.staff),
            lambda: offers.accept(offer),
            lambda: offers.decline(offer, "Toch niet.", SITE),
        ]
    )
    kinds = Counter(type(r).__name__ for r in results)
    assert kinds["OfferClosed"] == 2, results
    offer.refresh_from_db()
    if offer.status == Offer.Status.ACCEPTED:
        assert Tenancy.objects.filter(unit=offer.unit).count() == 1
        assert Person.objects.filter(first_name=offer.application.first_name).count() == 1
    else:
        assert offer.status == Offer.Status.DECLINED
        assert not Tenancy.objects.filter(unit=offer.unit).exists()
    assert_one_life()


def test_the_expiry_job_and_a_late_decline_at_once_close_the_offer_once() -> None:
    s = scene(vacancies=1, students=3, statushouders=0)
    [offer] = Offer.objects.filter(round=approved(s))
    Offer.objects.filter(pk=offer.pk).update(deadline=datetime.date(2020, 1, 1))
    results = together(
        [
            lambda: offers.expire_due(SITE),
            lambda: offers.expire_due(SITE),
            lambda: offers.decline(offer, "Te laat, maar toch.", SITE),
        ]
    )
    assert all(not isinstance(r, Exception) or isinstance(r, offers.OfferClosed) for r in results)
    offer.refresh_from_db()
    assert offer.status in (Offer.Status.EXPIRED, Offer.Status.DECLINED)
    new = Offer.objects.get(status=Offer.Status.PENDING)
    assert new.unit == offer.unit and new.application != offer.application
    assert_one_life()
