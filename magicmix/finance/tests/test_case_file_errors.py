"""A bad case file is refused with one message per problem, naming its JSON path."""

import json
from pathlib import Path

import pytest

from magicmix.finance.model.io import CaseError, case_data, json_schema, parse_case, parse_text

from .cases import example

SCHEMA = Path(__file__).parents[1] / "schema" / "case-v1.schema.json"


def studios() -> dict:
    return case_data(example("studios"))


def problems(data: object) -> list[str]:
    with pytest.raises(CaseError) as error:
        parse_case(data)
    return error.value.problems


def test_the_committed_schema_matches_the_code() -> None:
    assert json.loads(SCHEMA.read_text()) == json_schema()


def test_a_case_survives_export_and_import() -> None:
    case = example("relocation-rthf")
    assert parse_case(json.loads(json.dumps(case_data(case)))) == case


def test_shape_errors_name_the_path() -> None:
    data = studios()
    data["unit_types"][0]["rents"][0]["rent_per_month"] = -5
    data["residual"]["relocate"] = 0.9
    data["colour"] = "red"
    assert problems(data) == [
        "$.unit_types[0].rents[0].rent_per_month: Input should be greater than or equal to 0",
        "$.residual.relocate: Input should be less than or equal to 0.85",
        "$.colour: Unexpected keyword argument",
    ]


def test_shares_years_and_sources_are_checked() -> None:
    data = studios()
    data["unit_types"][0]["rents"][0]["share"] = 0.6
    data["relocations"] = [{"year": 7}]
    data["subsidies"] = [{"name": "eigen", "payer": "corporation", "amount": 1}]
    data["social_management"]["paid_by"] = {"corporation": 0.5}
    data["sources"] = {
        "unit_types[3].count": {"as_of": "2026-01-01", "source": "x"},
        "vacancy": {"as_of": "2026-01-01", "source": "x"},
    }
    assert problems(data) == [
        "$.unit_types[0].rents: the shares of the contract types add up to 0.6, not 1",
        "$.social_management.paid_by: the shares of the payers add up to 0.5, not 1",
        "$.relocations[0].year: year 7 lies after the last year 5",
        "$.subsidies[0].payer: a subsidy comes from another party than the corporation",
        "$.sources['unit_types[3].count']: no figure at this path",
        "$.sources['vacancy']: names a group, not a figure",
    ]


def test_rthf_homes_and_shares() -> None:
    data = studios()
    data["rthf"] = {
        "homes": 11,
        "garantiebedrag_per_home": 1,
        "shares": {"state": 0.6, "municipality": 0.3, "investor": 0.15},
    }
    assert problems(data) == [
        "$.rthf.shares: the shares of the parties add up to 1.05, not 1",
        "$.rthf.homes: 11 homes, but the case has 10 units",
    ]


def test_not_json() -> None:
    with pytest.raises(CaseError) as error:
        parse_text("{", "case.json")
    assert error.value.problems == [
        "case.json: not valid JSON at line 1, column 2: Expecting property name enclosed in double quotes"
    ]
