"""What a mode produces before it is explained and reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..result import Certificate


class Why(StrEnum):
    """Why an option was not open to an applicant when it was their turn."""

    TAKEN = "taken"  # every vacancy in it went to applicants ranked higher
    MAXIMUM = "maximum"  # a hard maximum was reached
    MINIMUM = "minimum"  # the seat was needed to keep a hard minimum reachable


@dataclass(frozen=True)
class Closed:
    rank: int
    target: str
    why: Why
    bound: int | None = None  # bound index for MAXIMUM / MINIMUM
    count: int = 0  # residents counted by that bound at the time
    # MAXIMUM: every hard maximum that shut one of the option's cells (the first is `bound`),
    # and whether other cells of the option were full.
    bounds: tuple[int, ...] = ()
    full_elsewhere: bool = False


@dataclass
class Outcome:
    units: dict[int, str] = field(default_factory=dict)  # candidate index -> unit id
    closed: dict[int, list[Closed]] = field(
        default_factory=dict
    )  # candidate index -> options passed over
    certificate: Certificate | None = None
    positions: dict[int, int] = field(
        default_factory=dict
    )  # candidate index -> place in the order served
    serial: bool = True  # decided applicant by applicant (priority, lottery, per vacancy)
    solves: int = 0  # integer programmes the mode solved (witnesses, relayouts, the optimum)
    relayouts: int = 0  # of `solves`, relayouts
    refuted: int = 0  # programmes answered by a kept certificate of infeasibility
