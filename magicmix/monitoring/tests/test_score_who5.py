"""Every answer pattern of WHO-5: 6⁵ complete ones and every pattern with missing answers
(7⁵ in all), against the rule written out here."""

import itertools

import pytest

from magicmix.monitoring import scoring

ITEMS = ["q1", "q2", "q3", "q4", "q5"]


def published(answers: dict) -> dict:
    """Raw score 0–25, index 4 × raw, missing when any item is; poor below 13."""
    if any(answers[item] is None for item in ITEMS):
        return {"raw": None, "index": None, "poor": None}
    raw = 0
    for item in ITEMS:
        raw += int(answers[item])
    return {"raw": raw, "index": raw * 4, "poor": raw <= 12}


@pytest.fixture(scope="module")
def who5() -> scoring.Instrument:
    return scoring.load_all()["who5"]


def test_every_pattern_matches_the_published_rule(who5) -> None:
    answers_ = ["0", "1", "2", "3", "4", "5", None]
    complete = 0
    for pattern in itertools.product(answers_, repeat=5):
        answers = dict(zip(ITEMS, pattern, strict=True))
        assert scoring.score(who5, answers) == published(answers), answers
        complete += None not in pattern
    assert complete == 6**5


def test_hand_worked_cases(who5) -> None:
    assert scoring.score(who5, dict.fromkeys(ITEMS, "5")) == {
        "raw": 25,
        "index": 100,
        "poor": False,
    }
    borderline = {"q1": "3", "q2": "3", "q3": "3", "q4": "2", "q5": "2"}
    assert scoring.score(who5, borderline) == {"raw": 13, "index": 52, "poor": False}
    assert scoring.score(who5, borderline | {"q5": "1"})["poor"] is True


def test_labels_are_accepted_as_answers(who5) -> None:
    checked = who5.check({"q1": "de hele tijd", "q2": "At no time"})
    assert (checked["q1"], checked["q2"], checked["q3"]) == ("5", "0", None)
