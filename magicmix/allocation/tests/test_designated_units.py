"""Designated units (bestemming, issue 10 item 3): "a unit vacated by a statushouder goes to a
statushouder". Hard: only they may take it. Soft: they come first, others take it only when
nothing else of their choice is open. The explanation names it; the report counts them."""

from __future__ import annotations

from magicmix.allocation.engine import allocate
from magicmix.allocation.io import parse_round
from magicmix.allocation.model import Complex, Designation, Dimension, Mode, Role, Round

from .factories import DATE, applicant, unit

STATUS = Designation(Dimension.GROUP, "statushouder")


def _round(designation: Designation, *people_prefs: tuple[str, str, tuple[str, ...]]) -> Round:
    units = (unit("u1", designation=designation), unit("u2"))
    people = tuple(
        applicant(
            aid,
            prefs,
            group=group,
            urgency=len(people_prefs) - k,
            role=Role.SUPPORTED if group == "statushouder" else Role.SUPPORTING,
        )
        for k, (aid, group, prefs) in enumerate(people_prefs)
    )
    return Round("r", DATE, (Complex("c", "C", units=units),), people)


def test_a_hard_designation_keeps_the_unit_for_its_group_and_says_why() -> None:
    round_ = _round(STATUS, ("young", "jongere", ("u1", "u2")), ("status", "statushouder", ("c",)))
    for mode in Mode:
        result = allocate(round_, mode)
        placed = {a.applicant_id: a.unit_id for a in result.assignments}
        assert placed == {"young": "u2", "status": "u1"}, mode
    young = next(e for e in allocate(round_).explanations if e.applicant_id == "young")
    why = young.reasons[1]
    assert why.code == "ineligible" and why.params["rule"] == "designation"
    assert why.params["limit"] == "statushouder" and "bestemming" in why.nl
    status = next(e for e in allocate(round_).explanations if e.applicant_id == "status")
    assert status.reasons[1].code == "designated_hard" and "statushouder" in status.reasons[1].en
    (report,) = allocate(round_).designations
    assert (report.vacancies, report.filled, report.filled_by_them) == (1, 1, 1)


def test_nobody_else_takes_a_hard_designated_unit_even_if_it_stays_empty() -> None:
    round_ = _round(STATUS, ("a", "jongere", ("c",)), ("b", "jongere", ("c",)))
    result = allocate(round_)
    assert {a.unit_id for a in result.assignments} == {"u2"}
    (report,) = result.designations
    assert (report.filled, report.filled_by_them) == (0, 0)


def test_a_soft_designation_gives_its_group_first_call_in_every_mode() -> None:
    soft = Designation(Dimension.GROUP, "statushouder", hard=False)
    round_ = _round(soft, ("young", "jongere", ("c",)), ("status", "statushouder", ("c",)))
    for mode in Mode:
        placed = {a.applicant_id: a.unit_id for a in allocate(round_, mode).assignments}
        assert placed == {"young": "u2", "status": "u1"}, mode
    # With nobody of the group, anyone may take it.
    alone = _round(soft, ("a", "jongere", ("c",)), ("b", "jongere", ("c",)))
    for mode in Mode:
        result = allocate(alone, mode)
        assert len(result.assignments) == 2, mode
        (report,) = result.designations
        assert (report.hard, report.filled, report.filled_by_them) == (False, 1, 0)


def test_the_round_file_carries_designations() -> None:
    data = {
        "format": "magicmix-round",
        "version": 1,
        "id": "r",
        "date": "2026-03-01",
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
                        "designation": {"dimension": "role", "value": "supporting", "hard": False},
                    },
                ],
            }
        ],
    }
    (complex_,) = parse_round(data).complexes
    assert complex_.units[0].designation == Designation(Dimension.ROLE, "supporting", False)
