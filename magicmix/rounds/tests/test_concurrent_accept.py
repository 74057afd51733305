"""Concurrent clicks on accept: never two tenancies or two accepted offers for a unit."""

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from magicmix.rounds.models import Offer, Round
from magicmix.rounds.services import offers
from magicmix.tenancies.models import Tenancy
from magicmix.tenancies.services import UnitHeld, UnitOccupied, start_tenancy
from magicmix.testing import factories
from magicmix.testing.concurrency import together

from .helpers import approved, new_round, scene

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("sqlite_begin_waits"),
]


def test_many_clicks_on_one_offer_make_one_tenancy() -> None:
    s = scene(vacancies=1, students=1, statushouders=0)
    round_ = approved(s)
    [offer] = Offer.objects.filter(round=round_)
    token = offer.application.issue_link()
    offer.application.save()
    url = reverse("rounds:offer", args=[token])
    responses = together(
        [lambda: Client().post(url, {"accept": "1"}).status_code for _ in range(4)]
    )
    assert responses == [302] * 4
    assert Tenancy.objects.filter(unit=offer.unit).count() == 1
    assert Offer.objects.filter(unit=offer.unit, status=Offer.Status.ACCEPTED).count() == 1


def test_the_database_refuses_a_second_open_offer_of_a_unit() -> None:
    """Two overlapping rounds used to offer one unit twice; now the database itself says no."""
    s = scene(vacancies=1, students=2, statushouders=0)
    first_round = approved(s)
    [first] = Offer.objects.filter(round=first_round)
    second_round = new_round(s, title="Ronde 2", status=Round.Status.APPROVED)
    other = next(a for a in s.applications if a != first.application)
    with pytest.raises(IntegrityError), transaction.atomic():
        Offer.objects.create(
            round=second_round,
            run=first.run,
            unit=first.unit,
            application=other,
            deadline=first.deadline,
        )


def test_an_accept_and_a_direct_letting_at_once_let_the_unit_to_the_candidate() -> None:
    """The open offer holds the unit: whichever comes first, the direct letting is refused
    (held, or let by then) and the candidate gets the unit."""
    s = scene(vacancies=1, students=2, statushouders=0)
    [offer] = Offer.objects.filter(round=approved(s))
    someone = factories.person(s.corporation, "student")
    results = together(
        [
            lambda: offers.accept(offer),
            lambda: start_tenancy(offer.unit, someone, offer.round.move_in),
        ]
    )
    accepted, letting = results
    assert isinstance(accepted, Offer) and isinstance(letting, UnitHeld | UnitOccupied), results
    assert Tenancy.objects.get(unit=offer.unit).person.first_name == offer.application.first_name
