"""A policy simulation as people set it up, turned into runs of the simulator and back.

`Inputs` is what the simulation page asks (stored as JSON with the simulation): the policies
to compare, the arrivals and contract per target group, early departures, role changes and
support, the horizon and the number of runs. The complex and its own mix policy are stored
beside it as an engine round (`stock`), so a run depends only on what is stored and its seed:
`setup(stock, inputs, variant, seed)` is the same on any worker, any day.

A policy to compare (`Variant`) is a share of vragend residents — the complex's own bounds,
at most half (50/50) or at most a third (two thirds dragend) — spread over the complex
(gespikkeld: the share holds in every cluster with units of its own) or only over the whole
(geclusterd: vragend residents may gather in some clusters), allocated in priority or optimal
mode.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from magicmix import allocation as engine

from .run import Contract, Estimate, Flow, Run, Setup, estimate

SHARES = {"own": None, "half": 0.5, "third": 1 / 3}
SPREADS = ("spotted", "clustered")

# Contract lengths per contract type: (term, renewal, renewals). The chance of a renewal is an
# input (jongerencontract: the optional 2 years; campus: the yearly enrolment check).
CONTRACTS = {
    "jongerencontract": (60.0, 24.0, 1),
    "tijdelijk": (24.0, 0.0, 0),
    "campuscontract": (12.0, 12.0, None),
}


@dataclass(frozen=True)
class Variant:
    share: str  # a key of SHARES
    spread: str  # a value of SPREADS
    mode: str  # an engine.Mode value


@dataclass(frozen=True)
class FlowInput:
    group: str
    role: str  # engine.Role value
    arrivals_per_month: float
    contract: str  # a key of CONTRACTS, or "onbepaalde_tijd"
    patience_months: float


@dataclass(frozen=True)
class Inputs:
    variants: tuple[Variant, ...]
    flows: tuple[FlowInput, ...]
    years: int
    runs: int
    seed: int
    renewal_share: float  # a jongerencontract's optional 2 years taken
    campus_pass_share: float  # the yearly enrolment check passed
    indefinite_stay_years: float  # mean stay on an indefinite contract
    early_departure_per_year: float
    role_change_per_year: float  # vragend → dragend
    support_months: float
    support_hours_per_month: float
    support_rate: float  # euro per hour
    rent_per_month: float  # mean rent of a unit, for the rent lost to vacancy

    def data(self) -> dict[str, Any]:
        return {
            **self.__dict__,
            "variants": [v.__dict__ for v in self.variants],
            "flows": [f.__dict__ for f in self.flows],
        }

    @classmethod
    def of(cls, data: dict[str, Any]) -> Inputs:
        return cls(
            **{
                **data,
                "variants": tuple(Variant(**v) for v in data["variants"]),
                "flows": tuple(FlowInput(**f) for f in data["flows"]),
            }
        )


def _leaves(node: engine.Complex | engine.Cluster) -> list[engine.Cluster]:
    """Clusters with units of their own (the gangs and floors residents share)."""
    return [
        *(c for c in node.clusters if c.units),
        *(k for c in node.clusters for k in _leaves(c)),
    ]


def policy(complex_: engine.Complex, own: engine.Policy, variant: Variant) -> engine.Policy:
    share = SHARES[variant.share]
    if share is None:
        return own
    scopes = [complex_.id]
    if variant.spread == "spotted":
        scopes += [c.id for c in _leaves(complex_)]
    return engine.Policy(
        bounds=tuple(
            engine.Bound(
                f"vragend-{i}",
                scope,
                engine.Dimension.ROLE,
                engine.Role.SUPPORTED.value,
                maximum=share,
                share=True,
            )
            for i, scope in enumerate(scopes)
        )
    )


def _flow(f: FlowInput, inputs: Inputs) -> Flow:
    per_month = 1 / 12
    terms = CONTRACTS.get(f.contract)
    contract = None
    if terms is not None:
        term, renewal, renewals = terms
        chance = inputs.campus_pass_share if renewals is None else inputs.renewal_share
        contract = Contract(term, renewal, chance, renewals)
    return Flow(
        f.group,
        engine.Role(f.role),
        f.arrivals_per_month,
        inputs.indefinite_stay_years * 12,
        patience=f.patience_months,
        contract=contract,
        early_departure_per_month=inputs.early_departure_per_year * per_month,
        role_change_per_month=inputs.role_change_per_year * per_month,
        support_months=inputs.support_months,
    )


def setup(stock: dict[str, Any], inputs: Inputs, variant: int, seed: int) -> Setup:
    """The simulator's setup for one run; `stock` is the complex as an engine round."""
    round_ = engine.parse_round(stock)
    complex_ = round_.complexes[0]
    chosen = inputs.variants[variant]
    return Setup(
        complex_,
        tuple(_flow(f, inputs) for f in inputs.flows),
        months=inputs.years * 12,
        policy=policy(complex_, round_.policy, chosen),
        mode=engine.Mode(chosen.mode),
        seed=seed,
    )


def run_data(run: Run) -> dict[str, Any]:
    """What is stored of a run: enough for every chart, a few kilobytes."""
    return {
        "occupancy": run.occupancy,
        "waiting": run.waiting,
        "groups": {g: o.__dict__ for g, o in run.groups.items()},
        "months": [[m.let, m.supported, m.support, m.waiting] for m in run.months],
        "clusters": run.clusters,
    }


@dataclass(frozen=True)
class Summary:
    """A variant over its runs: yearly means with a 95 % interval."""

    runs: int
    fill: list[Estimate]  # share of units let, per year
    supported: list[Estimate]  # share of residents vragend, per year
    support: list[Estimate]  # residents within a support arrangement, per year
    vacancy_cost: list[Estimate]  # rent lost to vacant units, euro per year
    support_cost: list[Estimate]  # euro per year
    waits: dict[str, Estimate]  # months from arrival to a home, per group
    lost: dict[str, Estimate]  # share of arrivals who gave up waiting, per group
    clusters: dict[str, Estimate]  # mean share vragend per cluster


def _yearly(months: Sequence[Sequence[int]], column: int, years: int) -> list[float]:
    return [statistics.fmean(m[column] for m in months[12 * y : 12 * y + 12]) for y in range(years)]


def summarise(runs: Sequence[dict[str, Any]], inputs: Inputs, units: int) -> Summary:
    years = inputs.years
    per_year = [
        (
            _yearly(r["months"], 0, years),  # let
            _yearly(r["months"], 1, years),  # vragend
            _yearly(r["months"], 2, years),  # in support
        )
        for r in runs
    ]

    def band(values: Sequence[Sequence[float]], top: float = math.inf) -> list[Estimate]:
        """Per year the estimate, its interval kept within what the quantity can be (a t
        interval of few runs can reach below 0 % or above 100 %)."""
        return [_within(estimate([v[y] for v in values]), top) for y in range(years)]

    hours = inputs.support_hours_per_month * 12 * inputs.support_rate
    groups = [f.group for f in inputs.flows]
    return Summary(
        runs=len(runs),
        fill=band([[let / units for let in lets] for lets, _, _ in per_year], 1.0),
        supported=band(
            [
                [s / let if let else 0.0 for let, s in zip(lets, vr, strict=True)]
                for lets, vr, _ in per_year
            ],
            1.0,
        ),
        support=band([support for _, _, support in per_year]),
        vacancy_cost=band(
            [
                [(units - let) * inputs.rent_per_month * 12 for let in lets]
                for lets, _, _ in per_year
            ]
        ),
        support_cost=band([[n * hours for n in support] for _, _, support in per_year]),
        waits={
            g: estimate(
                [w for r in runs if (w := r["groups"][g]["mean_wait"]) is not None] or [math.nan]
            )
            for g in groups
        },
        lost={
            g: estimate(
                [
                    r["groups"][g]["lost"] / r["groups"][g]["arrived"]
                    for r in runs
                    if r["groups"][g]["arrived"]
                ]
                or [0.0]
            )
            for g in groups
        },
        clusters={
            c: _within(estimate([r["clusters"][c] for r in runs]), 1.0)
            for c in (runs[0]["clusters"] if runs else {})
        },
    )


def _within(e: Estimate, top: float) -> Estimate:
    return Estimate(e.mean, max(e.low, 0.0), min(e.high, top))
