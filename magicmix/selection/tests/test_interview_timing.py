"""An interview is recorded as held (or missed) only once its slot has begun; the best N
candidates are invited into the first free slots at once."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.selection.models import CheckResult, Interview, Stage
from magicmix.testing import factories

from .helpers import open_intake, rubric, score

pytestmark = pytest.mark.django_db


def test_an_interview_cannot_be_held_before_its_slot(client: Client) -> None:
    intake = open_intake()
    rubric(intake)
    application, _ = factories.application(intake)
    staff = factories.user(intake.complex.organisation, Role.LETTING)
    later = timezone.now() + datetime.timedelta(days=2)
    interview = Interview.objects.create(application=application, starts_at=later)
    criterion = intake.rubric.criteria.get(stage="interview")
    client.force_login(staff)
    url = reverse("selection:interview", args=[interview.pk])
    for status in ("held", "no_show"):
        response = client.post(url, {"status": status, f"criterion_{criterion.pk}": "5"})
        assert response.status_code == 200
        assert "vóór dat moment kan het niet zijn gehouden" in response.text
    assert client.post(url, {"status": "cancelled"}).status_code == 302
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED


def test_the_best_candidates_fill_the_first_free_slots(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    intake = open_intake()
    rubric(intake)
    letting = factories.user(intake.complex.organisation, Role.LETTING)
    made = {}
    for name, points in [("Laag", 1), ("Hoog", 5), ("Midden", 3), ("Wacht", 5)]:
        made[name], _ = factories.application(intake, first_name=name)
        score(made[name], letting, points)
    made["Wacht"].check_result = CheckResult.PENDING  # not invited: its check is not finished
    made["Wacht"].save(update_fields=["check_result"])
    client.force_login(letting)
    day = timezone.localdate() + datetime.timedelta(days=7)
    plan = f"?day={day.isoformat()}&start=10:00&end=11:00&location=Gangkeuken"
    url = reverse("selection:interviews", args=[intake.pk]) + plan
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"top": "2"}).status_code == 302
    invited = {
        i.application.first_name: timezone.localtime(i.starts_at).strftime("%H:%M")
        for i in Interview.objects.select_related("application")
    }
    assert invited == {"Hoog": "10:00", "Midden": "10:10"}
    for application in made.values():
        application.refresh_from_db()
    assert made["Hoog"].stage == Stage.INTERVIEW and made["Laag"].stage == Stage.SUBMITTED
