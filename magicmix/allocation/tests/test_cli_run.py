"""magicmix-allocate runs a round and writes the result as JSON and a readable report."""

from __future__ import annotations

import json
from pathlib import Path

from magicmix.allocation.cli import main

from .test_round_file_errors import _round


def test_run_writes_json_markdown_and_html(tmp_path: Path) -> None:
    source = tmp_path / "round.json"
    source.write_text(json.dumps(_round()))
    out, md, page = tmp_path / "result.json", tmp_path / "report.md", tmp_path / "report.html"
    assert (
        main(
            [
                str(source),
                "--mode",
                "optimal",
                "--out",
                str(out),
                "--report",
                str(md),
                "--compare",
                "--price-of-mix",
            ]
        )
        == 0
    )
    data = json.loads(out.read_text())
    assert data["result"]["assignments"] == [
        {"unit_id": "u1", "applicant_id": "a1", "complex_id": "c", "rank": 1}
    ]
    assert data["result"]["certificate"]["gap"] == 0.0
    assert set(data["comparison"]["metrics"]) == {"priority", "optimal", "lottery", "per-vacancy"}
    explanation = data["result"]["explanations"][0]["reasons"][0]
    assert (
        explanation["code"] == "placed"
        and "Geplaatst" in explanation["nl"]
        and "Placed" in explanation["en"]
    )
    assert "## Uitleg per woningzoekende" in md.read_text()
    assert main([str(source), "--out", str(out), "--report", str(page), "--lang", "en"]) == 0
    assert (
        page.read_text().startswith("<!doctype html>") and "Placed in unit u1" in page.read_text()
    )


def test_conflicting_bounds_exit_with_1_and_name_them(tmp_path: Path) -> None:
    source = tmp_path / "round.json"
    source.write_text(
        json.dumps(
            _round(
                policy={
                    "bounds": [
                        {
                            "id": "need-one",
                            "scope": "c",
                            "dimension": "group",
                            "value": "statushouder",
                            "min": 1,
                        }
                    ]
                }
            )
        )
    )
    assert main([str(source), "--out", str(tmp_path / "r.json")]) == 1
    assert json.loads((tmp_path / "r.json").read_text())["result"]["conflict"]["bound_ids"] == [
        "need-one"
    ]


def test_the_streamed_json_is_the_same_document() -> None:
    import io

    from magicmix.allocation.engine import allocate, compare_modes, price_of_mix
    from magicmix.allocation.export import to_json, write_json
    from magicmix.allocation.model import Mode

    from .factories import random_round

    round_ = random_round(4, applicants=7)
    result = allocate(round_, Mode.PRIORITY)
    price, comparison = price_of_mix(round_, Mode.PRIORITY), compare_modes(round_)
    handle = io.StringIO()
    write_json(result, handle, price, comparison)
    assert json.loads(handle.getvalue()) == json.loads(to_json(result, price, comparison))
