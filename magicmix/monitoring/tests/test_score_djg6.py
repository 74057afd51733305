"""Every answer pattern of DJG-6 (3 answers or missing on 6 items: 4⁶ = 4096) against the
published rule, written out here with its own item lists and no code of `scoring`."""

import itertools

import pytest

from magicmix.monitoring import scoring

ANSWERS = ["ja", "min of meer", "nee", None]
ITEMS = ["q3", "q4", "q7", "q8", "q9", "q10"]


def published(answers: dict) -> dict:
    """De Jong Gierveld & van Tilburg (2006), as the manual's syntax scores it."""
    emotional_items = ["q3", "q9", "q10"]  # "ja" and "min of meer" score 1
    social_items = ["q4", "q7", "q8"]  # "nee" and "min of meer" score 1
    e_points = 0
    e_missing = 0
    for item in emotional_items:
        if answers[item] is None:
            e_missing += 1
        elif answers[item] == "ja" or answers[item] == "min of meer":
            e_points += 1
    s_points = 0
    s_missing = 0
    for item in social_items:
        if answers[item] is None:
            s_missing += 1
        elif answers[item] == "nee" or answers[item] == "min of meer":
            s_points += 1
    total = None if e_missing + s_missing >= 2 else e_points + s_points
    if total is None:
        band = None
    elif total <= 1:
        band = "not_lonely"
    elif total <= 4:
        band = "moderate"
    else:
        band = "severe"
    return {
        "total": total,
        "emotional": None if e_missing > 0 else e_points,
        "social": None if s_missing > 0 else s_points,
        "band": band,
    }


@pytest.fixture(scope="module")
def djg6() -> scoring.Instrument:
    return scoring.load_all()["djg6"]


def test_every_pattern_matches_the_published_rule(djg6) -> None:
    patterns = list(itertools.product(ANSWERS, repeat=6))
    assert len(patterns) == 4**6
    for pattern in patterns:
        answers = dict(zip(ITEMS, pattern, strict=True))
        assert scoring.score(djg6, answers) == published(answers), answers


def test_hand_worked_cases(djg6) -> None:
    everyone_near = {"q3": "nee", "q4": "ja", "q7": "ja", "q8": "ja", "q9": "nee", "q10": "nee"}
    assert scoring.score(djg6, everyone_near) == {
        "total": 0, "emotional": 0, "social": 0, "band": "not_lonely"
    }  # fmt: skip
    one_missing = everyone_near | {"q3": None, "q4": "min of meer", "q7": "nee"}
    assert scoring.score(djg6, one_missing) == {
        "total": 2, "emotional": None, "social": 2, "band": "moderate"
    }  # fmt: skip
    assert scoring.score(djg6, dict.fromkeys(ITEMS, "min of meer"))["band"] == "severe"


def test_english_labels_are_read_as_the_dutch_answers(djg6) -> None:
    checked = djg6.check({"q3": "Yes", "q4": "more or less", "q7": " no "})
    assert checked == {
        "q3": "ja", "q4": "min of meer", "q7": "nee", "q8": None, "q9": None, "q10": None
    }  # fmt: skip


def test_an_answer_off_the_scale_is_refused(djg6) -> None:
    with pytest.raises(scoring.InvalidAnswer, match="misschien"):
        djg6.check({"q3": "misschien"})
    with pytest.raises(scoring.InvalidAnswer, match="q11"):
        djg6.check({"q11": "ja"})
