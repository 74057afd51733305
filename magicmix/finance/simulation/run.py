"""One run of the simulation, event by event, and a set of Monte Carlo runs.

Time is in months. Events are arrivals (per group), departures and rounds; a round builds an
engine round of the vacancies and the applicants waiting, in order of arrival (their
registration date), and lets the engine place them. With `round_every` 0 a round follows every
arrival and departure; otherwise rounds fall every `round_every` months. An applicant waits at
most `patience` months (None: as long as it takes; 0: only the round right after arriving).
Residents already in place leave after a stay drawn like a newcomer's (stays are memoryless);
residents of a group without a flow stay. Occupancy and queue length are averaged over time
after `warmup` months.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import importlib.metadata
import itertools
import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from magicmix import allocation as engine

BASE_DATE = dt.date(2000, 1, 1)
DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True)
class Flow:
    """Applicants of one target group: how many arrive, and how long those placed stay."""

    group: str
    role: engine.Role
    arrivals_per_month: float
    mean_stay_months: float
    patience: float | None = None


@dataclass(frozen=True)
class Setup:
    complex: engine.Complex
    flows: tuple[Flow, ...]
    months: float
    policy: engine.Policy = field(default_factory=engine.Policy)
    mode: engine.Mode = engine.Mode.PRIORITY
    round_every: float = 1.0
    warmup: float = 0.0
    seed: int = 0


@dataclass(frozen=True)
class GroupOutcome:
    arrived: int
    placed: int
    lost: int
    mean_wait: float | None  # months from arrival to placement, of those placed


@dataclass(frozen=True)
class Run:
    seed: int
    engine_version: str
    occupancy: float  # mean number of units let, after the warm-up
    waiting: float  # mean number of applicants waiting, after the warm-up
    monthly_occupancy: tuple[float, ...]  # units let at the start of each month
    groups: dict[str, GroupOutcome]


def engine_version() -> str:
    return importlib.metadata.version("magicmix")


def _units(node: engine.Complex | engine.Cluster) -> list[engine.Unit]:
    return [*node.units, *(u for c in node.clusters for u in _units(c))]


def _placed(node: engine.Cluster, residents: dict[str, engine.Occupant | None]) -> engine.Cluster:
    return dataclasses.replace(
        node,
        clusters=tuple(_placed(c, residents) for c in node.clusters),
        units=tuple(dataclasses.replace(u, occupant=residents[u.id]) for u in node.units),
    )


@dataclass
class _Applicant:
    id: str
    flow: Flow
    arrived: float


class _Clock:
    """Integrates occupancy and queue length over time, after the warm-up."""

    def __init__(self, warmup: float) -> None:
        self.warmup, self.now = warmup, 0.0
        self.let = self.queued = 0.0

    def advance(self, to: float, let: int, queued: int) -> None:
        start = max(self.now, self.warmup)
        if to > start:
            self.let += let * (to - start)
            self.queued += queued * (to - start)
        self.now = to


def simulate(setup: Setup) -> Run:
    rng = random.Random(setup.seed)
    units = [u.id for u in _units(setup.complex)]
    residents: dict[str, engine.Occupant | None] = {u.id: u.occupant for u in _units(setup.complex)}
    events: list[tuple[float, int, str, str]] = []  # time, order, kind, what
    order = itertools.count()

    def schedule(time: float, kind: str, what: str) -> None:
        if time <= setup.months:
            heapq.heappush(events, (time, next(order), kind, what))

    stays = {f.group: f.mean_stay_months for f in setup.flows}
    for unit, resident in residents.items():
        # Stays are memoryless: a sitting resident leaves after a fresh draw of their group's stay.
        if resident is not None and resident.group in stays:
            schedule(rng.expovariate(1 / stays[resident.group]), "departure", unit)
    for i, flow in enumerate(setup.flows):
        if flow.arrivals_per_month > 0:
            schedule(rng.expovariate(flow.arrivals_per_month), "arrival", str(i))
    if setup.round_every > 0:
        schedule(setup.round_every, "round", "")
    for month in range(math.ceil(setup.months) + 1):
        schedule(float(month), "month", "")
    clock = _Clock(setup.warmup)
    waiting: list[_Applicant] = []
    tally = {f.group: {"arrived": 0, "placed": 0, "lost": 0} for f in setup.flows}
    waits: dict[str, list[float]] = {f.group: [] for f in setup.flows}
    monthly: list[float] = []
    ids = itertools.count()

    def let_count() -> int:
        return sum(1 for u in units if residents[u] is not None)

    def allocate(now: float) -> None:
        vacant = [u for u in units if residents[u] is None]
        if vacant and waiting:
            for assignment in _round(setup, residents, waiting, now).assignments:
                applicant = next(a for a in waiting if a.id == assignment.applicant_id)
                waiting.remove(applicant)
                flow = applicant.flow
                residents[assignment.unit_id] = engine.Occupant(
                    flow.group, flow.role, engine.SupportLevel.NONE
                )
                tally[flow.group]["placed"] += 1
                waits[flow.group].append(now - applicant.arrived)
                schedule(
                    now + rng.expovariate(1 / flow.mean_stay_months),
                    "departure",
                    assignment.unit_id,
                )
        for applicant in list(waiting):
            patience = applicant.flow.patience
            if patience is not None and applicant.arrived + patience <= now:
                waiting.remove(applicant)
                tally[applicant.flow.group]["lost"] += 1

    while events:
        now, _order, kind, what = heapq.heappop(events)
        clock.advance(now, let_count(), len(waiting))
        if kind == "month":
            monthly.append(float(let_count()))
        elif kind == "arrival":
            flow = setup.flows[int(what)]
            waiting.append(_Applicant(f"a{next(ids)}", flow, now))
            tally[flow.group]["arrived"] += 1
            schedule(now + rng.expovariate(flow.arrivals_per_month), "arrival", what)
            if setup.round_every == 0:
                allocate(now)
        elif kind == "departure":
            residents[what] = None
            if setup.round_every == 0:
                allocate(now)
        else:
            allocate(now)
            schedule(now + setup.round_every, "round", "")
    clock.advance(setup.months, let_count(), len(waiting))
    span = max(setup.months - setup.warmup, 1e-9)
    return Run(
        seed=setup.seed,
        engine_version=engine_version(),
        occupancy=clock.let / span,
        waiting=clock.queued / span,
        monthly_occupancy=tuple(monthly),
        groups={
            group: GroupOutcome(
                t["arrived"],
                t["placed"],
                t["lost"],
                statistics.fmean(waits[group]) if waits[group] else None,
            )
            for group, t in tally.items()
        },
    )


def _round(
    setup: Setup,
    residents: dict[str, engine.Occupant | None],
    waiting: Sequence[_Applicant],
    now: float,
) -> engine.Result:
    complex_ = setup.complex
    placed = engine.Complex(
        complex_.id,
        complex_.name,
        tuple(_placed(c, residents) for c in complex_.clusters),
        tuple(dataclasses.replace(u, occupant=residents[u.id]) for u in complex_.units),
    )
    day = BASE_DATE + dt.timedelta(days=now * DAYS_PER_MONTH)
    applicants = tuple(
        engine.Applicant(
            id=a.id,
            group=a.flow.group,
            role=a.flow.role,
            support=engine.SupportLevel.NONE,
            household_size=1,
            age=25,
            income=20_000.0,
            registration_date=BASE_DATE + dt.timedelta(days=a.arrived * DAYS_PER_MONTH),
            lottery_number=i,
        )
        for i, a in enumerate(waiting)
    )
    round_ = engine.Round(f"t{now:.4f}", day, (placed,), applicants, setup.policy)
    return engine.allocate(round_, setup.mode, setup.seed)


@dataclass(frozen=True)
class Estimate:
    mean: float
    low: float  # a 95 % confidence interval over the runs
    high: float


# Student's t, 97.5 % quantile, for 1 to 10 degrees of freedom; beyond, the normal 1.96 is close.
_T = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228)


def estimate(values: Sequence[float]) -> Estimate:
    """The mean over runs and its 95 % confidence interval (Student's t)."""
    mean = statistics.fmean(values)
    if len(values) < 2:
        return Estimate(mean, mean, mean)
    t = _T[len(values) - 2] if len(values) - 1 <= len(_T) else 1.96
    half = t * statistics.stdev(values) / math.sqrt(len(values))
    return Estimate(mean, mean - half, mean + half)


def monte_carlo(setup: Setup, runs: int) -> list[Run]:
    """`runs` independent runs with seeds setup.seed, setup.seed + 1, …"""
    return [simulate(dataclasses.replace(setup, seed=setup.seed + i)) for i in range(runs)]
