"""The reason staff wrote for an override may describe the candidate it replaced or chose: when
that candidate is anonymised, by the retention job or on request, the reason goes and the
override stays in the round's justification. Read from the raw table."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection

from magicmix.accounts.models import Role
from magicmix.privacy import services
from magicmix.privacy.models import SubjectType
from magicmix.privacy.tests.world import _decided, _run, months_ago
from magicmix.rounds.models import Override, Round
from magicmix.rounds.retention import REASON_REMOVED
from magicmix.selection.models import Stage
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _reasons() -> dict[int, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, reason FROM rounds_override")
        return dict(cursor.fetchall())


def _world() -> dict[str, Any]:
    org = factories.organisation()
    manager = factories.user(org, Role.APPLICATION_MANAGER)
    complex_ = factories.complex(org)
    gang = factories.cluster(complex_)
    intake = factories.intake(complex_)
    expired = _decided(intake, Stage.NOT_SELECTED, months_ago(7))  # past the 6 months
    kept = _decided(intake, Stage.NOT_SELECTED, months_ago(5))
    other = _decided(intake, Stage.NOT_SELECTED, months_ago(5))
    round_ = Round.objects.create(
        complex=complex_, intake=intake, title="Ronde", move_in=months_ago(6)
    )
    run = _run(round_, 1, months_ago(8))

    def override(replaced: Any, chosen: Any, reason: str) -> Override:
        return Override.objects.create(
            run=run,
            unit=factories.unit(gang),
            replaced=replaced,
            chosen=chosen,
            reason=reason,
            by=manager,
        )

    return {
        "org": org,
        "manager": manager,
        "expired": expired,
        "kept": kept,
        "replaced_expired": override(expired, kept, "Noor heeft een hond; Sam past beter."),
        "chose_expired": override(None, expired, "Noor kent de gang al."),
        "others_only": override(kept, other, "Sam wil op de begane grond wonen."),
    }


def test_the_retention_job_removes_the_reasons_of_an_anonymised_candidate() -> None:
    world = _world()
    services.apply_retention()
    assert _reasons() == {
        world["replaced_expired"].pk: REASON_REMOVED,
        world["chose_expired"].pk: REASON_REMOVED,
        world["others_only"].pk: "Sam wil op de begane grond wonen.",
    }
    # Who changed which unit's proposal, and for whom, stays for the justification.
    kept = Override.objects.get(pk=world["replaced_expired"].pk)
    assert (kept.replaced_id, kept.chosen_id) == (world["expired"].pk, world["kept"].pk)


def test_erasing_a_candidate_on_request_shows_and_removes_the_reasons() -> None:
    world = _world()
    kept = world["kept"].pk
    exported = json.dumps(services.export(SubjectType.APPLICATION, kept), default=str)
    assert "Noor heeft een hond; Sam past beter." in exported  # the right of access
    assert "Sam wil op de begane grond wonen." in exported
    assert "Noor kent de gang al." not in exported  # about another candidate only
    consequences = services.consequences(SubjectType.APPLICATION, kept)
    assert any("2 wijziging(en)" in line for line in consequences)

    services.erase(SubjectType.APPLICATION, kept, world["org"].pk, world["manager"])
    assert _reasons() == {
        world["replaced_expired"].pk: REASON_REMOVED,
        world["chose_expired"].pk: "Noor kent de gang al.",
        world["others_only"].pk: REASON_REMOVED,
    }
