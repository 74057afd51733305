"""Net present value, internal rate of return, break-even year and the onrendabele top."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .cashflow import END_VALUE, Line, Year


def npv(rate: float, flows: Sequence[float]) -> float:
    """Flow t is discounted t years; the first falls now (as numpy-financial's npv)."""
    return sum(flow / (1 + rate) ** t for t, flow in enumerate(flows))


def irr(flows: Sequence[float]) -> float | None:
    """The rate at which the NPV is zero, or None if there is none between −99 % and 1000 %.

    Of several, the one closest to zero (as numpy-financial's irr). Found by bisection between
    the sign changes of the NPV on a grid, so that it needs no polynomial roots."""
    grid = [-0.99 + 0.01 * i for i in range(100)] + [0.01 * i for i in range(1, 1001)]
    roots: list[float] = []
    for low, high in itertools.pairwise(grid):
        f_low, f_high = npv(low, flows), npv(high, flows)
        if f_low == 0:
            roots.append(low)
        elif f_low * f_high < 0:
            for _ in range(100):
                middle = (low + high) / 2
                if (npv(middle, flows) < 0) == (f_low < 0):
                    low = middle
                else:
                    high = middle
            roots.append((low + high) / 2)
    return min(roots, key=abs) if roots else None


def cumulative_discounted(rate: float, years: Sequence[Year]) -> list[float]:
    total, running = 0.0, []
    for year in years:
        total += year.net / (1 + rate) ** year.year
        running.append(total)
    return running


def break_even_year(rate: float, years: Sequence[Year]) -> int | None:
    """The first year from which the discounted cash flow so far stays at or above zero."""
    running = cumulative_discounted(rate, years)
    for t in range(len(running)):
        if all(value >= 0 for value in running[t:]):
            return years[t].year
    return None


def onrendabele_top(rate: float, years: Sequence[Year]) -> float:
    """Investment − PV(exploitation) − PV(end value), before subsidies; > 0 is a gap to cover.

    The exploitation is every line but the investment, subsidies and end value: rent, vacancy,
    costs, land, relocations and the RTHF fee."""
    investment = -sum(y.lines[Line.INVESTMENT] / (1 + rate) ** y.year for y in years)
    left_out = END_VALUE | {Line.INVESTMENT, Line.SUBSIDIES}
    exploitation = npv(
        rate, [sum(v for line, v in y.lines.items() if line not in left_out) for y in years]
    )
    end_value = npv(rate, [sum(y.lines[line] for line in END_VALUE) for y in years])
    return investment - exploitation - end_value
