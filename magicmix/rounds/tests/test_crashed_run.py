import pytest

from magicmix.rounds.models import CandidateOutcome, Offer, Round
from magicmix.rounds.services import runs

from .helpers import new_round, scene, work

pytestmark = pytest.mark.django_db


def test_a_crashed_run_leaves_the_round_failed_without_anything_and_can_be_retried(
    monkeypatch,
) -> None:
    s = scene()
    round_ = new_round(s)

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("solver exploded")

    monkeypatch.setattr("magicmix.rounds.services.runs.engine.compare_modes", crash)
    runs.start(round_)
    work()
    round_.refresh_from_db()
    assert round_.status == Round.Status.FAILED and "solver exploded" in round_.error
    assert not CandidateOutcome.objects.filter(run__round=round_).exists()
    assert not Offer.objects.exists()
    assert round_.latest_run() is None
    monkeypatch.undo()
    assert runs.start(round_)
    work()
    round_.refresh_from_db()
    assert round_.status == Round.Status.DONE
    run = round_.latest_run()
    assert run is not None and run.number == 2  # the failed attempt stays as version 1
    assert round_.runs.get(number=1).failed
