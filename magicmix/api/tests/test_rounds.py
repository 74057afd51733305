"""A letting system runs a round through the API: create, poll, read every candidate's why,
read the offers and record answers — through the workflows the staff pages use."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.rounds.models import Offer, Round
from magicmix.rounds.services import offers, runs
from magicmix.rounds.tests.helpers import SITE, new_round, policy, scene, work
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def test_create_poll_and_read_the_explained_result(api_as):
    s = scene()
    policy(s)
    api = api_as(s.corporation, Role.LETTING)
    move_in = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    created = api.post(
        "/rounds",
        {
            "complexId": s.complex.pk,
            "intakeId": s.intake.pk,
            "title": "Via API",
            "unitIds": [u.pk for u in s.units],
            "moveIn": move_in,
        },
    )
    assert created.status_code == 201, created.json()
    round_id = created.json()["id"]
    assert created["Location"] == f"/api/v1/rounds/{round_id}"
    assert created.json()["status"] == "queued"
    assert api.post(f"/rounds/{round_id}/start", {}).status_code == 409  # already queued
    work()
    polled = api.get(f"/rounds/{round_id}").json()
    assert (polled["status"], polled["progress"]) == ("done", 100)
    candidates = api.get(f"/rounds/{round_id}/candidates").json()
    assert candidates["totalCount"] == len(s.applications)
    assert [c["position"] for c in candidates["results"]] == list(range(1, 6))
    housed = [c for c in candidates["results"] if c["unitId"]]
    assert len(housed) == len(s.units)
    for candidate in candidates["results"]:
        assert candidate["explanationNl"] and candidate["explanationEn"]
        assert candidate["explanationNl"] != candidate["explanationEn"]
        assert candidate["reasons"][0]["code"]


def test_invalid_round_names_the_fields(api_as):
    s = scene()
    elsewhere = factories.complex(factories.organisation())
    other_intake = factories.intake(elsewhere)
    other_unit = factories.unit(factories.cluster(elsewhere))
    api = api_as(s.corporation, Role.LETTING)
    response = api.post(
        "/rounds",
        {
            "complexId": s.complex.pk,
            "intakeId": other_intake.pk,
            "title": "Fout",
            "unitIds": [other_unit.pk],
            "moveIn": "2030-01-01",
        },
    )
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"intakeId", "unitIds"}
    assert not Round.objects.filter(title="Fout").exists()


def test_read_and_answer_offers(api_as, django_capture_on_commit_callbacks):
    s = scene()
    policy(s)
    round_ = new_round(s)
    runs.start(round_)
    work()
    round_.refresh_from_db()
    offers.approve(round_, s.staff, SITE)
    api = api_as(s.corporation, Role.LETTING)
    listed = api.get("/offers", roundId=round_.pk, status="pending").json()
    assert listed["totalCount"] == len(s.units)
    first, second = listed["results"][:2]
    assert api.post(f"/offers/{first['id']}/answer", {"answer": "decline"}).status_code == 400
    with django_capture_on_commit_callbacks(execute=False):
        declined = api.post(
            f"/offers/{first['id']}/answer", {"answer": "decline", "reason": "Elders gevonden"}
        )
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    accepted = api.post(f"/offers/{second['id']}/answer", {"answer": "accept"})
    assert accepted.status_code == 200 and accepted.json()["tenancyId"]
    again = api.post(f"/offers/{second['id']}/answer", {"answer": "accept"})
    assert again.status_code == 409
    assert Offer.objects.get(pk=second["id"]).tenancy is not None
