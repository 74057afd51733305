import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.selection.models import ApplicationEvent, Interview, Stage, selection_score
from magicmix.selection.services.interviews import slots
from magicmix.testing import factories

from .helpers import open_intake, rubric, score

pytestmark = pytest.mark.django_db
DAY = timezone.localdate() + datetime.timedelta(days=14)
PLAN = {"day": DAY.isoformat(), "start": "10:00", "end": "11:00", "location": "Gangkeuken"}


def test_a_day_is_cut_into_ten_minute_slots() -> None:
    starts = slots(DAY, datetime.time(10), datetime.time(11, 5))
    assert [timezone.localtime(s).strftime("%H:%M") for s in starts] == [
        "10:00",
        "10:10",
        "10:20",
        "10:30",
        "10:40",
        "10:50",
    ]


def test_staff_invite_candidates_into_slots_by_email(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    intake = open_intake()
    rubric(intake)
    best, _ = factories.application(intake, first_name="Bo", email="bo@example.nl")
    other, _ = factories.application(intake, first_name="Ada")
    letting = factories.user(intake.complex.organisation, Role.LETTING)
    score(best, letting, 5)
    client.force_login(letting)
    url = reverse("selection:interviews", args=[intake.pk])
    page = client.get(url, PLAN)
    # Best score first in the choices of each slot.
    choices = [label for _, label in page.context["invite"].fields["slot_0"].choices]
    assert choices[1].startswith("Bo ") and choices[2].startswith("Ada ")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{url}?day={DAY}&start=10:00&end=11:00&location=Gangkeuken", {"slot_1": best.pk}
        )
    assert response.status_code == 302
    interview = Interview.objects.get()
    assert (
        interview.application,
        timezone.localtime(interview.starts_at).time(),
        interview.location,
    ) == (
        best,
        datetime.time(10, 10),
        "Gangkeuken",
    )
    best.refresh_from_db()
    assert (best.stage, best.public_status) == (Stage.INTERVIEW, "invited")
    assert best.events.first().kind == ApplicationEvent.Kind.INTERVIEW
    [message] = mail.outbox
    assert message.to == ["bo@example.nl"] and "10:10" in message.body
    # The slot is taken now, and Bo is no longer offered.
    again = client.get(url, PLAN)
    assert len(again.context["invite"].free) == 5
    assert [pk for pk, _ in again.context["invite"].fields["slot_0"].choices[1:]] == [str(other.pk)]


def test_one_candidate_in_two_slots_is_refused(client: Client) -> None:
    intake = open_intake()
    application, _ = factories.application(intake)
    client.force_login(factories.user(intake.complex.organisation, Role.LETTING))
    url = reverse("selection:interviews", args=[intake.pk])
    response = client.post(
        f"{url}?day={DAY}&start=10:00&end=11:00",
        {"slot_0": application.pk, "slot_1": application.pk},
    )
    assert response.status_code == 200 and not Interview.objects.exists()


def test_recording_points_and_summary_counts_in_the_selection_score(client: Client) -> None:
    intake = open_intake()
    rubric(intake)
    application, _ = factories.application(intake)
    staff = factories.user(intake.complex.organisation, Role.SOCIAL_MANAGER)
    score(application, staff, 4)  # 80 on the letter
    interview = Interview.objects.create(application=application, starts_at=timezone.now())
    criterion = intake.rubric.criteria.get(stage="interview")
    client.force_login(staff)
    url = reverse("selection:interview", args=[interview.pk])
    page = client.get(url)
    assert "nooit over inkomen, gezondheid of ondersteuning" in page.text
    missing = client.post(url, {"status": "held", "summary": "Enthousiast."})
    assert missing.status_code == 200
    response = client.post(
        url, {"status": "held", "summary": "Wil een kookclub.", f"criterion_{criterion.pk}": "5"}
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert (interview.status, interview.summary) == ("held", "Wil een kookclub.")
    assert list(interview.interviewers.all()) == [staff]
    # (2 × 0.8 + 1 × 0.5) / 3 = 0.7
    assert selection_score(application.pk) == Decimal("70.0")


@pytest.mark.parametrize(("same_org", "role"), [(False, Role.LETTING), (True, Role.RESIDENT_PANEL)])
def test_others_cannot_plan_or_record(client: Client, same_org: bool, role: str) -> None:
    intake = open_intake()
    application, _ = factories.application(intake)
    interview = Interview.objects.create(application=application, starts_at=timezone.now())
    org = intake.complex.organisation if same_org else factories.organisation()
    client.force_login(factories.user(org, role))
    assert client.get(reverse("selection:interviews", args=[intake.pk]), PLAN).status_code == 404
    assert client.get(reverse("selection:interview", args=[interview.pk])).status_code == 404


def test_social_management_records_but_does_not_plan(client: Client) -> None:
    intake = open_intake()
    application, _ = factories.application(intake)
    interview = Interview.objects.create(application=application, starts_at=timezone.now())
    client.force_login(factories.user(intake.complex.organisation, Role.SOCIAL_MANAGER))
    assert client.get(reverse("selection:interviews", args=[intake.pk])).status_code == 404
    assert client.get(reverse("selection:interview", args=[interview.pk])).status_code == 200
