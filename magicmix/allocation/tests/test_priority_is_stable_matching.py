"""With common priorities, unit capacities and no mix bounds, priority mode is the
applicant-optimal stable matching (hospital-resident game, `matching` package)."""

from __future__ import annotations

from matching.games import HospitalResident

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import Mode
from magicmix.allocation.problem import Problem

from .factories import random_round


def _stable_matching(problem: Problem) -> dict[str, str]:
    order = sorted(problem.candidates, key=lambda c: c.position)
    residents: dict[str, list[str]] = {}
    for c in order:
        ranked = [problem.cells[cell].units[0] for option in c.options for cell in option.cells]
        if ranked:
            residents[c.applicant.id] = ranked
    hospitals = {
        u: [c.applicant.id for c in order if u in residents.get(c.applicant.id, [])]
        for cell in problem.cells
        for u in cell.units
    }
    hospitals = {u: prefs for u, prefs in hospitals.items() if prefs}
    if not residents:
        return {}
    game = HospitalResident.create_from_dictionaries(
        residents, hospitals, dict.fromkeys(hospitals, 1)
    )
    solution = game.solve(optimal="resident")
    return {
        resident.name: hospital.name
        for hospital, matched in solution.items()
        for resident in matched
    }


def test_priority_mode_equals_applicant_optimal_stable_matching() -> None:
    compared = 0
    for seed in range(80):
        round_ = random_round(seed, applicants=8, units=6, bounds=False, strict_units=True)
        expected = _stable_matching(Problem(round_))
        result = allocate(round_, Mode.PRIORITY)
        assert {a.applicant_id: a.unit_id for a in result.assignments} == expected, round_.id
        compared += len(expected)
    assert compared > 100
