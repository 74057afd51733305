"""The CLI as a newcomer meets it (issue 10): example rounds, optional fields, one pass
over every problem, Dutch values, English throughout with --lang en, helpful option errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from magicmix.allocation.cli import main
from magicmix.allocation.generate import generate
from magicmix.allocation.io import RoundError, load_round, parse_round, round_to_data
from magicmix.allocation.model import Role, SupportLevel

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"


def _minimal(**applicant: object) -> dict[str, object]:
    return {
        "id": "r",
        "date": "2026-03-01",
        "complexes": [{"id": "c", "units": [{"id": "u1"}, {"id": "u2"}]}],
        "applicants": [{"id": "a", "preferences": ["c"], **applicant}],
    }


def test_the_example_and_generated_rounds_are_valid_and_run(tmp_path: Path) -> None:
    out = tmp_path / "round.json"
    assert main(["example", "--out", str(out)]) == 0
    assert main([str(out), "--out", str(tmp_path / "result.json")]) == 0
    assert main(["generate", "--size", "S", "--seed", "3", "--out", str(out)]) == 0
    assert load_round(out) == parse_round(round_to_data(generate("S", 3)))
    # The rounds that ship with the repository.
    for name in ("small.json", "s.json"):
        assert load_round(EXAMPLES / name).applicants


def test_a_minimal_round_is_valid_and_dutch_values_are_read() -> None:
    round_ = parse_round(_minimal(role="vragend", support="intensief"))
    (a,) = round_.applicants
    assert (a.role, a.support) == (Role.SUPPORTED, SupportLevel.INTENSIVE)
    assert parse_round(_minimal(role="dragend", support="licht")).applicants[0].support is (
        SupportLevel.LIGHT
    )


def test_a_rule_that_reads_an_optional_field_asks_for_it() -> None:
    data = _minimal()
    data["policy"] = {"eligibility": {"max_rent_to_income": 0.4}}
    with pytest.raises(RoundError) as caught:
        parse_round(data)
    assert any("units[0].rent: needed" in p for p in caught.value.problems)
    assert any("applicants[0].income: needed" in p for p in caught.value.problems)


def test_one_pass_names_shape_errors_and_unknown_ids_together() -> None:
    data = _minimal(household_size=0, preferences=["nowhere"])
    with pytest.raises(RoundError) as caught:
        parse_round(data)
    problems = caught.value.problems
    assert any("household_size" in p for p in problems)
    assert any("unknown complex, cluster or unit 'nowhere'" in p for p in problems)


def test_a_file_that_is_not_a_round_says_so_in_one_line() -> None:
    for data in ([1, 2], {"format": "magicmix-result", "result": {}}, {"foo": 1}):
        with pytest.raises(RoundError) as caught:
            parse_round(data)
        assert len(caught.value.problems) == 1 and "not a magicmix round" in str(caught.value)


def test_option_errors_help(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "round.json"
    source.write_text(json.dumps(_minimal()))
    with pytest.raises(SystemExit):
        main([str(source), "--mode", "optimall"])
    assert "per-vacancy" in capsys.readouterr().err
    assert main([str(source), "--seed", "4", "--out", str(tmp_path / "r.json")]) == 0
    assert "--seed" in capsys.readouterr().err
    assert (
        main([str(source), "--mode", "lottery", "--seed", "4", "--out", str(tmp_path / "r.json")])
        == 0
    )
    assert "--seed" not in capsys.readouterr().err


def test_lang_en_translates_the_whole_report(tmp_path: Path) -> None:
    source, report = tmp_path / "round.json", tmp_path / "report.md"
    assert main(["example", "--out", str(source)]) == 0
    assert (
        main(
            [
                str(source),
                "--out",
                str(tmp_path / "r.json"),
                "--report",
                str(report),
                "--lang",
                "en",
                "--compare",
                "--price-of-mix",
            ]
        )
        == 0
    )
    text = report.read_text()
    for dutch in ("Toewijzing", "Gevuld", "Beleid", "Uitleg", "Vergelijking", "Prijs", "keuze"):
        assert dutch not in text, dutch
    assert "## Explanation per applicant" in text and "## Policy" in text


def test_on_a_terminal_the_result_is_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "round.json"
    source.write_text(json.dumps(_minimal()))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main([str(source), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Allocation r (priority)") and "1 of 1 applicants placed" in out
    assert "{" not in out
