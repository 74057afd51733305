"""Strict priority at the level of the chosen option (issue 10, item 1).

An applicant who names a complex is indifferent between its units. Serving in
order must commit them to that option, not to the first unit tried: otherwise
earlier applicants use up the gangen that still had room for a later, higher
ranked applicant with intensive support. Checked with an independent integer
programme per applicant (`strict.py`) that lets earlier applicants move between
units of equal preference.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import (
    Bound,
    Cluster,
    Complex,
    Dimension,
    Mode,
    Policy,
    Round,
    SupportLevel,
)
from magicmix.allocation.problem import Problem

from .factories import DATE, applicant, nested_round, unit
from .strict import served_order, strict_violation, violation


def _om_en_om() -> Round:
    """Two gangen, at most one intensive resident each; everyone names the whole complex."""
    g1 = Cluster("g1", "Gang 1", "gang", units=(unit("u1"),))
    g2 = Cluster("g2", "Gang 2", "gang", units=(unit("u2"), unit("u3")))
    people = (
        applicant("first", ("c",), urgency=3),
        applicant("second", ("c",), urgency=2, support=SupportLevel.INTENSIVE),
        applicant("third", ("c",), urgency=1, support=SupportLevel.INTENSIVE),
        applicant("fourth", ("c",)),
    )
    bounds = tuple(
        Bound(f"{g}-intensief", g, Dimension.SUPPORT, "intensive", maximum=1) for g in ("g1", "g2")
    )
    return Round("om-en-om", DATE, (Complex("c", "Startblok", (g1, g2)),), people, Policy(bounds))


def test_a_higher_ranked_intensive_applicant_is_not_refused_for_a_lower_ranked_one() -> None:
    result = allocate(_om_en_om(), Mode.PRIORITY)
    placed = {a.applicant_id: a.unit_id for a in result.assignments}
    # first and second can be laid out so that third fits too: first in gang 2 with second.
    assert set(placed) == {"first", "second", "third"}
    assert placed["third"] == "u1" or placed["second"] == "u1"
    fourth = next(e for e in result.explanations if e.applicant_id == "fourth")
    assert fourth.unit_id is None and fourth.reasons[1].code == "outranked"


def test_the_checker_sees_the_defect_of_unit_by_unit_serving() -> None:
    round_ = _om_en_om()
    problem = Problem(round_)
    order = served_order(problem, Mode.PRIORITY, 0)
    # What serving unit by unit in id order gave: third refused, fourth placed.
    assert violation(problem, {"first": 0, "second": 0, "fourth": 0}, order, "unit by unit")
    assert violation(problem, {"first": 0, "second": 0, "third": 0}, order, "by option") is None
    assert strict_violation(round_, Mode.PRIORITY) is None
    assert strict_violation(round_, Mode.LOTTERY, 3) is None


ROUNDS = range(150)


def test_priority_is_strict_at_the_chosen_option_on_nested_rounds() -> None:
    found = [v for seed in ROUNDS if (v := strict_violation(nested_round(seed))) is not None]
    assert not found, found[:5]


def test_lottery_is_strict_at_the_chosen_option_in_its_own_order() -> None:
    found = [
        v
        for seed in ROUNDS
        if (v := strict_violation(nested_round(seed, applicants=6), Mode.LOTTERY, seed)) is not None
    ]
    assert not found, found[:5]


def test_strict_with_designated_units() -> None:
    found = [
        v
        for seed in range(80)
        for mode in (Mode.PRIORITY, Mode.LOTTERY)
        if (v := strict_violation(nested_round(seed, designations=True), mode, seed)) is not None
    ]
    assert not found, found[:5]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from([Mode.PRIORITY, Mode.LOTTERY]))
def test_strict_at_the_chosen_option_hypothesis(seed: int, mode: Mode) -> None:
    round_ = nested_round(seed, applicants=8, units=6)
    assert strict_violation(round_, mode, seed) is None


def _closed_for_one_open_for_the_next() -> Round:
    """x and y are alike (one profile, so one link to a), but only x also names b, where a
    statushouder is needed; z, served first, takes any unit and may move to c."""
    complexes = tuple(
        Complex(c, c.upper(), (Cluster(f"{c}1", c.upper(), "gang", units=(unit(f"u{c}"),)),))
        for c in ("a", "b", "c")
    )
    people = (
        applicant("z", ("*",), urgency=3),
        applicant("x", ("a", "b"), group="statushouder", urgency=2),
        applicant("y", ("a",), group="statushouder", urgency=1),
    )
    minimum = Bound("b-status", "b", Dimension.GROUP, "statushouder", minimum=1)
    return Round("closed-link", DATE, complexes, people, Policy((minimum,)))


def test_an_option_refused_to_one_applicant_stays_open_to_a_like_applicant() -> None:
    # x cannot have a: nobody else could meet b's minimum. Once x is committed to b, y can have
    # a if z moves to c. A refusal proven for x by counting says nothing about y.
    round_ = _closed_for_one_open_for_the_next()
    placed = {a.applicant_id: a.complex_id for a in allocate(round_, Mode.PRIORITY).assignments}
    assert placed == {"z": "c", "x": "b", "y": "a"}
    assert strict_violation(round_, Mode.PRIORITY) is None
