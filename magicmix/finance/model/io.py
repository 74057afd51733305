"""The business-case exchange format (JSON, version 1) and what a run writes out.

Pydantic checks the shape against the annotations of `case.py`; `_check` checks what a schema
cannot (shares that must add up, years within the period, sources that name a figure). Every
problem becomes one line naming its JSON path, collected in `CaseError`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .case import Case, Party
from .cashflow import Line
from .result import Result
from .sensitivity import Swing

_ADAPTER = TypeAdapter(Case)
_TOLERANCE = 1e-6


class CaseError(Exception):
    """The input is not a valid case; `problems` holds one message per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def json_schema() -> dict[str, Any]:
    schema = _ADAPTER.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://magicmix.nl/schema/business-case-v1.schema.json"
    return schema


def _path(loc: Sequence[int | str]) -> str:
    text = "$"
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not part.startswith(("function-", "tuple[", "float", "json-or-python")):
            text += f".{part}"
    return text


def _problems(error: ValidationError) -> list[str]:
    """One line per problem; a list too short only because its items failed says nothing more."""
    errors = error.errors()
    failed_inside = {e["loc"][:i] for e in errors for i in range(len(e["loc"]))}
    return [
        f"{_path(e['loc'])}: {e['msg']}"
        for e in errors
        if not (e["type"] == "too_short" and e["loc"] in failed_inside)
    ]


def lookup(data: Any, path: str) -> Any:
    """The value at a path such as "unit_types[0].count" in decoded JSON; KeyError if none."""
    for name, index in re.findall(r"([A-Za-z_]\w*)|\[(\d+)\]", path):
        if name:
            if not isinstance(data, dict) or name not in data:
                raise KeyError(path)
            data = data[name]
        else:
            if not isinstance(data, list | tuple) or int(index) >= len(data):
                raise KeyError(path)
            data = data[int(index)]
    return data


def _sums_to_one(values: Sequence[float], where: str, what: str) -> Iterator[str]:
    if abs(sum(values) - 1) > _TOLERANCE:
        yield f"{where}: the shares of {what} add up to {sum(values):g}, not 1"


def _check(case: Case, data: Any) -> Iterator[str]:
    n = case.years
    for i, unit_type in enumerate(case.unit_types):
        yield from _sums_to_one(
            [r.share for r in unit_type.rents], f"$.unit_types[{i}].rents", "the contract types"
        )
    social = case.social_management.paid_by
    yield from _sums_to_one(
        [social.corporation, social.municipality, social.care_partner],
        "$.social_management.paid_by",
        "the payers",
    )
    for i, move in enumerate(case.relocations):
        if move.year > n:
            yield f"$.relocations[{i}].year: year {move.year} lies after the last year {n}"
    measured: set[int] = set()
    for i, observed in enumerate(case.vacancy.observed):
        if observed.year > n:
            yield f"$.vacancy.observed[{i}].year: year {observed.year} lies after the last year {n}"
        if observed.year in measured:
            yield f"$.vacancy.observed[{i}].year: year {observed.year} is measured twice"
        measured.add(observed.year)
    for i, payment in enumerate(case.land.deferred_payments):
        if payment.year > n:
            yield f"$.land.deferred_payments[{i}].year: year {payment.year} lies after the last year {n}"
    for i, support in enumerate(case.support):
        if support.last_year is not None and support.last_year < support.first_year:
            yield f"$.support[{i}].last_year: before the first year {support.first_year}"
        if support.first_year > n:
            yield f"$.support[{i}].first_year: year {support.first_year} lies after the last year {n}"
    for i, subsidy in enumerate(case.subsidies):
        if subsidy.payer is Party.CORPORATION:
            yield f"$.subsidies[{i}].payer: a subsidy comes from another party than the corporation"
        if subsidy.year > n:
            yield f"$.subsidies[{i}].year: year {subsidy.year} lies after the last year {n}"
    if case.rthf is not None:
        shares = case.rthf.shares
        yield from _sums_to_one(
            [shares.state, shares.municipality, shares.investor], "$.rthf.shares", "the parties"
        )
        if case.rthf.homes > case.units:
            yield f"$.rthf.homes: {case.rthf.homes} homes, but the case has {case.units} units"
    for path in case.sources:
        try:
            value = lookup(data, path)
        except KeyError:
            yield f"$.sources[{path!r}]: no figure at this path"
            continue
        if isinstance(value, dict | list):
            yield f"$.sources[{path!r}]: names a group, not a figure"


def parse_case(data: object) -> Case:
    """Validate decoded JSON and build the case; raise CaseError listing every problem."""
    try:
        case = _ADAPTER.validate_python(data)
    except ValidationError as error:
        raise CaseError(_problems(error)) from None
    problems = list(_check(case, data))
    if problems:
        raise CaseError(problems)
    return case


def parse_text(text: str | bytes, name: str = "case") -> Case:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CaseError(
            [f"{name}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"]
        ) from None
    except UnicodeDecodeError:
        raise CaseError([f"{name}: not UTF-8 text"]) from None
    return parse_case(data)


def load_case(path: Path) -> Case:
    try:
        text = path.read_bytes()
    except OSError as error:
        raise CaseError([f"{path}: cannot read ({error.strerror})"]) from None
    return parse_text(text, str(path))


def case_data(case: Case) -> dict[str, Any]:
    """The case as decoded JSON of the exchange format."""
    data: dict[str, Any] = _ADAPTER.dump_python(case, mode="json")
    return data


def dumps(case: Case) -> str:
    return json.dumps(case_data(case), ensure_ascii=False, indent=2)


def flows_csv(result: Result) -> str:
    """One row per year: the corporation's lines, its net and discounted flow, every party's net."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    parties = [p for p in Party if p is not Party.CORPORATION]
    writer.writerow(
        ["year", "calendar_year", *Line, "net", "cumulative_discounted"]
        + [f"{p.value}_net" for p in parties]
    )
    for year, cumulative in zip(result.years, result.cumulative, strict=True):
        writer.writerow(
            [year.year, year.calendar_year]
            + [_money(year.lines[line]) for line in Line]
            + [_money(year.net), _money(cumulative)]
            + [_money(year.net_of(p)) for p in parties]
        )
    return out.getvalue()


def _money(value: float) -> str:
    return f"{value + 0.0:.2f}"  # + 0.0 turns -0.0 into 0.0


def summary(result: Result, swings: Sequence[Swing] = ()) -> dict[str, Any]:
    return {
        "format": "magicmix-business-case-result",
        "version": 1,
        "name": result.case.name,
        "value_basis": result.case.value_basis.value,
        "discount_rate": result.case.discount_rate,
        "investment": round(result.case.investment, 2),
        "npv": round(result.npv, 2),
        "irr": None if result.irr is None else round(result.irr, 6),
        "onrendabele_top": round(result.onrendabele_top, 2),
        "break_even_year": result.break_even_year,
        "stakeholders": {
            s.party.value: {
                "received": round(s.received, 2),
                "paid": round(s.paid, 2),
                "net": round(s.net, 2),
                "npv": round(s.npv, 2),
                "lines": {line.value: round(v, 2) for line, v in s.lines.items() if v},
            }
            for s in result.stakes
        },
        "sensitivity": [
            {
                "input": s.path,
                "value": s.value,
                "npv_low": round(s.low, 2),
                "npv_high": round(s.high, 2),
            }
            for s in swings
        ],
    }
