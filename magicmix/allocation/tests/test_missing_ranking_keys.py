"""Applicants without a ranking key go where the rule says, never silently to the bottom
(issue 10, item 4): first, last (the documented default) or as if they had a given value;
the result counts them per key."""

from __future__ import annotations

import dataclasses

from magicmix.allocation.engine import allocate, serving_order
from magicmix.allocation.io import parse_round
from magicmix.allocation.model import (
    Complex,
    Mode,
    Place,
    PriorityKey,
    Round,
    WhenMissing,
)

from .factories import DATE, applicant, unit

RANKING = (PriorityKey.SELECTION_SCORE, PriorityKey.LOTTERY_NUMBER)


def _round(*missing: WhenMissing) -> Round:
    people = (
        applicant("high", selection_score=9.0, lottery_number=3),
        applicant("nominee", selection_score=None, lottery_number=1),
        applicant("low", selection_score=4.0, lottery_number=2),
    )
    units = (unit("u1"), unit("u2"))
    return Round(
        "r", DATE, (Complex("c", "C", units=units),), people, ranking=RANKING, missing=missing
    )


def test_by_default_an_applicant_lacking_a_key_goes_last_and_is_counted() -> None:
    round_ = _round()
    assert serving_order(round_, Mode.PRIORITY) == ["high", "low", "nominee"]
    result = allocate(round_)
    assert {a.applicant_id for a in result.assignments} == {"high", "low"}
    assert result.missing_keys == {"selection_score": 1}


def test_the_rule_can_put_them_first_or_treat_them_as_having_a_value() -> None:
    first = _round(WhenMissing(PriorityKey.SELECTION_SCORE, Place.FIRST))
    assert serving_order(first, Mode.PRIORITY) == ["nominee", "high", "low"]
    assert "nominee" in {a.applicant_id for a in allocate(first).assignments}
    middle = _round(WhenMissing(PriorityKey.SELECTION_SCORE, Place.VALUE, 5.0))
    assert serving_order(middle, Mode.PRIORITY) == ["high", "nominee", "low"]
    # A later key decides among those who lack the first one, as it does among equals.
    two = dataclasses.replace(
        middle,
        applicants=(*middle.applicants, applicant("other", selection_score=None, lottery_number=0)),
    )
    assert serving_order(two, Mode.PRIORITY) == ["high", "other", "nominee", "low"]


def test_keys_nobody_lacks_are_not_reported() -> None:
    round_ = dataclasses.replace(_round(), ranking=(PriorityKey.LOTTERY_NUMBER,))
    assert allocate(round_).missing_keys == {}


def test_the_round_file_states_the_rule_per_key() -> None:
    data = {
        "format": "magicmix-round",
        "version": 1,
        "id": "r",
        "date": "2026-03-01",
        "ranking": ["selection_score", "registration_date"],
        "missing_keys": {"selection_score": 6.5, "registration_date": "first"},
        "complexes": [
            {
                "id": "c",
                "units": [
                    {
                        "id": "u1",
                        "type": "studio",
                        "floor_area": 23,
                        "max_occupants": 1,
                        "rent": 500,
                    }
                ],
            }
        ],
        "applicants": [
            {
                "id": "a",
                "group": "jongere",
                "role": "supporting",
                "household_size": 1,
                "age": 22,
                "income": 20000,
                "selection_score": None,
                "registration_date": None,
            },
        ],
    }
    round_ = parse_round(data)
    assert set(round_.missing) == {
        WhenMissing(PriorityKey.SELECTION_SCORE, Place.VALUE, 6.5),
        WhenMissing(PriorityKey.REGISTRATION_DATE, Place.FIRST),
    }
    assert allocate(round_).missing_keys == {"selection_score": 1, "registration_date": 1}
