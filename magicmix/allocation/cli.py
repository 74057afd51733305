"""magicmix-allocate: run a round from a JSON file, or write one to start from.

    magicmix-allocate example [--out round.json]
    magicmix-allocate generate --size S|M|L [--seed N] [--out round.json]
    magicmix-allocate round.json [--mode priority|optimal|lottery|per-vacancy] [--seed N]
        [--applicants applicants.csv] [--out result.json] [--report report.md|report.html]
        [--lang nl|en] [--compare] [--price-of-mix] [--time-limit SECONDS]

Without --out the result goes to standard output as JSON, or as a short summary
when that is a terminal. Exit codes: 0 done, 1 the hard bounds conflict (the
result names them), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .engine import allocate, compare_modes, price_of_mix
from .example import example_round
from .export import summary, to_html, to_json, to_markdown, write_json
from .generate import SIZES, generate
from .io import RoundError, load_round, read_applicants_csv, round_to_data
from .model import Mode, Round

MESSAGES = {
    "nl": {
        "seed": "waarschuwing: --seed werkt alleen in de modus lottery; modus {mode} negeert hem",
        "time": "waarschuwing: de tijdslimiet van {seconds:g} s is bereikt; dit is de beste toewijzing die gevonden is",
        "error": "fout",
        "written": "ronde geschreven naar {path}",
    },
    "en": {
        "seed": "warning: --seed only applies to the lottery mode; mode {mode} ignores it",
        "time": "warning: the time limit of {seconds:g} s was reached; the result is the best allocation found",
        "error": "error",
        "written": "round written to {path}",
    },
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="magicmix-allocate",
        description="Allocate a Magic Mix round under its mix policy. "
        "Start with `magicmix-allocate example --out round.json`.",
    )
    parser.add_argument(
        "round", type=Path, help="round file (JSON, format magicmix-round version 1)"
    )
    parser.add_argument(
        "--mode",
        choices=[m.value for m in Mode],
        default=Mode.PRIORITY.value,
        help="allocation mode (default: priority)",
    )
    parser.add_argument("--seed", type=int, help="seed for the lottery mode (default 0)")
    parser.add_argument(
        "--applicants", type=Path, help="CSV file of applicants, replacing those in the round file"
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="write the result as JSON here (default: standard output; a summary on a terminal)",
    )
    parser.add_argument(
        "--report", type=Path, help="write a readable report; .html for HTML, otherwise Markdown"
    )
    parser.add_argument(
        "--lang", choices=("nl", "en"), default="nl", help="language of the report and messages"
    )
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


def _maker(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"magicmix-allocate {command}",
        description="Write a small example round."
        if command == "example"
        else "Write a generated round of a benchmark size.",
    )
    if command == "generate":
        parser.add_argument("--size", choices=sorted(SIZES), required=True)
        parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="round file to write (default: standard output)")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    return parser


def _write_round(command: str, argv: list[str]) -> int:
    args = _maker(command).parse_args(argv)
    round_: Round = example_round() if command == "example" else generate(args.size, args.seed)
    text = json.dumps(round_to_data(round_), indent=1, ensure_ascii=False) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(MESSAGES[args.lang]["written"].format(path=args.out), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("example", "generate"):
        return _write_round(argv[0], argv[1:])
    args = _parser().parse_args(argv)
    say = MESSAGES[args.lang]
    mode = Mode(args.mode)
    if args.seed is not None and mode is not Mode.LOTTERY:
        print(say["seed"].format(mode=mode.value), file=sys.stderr)
    seed = args.seed or 0
    try:
        applicants = read_applicants_csv(args.applicants) if args.applicants else None
        round_ = load_round(args.round, applicants)
    except RoundError as error:
        for problem in error.problems:
            print(f"{say['error']}: {problem}", file=sys.stderr)
        return 2
    result = allocate(round_, mode, seed, time_limit=args.time_limit)
    if result.time_limit_reached and result.time_limit is not None:
        print(say["time"].format(seconds=result.time_limit), file=sys.stderr)
    price = (
        price_of_mix(round_, mode, seed, result) if args.price_of_mix and result.feasible else None
    )
    comparison = compare_modes(round_, seed) if args.compare and result.feasible else None
    if args.out:
        with args.out.open("w", encoding="utf-8") as handle:
            write_json(result, handle, price, comparison)
    elif sys.stdout.isatty():
        sys.stdout.write(summary(result, args.lang))
    else:
        print(to_json(result, price, comparison))
    if args.report:
        render = to_html if args.report.suffix.lower() in (".html", ".htm") else to_markdown
        args.report.write_text(render(result, price, comparison, args.lang), encoding="utf-8")
    if result.conflict is not None:
        print(f"{say['error']}: {getattr(result.conflict.reason, args.lang)}", file=sys.stderr)
        return 1
    return 0
