"""Every applicant gets an explanation, structured and rendered in Dutch and English."""

from __future__ import annotations

from magicmix.allocation.engine import allocate, compare_modes, price_of_mix
from magicmix.allocation.model import Bound, Complex, Dimension, Mode, Policy, Round

from .factories import DATE, applicant, random_round, unit


def test_every_applicant_is_explained_in_both_languages_in_every_mode() -> None:
    round_ = random_round(3, applicants=8, units=4)
    for mode in Mode:
        result = allocate(round_, mode)
        assert sorted(e.applicant_id for e in result.explanations) == sorted(
            a.id for a in round_.applicants
        )
        for explanation in result.explanations:
            assert explanation.reasons[0].code in ("placed", "not_placed")
            assert (
                explanation.text("nl")
                and explanation.text("en")
                and explanation.text("nl") != explanation.text("en")
            )


def _round() -> Round:
    units = (unit("u1"), unit("u2"))
    people = (
        applicant("first", group="jongere", urgency=2),
        applicant("second", group="statushouder", urgency=1),
        applicant("third", group="jongere"),
    )
    bounds = (Bound("status", "c", Dimension.GROUP, "statushouder", minimum=1),)
    return Round("r", DATE, (Complex("c", "C", units=units),), people, Policy(bounds))


def test_out_ranked_names_own_place_and_the_last_placed_of_the_same_group() -> None:
    result = allocate(_round(), Mode.PRIORITY)
    third = next(e for e in result.explanations if e.applicant_id == "third")
    assert third.unit_id is None
    reason = third.reasons[1]
    assert (
        reason.code == "outranked" and reason.params["position"] == 3 and reason.params["last"] == 1
    )
    assert "plaats 3" in reason.nl and "number 3" in reason.en


def test_price_of_the_mix_names_who_the_policy_displaces() -> None:
    round_ = _round()
    price = price_of_mix(round_, Mode.PRIORITY)
    assert price.filled_with == price.filled_without == 2
    assert price.displaced == ()
    strict = Round(
        round_.id,
        DATE,
        round_.complexes,
        round_.applicants,
        Policy((Bound("status", "c", Dimension.GROUP, "statushouder", minimum=2),)),
    )
    # Two statushouder seats are needed but only one statushouder applies: infeasible, so nothing placed.
    assert price_of_mix(strict, Mode.PRIORITY).displaced == ("first", "second")


def test_comparison_reports_every_mode_and_the_maximum_fill() -> None:
    comparison = compare_modes(_round())
    assert set(comparison.metrics) == set(Mode) and comparison.max_fill == 2
    assert all(m.filled == 2 for m in comparison.metrics.values())
