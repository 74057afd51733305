"""Decisions by hand taken at the same moment by two staff members end as if taken one after
the other: an eligibility check is decided once, and a candidate in two overlapping bulk
decisions is decided once, with one log entry. On SQLite and PostgreSQL alike."""

from __future__ import annotations

from functools import partial

import pytest

from magicmix.accounts.models import Role
from magicmix.selection.models import Application, ApplicationEvent, CheckResult, Stage
from magicmix.selection.services import eligibility, judgements
from magicmix.testing import factories
from magicmix.testing.concurrency import together

from .helpers import open_intake

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("sqlite_begin_waits"),
]

TIMES = 3


def test_two_managers_deciding_one_check_at_once_decide_it_once() -> None:
    intake = open_intake()
    organisation = intake.complex.organisation
    first, second = (factories.user(organisation, Role.APPLICATION_MANAGER) for _ in range(2))
    for _ in range(TIMES):
        application, _token = factories.application(
            intake, stage=Stage.REVIEW, check_result=CheckResult.PENDING
        )
        results = together(
            [
                partial(eligibility.decide, application, approve=True, reason="Past.", by=first),
                partial(
                    eligibility.decide, application, approve=False, reason="Te hoog.", by=second
                ),
            ]
        )
        refused = [r for r in results if isinstance(r, eligibility.NotOpen)]
        assert len(refused) == 1 and results.count(None) == 1, results
        approved_first = results[0] is None
        application.refresh_from_db()
        # The state of the one that went first, and its log entry only.
        assert (application.check_result, application.stage) == (
            (CheckResult.APPROVED, Stage.SUBMITTED)
            if approved_first
            else (CheckResult.REJECTED, Stage.NOT_SELECTED)
        )
        [event] = application.events.filter(kind=ApplicationEvent.Kind.ELIGIBILITY)
        assert event.actor == (first if approved_first else second)


def test_overlapping_bulk_decisions_decide_each_candidate_once() -> None:
    intake = open_intake()
    organisation = intake.complex.organisation
    first, second = (factories.user(organisation, Role.APPLICATION_MANAGER) for _ in range(2))
    for _ in range(TIMES):
        a, b, c, d = (factories.application(intake, stage=Stage.ASSESSING)[0] for _ in range(4))
        no = Stage.NOT_SELECTED
        results = together(
            [
                partial(judgements.decide_many, [a, b, c], no, "Past niet in de mix.", first),
                partial(judgements.decide_many, [b, c, d], no, "Geen plek.", second),
            ]
        )
        # Serially: the first decides its three, the second only the one left (4 in all).
        assert sorted(results) == [1, 3], results
        for application in (a, b, c, d):
            assert Application.objects.get(pk=application.pk).stage == Stage.NOT_SELECTED
            moves = application.events.filter(kind=ApplicationEvent.Kind.STAGE)
            assert moves.count() == 1, (application, list(moves.values("reason")))
