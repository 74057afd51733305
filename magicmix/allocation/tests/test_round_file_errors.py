"""Bad input gives one clear message per problem with its JSON path or CSV row, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import pytest

from magicmix.allocation.cli import main
from magicmix.allocation.io import RoundError, json_schema, parse_round

SCHEMA = Path(__file__).parents[1] / "schema" / "round-v1.schema.json"


def _round(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": "r",
        "date": "2026-03-01",
        "complexes": [
            {
                "id": "c",
                "clusters": [
                    {
                        "id": "g",
                        "kind": "gang",
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
        ],
        "applicants": [
            {
                "id": "a1",
                "group": "jongere",
                "role": "supporting",
                "household_size": 1,
                "age": 22,
                "income": 20000,
                "registration_date": "2020-01-01",
                "preferences": ["g"],
            }
        ],
    }
    data.update(overrides)
    return data


def _problems(data: object) -> list[str]:
    with pytest.raises(RoundError) as caught:
        parse_round(data)
    return caught.value.problems


def test_a_valid_round_parses() -> None:
    assert parse_round(_round()).applicants[0].preferences == ("g",)


def test_each_problem_is_named_by_its_json_path() -> None:
    data = _round()
    first = cast(list[dict[str, object]], data["applicants"])[0]
    data["applicants"] = [{**first, "role": "boss", "age": -1, "preferences": ["nowhere"]}]
    data["policy"] = {
        "bounds": [
            {
                "id": "b",
                "scope": "x",
                "dimension": "group",
                "value": "g",
                "min": 0.7,
                "max": 0.5,
                "share": True,
            }
        ]
    }
    problems = _problems(data)
    assert "$.applicants[0].role: Input should be 'supporting' or 'supported'" in problems
    assert any(p.startswith("$.applicants[0].age:") for p in problems)
    assert any(
        p.startswith("$.policy.bounds[0]:") and "min 0.7 is above max 0.5" in p for p in problems
    )


def test_references_are_checked_after_the_shape() -> None:
    data = _round(
        policy={"bounds": [{"id": "b", "scope": "x", "dimension": "group", "value": "g", "max": 1}]}
    )
    data["applicants"] = [{**data["applicants"][0], "preferences": ["nowhere"]}] * 2  # type: ignore[index]
    assert sorted(_problems(data)) == [
        "$.applicants[0].preferences[0]: unknown complex, cluster or unit 'nowhere'",
        "$.applicants[1].id: applicant 'a1' also at $.applicants[0].id",
        "$.applicants[1].preferences[0]: unknown complex, cluster or unit 'nowhere'",
        "$.policy.bounds[0].scope: unknown complex or cluster 'x'",
    ]


def test_the_committed_schema_matches_the_code() -> None:
    assert json.loads(SCHEMA.read_text()) == json_schema()


def test_cli_reports_bad_files_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "round.json"
    broken.write_text("{not json")
    assert main([str(broken)]) == 2
    assert "not valid JSON at line 1" in capsys.readouterr().err
    assert main([str(tmp_path / "missing.json")]) == 2
    rows = tmp_path / "applicants.csv"
    rows.write_text(
        "id,group,role,household_size,age,income,registration_date,preferences\n"
        "a1,jongere,supporting,1,22,20000,2020-01-01,g\n"
        "a2,jongere,nobody,1,abc,20000,2020-01-01,g\n"
    )
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_round()))
    assert main([str(good), "--applicants", str(rows)]) == 2
    err = capsys.readouterr().err
    assert "applicants.csv row 3, column role" in err and "applicants.csv row 3, column age" in err
    rows.write_text(
        rows.read_text().splitlines()[0]
        + "\na3,jongere,supporting,1,22,20000,2020-01-01,g;nowhere\n"
    )
    assert main([str(good), "--applicants", str(rows)]) == 2
    err += capsys.readouterr().err
    assert (
        "applicants.csv row 2, column preferences: unknown complex, cluster or unit 'nowhere'"
        in err
    )
    assert "Traceback" not in err
