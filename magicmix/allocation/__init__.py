"""magicmix allocation engine: assign applicants to vacancies under a mix policy.

Plain Python, no Django. Dataclasses in (`Round`), dataclasses out (`Result`):

    from magicmix.allocation import Mode, allocate, load_round
    result = allocate(load_round(path), Mode.PRIORITY)
"""

from .engine import allocate, compare_modes, price_of_mix, serving_order, without_mix
from .export import to_html, to_json, to_markdown
from .io import RoundError, load_round, parse_round, read_applicants_csv
from .model import (
    ANY,
    AgeRange,
    Applicant,
    Bound,
    Cluster,
    Complex,
    Designation,
    Dimension,
    Eligibility,
    IncomeLimit,
    Mode,
    Occupant,
    Place,
    Policy,
    PriorityKey,
    Role,
    Round,
    SupportLevel,
    Unit,
    Weights,
    WhenMissing,
)
from .result import (
    Assignment,
    BoundReport,
    Certificate,
    Comparison,
    Conflict,
    DesignationReport,
    Explanation,
    Metrics,
    PriceOfMix,
    Reason,
    Result,
)

__all__ = [
    "ANY",
    "AgeRange",
    "Applicant",
    "Assignment",
    "Bound",
    "BoundReport",
    "Certificate",
    "Cluster",
    "Comparison",
    "Complex",
    "Conflict",
    "Designation",
    "DesignationReport",
    "Dimension",
    "Eligibility",
    "Explanation",
    "IncomeLimit",
    "Metrics",
    "Mode",
    "Occupant",
    "Place",
    "Policy",
    "PriceOfMix",
    "PriorityKey",
    "Reason",
    "Result",
    "Role",
    "Round",
    "RoundError",
    "SupportLevel",
    "Unit",
    "Weights",
    "WhenMissing",
    "allocate",
    "compare_modes",
    "load_round",
    "parse_round",
    "price_of_mix",
    "read_applicants_csv",
    "serving_order",
    "to_html",
    "to_json",
    "to_markdown",
    "without_mix",
]
