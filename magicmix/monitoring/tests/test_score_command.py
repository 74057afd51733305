"""`magicmix-score` end to end: CSV in, CSV out, and bad files refused with row and column."""

import csv
import io
import itertools
import subprocess
import sys
from pathlib import Path

from magicmix.monitoring.scoring import cli

from .test_score_djg6 import ITEMS, published


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "magicmix.monitoring.scoring.cli", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_scores_every_djg6_pattern_through_the_command(tmp_path: Path) -> None:
    patterns = list(itertools.product(["ja", "min of meer", "nee", None], repeat=6))
    answers = tmp_path / "answers.csv"
    with answers.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["respondent", "leeftijd", *ITEMS])
        for n, pattern in enumerate(patterns):
            writer.writerow([f"r{n}", "30", *(answer or "" for answer in pattern)])
    done = run("djg6", str(answers))
    assert done.returncode == 0, done.stderr
    assert "de Jong Gierveld" in done.stderr.replace("De Jong", "de Jong")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0]) == ["respondent", "total", "emotional", "social", "band"]
    assert len(rows) == len(patterns)
    for row, pattern in zip(rows, patterns, strict=True):
        expected = published(dict(zip(ITEMS, pattern, strict=True)))
        assert row == {"respondent": row["respondent"]} | {
            key: "" if value is None else str(value) for key, value in expected.items()
        }


def test_who5_writes_raw_index_and_poor(tmp_path: Path) -> None:
    answers = tmp_path / "who5.csv"
    answers.write_text("respondent,q1,q2,q3,q4,q5\na,5,5,5,5,5\nb,2,2,2,2,2\nc,5,,5,5,5\n")
    out = tmp_path / "scores.csv"
    done = run("who5", str(answers), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text() == "respondent,raw,index,poor\na,25,100,0\nb,10,40,1\nc,,,\n"


def test_bad_values_are_reported_with_row_and_column_and_nothing_is_written(tmp_path: Path) -> None:
    answers = tmp_path / "bad.csv"
    answers.write_text(
        "respondent,q1,q2,q3,q4,q5\na,5,5,5,5,5\nb,6,2,2,2,2\na,1,1,1,1,x\n,1,1,1,1,1\n"
    )
    out = tmp_path / "scores.csv"
    done = run("who5", str(answers), "-o", str(out))
    assert done.returncode == 2
    assert "row 3, column q1: '6'" in done.stderr
    assert "row 4, column respondent: 'a' is also on row 2" in done.stderr
    assert "row 4, column q5: 'x'" in done.stderr
    assert "row 5, column respondent" in done.stderr
    assert not out.exists()


def test_missing_columns_and_unknown_instruments() -> None:
    instrument = cli.instrument_named("djg6")
    try:
        cli.read_rows(instrument, "respondent,q3,q4\nr1,ja,nee\n")
    except cli.BadFile as bad:
        assert bad.errors == [f"the header has no column {c!r}" for c in ["q7", "q8", "q9", "q10"]]
    else:
        raise AssertionError("a file without all items was accepted")
    done = run("nope", "whatever.csv")
    assert done.returncode != 0 and "unknown instrument 'nope'" in done.stderr
