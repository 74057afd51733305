"""The round exchange format (JSON, version 1) and CSV import of applicants.

Pydantic checks the shape; `_check_references` checks what a schema cannot
(unique ids, known preference targets and scopes). Every problem becomes one
line naming its JSON path or CSV row, collected in `RoundError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from . import model as m

FORMAT: Literal["magicmix-round"] = "magicmix-round"
VERSION: Literal[1] = 1


class RoundError(Exception):
    """The input is not a valid round; `problems` holds one message per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Dutch values as users write them, next to the English codes.
DUTCH = {
    "dragend": m.Role.SUPPORTING.value,
    "drager": m.Role.SUPPORTING.value,
    "vragend": m.Role.SUPPORTED.value,
    "geen": m.SupportLevel.NONE.value,
    "licht": m.SupportLevel.LIGHT.value,
    "intensief": m.SupportLevel.INTENSIVE.value,
}


def _english(value: object) -> object:
    return DUTCH.get(value.strip().lower(), value) if isinstance(value, str) else value


Role = Annotated[m.Role, BeforeValidator(_english)]
Support = Annotated[m.SupportLevel, BeforeValidator(_english)]


class OccupantIn(_Strict):
    group: str = Field(min_length=1)
    role: Role
    support: Support = m.SupportLevel.NONE
    partner: str | None = None


class DesignationIn(_Strict):
    dimension: m.Dimension
    value: Annotated[str, BeforeValidator(_english)] = Field(min_length=1)
    hard: bool = Field(
        default=True, description="true: only they may take it; false: they come first"
    )


class UnitIn(_Strict):
    id: str = Field(min_length=1)
    type: str = Field(default="studio", min_length=1)
    floor_area: float | None = Field(default=None, gt=0, description="m², read by no rule")
    max_occupants: int = Field(default=1, ge=1)
    self_contained: bool = True
    accessible: bool = False
    rent: float | None = Field(
        default=None, ge=0, description="monthly rent in euro; needed for max_rent_to_income"
    )
    contract_type: str = "onbepaalde_tijd"
    occupant: OccupantIn | None = Field(default=None, description="null = vacant in this round")
    designation: DesignationIn | None = Field(
        default=None, description="the unit is meant for a target group or role (bestemming)"
    )


class ClusterIn(_Strict):
    id: str = Field(min_length=1)
    name: str = ""
    kind: str = Field(default="cluster", description="site, building, floor, gang, ...")
    clusters: list[ClusterIn] = []
    units: list[UnitIn] = []


class ComplexIn(_Strict):
    id: str = Field(min_length=1)
    name: str = ""
    clusters: list[ClusterIn] = []
    units: list[UnitIn] = []


class ApplicantIn(_Strict):
    id: str = Field(min_length=1)
    group: str = Field(default="-", min_length=1)
    role: Role = m.Role.SUPPORTING
    support: Support = m.SupportLevel.NONE
    partner: str | None = None
    household_size: int = Field(default=1, ge=1)
    age: int | None = Field(default=None, ge=0, le=130, description="needed for age ranges")
    income: float | None = Field(
        default=None, ge=0, description="annual income in euro; needed for income rules"
    )
    accessibility_need: bool = False
    unit_types: list[str] = Field(default=[], description="acceptable unit types; empty = any")
    preferences: list[str] = Field(
        default=[m.ANY], min_length=1, description='ranked complex, cluster or unit ids; "*" = any'
    )
    registration_date: dt.date | None = None
    urgency: int | None = 0
    selection_score: float | None = Field(
        default=0.0, description="null = not (yet) scored; the round's missing_keys place them"
    )
    lottery_number: int | None = 0


class BoundIn(_Strict):
    id: str = Field(min_length=1)
    scope: str = Field(min_length=1, description="complex or cluster id")
    dimension: m.Dimension
    value: Annotated[str, BeforeValidator(_english)] = Field(min_length=1)
    min: float | None = Field(default=None, ge=0)
    max: float | None = Field(default=None, ge=0)
    share: bool = Field(default=False, description="min/max are fractions of the places in scope")
    hard: bool = True
    penalty: float = Field(default=0.0, ge=0, description="per resident short or over, soft bounds")

    @model_validator(mode="after")
    def _limits(self) -> BoundIn:
        if self.min is None and self.max is None:
            raise ValueError("a bound needs min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        if self.share and any(v is not None and v > 1 for v in (self.min, self.max)):
            raise ValueError("a share is a fraction between 0 and 1")
        return self


class AgeRangeIn(_Strict):
    contract_type: str
    min_age: int | None = None
    max_age: int | None = None


class IncomeLimitIn(_Strict):
    max_income: float = Field(gt=0)
    household_min: int = Field(default=1, ge=1)
    household_max: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


class EligibilityIn(_Strict):
    age_ranges: list[AgeRangeIn] = []
    income_limits: list[IncomeLimitIn] = []
    max_rent_to_income: float | None = Field(default=None, gt=0)


class WeightsIn(_Strict):
    placement: float = 1000.0
    preference: float = 10.0
    priority: float = 100.0
    selection_score: float = 1.0
    designation: float = Field(
        default=50.0, description="per soft-designated unit let to someone it does not count"
    )


class PolicyIn(_Strict):
    bounds: list[BoundIn] = []
    eligibility: EligibilityIn = EligibilityIn()
    weights: WeightsIn = WeightsIn()


class RoundIn(_Strict):
    """A Magic Mix allocation round: complexes with their units, applicants, policy and ranking rule."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, title="magicmix allocation round, version 1"
    )

    format: Literal["magicmix-round"] = FORMAT
    version: Literal[1] = VERSION
    id: str = Field(min_length=1)
    date: dt.date = Field(description="reference date for dated limits, e.g. income limits")
    ranking: list[m.PriorityKey] = Field(
        default=[
            m.PriorityKey.URGENCY,
            m.PriorityKey.REGISTRATION_DATE,
            m.PriorityKey.LOTTERY_NUMBER,
        ],
        description="priority keys, most important first",
    )
    complexes: list[ComplexIn] = Field(min_length=1)
    applicants: list[ApplicantIn] = []
    policy: PolicyIn = PolicyIn()
    missing_keys: dict[m.PriorityKey, Literal["first", "last"] | float | dt.date] = Field(
        default={},
        description='per ranking key, where applicants lacking it go: "first", "last" (the'
        " default) or a value they are treated as having",
    )
    time_limit: float | None = Field(
        default=None,
        gt=0,
        description="seconds the solves of one run may take; the result says when it was reached",
    )


def json_schema() -> dict[str, Any]:
    schema = RoundIn.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://magicmix.nl/schema/round-v1.schema.json"
    return schema


def _path(loc: Iterable[int | str]) -> str:
    text = "$"
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _pydantic_problems(error: ValidationError, where: str = "") -> list[str]:
    problems = []
    for item in error.errors():
        loc = [
            p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-after"))
        ]
        problems.append(f"{where}{_path(loc)}: {item['msg']}")
    return problems


def _walk_clusters(clusters: list[ClusterIn], path: str) -> Iterator[tuple[str, ClusterIn]]:
    for i, cluster in enumerate(clusters):
        here = f"{path}.clusters[{i}]"
        yield here, cluster
        yield from _walk_clusters(cluster.clusters, here)


def _check_references(raw: RoundIn, applicant_at: Callable[[int, str], str]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}

    def claim(identifier: str, path: str) -> None:
        if identifier == m.ANY:
            problems.append(f'{path}: "*" is reserved for "any"')
        elif identifier in seen:
            problems.append(f"{path}: id {identifier!r} is already used at {seen[identifier]}")
        else:
            seen[identifier] = path

    scopes: set[str] = set()
    for ci, complex_ in enumerate(raw.complexes):
        claim(complex_.id, f"$.complexes[{ci}].id")
        scopes.add(complex_.id)
        holders: list[tuple[str, list[UnitIn]]] = [(f"$.complexes[{ci}]", complex_.units)]
        for path, cluster in _walk_clusters(complex_.clusters, f"$.complexes[{ci}]"):
            claim(cluster.id, f"{path}.id")
            scopes.add(cluster.id)
            holders.append((path, cluster.units))
        for path, units in holders:
            for ui, unit in enumerate(units):
                claim(unit.id, f"{path}.units[{ui}].id")
    applicant_ids: dict[str, int] = {}
    for ai, applicant in enumerate(raw.applicants):
        if applicant.id in applicant_ids:
            problems.append(
                f"{applicant_at(ai, 'id')}: applicant {applicant.id!r} also at {applicant_at(applicant_ids[applicant.id], 'id')}"
            )
        applicant_ids.setdefault(applicant.id, ai)
        for pi, target in enumerate(applicant.preferences):
            if target != m.ANY and target not in seen:
                problems.append(
                    f"{applicant_at(ai, f'preferences[{pi}]')}: unknown complex, cluster or unit {target!r}"
                )
        if len(set(applicant.preferences)) < len(applicant.preferences):
            problems.append(f"{applicant_at(ai, 'preferences')}: the same entry appears twice")
    problems += _needed(raw, holders_of(raw), applicant_at)
    bound_ids: set[str] = set()
    for bi, bound in enumerate(raw.policy.bounds):
        if bound.scope not in scopes:
            problems.append(
                f"$.policy.bounds[{bi}].scope: unknown complex or cluster {bound.scope!r}"
            )
        if bound.id in bound_ids:
            problems.append(f"$.policy.bounds[{bi}].id: bound {bound.id!r} is defined twice")
        bound_ids.add(bound.id)
    return problems


def _unit(raw: UnitIn) -> m.Unit:
    occupant = None
    if raw.occupant is not None:
        o = raw.occupant
        occupant = m.Occupant(o.group, o.role, o.support, o.partner)
    return m.Unit(
        raw.id,
        raw.type,
        0.0 if raw.floor_area is None else raw.floor_area,
        raw.max_occupants,
        raw.self_contained,
        raw.accessible,
        0.0 if raw.rent is None else raw.rent,
        raw.contract_type,
        occupant,
        None
        if raw.designation is None
        else m.Designation(raw.designation.dimension, raw.designation.value, raw.designation.hard),
    )


def _cluster(raw: ClusterIn) -> m.Cluster:
    return m.Cluster(
        raw.id,
        raw.name or raw.id,
        raw.kind,
        tuple(_cluster(c) for c in raw.clusters),
        tuple(_unit(u) for u in raw.units),
    )


def _applicant(raw: ApplicantIn) -> m.Applicant:
    return m.Applicant(
        id=raw.id,
        group=raw.group,
        role=raw.role,
        support=raw.support,
        household_size=raw.household_size,
        age=-1 if raw.age is None else raw.age,  # read only if a rule needs it (checked)
        income=0.0 if raw.income is None else raw.income,
        registration_date=raw.registration_date,
        partner=raw.partner,
        accessibility_need=raw.accessibility_need,
        unit_types=tuple(raw.unit_types),
        preferences=tuple(raw.preferences),
        urgency=raw.urgency,
        selection_score=raw.selection_score,
        lottery_number=raw.lottery_number,
    )


def holders_of(raw: RoundIn) -> list[tuple[str, list[UnitIn]]]:
    """Every list of units in the round with its JSON path."""
    holders: list[tuple[str, list[UnitIn]]] = []
    for ci, complex_ in enumerate(raw.complexes):
        holders.append((f"$.complexes[{ci}]", complex_.units))
        for path, cluster in _walk_clusters(complex_.clusters, f"$.complexes[{ci}]"):
            holders.append((path, cluster.units))
    return holders


def _needed(
    raw: RoundIn, holders: list[tuple[str, list[UnitIn]]], applicant_at: Callable[[int, str], str]
) -> list[str]:
    """Optional fields that a rule of this round reads must be given."""
    rules = raw.policy.eligibility
    problems = []
    if rules.max_rent_to_income is not None:
        for path, units in holders:
            for ui, unit in enumerate(units):
                if unit.rent is None and unit.occupant is None:
                    problems.append(
                        f"{path}.units[{ui}].rent: needed, the policy has max_rent_to_income"
                    )
    ages = {r.contract_type for r in rules.age_ranges}
    income = bool(rules.income_limits) or rules.max_rent_to_income is not None
    for ai, applicant in enumerate(raw.applicants):
        if ages and applicant.age is None:
            problems.append(f"{applicant_at(ai, 'age')}: needed, the policy has age ranges")
        if income and applicant.income is None:
            problems.append(f"{applicant_at(ai, 'income')}: needed, the policy has income rules")
    return problems


def _loose_references(data: dict[str, Any]) -> list[str]:
    """Unknown preference targets and scopes, read from the raw JSON, so that a file with shape
    errors still hears about every unknown id in the same pass."""
    ids: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                ids.add(node["id"])
            for key in ("clusters", "units"):
                for child in node.get(key) or []:
                    walk(child)

    for complex_ in data.get("complexes") or []:
        walk(complex_)
    problems = []
    for ai, applicant in enumerate(data.get("applicants") or []):
        if not isinstance(applicant, dict):
            continue
        for pi, target in enumerate(applicant.get("preferences") or []):
            if isinstance(target, str) and target != m.ANY and target not in ids:
                problems.append(
                    f"$.applicants[{ai}].preferences[{pi}]: unknown complex, cluster or unit {target!r}"
                )
    policy = data.get("policy")
    bounds = policy.get("bounds") if isinstance(policy, dict) else None
    for bi, bound in enumerate(bounds or []):
        scope = bound.get("scope") if isinstance(bound, dict) else None
        if isinstance(scope, str) and scope not in ids:
            problems.append(f"$.policy.bounds[{bi}].scope: unknown complex or cluster {scope!r}")
    return problems


def _round(raw: RoundIn) -> m.Round:
    p = raw.policy
    return m.Round(
        id=raw.id,
        date=raw.date,
        complexes=tuple(
            m.Complex(
                c.id,
                c.name or c.id,
                tuple(_cluster(k) for k in c.clusters),
                tuple(_unit(u) for u in c.units),
            )
            for c in raw.complexes
        ),
        applicants=tuple(_applicant(a) for a in raw.applicants),
        policy=m.Policy(
            bounds=tuple(
                m.Bound(
                    b.id, b.scope, b.dimension, b.value, b.min, b.max, b.share, b.hard, b.penalty
                )
                for b in p.bounds
            ),
            eligibility=m.Eligibility(
                tuple(
                    m.AgeRange(r.contract_type, r.min_age, r.max_age)
                    for r in p.eligibility.age_ranges
                ),
                tuple(
                    m.IncomeLimit(
                        i.max_income, i.household_min, i.household_max, i.valid_from, i.valid_to
                    )
                    for i in p.eligibility.income_limits
                ),
                p.eligibility.max_rent_to_income,
            ),
            weights=m.Weights(
                p.weights.placement,
                p.weights.preference,
                p.weights.priority,
                p.weights.selection_score,
                p.weights.designation,
            ),
        ),
        ranking=tuple(raw.ranking),
        missing=tuple(_missing(key, rule) for key, rule in sorted(raw.missing_keys.items())),
        time_limit=raw.time_limit,
    )


def _missing(key: m.PriorityKey, rule: str | float | dt.date) -> m.WhenMissing:
    if isinstance(rule, str):
        return m.WhenMissing(key, m.Place(rule))
    return m.WhenMissing(key, m.Place.VALUE, rule)


def _json_applicant(index: int, field: str) -> str:
    return f"$.applicants[{index}].{field}"


def parse_round(data: object, applicants: CsvApplicants | None = None) -> m.Round:
    """Validate decoded JSON and build the round; raise RoundError listing every problem.

    `applicants` (from `read_applicants_csv`) replace the applicants of the JSON file.
    """
    if not isinstance(data, dict) or (
        data.get("format", FORMAT) != FORMAT or ("format" not in data and "complexes" not in data)
    ):
        raise RoundError(
            ['$: not a magicmix round (expected a JSON object with "format": "magicmix-round")']
        )
    try:
        raw = RoundIn.model_validate(data)
    except ValidationError as error:
        raise RoundError(_pydantic_problems(error) + _loose_references(data)) from None
    at = _json_applicant
    if applicants is not None:
        raw = raw.model_copy(update={"applicants": applicants.rows})
        at = applicants.at
    problems = _check_references(raw, at)
    if problems:
        raise RoundError(problems)
    return _round(raw)


def load_round(path: Path, applicants: CsvApplicants | None = None) -> m.Round:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RoundError([f"{path}: cannot read ({error.strerror})"]) from None
    except json.JSONDecodeError as error:
        raise RoundError(
            [f"{path}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"]
        ) from None
    except UnicodeDecodeError:
        raise RoundError([f"{path}: not UTF-8 text"]) from None
    return parse_round(data, applicants)


CSV_LISTS = ("unit_types", "preferences")  # cells holding ";"-separated lists


@dataclass(frozen=True)
class CsvApplicants:
    name: str
    rows: list[ApplicantIn]

    def at(self, index: int, field: str) -> str:
        return f"{self.name} row {index + 2}, column {field.split('[')[0]}"


def read_applicants_csv(path: Path) -> CsvApplicants:
    """Applicants from a CSV file with one column per applicant field (lists separated by ";")."""
    problems: list[str] = []
    rows: list[ApplicantIn] = []
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            for row_number, row in enumerate(csv.DictReader(handle), start=2):
                data: dict[str, object] = {
                    k: v for k, v in row.items() if k is not None and v not in ("", None)
                }
                for name in CSV_LISTS:
                    if isinstance(data.get(name), str):
                        data[name] = [
                            part.strip() for part in str(data[name]).split(";") if part.strip()
                        ]
                try:
                    rows.append(ApplicantIn.model_validate(data))
                except ValidationError as error:
                    for item in error.errors():
                        column = ".".join(str(p) for p in item["loc"]) or "?"
                        problems.append(
                            f"{path.name} row {row_number}, column {column}: {item['msg']}"
                        )
    except OSError as error:
        raise RoundError([f"{path}: cannot read ({error.strerror})"]) from None
    except UnicodeDecodeError:
        raise RoundError([f"{path}: not UTF-8 text"]) from None
    if problems:
        raise RoundError(problems)
    return CsvApplicants(path.name, rows)


def round_to_data(round_: m.Round) -> dict[str, Any]:
    """The round as the JSON exchange format (what `parse_round` reads back)."""

    def unit(u: m.Unit) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": u.id,
            "type": u.unit_type,
            "floor_area": u.floor_area or None,
            "max_occupants": u.max_occupants,
            "self_contained": u.self_contained,
            "accessible": u.accessible,
            "rent": u.rent,
            "contract_type": u.contract_type,
            "occupant": None
            if u.occupant is None
            else {
                "group": u.occupant.group,
                "role": u.occupant.role.value,
                "support": u.occupant.support.value,
                "partner": u.occupant.partner,
            },
        }
        if u.designation is not None:
            d = u.designation
            data["designation"] = {"dimension": d.dimension.value, "value": d.value, "hard": d.hard}
        return {k: v for k, v in data.items() if v is not None or k == "occupant"}

    def cluster(c: m.Cluster) -> dict[str, Any]:
        return {
            "id": c.id,
            "name": c.name,
            "kind": c.kind,
            "clusters": [cluster(k) for k in c.clusters],
            "units": [unit(u) for u in c.units],
        }

    def applicant(a: m.Applicant) -> dict[str, Any]:
        return {
            "id": a.id,
            "group": a.group,
            "role": a.role.value,
            "support": a.support.value,
            "partner": a.partner,
            "household_size": a.household_size,
            "age": a.age,
            "income": a.income,
            "accessibility_need": a.accessibility_need,
            "unit_types": list(a.unit_types),
            "preferences": list(a.preferences),
            "registration_date": None
            if a.registration_date is None
            else a.registration_date.isoformat(),
            "urgency": a.urgency,
            "selection_score": a.selection_score,
            "lottery_number": a.lottery_number,
        }

    p = round_.policy
    e = p.eligibility
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "id": round_.id,
        "date": round_.date.isoformat(),
        "ranking": [k.value for k in round_.ranking],
        "complexes": [
            {
                "id": c.id,
                "name": c.name,
                "clusters": [cluster(k) for k in c.clusters],
                "units": [unit(u) for u in c.units],
            }
            for c in round_.complexes
        ],
        "applicants": [applicant(a) for a in round_.applicants],
        "policy": {
            "bounds": [
                {
                    "id": b.id,
                    "scope": b.scope,
                    "dimension": b.dimension.value,
                    "value": b.value,
                    "min": b.minimum,
                    "max": b.maximum,
                    "share": b.share,
                    "hard": b.hard,
                    "penalty": b.penalty,
                }
                for b in p.bounds
            ],
            "eligibility": {
                "age_ranges": [
                    {"contract_type": r.contract_type, "min_age": r.min_age, "max_age": r.max_age}
                    for r in e.age_ranges
                ],
                "income_limits": [
                    {
                        "max_income": i.max_income,
                        "household_min": i.household_min,
                        "household_max": i.household_max,
                        "valid_from": None if i.valid_from is None else i.valid_from.isoformat(),
                        "valid_to": None if i.valid_to is None else i.valid_to.isoformat(),
                    }
                    for i in e.income_limits
                ],
                "max_rent_to_income": e.max_rent_to_income,
            },
            "weights": {
                "placement": p.weights.placement,
                "preference": p.weights.preference,
                "priority": p.weights.priority,
                "selection_score": p.weights.selection_score,
                "designation": p.weights.designation,
            },
        },
    }
    if round_.missing:
        data["missing_keys"] = {
            w.key.value: w.place.value
            if w.place is not m.Place.VALUE
            else (w.value.isoformat() if isinstance(w.value, dt.date) else w.value)
            for w in round_.missing
        }
    if round_.time_limit is not None:
        data["time_limit"] = round_.time_limit
    return data
