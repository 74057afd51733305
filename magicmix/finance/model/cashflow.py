"""The yearly cash flows of a case, for the corporation and for every other party.

Year 0 is the investment; the flows of exploitation year t fall at its end. Figures are in
year-1 prices and grow with the rent or cost indexation from year 2 on. Service costs are
passed on to tenants at cost, so only their loss on empty units shows, within vacancy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from .case import Case, Party, Rthf


class Line(StrEnum):
    """The lines of the cash flow, in the order of the CSV columns."""

    INVESTMENT = "investment"
    LAND = "land"
    RENT = "rent"
    VACANCY = "vacancy"
    GANGMAKER_DISCOUNTS = "gangmaker_discounts"
    MAINTENANCE = "maintenance"
    MANAGEMENT = "management"
    TAXES_INSURANCE = "taxes_insurance"
    SOCIAL_MANAGEMENT = "social_management"
    SUPPORT = "support"
    RELOCATION = "relocation"
    SUBSIDIES = "subsidies"
    RTHF_FEE = "rthf_fee"
    RTHF_COMPENSATION = "rthf_compensation"
    RESIDUAL_VALUE = "residual_value"


# Lines that are not part of the exploitation in the onrendabele top: the investment itself,
# what covers the gap (subsidies), and the end value.
END_VALUE = frozenset({Line.RESIDUAL_VALUE, Line.RTHF_COMPENSATION})


@dataclass(frozen=True)
class Year:
    year: int
    calendar_year: int
    parties: dict[Party, dict[Line, float]]  # per party and line; + is money in for that party

    @property
    def lines(self) -> dict[Line, float]:
        """The corporation's flows: the project's cash flow."""
        return self.parties[Party.CORPORATION]

    @property
    def net(self) -> float:
        return sum(self.lines.values())

    def net_of(self, party: Party) -> float:
        return sum(self.parties[party].values())


def index_factors(rates: float | tuple[float, ...], years: int) -> list[float]:
    """factor[t] for t = 0..years; year 0 and year 1 are 1, each next year grows by its rate."""
    steps = (rates,) if isinstance(rates, float | int) else rates
    factors = [1.0, 1.0]
    for t in range(2, years + 1):
        rate = steps[min(t - 2, len(steps) - 1)] if steps else 0.0
        factors.append(factors[-1] * (1 + rate))
    return factors


class _Ledger:
    """Collects flows per year, party and line."""

    def __init__(self, years: int) -> None:
        self.years = [
            {party: dict.fromkeys(Line, 0.0) for party in Party} for _ in range(years + 1)
        ]

    def book(self, year: int, line: Line, party: Party, amount: float) -> None:
        self.years[year][party][line] += amount

    def transfer(self, year: int, line: Line, payer: Party, payee: Party, amount: float) -> None:
        self.book(year, line, payer, -amount)
        self.book(year, line, payee, amount)


C, M = Party.CORPORATION, Party.MUNICIPALITY


def cash_flows(case: Case) -> list[Year]:
    n = case.years
    rent_index = index_factors(case.rent_indexation, n)
    cost_index = index_factors(case.cost_indexation, n)
    ledger = _Ledger(n)
    investment = case.investment
    ledger.book(0, Line.INVESTMENT, C, -investment)
    _land(case, ledger, cost_index)
    relocated_months: defaultdict[int, float] = defaultdict(float)
    for move in case.relocations:
        if move.year > n:
            continue
        cost = move.cost_share * investment * cost_index[move.year]
        ledger.book(move.year, Line.RELOCATION, C, -cost * (1 - move.municipality_share))
        ledger.book(move.year, Line.RELOCATION, M, -cost * move.municipality_share)
        relocated_months[move.year] += move.vacant_months
    for t in range(1, n + 1):
        _exploitation(case, ledger, t, rent_index[t], cost_index[t], relocated_months[t])
    for subsidy in case.subsidies:
        if subsidy.year <= n:
            ledger.transfer(subsidy.year, Line.SUBSIDIES, subsidy.payer, C, subsidy.amount)
    _end(case, ledger)
    return [Year(t, case.start_year + t, ledger.years[t]) for t in range(n + 1)]


def _land(case: Case, ledger: _Ledger, cost_index: list[float]) -> None:
    terms = case.land

    def paid(year: int, amount: float) -> None:
        ledger.transfer(year, Line.LAND, C, M, amount)

    paid(0, terms.one_off_payment)
    for t in range(1, case.years + 1):
        paid(t, terms.annual_payment * (cost_index[t] if terms.indexed else 1.0))
    for payment in terms.deferred_payments:
        if payment.year <= case.years:
            paid(payment.year, payment.amount)


def _exploitation(
    case: Case, ledger: _Ledger, t: int, rent_index: float, cost_index: float, moved: float
) -> None:
    vacancy = case.vacancy
    empty_months = moved + (vacancy.initial_months if t == 1 else 0.0)
    # A year whose occupancy was measured uses the measurement instead.
    observed = {o.year: 1 - o.occupancy for o in vacancy.observed}
    for unit_type in case.unit_types:
        for line in unit_type.rents:
            units = unit_type.count * line.share
            rent = units * line.rent_per_month * 12 * rent_index
            service = units * line.service_costs_per_month * 12 * cost_index
            empty = observed.get(
                t,
                vacancy.loss_rate
                + (line.turnover_rate * vacancy.months_per_turnover + empty_months) / 12,
            )
            ledger.book(t, Line.RENT, C, rent)
            ledger.book(t, Line.VACANCY, C, -min(empty, 1.0) * (rent + service))
        per_unit = unit_type.count * cost_index
        ledger.book(t, Line.MAINTENANCE, C, -per_unit * unit_type.maintenance_per_unit)
        ledger.book(t, Line.MANAGEMENT, C, -per_unit * unit_type.management_per_unit)
        ledger.book(t, Line.TAXES_INSURANCE, C, -per_unit * unit_type.taxes_insurance_per_unit)
    social = case.social_management
    social_cost = social.hours_per_year * social.rate_per_hour * cost_index
    for party in (Party.CORPORATION, Party.MUNICIPALITY, Party.CARE_PARTNER):
        ledger.book(t, Line.SOCIAL_MANAGEMENT, party, -social_cost * social.paid_by.of(party))
    discounts = social.gangmakers * social.gangmaker_discount_per_month * 12 * rent_index
    ledger.book(t, Line.GANGMAKER_DISCOUNTS, C, -discounts)
    for support in case.support:
        if support.first_year <= t <= (support.last_year or case.years):
            cost = support.hours_per_year * support.rate_per_hour * cost_index
            ledger.book(t, Line.SUPPORT, support.payer, -cost)


def _end(case: Case, ledger: _Ledger) -> None:
    n = case.years
    rthf = case.rthf
    sold = 0 if rthf is None or rthf.sale_per_home is None else rthf.homes
    # Homes sold under the RTHF bring their sale price instead of their residual value.
    kept = 1 - sold / case.units if case.units else 0.0
    ledger.book(n, Line.RESIDUAL_VALUE, C, case.residual.share * case.investment * kept)
    if rthf is None:
        return
    fee = rthf.fee_per_home * rthf.homes
    ledger.transfer(0, Line.RTHF_FEE, C, Party.STATE, fee)
    if rthf.sale_per_home is not None:
        ledger.book(n, Line.RESIDUAL_VALUE, C, rthf.sale_per_home * rthf.homes)
        for party, amount in _shortfall_shares(rthf):
            ledger.transfer(n, Line.RTHF_COMPENSATION, party, C, amount)


def _shortfall_shares(rthf: Rthf) -> Iterator[tuple[Party, float]]:
    """What the state and the municipality pay of a sale below the garantiebedrag; the
    investor's own share is simply not compensated."""
    assert rthf.sale_per_home is not None
    shortfall = max(0.0, rthf.garantiebedrag_per_home - rthf.sale_per_home) * rthf.homes
    yield Party.STATE, shortfall * rthf.shares.state
    yield Party.MUNICIPALITY, shortfall * rthf.shares.municipality
