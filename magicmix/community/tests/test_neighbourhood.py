"""Neighbour complaints with their handling time, buurtklankbordgroep meetings, and how many
neighbours came to the activities open to them."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.housing.models import Complex

from ..models import Activity, Incident, NeighbourhoodMeeting
from ..models.neighbourhood import handling_days, median_handling_days
from .scene import scene

pytestmark = pytest.mark.django_db
D = datetime.date


def _complaint(complex_: Complex, received: D, closed: D | None) -> Incident:
    return Incident.objects.create(
        complex=complex_,
        occurred_on=received,
        closed_on=closed,
        kind=Incident.Kind.NEIGHBOUR_COMPLAINT,
        severity=1,
        description="Fietsen op de stoep",
    )


def test_handling_time_in_days_over_month_and_leap_day() -> None:
    s = scene()
    over_leap = _complaint(s.complex, D(2024, 2, 27), D(2024, 3, 1))  # 28, 29 Feb, 1 Mar
    same_day = _complaint(s.complex, D(2024, 5, 6), D(2024, 5, 6))
    slow = _complaint(s.complex, D(2024, 1, 31), D(2024, 3, 1))
    still_open = _complaint(s.complex, D(2024, 6, 1), None)
    assert [handling_days(i) for i in (over_leap, same_day, slow, still_open)] == [3, 0, 30, None]
    assert median_handling_days([over_leap, same_day, slow, still_open]) == 3


def test_the_neighbourhood_page_and_a_meeting(client: Client) -> None:
    s = scene()
    today = timezone.localdate()
    _complaint(s.complex, today - datetime.timedelta(days=10), today - datetime.timedelta(days=6))
    _complaint(s.complex, today - datetime.timedelta(days=400), today)  # over a year ago
    for neighbours, open_ in ((12, True), (7, True), (30, False)):
        Activity.objects.create(
            complex=s.complex,
            title="Buurtbarbecue",
            kind="neighbourhood",
            day=today - datetime.timedelta(days=20),
            starts_at=datetime.time(17),
            place="Tuin",
            open_to_neighbourhood=open_,
            neighbours_came=neighbours,
        )
    client.force_login(s.manager)
    url = reverse("community:neighbourhood", args=[s.complex.pk])
    page = client.get(url).content.decode()
    assert "2 activiteiten open voor de buurt, 19 buurtbewoners kwamen" in page
    assert "Mediane afhandeltijd: 4 dagen." in page
    response = client.post(
        reverse("community:meeting_create", args=[s.complex.pk]),
        {
            "held_on": "2025-03-12",
            "organisations": "Gemeente: 2\nPolitie: 1",
            "neighbours_came": 9,
            "agreements": "Fietsen in de stalling",
        },
    )
    assert response.status_code == 302
    meeting = NeighbourhoodMeeting.objects.get()
    assert (meeting.neighbours_came, meeting.recorded_by) == (9, s.manager)
    assert "Fietsen in de stalling" in client.get(url).content.decode()
    refused = client.post(
        reverse("community:meeting_create", args=[s.complex.pk]),
        {"held_on": "2025-03-12", "organisations": "x", "neighbours_came": 5000},
    )
    assert refused.status_code == 200 and NeighbourhoodMeeting.objects.count() == 1
