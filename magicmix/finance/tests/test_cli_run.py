"""magicmix-business-case writes the yearly flows as CSV and the summary as JSON."""

import csv
import json
from pathlib import Path

import pytest

from magicmix.finance.cli import main

from .cases import EXAMPLES


def test_writes_flows_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLES / "relocation-rthf.json"), "--out", str(tmp_path)]) == 0
    rows = list(csv.DictReader((tmp_path / "relocation-rthf.flows.csv").open()))
    assert [row["net"] for row in rows] == [
        "-920000.00",
        "117800.00",
        "-71200.00",
        "117800.00",
        "832800.00",
    ]
    assert rows[4]["rthf_compensation"] == "255000.00"
    assert rows[4]["state_net"] == "-180000.00"
    summary = json.loads((tmp_path / "relocation-rthf.summary.json").read_text())
    assert summary["npv"] == 77200.0
    assert summary["onrendabele_top"] == 22800.0
    assert summary["break_even_year"] == 4
    assert summary["stakeholders"]["municipality"]["net"] == -305000.0
    assert summary["stakeholders"]["care_partner"]["lines"] == {"support": -90000.0}
    assert len(summary["sensitivity"]) == 10
    assert "relocation-rthf.summary.json" in capsys.readouterr().out


def test_bad_file_exits_2_with_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x"}')
    assert main([str(bad), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "error: $.start_year: Field required" in err
    assert not (tmp_path / "bad.flows.csv").exists()


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "none.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
