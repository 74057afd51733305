"""The shortlist of a real intake: search, filters, sorting, totals, paging, bulk decisions and
an export."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.selection.models import (
    Application,
    ApplicationEvent,
    CheckResult,
    CooptationAdvice,
    Stage,
)
from magicmix.testing import factories

from .helpers import open_intake, rubric, score

pytestmark = pytest.mark.django_db


@pytest.fixture
def staffed(client: Client) -> tuple[Client, list[Application]]:
    intake = open_intake()
    rubric(intake)
    letting = factories.user(intake.complex.organisation, Role.LETTING)
    made = []
    for name, points in [("Anna", 5), ("Bram", 3), ("Cas", None), ("Dirk", 1)]:
        application, _ = factories.application(
            intake, first_name=name, last_name="Jansen", email=f"{name.lower()}@example.nl"
        )
        if points is not None:
            score(application, letting, points)
        made.append(application)
    made[3].check_result = CheckResult.PENDING
    made[3].save(update_fields=["check_result"])
    CooptationAdvice.objects.create(
        application=made[1],
        panel_member=factories.user(factories.organisation(), Role.RESIDENT_PANEL),
        advice=CooptationAdvice.Advice.AGAINST,
        motivation="Past niet.",
    )
    client.force_login(letting)
    return client, made


def names(client: Client, **query: str) -> list[str]:
    intake = Application.objects.get(first_name="Anna").intake
    response = client.get(reverse("selection:shortlist", args=[intake.pk]), query)
    return [row.application.first_name for row in response.context["rows"]]


def test_filters_search_and_sort(staffed: tuple[Client, list[Application]]) -> None:
    client, _made = staffed
    assert names(client) == ["Anna", "Bram", "Dirk", "Cas"]  # by score, unscored last
    assert names(client, q="bram@") == ["Bram"]
    assert names(client, min_score="50") == ["Anna", "Bram"]
    assert names(client, check=CheckResult.PENDING) == ["Dirk"]
    assert names(client, advice=CooptationAdvice.Advice.AGAINST) == ["Bram"]
    assert names(client, advice="none") == ["Anna", "Dirk", "Cas"]
    assert names(client, sort="name") == ["Anna", "Bram", "Cas", "Dirk"]
    assert names(client, min_score="abc") == ["Anna", "Bram", "Dirk", "Cas"]  # ignored


def test_totals_and_pages(staffed: tuple[Client, list[Application]]) -> None:
    from magicmix.selection.views import shortlist

    client, made = staffed
    shortlist.PAGE_SIZE = 3
    try:
        url = reverse("selection:shortlist", args=[made[0].intake_id])
        first = client.get(url)
        second = client.get(url, {"page": "2"})
    finally:
        shortlist.PAGE_SIZE = 50
    assert first.context["total"] == 4 and len(first.context["rows"]) == 3
    assert "4 kandidaten van 4 aanmeldingen" in first.text
    assert [row.application.first_name for row in second.context["rows"]] == ["Cas"]
    assert ">4</td>" in second.text.replace(" ", "")  # numbered on from the first page


def test_several_are_decided_with_one_reason(staffed: tuple[Client, list[Application]]) -> None:
    client, made = staffed
    url = reverse("selection:decide_many", args=[made[0].intake_id])
    client.post(url, {"stage": Stage.NOT_SELECTED, "reason": "", "applications": [made[2].pk]})
    made[2].refresh_from_db()
    assert made[2].stage == Stage.SUBMITTED  # no reason, nothing changes
    client.post(
        url,
        {
            "stage": Stage.NOT_SELECTED,
            "reason": "Brief te kort.",
            "applications": [made[2].pk, made[3].pk],
        },
    )
    for application in made:
        application.refresh_from_db()
    assert [a.stage for a in made] == [
        Stage.SUBMITTED,
        Stage.SUBMITTED,
        Stage.NOT_SELECTED,
        Stage.NOT_SELECTED,
    ]
    events = ApplicationEvent.objects.filter(reason="Brief te kort.")
    assert sorted(e.application_id for e in events) == [made[2].pk, made[3].pk]


def test_another_corporations_candidates_cannot_be_decided(
    staffed: tuple[Client, list[Application]],
) -> None:
    client, made = staffed
    other = open_intake()
    stranger, _ = factories.application(other)
    url = reverse("selection:decide_many", args=[made[0].intake_id])
    client.post(url, {"stage": Stage.NOT_SELECTED, "reason": "x", "applications": [stranger.pk]})
    stranger.refresh_from_db()
    assert stranger.stage == Stage.SUBMITTED
    assert (
        client.post(
            reverse("selection:decide_many", args=[other.pk]),
            {"stage": Stage.NOT_SELECTED, "reason": "x", "applications": [stranger.pk]},
        ).status_code
        == 404
    )
    assert client.get(reverse("selection:shortlist_csv", args=[other.pk])).status_code == 404


def test_the_export_follows_the_filters(staffed: tuple[Client, list[Application]]) -> None:
    client, made = staffed
    response = client.get(
        reverse("selection:shortlist_csv", args=[made[0].intake_id]), {"min_score": "50"}
    )
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("#;naam;doelgroep;fase;toets;brief;gesprek;selectiescore")
    assert lines[1] == "1;Anna Jansen;Student;ingediend;voldaan;100,0;;100,0;0;0;0"
    assert lines[2].startswith("2;Bram Jansen;") and lines[2].endswith(";0;0;1")
    assert len(lines) == 3
