"""`magicmix-score INSTRUMENT answers.csv`: score exported or collected answers.

The CSV has a `respondent` column and one column per item code; an empty cell is a missing
answer. The output CSV has `respondent` and the instrument's scores. Every bad value is
reported with its row and column, and then nothing is written. See docs/monitoring.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from .definition import Instrument, InvalidAnswer, load, load_all
from .rules import Score, score

MAX_ERRORS = 20  # reported in full; beyond that only their number
MAX_CELL = 200


class BadFile(ValueError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def instrument_named(name: str) -> Instrument:
    """A shipped instrument by code, or a definition file by path."""
    shipped = load_all()
    if name in shipped:
        return shipped[name]
    path = Path(name)
    if path.suffix == ".json" and path.is_file():
        return load(path)
    raise SystemExit(f"unknown instrument {name!r}; shipped: {', '.join(sorted(shipped))}")


def read_rows(instrument: Instrument, text: str) -> list[tuple[str, dict[str, str | None]]]:
    """(respondent, checked answers) per data row; raises BadFile naming every bad cell."""
    dialect = _dialect(text)
    reader = csv.reader(io.StringIO(text), dialect)
    header = [cell.strip() for cell in next(reader, [])]
    columns = {name.casefold(): i for i, name in enumerate(header)}
    errors = [
        f"the header has no column {c!r}"
        for c in ["respondent", *instrument.item_codes]
        if c.casefold() not in columns
    ]
    if errors:
        raise BadFile(errors)
    rows: list[tuple[str, dict[str, str | None]]] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            errors.append(f"row {number}: {len(cells)} cells, the header has {len(header)}")
            continue
        respondent = cells[columns["respondent"]].strip()
        if not respondent or len(respondent) > MAX_CELL:
            errors.append(
                f"row {number}, column respondent: give an identifier of at most {MAX_CELL} characters"
            )
        elif respondent in seen:
            errors.append(
                f"row {number}, column respondent: {respondent!r} is also on row {seen[respondent]}"
            )
        seen.setdefault(respondent, number)
        answers: dict[str, str | None] = {}
        for code in instrument.item_codes:
            cell = cells[columns[code.casefold()]].strip()[:MAX_CELL]
            try:
                answers[code] = instrument.scale.parse(cell) if cell else None
            except InvalidAnswer as error:
                errors.append(f"row {number}, column {code}: {error}")
        rows.append((respondent, answers))
    if errors:
        raise BadFile(errors)
    return rows


def write_scores(instrument: Instrument, rows: Iterable[tuple[str, dict[str, str | None]]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["respondent", *instrument.score_codes])
    for respondent, answers in rows:
        scores = score(instrument, answers)
        writer.writerow([respondent, *(_cell(scores[code]) for code in instrument.score_codes)])
    return buffer.getvalue()


def _cell(value: Score) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _dialect(text: str) -> type[csv.Dialect]:
    """Comma, semicolon (Dutch spreadsheets) or tab, from the header line."""
    first = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="magicmix-score", description="Score the answers of an instrument (CSV in, CSV out)."
    )
    parser.add_argument(
        "instrument", help="code of a shipped instrument (djg6, who5, …) or a definition .json"
    )
    parser.add_argument("answers", type=Path, help="CSV: respondent and one column per item code")
    parser.add_argument(
        "-o", "--output", type=Path, help="write here instead of to standard output"
    )
    args = parser.parse_args(argv)
    instrument = instrument_named(args.instrument)
    try:
        text = args.answers.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.answers}: {error}", file=sys.stderr)
        return 2
    try:
        rows = read_rows(instrument, text)
    except BadFile as bad:
        for line in bad.errors[:MAX_ERRORS]:
            print(f"{args.answers}: {line}", file=sys.stderr)
        if len(bad.errors) > MAX_ERRORS:
            print(f"… and {len(bad.errors) - MAX_ERRORS} more errors", file=sys.stderr)
        return 2
    result = write_scores(instrument, rows)
    if args.output:
        args.output.write_text(result, encoding="utf-8")
    else:
        sys.stdout.write(result)
    print(f"Source: {instrument.citation}", file=sys.stderr)
    print(f"Licence: {instrument.licence}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
