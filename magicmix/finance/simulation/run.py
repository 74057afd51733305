"""One run of the simulation, event by event, and a set of Monte Carlo runs.

Time is in months. Events are arrivals (per group), departures and rounds; a round builds an
engine round of the vacancies and the applicants waiting, in order of arrival (their
registration date), and lets the engine place them. With `round_every` 0 a round follows every
arrival and departure; otherwise rounds fall every `round_every` months. An applicant waits at
most `patience` months (None: as long as it takes; 0: only the round right after arriving).
Residents already in place leave after a stay drawn like a newcomer's (exponential stays are
memoryless; a contract's resident is anywhere in their stay); residents of a group without a
flow stay. Each month start records the let units, the vragend residents, those within a
support arrangement and those waiting. Occupancy and queue length are averaged over time
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
class Contract:
    """How long a tenancy runs: a term, then renewals each taken with a chance. A
    jongerencontract is 60 months with one optional renewal of 24, a temporary contract at most
    24, a campus contract 12 renewed every year the enrolment check is passed."""

    term_months: float
    renew_months: float = 0.0
    renew_share: float = 0.0
    renewals: int | None = 0  # None: as often as the check is passed

    def draw(self, rng: random.Random) -> float:
        months, taken = self.term_months, 0
        while (
            self.renew_months > 0
            and (self.renewals is None or taken < self.renewals)
            and taken < MAX_RENEWALS
            and rng.random() < self.renew_share
        ):
            months += self.renew_months
            taken += 1
        return months


MAX_RENEWALS = 100  # a campus contract renewed with certainty still ends


@dataclass(frozen=True)
class Flow:
    """Applicants of one target group: how many arrive, and how long those placed stay.

    Without a contract a stay is exponential with `mean_stay_months`; with one it is the
    contract's term and renewals, cut short by an early departure (a Poisson hazard).
    Residents placed as vragend become dragend at `role_change_per_month`, and get support
    for `support_months` after moving in."""

    group: str
    role: engine.Role
    arrivals_per_month: float
    mean_stay_months: float
    patience: float | None = None
    contract: Contract | None = None
    early_departure_per_month: float = 0.0
    role_change_per_month: float = 0.0
    support_months: float = 0.0

    def stay(self, rng: random.Random) -> float:
        if self.contract is None:
            return rng.expovariate(1 / self.mean_stay_months)
        months = self.contract.draw(rng)
        if self.early_departure_per_month > 0:
            months = min(months, rng.expovariate(self.early_departure_per_month))
        return months


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
class Month:
    """The complex at the start of a month."""

    let: int
    supported: int  # residents counted vragend
    support: int  # residents within their support arrangement
    waiting: int


@dataclass(frozen=True)
class Run:
    seed: int
    engine_version: str
    occupancy: float  # mean number of units let, after the warm-up
    waiting: float  # mean number of applicants waiting, after the warm-up
    monthly_occupancy: tuple[float, ...]  # units let at the start of each month
    groups: dict[str, GroupOutcome]
    months: tuple[Month, ...] = ()
    # Per top-level cluster: the mean share of its let units let to vragend residents, over
    # the month starts after the warm-up.
    clusters: dict[str, float] = field(default_factory=dict)


def engine_version() -> str:
    return importlib.metadata.version("magicmix")


def units_of(node: engine.Complex | engine.Cluster) -> list[engine.Unit]:
    return [*node.units, *(u for c in node.clusters for u in units_of(c))]


class _Stock:
    """The complex with its current residents. A round needs the whole complex (the mix bounds
    count the residents), so the clusters whose residents did not change are reused, not
    rebuilt: rebuilding 565 frozen units every month cost more than the engine's round."""

    def __init__(self, complex_: engine.Complex) -> None:
        self.complex = complex_
        self.units = {u.id: u for u in units_of(complex_)}
        self.residents = {u.id: u.occupant for u in self.units.values()}
        self.let = sum(o is not None for o in self.residents.values())
        self._around: dict[str, list[str]] = {u: [] for u in self.units}  # clusters holding u
        for cluster in _clusters(complex_):
            for unit in units_of(cluster):
                self._around[unit.id].append(cluster.id)
        self._built: dict[str, engine.Cluster] = {}

    def move(self, unit: str, occupant: engine.Occupant | None) -> None:
        self.let += (occupant is not None) - (self.residents[unit] is not None)
        self.residents[unit] = occupant
        self.units[unit] = dataclasses.replace(self.units[unit], occupant=occupant)
        for cluster in self._around[unit]:
            self._built.pop(cluster, None)

    def current(self) -> engine.Complex:
        c = self.complex
        return engine.Complex(
            c.id,
            c.name,
            tuple(self._cluster(k) for k in c.clusters),
            tuple(self.units[u.id] for u in c.units),
        )

    def _cluster(self, cluster: engine.Cluster) -> engine.Cluster:
        found = self._built.get(cluster.id)
        if found is None:
            found = self._built[cluster.id] = dataclasses.replace(
                cluster,
                clusters=tuple(self._cluster(k) for k in cluster.clusters),
                units=tuple(self.units[u.id] for u in cluster.units),
            )
        return found


class _Mix:
    """Counts vragend residents per month, and per top-level cluster over the run."""

    def __init__(self, complex_: engine.Complex) -> None:
        self.top = {u.id: c.id for c in complex_.clusters for u in units_of(c)}
        self.sums: dict[str, float] = {c.id: 0.0 for c in complex_.clusters}
        self.months = 0

    def count(self, residents: dict[str, engine.Occupant | None], record: bool) -> int:
        let: dict[str, int] = dict.fromkeys(self.sums, 0)
        supported = dict(let)
        total = 0
        for unit, resident in residents.items():
            if resident is None:
                continue
            is_supported = resident.role is engine.Role.SUPPORTED
            total += is_supported
            cluster = self.top.get(unit)
            if cluster is not None:
                let[cluster] += 1
                supported[cluster] += is_supported
        if record:
            self.months += 1
            for cluster, n in let.items():
                self.sums[cluster] += supported[cluster] / n if n else 0.0
        return total

    def shares(self) -> dict[str, float]:
        return {c: total / self.months for c, total in self.sums.items()} if self.months else {}


def _clusters(node: engine.Complex | engine.Cluster) -> list[engine.Cluster]:
    return [*node.clusters, *(k for c in node.clusters for k in _clusters(c))]


@dataclass
class _Applicant:
    flow: Flow
    arrived: float
    engine: engine.Applicant  # built once: the same applicant enters every round until placed


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
    stock = _Stock(setup.complex)
    events: list[tuple[float, int, str, str]] = []  # time, order, kind, what
    order = itertools.count()

    def schedule(time: float, kind: str, what: str) -> None:
        if time <= setup.months:
            heapq.heappush(events, (time, next(order), kind, what))

    flows = {f.group: f for f in setup.flows}
    support_until: dict[str, float] = {}  # unit → end of its resident's support arrangement

    def move_in(unit: str, flow: Flow, role: engine.Role, now: float, stay: float) -> None:
        """Schedule what happens in a tenancy that started at `now` (before 0 for residents
        already in place: what would have happened before the start happens at once)."""
        schedule(max(now + stay, 0.0), "departure", unit)
        if role is engine.Role.SUPPORTED:
            if flow.support_months > 0:
                support_until[unit] = now + flow.support_months
            if flow.role_change_per_month > 0:
                change = rng.expovariate(flow.role_change_per_month)
                if change < stay:
                    schedule(max(now + change, 0.0), "role", unit)

    for unit, resident in stock.residents.items():
        flow = flows.get(resident.group) if resident is not None else None
        if resident is not None and flow is not None:
            # Exponential stays are memoryless: a sitting resident leaves after a fresh draw.
            # A contract's resident is somewhere in their stay, anywhere alike.
            stay = flow.stay(rng)
            start = -stay * rng.random() if flow.contract else 0.0
            move_in(unit, flow, resident.role, start, stay)
    for i, flow in enumerate(setup.flows):
        if flow.arrivals_per_month > 0:
            schedule(rng.expovariate(flow.arrivals_per_month), "arrival", str(i))
    if setup.round_every > 0:
        schedule(setup.round_every, "round", "")
    for month in range(math.ceil(setup.months) + 1):
        schedule(float(month), "month", "")
    clock = _Clock(setup.warmup)
    waiting: dict[str, _Applicant] = {}  # in order of arrival
    tally = {f.group: {"arrived": 0, "placed": 0, "lost": 0} for f in setup.flows}
    waits: dict[str, list[float]] = {f.group: [] for f in setup.flows}
    monthly: list[Month] = []
    mix = _Mix(setup.complex)
    ids = itertools.count()

    def allocate(now: float) -> None:
        if stock.let < len(stock.residents) and waiting:
            for assignment in _round(setup, stock, waiting, now).assignments:
                applicant = waiting.pop(assignment.applicant_id)
                flow = applicant.flow
                stock.move(
                    assignment.unit_id,
                    engine.Occupant(flow.group, flow.role, engine.SupportLevel.NONE),
                )
                tally[flow.group]["placed"] += 1
                waits[flow.group].append(now - applicant.arrived)
                move_in(assignment.unit_id, flow, flow.role, now, flow.stay(rng))
        for key, applicant in list(waiting.items()):
            patience = applicant.flow.patience
            if patience is not None and applicant.arrived + patience <= now:
                del waiting[key]
                tally[applicant.flow.group]["lost"] += 1

    while events:
        now, _order, kind, what = heapq.heappop(events)
        clock.advance(now, stock.let, len(waiting))
        if kind == "month":
            monthly.append(
                Month(
                    stock.let,
                    mix.count(stock.residents, now >= setup.warmup),
                    sum(until > now for until in support_until.values()),
                    len(waiting),
                )
            )
        elif kind == "arrival":
            flow = setup.flows[int(what)]
            applicant = _applicant(next(ids), flow, now)
            waiting[applicant.engine.id] = applicant
            tally[flow.group]["arrived"] += 1
            schedule(now + rng.expovariate(flow.arrivals_per_month), "arrival", what)
            if setup.round_every == 0:
                allocate(now)
        elif kind == "departure":
            stock.move(what, None)
            support_until.pop(what, None)
            if setup.round_every == 0:
                allocate(now)
        elif kind == "role":
            resident = stock.residents[what]
            assert resident is not None  # a role change falls within the stay
            stock.move(what, dataclasses.replace(resident, role=engine.Role.SUPPORTING))
        else:
            allocate(now)
            schedule(now + setup.round_every, "round", "")
    clock.advance(setup.months, stock.let, len(waiting))
    span = max(setup.months - setup.warmup, 1e-9)
    return Run(
        seed=setup.seed,
        engine_version=engine_version(),
        occupancy=clock.let / span,
        waiting=clock.queued / span,
        monthly_occupancy=tuple(float(m.let) for m in monthly),
        months=tuple(monthly),
        clusters=mix.shares(),
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


def _date(months: float) -> dt.date:
    return BASE_DATE + dt.timedelta(days=months * DAYS_PER_MONTH)


def _applicant(number: int, flow: Flow, now: float) -> _Applicant:
    return _Applicant(
        flow,
        now,
        engine.Applicant(
            id=f"a{number}",
            group=flow.group,
            role=flow.role,
            support=engine.SupportLevel.NONE,
            household_size=1,
            age=25,
            income=20_000.0,
            registration_date=_date(now),
            lottery_number=number,
        ),
    )


def _served(setup: Setup, stock: _Stock, waiting: dict[str, _Applicant]) -> list[_Applicant]:
    """The applicants a round needs. In priority mode applicants of one flow are alike but for
    their place in the queue, and the engine places a prefix of them in that order: a later one
    is only considered where an earlier one was refused, and a refusal stands for every later
    alike applicant (the room to meet a minimum only shrinks as vacancies are taken). So no
    more than one per vacancy of each flow can be placed or change a refusal; the rest would
    only cost the engine time (`test_simulation_rounds` checks the results are the same)."""
    if setup.mode is not engine.Mode.PRIORITY:
        return list(waiting.values())
    room = len(stock.residents) - stock.let
    taken: dict[Flow, int] = {}
    served = []
    for applicant in waiting.values():  # in order of arrival: the engine's order
        if taken.get(applicant.flow, 0) < room:
            taken[applicant.flow] = taken.get(applicant.flow, 0) + 1
            served.append(applicant)
    return served


def _round(
    setup: Setup, stock: _Stock, waiting: dict[str, _Applicant], now: float
) -> engine.Result:
    applicants = tuple(a.engine for a in _served(setup, stock, waiting))
    round_ = engine.Round(f"t{now:.4f}", _date(now), (stock.current(),), applicants, setup.policy)
    return engine.allocate(round_, setup.mode, setup.seed, with_max_fill=False)


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
