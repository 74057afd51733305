"""A time limit bounds a run's solves; when it is reached the result says so (issue 10, item 6).

A limit of 0 is reached before any solve starts, which makes these tests exact
instead of timed: optimal mode then returns the best allocation it has (the
priority mode's) with a bound and gap; priority mode refuses what it could not
prove in time and says so.
"""

from __future__ import annotations

import dataclasses
import json

from magicmix.allocation.cli import main
from magicmix.allocation.engine import allocate
from magicmix.allocation.io import parse_round
from magicmix.allocation.model import Mode

from .factories import nested_round, random_round
from .strict import strict_violation
from .test_strict_priority import _om_en_om


def test_without_a_limit_nothing_is_reported() -> None:
    result = allocate(_om_en_om(), Mode.PRIORITY)
    assert result.time_limit is None and not result.time_limit_reached


def test_optimal_mode_out_of_time_returns_the_best_allocation_with_bound_and_gap() -> None:
    round_ = random_round(5, applicants=8, units=5, bounds=False)
    full = allocate(round_, Mode.OPTIMAL)
    cut = allocate(round_, Mode.OPTIMAL, time_limit=0)
    assert not full.time_limit_reached and cut.time_limit_reached and cut.time_limit == 0
    assert cut.feasible and cut.assignments
    assert cut.certificate is not None and full.certificate is not None
    assert cut.certificate.objective <= full.certificate.objective + 1e-6
    assert cut.certificate.bound >= full.certificate.objective - 1e-6
    assert cut.certificate.gap >= 0 and not (cut.certificate.gap == 0 and cut.max_fill)


def test_priority_mode_out_of_time_says_its_refusals_are_unproven() -> None:
    # In this round (found by search) an applicant needs a relayout, an integer programme.
    round_ = nested_round(2, applicants=9)
    full = allocate(round_, Mode.PRIORITY)
    cut = allocate(round_, Mode.PRIORITY, time_limit=0)
    assert full.solves > 0 and not full.time_limit_reached
    assert cut.time_limit_reached and cut.max_fill is None
    assert cut.assignments != full.assignments
    # Out of time or not, every hard bound holds.
    assert strict_violation(round_) is None
    assert "hard bound" not in (strict_violation(dataclasses.replace(round_, time_limit=0)) or "")


def test_a_layout_found_by_moving_applicants_needs_no_solve_and_no_time() -> None:
    cut = allocate(_om_en_om(), Mode.PRIORITY, time_limit=0)
    assert not cut.time_limit_reached and cut.solves == 0
    assert "third" in {a.applicant_id for a in cut.assignments}


def test_the_round_file_carries_the_limit_and_the_cli_flag_overrides_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    round_ = dataclasses.replace(nested_round(2, applicants=9), time_limit=0.0)
    assert allocate(round_).time_limit_reached
    assert not allocate(round_, time_limit=60).time_limit_reached
    data = {
        "format": "magicmix-round",
        "version": 1,
        "id": "r",
        "date": "2026-03-01",
        "time_limit": 5,
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
    }
    assert parse_round(data).time_limit == 5
    path = tmp_path / "round.json"
    path.write_text(json.dumps(data))
    out = tmp_path / "result.json"
    assert main([str(path), "--time-limit", "30", "--out", str(out)]) == 0
    result = json.loads(out.read_text())["result"]
    assert result["time_limit"] == 30 and result["time_limit_reached"] is False
