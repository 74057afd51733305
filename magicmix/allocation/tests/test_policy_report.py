"""The policy report: shares of places, before/after counts, and 'do not make it worse'."""

from __future__ import annotations

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import (
    Bound,
    Complex,
    Dimension,
    Mode,
    Occupant,
    Policy,
    Role,
    Round,
    SupportLevel,
)

from .factories import DATE, applicant, unit

STATUS = Occupant("statushouder", Role.SUPPORTED, SupportLevel.NONE)


def test_a_share_is_taken_of_the_places_and_a_maximum_rounds_down() -> None:
    units = tuple(unit(f"u{i:03d}", STATUS if i < 200 else None) for i in range(565))
    round_ = Round(
        "r",
        DATE,
        (Complex("c", "C", units=units),),
        (),
        Policy(
            (
                Bound(
                    "half",
                    "c",
                    Dimension.GROUP,
                    "statushouder",
                    minimum=0.1,
                    maximum=0.5,
                    share=True,
                ),
            )
        ),
    )
    (report,) = allocate(round_, Mode.PRIORITY).policy
    assert (report.places, report.target_max, report.target_min, report.before) == (
        565,
        282,
        57,
        200,
    )


def test_a_bound_already_broken_is_not_made_worse_and_the_report_says_so() -> None:
    units = (unit("u1", STATUS), unit("u2", STATUS), unit("u3"), unit("u4"))
    people = (applicant("a1", group="statushouder", urgency=1), applicant("a2", group="jongere"))
    round_ = Round(
        "r",
        DATE,
        (Complex("c", "C", units=units),),
        people,
        Policy((Bound("max-status", "c", Dimension.GROUP, "statushouder", maximum=1),)),
    )
    for mode in Mode:
        result = allocate(round_, mode)
        (report,) = result.policy
        assert (report.before, report.after, report.effective_max) == (2, 2, 2), mode
        assert report.notes[0].code == "exceeded_before"
        assert [a.applicant_id for a in result.assignments] == ["a2"], mode
        assert "maximaal" in result.explanations[0].text("nl")
