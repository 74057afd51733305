"""magicmix-business-case: run a business case from a JSON file.

    magicmix-business-case case.json [--out DIR] [--step 0.1] [--schema]

Writes DIR/<name>.flows.csv (the yearly cash flows) and DIR/<name>.summary.json (NPV, IRR,
onrendabele top, per stakeholder, the tornado), <name> being the case file's name without
.json. Exit codes: 0 done, 2 bad input. The format: docs/finance.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .model import evaluate, tornado
from .model.io import CaseError, flows_csv, json_schema, load_case, summary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="magicmix-business-case", description="Run the business case of a Magic Mix complex."
    )
    parser.add_argument(
        "case", type=Path, nargs="?", help="case file (JSON, magicmix-business-case version 1)"
    )
    parser.add_argument("--out", type=Path, default=Path(), help="folder to write the results to")
    parser.add_argument(
        "--step", type=float, default=0.1, help="step up and down of each input in the tornado"
    )
    parser.add_argument("--schema", action="store_true", help="print the JSON Schema and stop")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.schema:
        print(json.dumps(json_schema(), indent=2))
        return 0
    if args.case is None:
        parser.error("the case file is missing")
    if not 0 < args.step < 1:
        print("error: --step must lie between 0 and 1", file=sys.stderr)
        return 2
    try:
        case = load_case(args.case)
    except CaseError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    result = evaluate(case)
    stem = args.case.name.removesuffix(".json")
    args.out.mkdir(parents=True, exist_ok=True)
    flows = args.out / f"{stem}.flows.csv"
    flows.write_text(flows_csv(result), encoding="utf-8")
    report = args.out / f"{stem}.summary.json"
    document = summary(result, tornado(case, args.step))
    report.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{flows}\n{report}")
    return 0
