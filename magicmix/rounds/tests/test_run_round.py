import pytest
from django.test import override_settings

from magicmix.allocation import Mode, Place, PriorityKey, WhenMissing, allocate
from magicmix.rounds import engine_adapter
from magicmix.rounds.models import CandidateOutcome, Round, Run
from magicmix.rounds.services import runs

from .helpers import new_round, policy, scene, work

pytestmark = pytest.mark.django_db


def test_a_queued_round_is_run_by_the_worker_with_an_explanation_per_candidate() -> None:
    s = scene()
    policy(s)
    round_ = new_round(s)
    assert runs.start(round_)
    round_.refresh_from_db()
    assert round_.status == Round.Status.QUEUED
    work()
    round_.refresh_from_db()
    assert (round_.status, round_.progress) == (Round.Status.DONE, 100)
    run = round_.latest_run()
    assert run is not None and run.number == 1
    outcomes = list(CandidateOutcome.objects.filter(run=run))
    assert len(outcomes) == 5
    placed = [o for o in outcomes if o.unit is not None]
    assert len(placed) == 3
    # The hard minimum: one statushouder is placed although the students rank higher.
    assert sum(o.application.target_group.code == "statushouder" for o in placed) == 1
    assert all(o.explanation and o.explanation[0]["nl"] for o in outcomes)
    assert all(o.eligibility is not None for o in outcomes)
    assert run.report[0]["min"] == 1 and run.report[0]["after"] == 1
    assert set(run.comparison["modes"]) == {"priority", "optimal", "lottery", "per-vacancy"}


def test_a_busy_or_finished_round_is_not_queued_again() -> None:
    round_ = new_round(scene())
    assert runs.start(round_)
    assert not runs.start(round_)


def test_the_web_run_carries_the_time_limit_and_records_when_it_was_reached() -> None:
    s = scene()
    policy(s)
    round_ = new_round(s)
    with override_settings(ALLOCATION_TIME_LIMIT=7.5):
        data = engine_adapter.build(round_, round_.units.all(), round_.candidates())
    assert data.round.time_limit == 7.5
    assert not allocate(data.round, Mode(round_.mode)).time_limit_reached
    result = allocate(data.round, Mode.OPTIMAL, time_limit=0)
    assert result.time_limit_reached
    run = runs.save_run(round_, Run.Kind.PROPOSAL, data, result)
    assert run.metrics["time_limit_reached"] == 0 and "gap" in run.metrics["certificate"]


def test_the_round_says_where_candidates_without_a_selection_score_go() -> None:
    s = scene()
    policy(s)
    round_ = new_round(s)
    round_.missing_keys = {"selection_score": "first"}
    round_.save()
    data = engine_adapter.build(round_, round_.units.all(), round_.candidates())
    assert data.round.missing == (WhenMissing(PriorityKey.SELECTION_SCORE, Place.FIRST),)
    unscored = [a.id for a in data.round.applicants if data.scores[a.id] is None]
    assert all(a.selection_score is None for a in data.round.applicants if a.id in unscored)
    result = allocate(data.round)
    assert result.missing_keys.get("selection_score", 0) == len(unscored)
