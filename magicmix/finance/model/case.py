"""The inputs of a business case: plain, immutable dataclasses.

Every figure is a number; which date and source it has is kept beside it in `Case.sources`,
keyed by its path in the exchange format ("unit_types[0].investment_per_unit"). Pydantic reads
the constraints in the annotations when `io.py` validates a file; the computation never does.
Amounts are euros excluding VAT in prices of exploitation year 1; rates are fractions per year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

_STRICT = ConfigDict(extra="forbid")

Money = Annotated[float, Field(ge=0)]
Share = Annotated[float, Field(ge=0, le=1)]
Rate = Annotated[float, Field(gt=-1, le=1)]
Year = Annotated[int, Field(ge=1, le=100, description="exploitation year, 1 = the first")]


class Party(StrEnum):
    """Who pays or gains in the stakeholder view."""

    CORPORATION = "corporation"  # the investor and landlord
    MUNICIPALITY = "municipality"
    CARE_PARTNER = "care_partner"
    STATE = "state"  # het Rijk


class ValueBasis(StrEnum):
    BEDRIJFSWAARDE = "bedrijfswaarde"
    BELEIDSWAARDE = "beleidswaarde"
    MARKTWAARDE = "marktwaarde"


class Land(StrEnum):
    GROUND_LEASE = "erfpacht"
    TEMPORARY_USE = "tijdelijk_gebruik"
    OWNED = "eigendom"


class Afterlife(StrEnum):
    """What happens to the homes at the end of the exploitation period."""

    STAY = "stay"
    RELOCATE = "relocate"
    DISMANTLE = "dismantle"


@dataclass(frozen=True)
class Source:
    __pydantic_config__ = _STRICT
    as_of: dt.date
    source: Annotated[str, Field(min_length=1, max_length=500)]


@dataclass(frozen=True)
class RentLine:
    """The units of one unit type let under one contract type."""

    __pydantic_config__ = _STRICT
    contract_type: Annotated[str, Field(min_length=1, max_length=40)]
    share: Annotated[Share, Field(description="share of the unit type's units")] = 1.0
    rent_per_month: Money = 0.0
    service_costs_per_month: Money = 0.0
    turnover_rate: Annotated[
        Share, Field(description="mutatiekans: moves out per unit per year")
    ] = 0.2


@dataclass(frozen=True)
class UnitType:
    __pydantic_config__ = _STRICT
    code: Annotated[str, Field(min_length=1, max_length=40)]
    count: Annotated[int, Field(ge=0, le=100_000)]
    investment_per_unit: Annotated[Money, Field(description="stichtingskosten per unit")]
    rents: Annotated[tuple[RentLine, ...], Field(min_length=1)]
    maintenance_per_unit: Annotated[Money, Field(description="per unit per year")] = 0.0
    management_per_unit: Annotated[Money, Field(description="per unit per year")] = 0.0
    taxes_insurance_per_unit: Annotated[Money, Field(description="per unit per year")] = 0.0


@dataclass(frozen=True)
class Payment:
    __pydantic_config__ = _STRICT
    year: Annotated[int, Field(ge=0, le=100, description="0 = at the investment")]
    amount: Money


@dataclass(frozen=True)
class LandTerms:
    """Erfpacht or temporary use of municipal land; payments go to the municipality."""

    __pydantic_config__ = _STRICT
    kind: Land = Land.GROUND_LEASE
    annual_payment: Annotated[Money, Field(description="canon or fee per year")] = 0.0
    indexed: Annotated[bool, Field(description="the annual payment follows cost indexation")] = True
    one_off_payment: Annotated[Money, Field(description="paid at the investment (year 0)")] = 0.0
    deferred_payments: tuple[Payment, ...] = ()


@dataclass(frozen=True)
class Observed:
    """The occupancy measured in a year that has passed."""

    __pydantic_config__ = _STRICT
    year: Year
    occupancy: Annotated[Share, Field(description="average share of the units let")]


@dataclass(frozen=True)
class Vacancy:
    __pydantic_config__ = _STRICT
    loss_rate: Annotated[Share, Field(description="huurderving: share of rent not collected")] = 0.0
    months_per_turnover: Annotated[
        float, Field(ge=0, le=12, description="mutatieleegstand per move")
    ] = 1.0
    initial_months: Annotated[
        float, Field(ge=0, le=12, description="aanvangsleegstand in year 1")
    ] = 0.0
    observed: Annotated[
        tuple[Observed, ...],
        Field(description="measured occupancy; replaces the computed vacancy of those years"),
    ] = ()


@dataclass(frozen=True)
class Relocation:
    """A move of the homes to another site, at the end of `year`."""

    __pydantic_config__ = _STRICT
    year: Year
    cost_share: Annotated[Share, Field(description="cost as a share of the investment")] = 0.3
    municipality_share: Annotated[
        Share, Field(description="share of the cost the municipality pays (woonrijp maken)")
    ] = 0.0
    vacant_months: Annotated[float, Field(ge=0, le=12)] = 3.0


@dataclass(frozen=True)
class Residual:
    """The value at the end as a share of the investment, for each possible afterlife."""

    __pydantic_config__ = _STRICT
    choice: Afterlife = Afterlife.RELOCATE
    stay: Annotated[float, Field(ge=0, le=0.85)] = 0.85
    relocate: Annotated[float, Field(ge=0, le=0.85)] = 0.5
    dismantle: Annotated[float, Field(ge=0, le=0.85)] = 0.05

    @property
    def share(self) -> float:
        return {
            Afterlife.STAY: self.stay,
            Afterlife.RELOCATE: self.relocate,
            Afterlife.DISMANTLE: self.dismantle,
        }[self.choice]


@dataclass(frozen=True)
class PayerShares:
    __pydantic_config__ = _STRICT
    corporation: Share = 1.0
    municipality: Share = 0.0
    care_partner: Share = 0.0

    def of(self, party: Party) -> float:
        return float(getattr(self, party.value, 0.0))


@dataclass(frozen=True)
class SocialManagement:
    """Sociaal beheer: paid hours, and gangmakers paid with a rent discount."""

    __pydantic_config__ = _STRICT
    hours_per_year: Annotated[float, Field(ge=0, le=1_000_000)] = 0.0
    rate_per_hour: Money = 0.0
    paid_by: PayerShares = PayerShares()
    gangmakers: Annotated[int, Field(ge=0, le=100_000)] = 0
    gangmaker_discount_per_month: Money = 0.0


@dataclass(frozen=True)
class Support:
    """Professional support of residents, paid by one party, from `first_year` to `last_year`."""

    __pydantic_config__ = _STRICT
    name: Annotated[str, Field(min_length=1, max_length=100)]
    payer: Party
    hours_per_year: Annotated[float, Field(ge=0, le=1_000_000)] = 0.0
    rate_per_hour: Money = 0.0
    first_year: Year = 1
    last_year: Year | None = None


@dataclass(frozen=True)
class Subsidy:
    """A contribution to the corporation in `year` (0 = at the investment)."""

    __pydantic_config__ = _STRICT
    name: Annotated[str, Field(min_length=1, max_length=100)]
    payer: Party
    year: Annotated[int, Field(ge=0, le=100)] = 0
    amount: Money = 0.0


@dataclass(frozen=True)
class RthfShares:
    __pydantic_config__ = _STRICT
    state: Share = 0.6
    municipality: Share = 0.25
    investor: Share = 0.15


@dataclass(frozen=True)
class Rthf:
    """The Regeling tegemoetkoming herplaatsing flexwoningen: a fee per home at the start; if
    relocation fails (`sale_per_home` set), the homes are sold at the end instead of keeping their
    residual value, and a shortfall under the garantiebedrag is shared state / municipality /
    investor."""

    __pydantic_config__ = _STRICT
    homes: Annotated[int, Field(ge=0, le=100_000)]
    garantiebedrag_per_home: Money
    fee_per_home: Money = 1000.0
    shares: RthfShares = RthfShares()
    sale_per_home: Annotated[
        Money | None, Field(description="sale price if relocation fails; null = it succeeds")
    ] = None


Indexation = Annotated[
    Rate | tuple[Rate, ...],
    Field(description="per year; a list gives year 1→2, 2→3, …, its last entry repeating"),
]


@dataclass(frozen=True)
class Case:
    """One scenario of a complex's business case over its exploitation period."""

    __pydantic_config__ = ConfigDict(extra="forbid", title="magicmix business case, version 1")
    name: Annotated[str, Field(min_length=1, max_length=200)]
    start_year: Annotated[int, Field(ge=1900, le=2200, description="calendar year of year 0")]
    years: Annotated[int, Field(ge=1, le=60, description="exploitation period in years")]
    discount_rate: Rate
    unit_types: Annotated[tuple[UnitType, ...], Field(min_length=1)]
    value_basis: ValueBasis = ValueBasis.BEDRIJFSWAARDE
    rent_indexation: Indexation = 0.0
    cost_indexation: Indexation = 0.0
    vacancy: Vacancy = Vacancy()
    land: LandTerms = LandTerms()
    relocations: tuple[Relocation, ...] = ()
    residual: Residual = Residual()
    social_management: SocialManagement = SocialManagement()
    support: tuple[Support, ...] = ()
    subsidies: tuple[Subsidy, ...] = ()
    rthf: Rthf | None = None
    sources: Annotated[
        dict[str, Source],
        Field(description='date and source of figures, by path: "unit_types[0].count"'),
    ] = field(default_factory=dict)
    format: Literal["magicmix-business-case"] = "magicmix-business-case"
    version: Literal[1] = 1

    @property
    def units(self) -> int:
        return sum(t.count for t in self.unit_types)

    @property
    def investment(self) -> float:
        return sum(t.count * t.investment_per_unit for t in self.unit_types)
