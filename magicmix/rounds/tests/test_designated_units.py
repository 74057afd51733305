"""A unit's designation (bestemming) reaches the engine from the model and decides who gets it.

The oracle is a brute force over every way to give the round's units to its candidates: keep
those that honour the hard designations, and take the one that places the candidates earliest
in the serving order (strict priority when every candidate accepts any unit). It reads the
designation from the unit's fields and each candidate's group and role from the application,
not from the engine's input.
"""

from __future__ import annotations

import itertools

import pytest

from magicmix.housing.models import DesignatedBy, Designation, Unit
from magicmix.rounds.models import CandidateOutcome, Round
from magicmix.rounds.services import runs
from magicmix.selection.models import Application

from .helpers import new_round, scene

pytestmark = pytest.mark.django_db


def _counts(unit: Unit, application: Application) -> bool:
    """Whether `unit`'s designation counts `application` (group by code, role as nominated)."""
    if unit.designated_dimension == DesignatedBy.GROUP:
        return application.target_group.code == unit.designated_value
    role = "supported" if hasattr(application, "nomination") else "supporting"
    return role == unit.designated_value


def _brute_force(units: list[Unit], candidates: list[Application]) -> set[int]:
    """The placed candidates of the lexicographically best feasible allocation, candidates
    served by registration date (the round's only ranking key that differs here)."""
    order = sorted(candidates, key=lambda a: a.registered_on)
    best: tuple[bool, ...] = ()
    placed: set[int] = set()
    for taken in itertools.product([None, *order], repeat=len(units)):
        people = [a for a in taken if a is not None]
        if len({a.pk for a in people}) < len(people):
            continue  # one unit per candidate
        if any(
            a is not None and u.designation == Designation.HARD and not _counts(u, a)
            for u, a in zip(units, taken, strict=True)
        ):
            continue
        key = tuple(a in people for a in order)
        if key > best:
            best, placed = key, {a.pk for a in people}
    return placed


def _designate(unit: Unit, dimension: str, value: str, strength: str = Designation.HARD) -> None:
    unit.designation = strength
    unit.designated_for = (dimension, value)
    unit.save()


def _placed(round_: Round) -> dict[int, Unit]:
    run = round_.latest_run()
    assert run is not None and not run.failed, run and run.error
    return {o.application_id: o.unit for o in run.outcomes.all() if o.unit is not None}


def test_a_hard_designation_decides_who_gets_the_unit_as_a_brute_force_says() -> None:
    s = scene(vacancies=3, students=3, statushouders=2)
    # Without designations the three students, who registered first, take every unit.
    undesignated = new_round(s, title="Zonder bestemming")
    runs.execute(undesignated.pk)
    students = {a.pk for a in s.applications if a.target_group.code == "student"}
    assert set(_placed(undesignated)) == _brute_force(s.units, s.applications) == students

    first, second, _third = s.units
    _designate(first, DesignatedBy.GROUP, "statushouder")
    _designate(second, DesignatedBy.ROLE, "supporting")
    round_ = new_round(s, title="Om-en-om")
    runs.execute(round_.pk)
    placed = _placed(round_)
    expected = _brute_force(s.units, s.applications)
    assert set(placed) == expected
    # The designation changed the outcome: the first statushouder now gets a home.
    assert expected != students
    by_pk = {a.pk: a for a in s.applications}
    for application_pk, unit in placed.items():
        unit.refresh_from_db()
        if unit.designation == Designation.HARD:
            assert _counts(unit, by_pk[application_pk]), unit.code

    # The explanation names the designation, in Dutch and English, and the report counts it.
    holder = next(pk for pk, unit in placed.items() if unit.pk == first.pk)
    outcome = CandidateOutcome.objects.get(run=round_.latest_run(), application_id=holder)
    assert outcome.designation_note["code"] == "designated_hard"
    assert "bestemd voor" in outcome.designation_note["nl"]
    assert "doelgroep Statushouder" in outcome.designation_note["nl"]
    assert "designated for" in outcome.designation_note["en"]
    run = round_.latest_run()
    assert run is not None
    rows = {(r["dimension"], r["value"]): r for r in run.metrics["designations"]}
    assert rows[("group", "statushouder")] | {"name": ""} == {
        "dimension": "group",
        "value": "statushouder",
        "name": "",
        "hard": True,
        "vacancies": 1,
        "filled": 1,
        "filled_by_them": 1,
    }
    assert rows[("group", "statushouder")]["name"] == "Statushouder"
    assert rows[("role", "supporting")]["filled_by_them"] == 1
