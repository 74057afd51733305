"""The round as the engine sees it: plain, immutable dataclasses.

Everything the engine needs comes in through `Round`; nothing is read from a
database or from settings. `io.py` builds these from the JSON exchange format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

ANY = "*"  # preference entry meaning "any vacancy I am eligible for"


class Role(StrEnum):
    SUPPORTING = "supporting"  # dragend
    SUPPORTED = "supported"  # vragend


class SupportLevel(StrEnum):
    NONE = "none"
    LIGHT = "light"
    INTENSIVE = "intensive"


class Dimension(StrEnum):
    """What a bound counts: residents with this target group, role, support level or partner."""

    GROUP = "group"
    ROLE = "role"
    SUPPORT = "support"
    PARTNER = "partner"


class Mode(StrEnum):
    PRIORITY = "priority"
    OPTIMAL = "optimal"
    LOTTERY = "lottery"
    PER_VACANCY = "per-vacancy"


class PriorityKey(StrEnum):
    """Keys of the ranking rule; each sorts in the direction that favours the applicant."""

    URGENCY = "urgency"  # higher first
    SELECTION_SCORE = "selection_score"  # higher first
    REGISTRATION_DATE = "registration_date"  # earlier first
    LOTTERY_NUMBER = "lottery_number"  # lower first


class Place(StrEnum):
    """Where an applicant without a ranking key goes."""

    FIRST = "first"
    LAST = "last"  # the default
    VALUE = "value"  # as if they had `WhenMissing.value`


@dataclass(frozen=True)
class WhenMissing:
    """The ranking rule's answer for applicants who lack `key` (its value is None)."""

    key: PriorityKey
    place: Place = Place.LAST
    value: float | dt.date | None = None  # with Place.VALUE; a date for registration_date


@dataclass(frozen=True)
class Occupant:
    group: str
    role: Role
    support: SupportLevel
    partner: str | None = None


@dataclass(frozen=True)
class Designation:
    """A unit meant for residents of a target group or role (bestemming), as om-en-om is done in
    practice: "a unit vacated by a statushouder goes to a statushouder".

    Hard: only applicants it counts may take the unit (an eligibility rule). Soft: they come
    first; the serial modes give the unit to anyone else only when no other unit of their
    choice is open, and the optimal mode pays `Weights.designation` for each such placement.
    """

    dimension: Dimension
    value: str
    hard: bool = True


@dataclass(frozen=True)
class Unit:
    id: str
    unit_type: str
    floor_area: float
    max_occupants: int
    self_contained: bool
    accessible: bool
    rent: float  # monthly, euro
    contract_type: str
    occupant: Occupant | None = None  # None = vacant in this round
    designation: Designation | None = None


@dataclass(frozen=True)
class Cluster:
    """A site, building, floor or gang: any level, nested to any depth."""

    id: str
    name: str
    kind: str
    clusters: tuple[Cluster, ...] = ()
    units: tuple[Unit, ...] = ()


@dataclass(frozen=True)
class Complex:
    id: str
    name: str
    clusters: tuple[Cluster, ...] = ()
    units: tuple[Unit, ...] = ()


@dataclass(frozen=True)
class Applicant:
    id: str
    group: str
    role: Role
    support: SupportLevel
    household_size: int
    age: int
    income: float  # annual, euro
    registration_date: dt.date | None  # None = unknown (see Round.missing)
    partner: str | None = None
    accessibility_need: bool = False
    unit_types: tuple[str, ...] = ()  # empty = any type
    # Ranked ids of complexes, clusters or units; ANY matches every vacancy.
    preferences: tuple[str, ...] = (ANY,)
    # Ranking keys; None = the applicant lacks it (a nominee not yet scored). Round.missing
    # says where they go; the default is last, and the result counts them per key.
    urgency: int | None = 0
    selection_score: float | None = 0.0
    lottery_number: int | None = 0


@dataclass(frozen=True)
class Bound:
    """A minimum and/or maximum on the residents of a complex or cluster after the round.

    `share=True` means the limits are fractions of the places (units) in scope:
    a maximum share rounds down, a minimum share rounds up.
    """

    id: str
    scope: str  # complex or cluster id
    dimension: Dimension
    value: str
    minimum: float | None = None
    maximum: float | None = None
    share: bool = False
    hard: bool = True
    penalty: float = 0.0  # per resident of shortfall or excess, soft bounds only


@dataclass(frozen=True)
class IncomeLimit:
    max_income: float
    household_min: int = 1
    household_max: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass(frozen=True)
class AgeRange:
    contract_type: str
    min_age: int | None = None
    max_age: int | None = None  # inclusive


@dataclass(frozen=True)
class Eligibility:
    age_ranges: tuple[AgeRange, ...] = ()
    income_limits: tuple[IncomeLimit, ...] = ()
    max_rent_to_income: float | None = None  # yearly rent / yearly income


@dataclass(frozen=True)
class Weights:
    """Terms of the optimal mode's score for placing one applicant."""

    placement: float = 1000.0
    preference: float = 10.0  # subtracted per step down the applicant's list
    priority: float = 100.0  # times (n - position) / n
    selection_score: float = 1.0  # times the applicant's selection score
    designation: float = 50.0  # paid per soft-designated unit given to someone it does not count


@dataclass(frozen=True)
class Policy:
    bounds: tuple[Bound, ...] = ()
    eligibility: Eligibility = field(default_factory=Eligibility)
    weights: Weights = field(default_factory=Weights)


@dataclass(frozen=True)
class Round:
    id: str
    date: dt.date
    complexes: tuple[Complex, ...]
    applicants: tuple[Applicant, ...]
    policy: Policy = field(default_factory=Policy)
    ranking: tuple[PriorityKey, ...] = (
        PriorityKey.URGENCY,
        PriorityKey.REGISTRATION_DATE,
        PriorityKey.LOTTERY_NUMBER,
    )
    missing: tuple[WhenMissing, ...] = ()  # per ranking key; a key not named here: last
    # Seconds the integer programmes of one run may take in all; None = no limit. When it is
    # reached the result says so, with the best allocation found (and in optimal mode its
    # bound and gap).
    time_limit: float | None = None
