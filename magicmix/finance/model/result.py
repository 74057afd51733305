"""What a case comes to: its cash flows, NPV, IRR, onrendabele top and the view per party."""

from __future__ import annotations

from dataclasses import dataclass

from .case import Case, Party
from .cashflow import Line, Year, cash_flows
from .metrics import break_even_year, cumulative_discounted, irr, npv, onrendabele_top


@dataclass(frozen=True)
class Stake:
    """What one party pays and gains over the whole period."""

    party: Party
    lines: dict[Line, float]  # nominal sum over the years, per line
    npv: float

    @property
    def received(self) -> float:
        return sum((v for v in self.lines.values() if v > 0), 0.0)

    @property
    def paid(self) -> float:
        return -sum((v for v in self.lines.values() if v < 0), 0.0)

    @property
    def net(self) -> float:
        return self.received - self.paid


@dataclass(frozen=True)
class Result:
    case: Case
    years: list[Year]
    npv: float
    irr: float | None
    onrendabele_top: float
    break_even_year: int | None
    cumulative: list[float]  # discounted cash flow so far, per year
    stakes: list[Stake]

    @property
    def flows(self) -> list[float]:
        return [year.net for year in self.years]

    def total(self, line: Line) -> float:
        return sum(year.lines[line] for year in self.years)


def evaluate(case: Case) -> Result:
    years = cash_flows(case)
    rate = case.discount_rate
    flows = [year.net for year in years]
    stakes = []
    for party in Party:
        totals = {line: sum(year.parties[party][line] for year in years) for line in Line}
        stakes.append(Stake(party, totals, npv(rate, [year.net_of(party) for year in years])))
    return Result(
        case=case,
        years=years,
        npv=npv(rate, flows),
        irr=irr(flows),
        onrendabele_top=onrendabele_top(rate, years),
        break_even_year=break_even_year(rate, years),
        cumulative=cumulative_discounted(rate, years),
        stakes=stakes,
    )


def npv_of(case: Case) -> float:
    """The NPV alone, for the many evaluations of a sensitivity analysis."""
    return npv(case.discount_rate, [year.net for year in cash_flows(case)])
