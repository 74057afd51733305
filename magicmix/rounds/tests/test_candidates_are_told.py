"""Candidates hear of every step: not placed (with the reason), a reminder before the deadline
with a link that works, and a confirmation after accepting, declining, expiry or withdrawal."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.rounds.models import Offer
from magicmix.rounds.services import offers

from .helpers import SITE, approved, link_of, scene

pytestmark = pytest.mark.django_db


def mails_to(email: str) -> list:
    return [m for m in mail.outbox if m.to == [email]]


def test_a_candidate_without_a_unit_is_told_why(django_capture_on_commit_callbacks) -> None:
    s = scene(vacancies=1, students=2, statushouders=0)
    with django_capture_on_commit_callbacks(execute=True):
        round_ = approved(s)
    [offer] = Offer.objects.filter(round=round_)
    other = next(a for a in s.applications if a != offer.application)
    [told] = mails_to(other.email)
    assert told.subject == "Deze ronde geen woning voor u bij Startblok Test"
    outcome = round_.latest_run().outcomes.get(application=other)
    assert outcome.explanation[0]["nl"] in told.body
    assert "blijft meedingen" in told.body


def test_a_reminder_before_the_deadline_comes_once_with_a_working_link(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    s = scene(vacancies=1, students=1, statushouders=0)
    with django_capture_on_commit_callbacks(execute=True):
        round_ = approved(s)
    [offer] = Offer.objects.filter(round=round_)
    first_link = link_of(mail.outbox[-1].body)
    today = timezone.localdate()
    Offer.objects.filter(pk=offer.pk).update(deadline=today + datetime.timedelta(days=3))
    assert offers.remind_due(SITE, today) == []  # three days ahead: not yet
    Offer.objects.filter(pk=offer.pk).update(deadline=today + datetime.timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        out = io.StringIO()
        call_command("remind_offers", site=SITE, stdout=out)
        assert out.getvalue() == "1 reminders\n"
        assert offers.remind_due(SITE, today) == []  # once only
    [reminder] = [m for m in mails_to(offer.application.email) if "Herinnering" in m.subject]
    reminder_link = link_of(reminder.body)
    assert reminder_link != first_link
    for link in (first_link, reminder_link):
        assert "Ik aanvaard dit aanbod" in client.get(link).content.decode()
    offer.refresh_from_db()
    assert offer.reminded_at is not None
    client.force_login(s.staff)
    page = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    assert "herinnerd op" in page


def test_accept_decline_expiry_and_withdrawal_are_confirmed(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    s = scene(vacancies=4, students=4, statushouders=0)
    with django_capture_on_commit_callbacks(execute=True):
        round_ = approved(s)
    taker, decliner, late, leaver = Offer.objects.filter(round=round_).order_by("unit__code")
    with django_capture_on_commit_callbacks(execute=True):
        offers.accept(taker)
        offers.decline(decliner, "Te klein.", SITE)
        Offer.objects.filter(pk=late.pk).update(deadline=datetime.date(2020, 1, 1))
        leaver.application.withdraw("Elders gevonden.")
        offers.expire_due(SITE)
    subjects = {
        offer.application.email: [m.subject for m in mails_to(offer.application.email)][-1]
        for offer in (taker, decliner, late, leaver)
    }
    assert subjects == {
        taker.application.email: "U hebt uw aanbod bij Startblok Test aanvaard",
        decliner.application.email: "Uw afwijzing van het aanbod bij Startblok Test",
        late.application.email: "Uw aanbod bij Startblok Test is verlopen",
        leaver.application.email: "Uw aanbod bij Startblok Test is ingetrokken",
    }
    leaver.refresh_from_db()
    assert leaver.status == Offer.Status.WITHDRAWN
    [body] = [m.body for m in mails_to(leaver.application.email) if "ingetrokken" in m.subject]
    assert "U hebt uw aanvraag ingetrokken" in body
    client.force_login(s.staff)
    page = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    assert page.count("door de kandidaat") == 2  # the accept and the decline
