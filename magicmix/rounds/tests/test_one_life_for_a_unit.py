"""A unit is free, reserved, let or occupied; rounds offer only free units, and a proposal
computed before another round took its units or candidates is refused by name."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format

from magicmix.rounds.availability import UnitState, states
from magicmix.rounds.models import Offer, Round
from magicmix.rounds.services import offers, runs
from magicmix.selection.models import Stage
from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories

from .helpers import SITE, approved, link_of, new_round, scene, work

pytestmark = pytest.mark.django_db

DAY = datetime.date(2030, 3, 1)


def test_the_four_states_of_a_unit_on_a_day() -> None:
    s = scene(vacancies=4, students=1, statushouders=0)
    free, reserved, let, occupied = s.units
    round_ = approved(s, move_in=DAY)
    Offer.objects.filter(round=round_).update(unit=reserved)
    person = factories.person(s.corporation)
    factories.tenancy(let, person, start_date=DAY + datetime.timedelta(days=30))
    factories.tenancy(occupied, person, start_date=DAY - datetime.timedelta(days=30))
    assert states(s.units, DAY) == {
        free.pk: UnitState.FREE,
        reserved.pk: UnitState.RESERVED,
        let.pk: UnitState.LET,
        occupied.pk: UnitState.OCCUPIED,
    }
    # A tenancy that ends before the day leaves the unit free on it.
    factories.tenancy(
        free,
        person,
        start_date=DAY.replace(year=2029),
        end_date=DAY.replace(day=1) - datetime.timedelta(days=1),
    )
    assert states([free], DAY)[free.pk] == UnitState.FREE


def listed(page: str, marked: str = "") -> set[int]:
    """The units offered on the round form (`marked`: only those matching it too)."""
    return {int(pk) for pk in re.findall(r'name="units" value="(\d+)"' + marked, page)}


def test_the_round_form_lists_only_units_free_on_the_start_date(client: Client) -> None:
    s = scene(vacancies=3, students=1, statushouders=0)
    first, second, third = s.units
    factories.tenancy(
        second, factories.person(s.corporation), start_date=DAY + datetime.timedelta(days=10)
    )
    client.force_login(s.staff)
    url = reverse("rounds:round_create", args=[s.complex.pk])
    page = client.get(url, {"move_in": DAY.isoformat()}).content.decode()
    assert listed(page) == {first.pk, third.pk}
    # Before the new tenant comes, the unit is free for a round whose tenancies start earlier?
    # No: an open-ended tenancy from that earlier day would run into the new tenant's.
    earlier = client.get(url, {"move_in": "2030-01-01"}).content.decode()
    assert second.pk not in listed(earlier)
    refused = client.post(
        url,
        {
            "title": "Te laat",
            "intake": s.intake.pk,
            "units": [first.pk, second.pk],
            "mode": "priority",
            "ranking_rule": "urgency,selection_score,registration_date,lottery_number",
            "seed": "0",
            "move_in": DAY.isoformat(),
            "offer_days": "7",
        },
    )
    assert refused.status_code == 200
    assert (
        "Niet vrij op 1 maart 2030: A02 (verhuurd aan een nieuwe huurder)"
        in refused.content.decode()
    )
    assert not Round.objects.filter(title="Te laat").exists()
    # "Choose all free units" ticks the free ones only and keeps what was typed.
    chosen = client.get(
        url, {"move_in": DAY.isoformat(), "title": "Alles", "all_units": "1"}
    ).content.decode()
    assert listed(chosen, r"[^>]*checked") == {first.pk, third.pk}
    assert 'value="Alles"' in chosen


def test_a_second_round_computed_before_the_first_was_approved_is_refused_then_rerun(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    s = scene(vacancies=3, students=4, statushouders=0)
    one = new_round(s, title="Ronde 1")
    two = new_round(s, title="Ronde 2")
    two.units.set(s.units[1:])
    runs.start(one)
    runs.start(two)
    work()
    with django_capture_on_commit_callbacks(execute=True):
        assert len(offers.approve(Round.objects.get(pk=one.pk), s.staff, SITE)) == 3
    two.refresh_from_db()
    with pytest.raises(offers.ProposalOutdated) as refused:
        offers.approve(two, s.staff, SITE)
    assert refused.value.conflicts.units == ["A02", "A03"]
    assert len(refused.value.conflicts.candidates) == 2
    two.refresh_from_db()
    assert two.status == Round.Status.DONE and not two.offers.exists()
    client.force_login(s.staff)
    page = client.post(reverse("rounds:round_approve", args=[two.pk]), follow=True)
    text = page.content.decode()
    assert "Er is niets verstuurd" in text and "A02, A03" in text
    assert "Dit voorstel is verouderd" in text
    client.post(reverse("rounds:round_rerun", args=[two.pk]))
    work()
    two.refresh_from_db()
    run = two.latest_run()
    assert run is not None and run.number == 2
    assert not run.outcomes.filter(unit__isnull=False).exists()  # no unit left free
    with django_capture_on_commit_callbacks(execute=True):
        assert offers.approve(two, s.staff, SITE) == []
    two.refresh_from_db()
    assert two.status == Round.Status.APPROVED
    offer_mails = [m for m in mail.outbox if m.subject.startswith("Een woningaanbod")]
    assert Offer.objects.count() == 3 and len(offer_mails) == 3
    assert sorted(Offer.objects.values_list("unit__code", flat=True)) == ["A01", "A02", "A03"]
    # The first version is still there to read.
    old = client.get(reverse("rounds:round_detail", args=[two.pk]), {"version": 1})
    assert "Voorstel: 2 van 2 woningen" in old.content.decode()


def test_an_earlier_offer_link_keeps_working_after_a_later_offer(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    s = scene(vacancies=2, students=1, statushouders=0)
    with django_capture_on_commit_callbacks(execute=True):
        round_ = approved(s)
    [first] = Offer.objects.filter(round=round_)
    first_link = link_of(mail.outbox[0].body)
    # The unit is let otherwise meanwhile: accepting withdraws the offer, the candidate stays.
    factories.tenancy(first.unit, factories.person(s.corporation), start_date=round_.move_in)
    answer = client.post(first_link, {"accept": "1"}, follow=True)
    assert "niet meer beschikbaar" in answer.content.decode()
    first.refresh_from_db()
    first.application.refresh_from_db()
    assert first.status == Offer.Status.WITHDRAWN
    assert first.application.stage == Stage.SHORTLISTED
    with django_capture_on_commit_callbacks(execute=True):
        [second] = offers.refill(round_, SITE)
    assert second.application == first.application and second.unit != first.unit
    second_link = link_of(mail.outbox[-1].body)
    assert second_link != first_link
    old = client.get(first_link)
    assert old.status_code == 200 and "ingetrokken" in old.content.decode()
    new = client.get(second_link)
    assert new.status_code == 200 and "Ik aanvaard dit aanbod" in new.content.decode()
    # The application's own link opens the latest offer.
    by_application = client.get(reverse("rounds:offer", args=[s.tokens[first.application.pk]]))
    assert second.unit.code in by_application.content.decode()


def test_a_unit_with_an_open_offer_is_not_let_directly(client: Client) -> None:
    """The offer is a promise with a deadline: letting the unit past it is refused by name
    until the candidate declined; then the unit can be let."""
    s = scene(vacancies=1, students=1, statushouders=0)
    round_ = approved(s, move_in=DAY, title="Voorjaar")
    [offer] = round_.offers.all()
    other = factories.person(s.corporation)
    client.force_login(s.staff)
    url = reverse("tenancies:start", args=[other.pk])
    letting = {"unit": offer.unit_id, "start_date": DAY.isoformat()}
    page = client.post(url, letting).content.decode()
    deadline = date_format(offer.deadline, "j F Y")
    assert (
        f"Eenheid A01 is aangeboden aan een kandidaat in ronde “Voorjaar” tot {deadline}." in page
    )
    assert not Tenancy.objects.filter(person=other).exists()
    offers.decline(offer, "Te ver weg.", SITE)
    assert client.post(url, letting).status_code == 302
    assert Tenancy.objects.get(person=other).unit_id == offer.unit_id


def test_direct_letting_lists_only_units_a_round_would_list(client: Client) -> None:
    """The direct-letting form offers the units free from today by the rule the round form
    uses: not the one an open offer holds, nor one with a tenant coming."""
    s = scene(vacancies=3, students=1, statushouders=0)
    round_ = approved(s, move_in=DAY, title="Voorjaar")
    [offer] = round_.offers.all()
    coming = next(unit for unit in s.units if unit.pk != offer.unit_id)
    factories.tenancy(coming, factories.person(s.corporation), start_date=DAY)
    [free] = [unit for unit in s.units if unit.pk not in (offer.unit_id, coming.pk)]
    client.force_login(s.staff)
    url = reverse("tenancies:start", args=[factories.person(s.corporation).pk])

    def offered() -> set[int]:
        choices = client.get(url).context["form"].fields["unit"].choices
        return {pk for _complex, units in choices[1:] for pk, _label in units}

    assert offered() == {free.pk}
    offers.decline(offer, "Te ver weg.", SITE)
    assert offered() == {free.pk, offer.unit_id}
