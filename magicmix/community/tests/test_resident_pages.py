"""A resident's own pages through their personal link: sign up and off, log hours against the
agreement, see their own warnings; in Dutch and English; bad input is refused clearly."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from magicmix.testing import factories

from ..models import Activity, LoggedHours, issue_link
from ..services.ladder import issue_warning
from .scene import scene

pytestmark = pytest.mark.django_db


def test_sign_up_and_off_for_an_activity_of_the_own_complex_only(client: Client) -> None:
    s = scene()
    token = issue_link(s.residents[0])
    soon = timezone.localdate() + datetime.timedelta(days=2)
    meal = Activity.objects.create(
        complex=s.complex,
        title="Gangdiner",
        kind="meal",
        day=soon,
        starts_at=datetime.time(18),
        place="Keuken",
    )
    elsewhere = Activity.objects.create(
        complex=factories.complex(s.corporation),
        title="Elders",
        kind="meal",
        day=soon,
        starts_at=datetime.time(18),
        place="Keuken",
    )
    url = reverse("community:resident_sign_up", args=[token, meal.pk])
    client.post(url)
    client.post(url)  # twice is still one sign-up
    assert meal.attendances.filter(person=s.residents[0]).count() == 1
    assert (
        "U bent aangemeld."
        in client.get(reverse("community:resident_home", args=[token])).content.decode()
    )
    client.post(url, {"cancel": "1"})
    assert not meal.attendances.exists()
    assert (
        client.post(reverse("community:resident_sign_up", args=[token, elsewhere.pk])).status_code
        == 404
    )


def test_hours_count_against_the_agreement_this_month(client: Client) -> None:
    s = scene()
    token = issue_link(s.residents[1])
    today = timezone.localdate()
    url = reverse("community:resident_hours", args=[token])
    client.post(url, {"day": today.isoformat(), "hours": "3.5", "what": "Klussen"})
    client.post(url, {"day": today.replace(day=1).isoformat(), "hours": "1", "what": "Koken"})
    page = client.get(reverse("community:resident_home", args=[token])).content.decode()
    assert "Deze maand: 4,5 van 16 uur." in page
    future = client.post(
        url, {"day": (today + datetime.timedelta(days=1)).isoformat(), "hours": "2", "what": "x"}
    )
    assert "U kunt geen uren schrijven voor een dag die nog moet komen." in future.content.decode()
    too_long = client.post(url, {"day": today.isoformat(), "hours": "25", "what": "x"})
    assert too_long.status_code == 200
    assert LoggedHours.objects.count() == 2


def test_the_resident_sees_their_warnings_and_reads_english(client: Client) -> None:
    s = scene()
    today = timezone.localdate()
    issue_warning(s.residents[2], s.complex, on=today, reason="x", language="en", by=s.manager)
    token, other_token = issue_link(s.residents[2]), issue_link(s.residents[0])
    # The middleware activates English in this thread; put the previous language back after.
    with translation.override("nl"):
        client.post(reverse("set_language"), {"language": "en", "next": "/"})
        page = client.get(reverse("community:resident_home", args=[token])).content.decode()
        other = client.get(reverse("community:resident_home", args=[other_token])).content.decode()
    assert "My warnings" in page and "This month: 0 of 16 hours." in page
    assert "My warnings" not in other


def test_staff_give_a_new_link_that_is_mailed_and_replaces_the_old_one(
    client: Client, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    s = scene()
    person = s.residents[0]
    person.email = "bewoner@example.nl"
    person.save()
    old = issue_link(person)
    client.force_login(s.manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("community:resident_link", args=[person.pk]), follow=True)
    [message] = mailoutbox
    link = next(line for line in message.body.splitlines() if "/community/me/" in line)
    assert link in response.content.decode()
    assert client.get(link.removeprefix("http://testserver")).status_code == 200
    assert client.get(reverse("community:resident_home", args=[old])).status_code == 404
    client.force_login(s.caseworker)
    assert client.post(reverse("community:resident_link", args=[s.client.pk])).status_code == 404


def test_a_gangmaker_plans_an_activity_and_others_may_not(client: Client) -> None:
    s = scene()  # residents[0] is the gangmaker of gang A
    gangmaker, neighbour = issue_link(s.residents[0]), issue_link(s.residents[1])
    day = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    data = {
        "title": "Pannenkoeken",
        "kind": "meal",
        "day": day,
        "starts_at": "18:00",
        "place": "Keuken gang A",
    }
    response = client.post(reverse("community:resident_plan", args=[gangmaker]), data)
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.complex, activity.organiser) == (s.complex, s.residents[0])
    assert activity.attendances.get().person == s.residents[0]
    assert client.get(reverse("community:resident_plan", args=[neighbour])).status_code == 404
    past = data | {"day": "2020-01-01"}
    refused = client.post(reverse("community:resident_plan", args=[gangmaker]), past)
    assert "Kies vandaag of een dag die nog komt." in refused.content.decode()


def test_contact_across_groups_is_counted_from_attendance(client: Client) -> None:
    s = scene()
    past = timezone.localdate() - datetime.timedelta(days=10)
    for title, came in (("Samen", [0, 2]), ("Alleen studenten", [0]), ("Niemand", [])):
        activity = Activity.objects.create(
            complex=s.complex,
            title=title,
            kind="meal",
            day=past,
            starts_at=datetime.time(18),
            place="Keuken",
        )
        for i in came:
            activity.attendances.create(person=s.residents[i], attended=True)
        activity.attendances.create(person=s.residents[3], attended=False)  # signed up, stayed away
    client.force_login(s.manager)
    page = client.get(reverse("community:activity_list", args=[s.complex.pk])).content.decode()
    assert "3 activiteiten, 1 daarvan bracht bewoners van twee of meer doelgroepen samen" in page
