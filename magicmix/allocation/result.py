"""What the engine hands back: plain, immutable dataclasses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .messages import Param, render
from .model import Mode


@dataclass(frozen=True)
class Reason:
    """One structured reason: a message code with its parameters, rendered in Dutch and English."""

    code: str
    params: Mapping[str, Param]

    @property
    def nl(self) -> str:
        return render(self.code, self.params, "nl")

    @property
    def en(self) -> str:
        return render(self.code, self.params, "en")


def reason(code: str, **params: Param) -> Reason:
    return Reason(code, params)


@dataclass(frozen=True)
class Explanation:
    applicant_id: str
    unit_id: str | None
    rank: int | None  # 1 = first preference
    reasons: tuple[Reason, ...]  # the first is the headline

    def text(self, lang: str) -> str:
        return " ".join(getattr(r, lang) for r in self.reasons)


@dataclass(frozen=True)
class Assignment:
    unit_id: str
    applicant_id: str
    complex_id: str
    rank: int  # 1 = first preference


@dataclass(frozen=True)
class BoundReport:
    bound_id: str
    scope: str
    scope_name: str
    dimension: str
    value: str
    hard: bool
    places: int
    before: int
    after: int
    target_min: int | None
    target_max: int | None
    effective_min: int | None
    effective_max: int | None
    shortfall: int
    excess: int
    notes: tuple[Reason, ...]  # e.g. "already above its maximum before the round; not made worse"


@dataclass(frozen=True)
class DesignationReport:
    """Designated vacancies of one kind (bestemming) and who got them."""

    dimension: str
    value: str
    hard: bool
    vacancies: int
    filled: int
    filled_by_them: int  # by residents the designation counts


@dataclass(frozen=True)
class Certificate:
    """Proof of optimality from the MIP solver: objective, best bound and relative gap."""

    objective: float
    bound: float
    gap: float

    @property
    def proven_optimal(self) -> bool:
        return self.gap <= 1e-9


@dataclass(frozen=True)
class Metrics:
    vacancies: int
    filled: int
    mean_rank: float  # 1 = everyone got their first preference; 0 if nobody was placed
    score: float  # the optimal mode's objective evaluated on this assignment
    displaced_by_group: Mapping[
        str, int
    ]  # applicants who prefer a unit that went to someone ranked lower


@dataclass(frozen=True)
class Conflict:
    """A smallest set of hard bounds that cannot hold together (removing any one resolves it)."""

    bound_ids: tuple[str, ...]
    reason: Reason


@dataclass(frozen=True)
class Result:
    round_id: str
    mode: Mode
    seed: int
    feasible: bool
    assignments: tuple[Assignment, ...]
    explanations: tuple[Explanation, ...]
    policy: tuple[BoundReport, ...]
    metrics: Metrics
    certificate: Certificate | None = None  # optimal mode
    max_fill: int | None = None  # the most vacancies any allocation under the hard bounds fills
    conflict: Conflict | None = None  # when the hard bounds cannot hold together
    time_limit: float | None = None  # seconds the solves of this run were allowed
    # The time limit stopped a solve: optimal mode reports the best allocation found with its
    # bound and gap; a serial mode's refusals after that moment were not all proven.
    time_limit_reached: bool = False
    solves: int = 0  # integer programmes the mode solved (witnesses, relayouts)
    relayouts: int = 0  # of `solves`, relayouts (the others kept a completion, the witness)
    # Programmes answered by an earlier solve's certificate of infeasibility, without HiGHS.
    refuted: int = 0
    designations: tuple[DesignationReport, ...] = ()
    # Per ranking key, how many applicants lacked it (placed per the round's `missing` rule).
    missing_keys: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PriceOfMix:
    """The same round and mode without mix bounds."""

    filled_with: int
    filled_without: int
    score_with: float
    score_without: float
    displaced: tuple[str, ...]  # applicants placed without the bounds but not with them


@dataclass(frozen=True)
class Comparison:
    metrics: Mapping[Mode, Metrics]
    max_fill: int
