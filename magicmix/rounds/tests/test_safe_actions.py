"""Approving (which sends e-mails), recording a candidate's answer and removing a bound ask for
confirmation first, and nothing is chosen for the user beforehand."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from magicmix.rounds.models import Offer, PolicyBound
from magicmix.rounds.services import runs

from .helpers import approved, new_round, policy, scene, work

pytestmark = pytest.mark.django_db


def test_approving_first_says_how_many_offers_and_e_mails_go_out(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    s = scene(vacancies=3, students=3, statushouders=0)
    s.applications[0].email = ""
    s.applications[0].save()
    round_ = new_round(s)
    runs.start(round_)
    work()
    client.force_login(s.staff)
    url = reverse("rounds:round_approve", args=[round_.pk])
    detail = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    assert f'href="{url}"' in detail  # a link to the question, not a button that sends
    asked = client.get(url).content.decode()
    assert "3 aanbiedingen worden gedaan en 2 e-mails verstuurd" in asked
    assert "1 kandidaat heeft geen e-mailadres" in asked
    assert "Ja, 3 aanbiedingen versturen" in asked
    assert not Offer.objects.exists() and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"confirmed": "1"})
    assert Offer.objects.count() == 3 and len(mail.outbox) == 2


def test_recording_an_answer_has_no_default_and_is_confirmed(client: Client) -> None:
    s = scene(vacancies=1, students=1, statushouders=0)
    round_ = approved(s)
    [offer] = Offer.objects.filter(round=round_)
    client.force_login(s.staff)
    detail = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    assert '<option value="" selected>kies het antwoord</option>' in detail
    url = reverse("rounds:offer_answer", args=[offer.pk])
    nothing = client.post(url, {"answer": "", "reason": ""}, follow=True).content.decode()
    assert "Kies het antwoord dat de kandidaat gaf." in nothing
    asked = client.post(url, {"answer": "accept", "reason": ""}).content.decode()
    assert f"{offer.application.full_name} woning A01 aanvaardt?" in asked
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PENDING
    client.post(url, {"answer": "accept", "reason": "", "confirmed": "1"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ACCEPTED and offer.answered_by == s.staff


def test_removing_a_bound_is_asked_first(client: Client) -> None:
    s = scene()
    bound = policy(s)
    client.force_login(s.staff)
    url = reverse("rounds:bound_delete", args=[s.complex.pk, bound.pk])
    asked = client.post(url).content.decode()
    assert "Deze grens verwijderen?" in asked and "≥ 1" in asked
    assert PolicyBound.objects.filter(pk=bound.pk).exists()
    client.post(url, {"confirmed": "1"})
    assert not PolicyBound.objects.filter(pk=bound.pk).exists()
