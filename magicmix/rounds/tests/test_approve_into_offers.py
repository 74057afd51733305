import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from magicmix.rounds.models import Offer, Round
from magicmix.rounds.services import runs
from magicmix.selection.models import Application, ApplicationEvent, Stage

from .helpers import new_round, policy, scene, work

pytestmark = pytest.mark.django_db


def test_staff_create_a_round_follow_it_review_and_approve_once(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    s = scene()
    policy(s)
    client.force_login(s.staff)
    response = client.post(
        reverse("rounds:round_create", args=[s.complex.pk]),
        {
            "title": "Voorjaar",
            "intake": s.intake.pk,
            "units": [u.pk for u in s.units],
            "mode": "priority",
            "ranking_rule": "urgency,selection_score,registration_date,lottery_number",
            "seed": "7",
            "move_in": "2030-01-01",
            "offer_days": "7",
        },
    )
    round_ = Round.objects.get(title="Voorjaar")
    assert response.status_code == 302 and round_.status == Round.Status.QUEUED
    page = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page
    work()
    progress = client.get(reverse("rounds:round_progress", args=[round_.pk]))
    assert progress["HX-Refresh"] == "true"
    page = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    assert "Geplaatst in woning A01" in page
    assert "Prijs van de mix" in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("rounds:round_approve", args=[round_.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(reverse("rounds:round_approve", args=[round_.pk]), follow=True)
    assert "al goedgekeurd" in again.content.decode()
    assert Offer.objects.filter(round=round_).count() == 3
    # Three offers, and the two candidates without a unit are told why (issue 9).
    subjects = sorted(m.subject for m in mail.outbox)
    assert (
        subjects
        == ["Deze ronde geen woning voor u bij Startblok Test"] * 2
        + ["Een woningaanbod voor u in Startblok Test"] * 3
    )
    offered = Application.objects.filter(stage=Stage.OFFERED)
    assert offered.count() == 3
    assert ApplicationEvent.objects.filter(to_stage=Stage.OFFERED).count() == 3


def test_an_override_needs_a_reason_and_is_logged(client: Client) -> None:
    s = scene()
    round_ = new_round(s)
    runs.start(round_)
    work()
    run = round_.latest_run()
    assert run is not None
    last = run.outcomes.order_by("-position").first()
    assert last is not None and last.unit is None
    client.force_login(s.staff)
    url = reverse("rounds:round_override", args=[round_.pk])
    refused = client.post(url, {"unit": s.units[0].pk, "candidate": last.pk, "reason": ""})
    assert refused.status_code == 200 and not run.overrides.exists()
    client.post(
        url,
        {"unit": s.units[0].pk, "candidate": last.pk, "reason": "Urgent: brand in vorige woning."},
    )
    last.refresh_from_db()
    assert last.unit == s.units[0]
    [override] = run.overrides.all()
    assert (override.by, override.reason) == (s.staff, "Urgent: brand in vorige woning.")
    assert run.outcomes.filter(unit=s.units[0]).count() == 1
