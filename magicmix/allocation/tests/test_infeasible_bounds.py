"""Hard bounds that cannot hold together never crash: the result names a smallest conflicting set."""

from __future__ import annotations

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import Bound, Complex, Dimension, Mode, Policy, Round

from .factories import DATE, applicant, unit


def _round(*bounds: Bound) -> Round:
    units = tuple(unit(f"u{i}") for i in range(4))
    people = tuple(
        applicant(f"a{i}", group="statushouder" if i < 2 else "jongere") for i in range(6)
    )
    return Round("r", DATE, (Complex("c", "C", units=units),), people, Policy(bounds))


def test_conflicting_minimum_and_maximum_are_named_and_nothing_else() -> None:
    round_ = _round(
        Bound("min-status", "c", Dimension.GROUP, "statushouder", minimum=2),
        Bound("max-status", "c", Dimension.GROUP, "statushouder", maximum=1),
        Bound("max-young", "c", Dimension.GROUP, "jongere", maximum=3),
    )
    for mode in Mode:
        result = allocate(round_, mode)
        assert not result.feasible
        assert result.conflict is not None
        assert result.conflict.bound_ids == ("max-status", "min-status")
        assert (
            "max-status" in result.conflict.reason.nl and "min-status" in result.conflict.reason.en
        )
        assert len(result.explanations) == 6


def test_a_minimum_the_applicants_cannot_meet_is_named_alone() -> None:
    round_ = _round(
        Bound("min-status", "c", Dimension.GROUP, "statushouder", minimum=3),
        Bound("max-young", "c", Dimension.GROUP, "jongere", maximum=3),
    )
    result = allocate(round_, Mode.OPTIMAL)
    assert result.conflict is not None and result.conflict.bound_ids == ("min-status",)


def test_a_soft_bound_never_makes_a_round_infeasible() -> None:
    round_ = _round(
        Bound("min-status", "c", Dimension.GROUP, "statushouder", minimum=3, hard=False, penalty=10)
    )
    result = allocate(round_, Mode.OPTIMAL)
    assert result.feasible
    (report,) = result.policy
    assert report.shortfall == 1 and report.notes[0].code == "shortfall"


def test_a_hard_minimum_missed_is_reported_as_hard_not_as_soft_with_penalty_0() -> None:
    round_ = _round(Bound("min-status", "c", Dimension.GROUP, "statushouder", minimum=3))
    result = allocate(round_, Mode.PRIORITY)
    assert not result.feasible
    (report,) = result.policy
    assert report.hard and report.shortfall == 3
    (note,) = report.notes
    assert note.code == "shortfall_hard"
    assert "harde grens" in note.nl and "hard bound" in note.en and "boete" not in note.nl
