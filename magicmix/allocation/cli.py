"""magicmix-allocate: run a round from a JSON file.

    magicmix-allocate round.json [--mode priority|optimal|lottery|per-vacancy] [--seed N]
        [--applicants applicants.csv] [--out result.json] [--report report.md|report.html]
        [--lang nl|en] [--compare] [--price-of-mix] [--time-limit SECONDS]

Exit codes: 0 done, 1 the hard bounds conflict (the result names them), 2 bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .engine import allocate, compare_modes, price_of_mix
from .export import to_html, to_json, to_markdown
from .io import RoundError, load_round, read_applicants_csv
from .model import Mode


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="magicmix-allocate", description="Allocate a Magic Mix round under its mix policy."
    )
    parser.add_argument(
        "round", type=Path, help="round file (JSON, format magicmix-round version 1)"
    )
    parser.add_argument(
        "--mode",
        type=Mode,
        choices=list(Mode),
        default=Mode.PRIORITY,
        help="allocation mode (default: priority)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for the lottery mode")
    parser.add_argument(
        "--applicants", type=Path, help="CSV file of applicants, replacing those in the round file"
    )
    parser.add_argument(
        "--out", type=Path, help="write the result as JSON here (default: standard output)"
    )
    parser.add_argument(
        "--report", type=Path, help="write a readable report; .html for HTML, otherwise Markdown"
    )
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report")
    parser.add_argument(
        "--compare", action="store_true", help="also run every mode and compare them"
    )
    parser.add_argument(
        "--price-of-mix", action="store_true", help="also run the round without mix bounds"
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        metavar="SECONDS",
        help="bound the solves of the run (default: the round file's time_limit, else none)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        applicants = read_applicants_csv(args.applicants) if args.applicants else None
        round_ = load_round(args.round, applicants)
    except RoundError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    result = allocate(round_, args.mode, args.seed, time_limit=args.time_limit)
    if result.time_limit_reached:
        print(
            f"warning: the time limit of {result.time_limit:g} s was reached; "
            "the result is the best allocation found",
            file=sys.stderr,
        )
    price = (
        price_of_mix(round_, args.mode, args.seed, result)
        if args.price_of_mix and result.feasible
        else None
    )
    comparison = compare_modes(round_, args.seed) if args.compare and result.feasible else None
    document = to_json(result, price, comparison)
    if args.out:
        args.out.write_text(document + "\n", encoding="utf-8")
    else:
        print(document)
    if args.report:
        render = to_html if args.report.suffix.lower() in (".html", ".htm") else to_markdown
        args.report.write_text(render(result, price, comparison, args.lang), encoding="utf-8")
    if result.conflict is not None:
        print(f"error: {result.conflict.reason.en}", file=sys.stderr)
        return 1
    return 0
