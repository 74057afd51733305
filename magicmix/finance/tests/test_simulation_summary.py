"""What the comparison page shows of stored runs, worked by hand."""

import pytest

from magicmix.finance.simulation.scenario import FlowInput, Inputs, Variant, summarise


def inputs(years: int) -> Inputs:
    return Inputs(
        variants=(Variant("half", "spotted", "priority"),),
        flows=(FlowInput("student", "supporting", 1.0, "tijdelijk", 6.0),),
        years=years,
        runs=2,
        seed=1,
        renewal_share=0.5,
        campus_pass_share=0.8,
        indefinite_stay_years=8.0,
        early_departure_per_year=0.1,
        role_change_per_year=0.1,
        support_months=36.0,
        support_hours_per_month=4.0,
        support_rate=50.0,
        rent_per_month=500.0,
    )


def run(let: int, supported: int, support: int, wait: float | None) -> dict:
    return {
        "months": [[let, supported, support, 0]] * 25,
        "groups": {"student": {"arrived": 10, "placed": 8, "lost": 2, "mean_wait": wait}},
        "clusters": {"Gang A": supported / let},
    }


def test_two_runs_by_hand() -> None:
    """Ten units; one run lets 10 (4 vragend, 2 supported), the other 6 (3 vragend, 1)."""
    summary = summarise([run(10, 4, 2, 3.0), run(6, 3, 1, 5.0)], inputs(2), units=10)
    assert [e.mean for e in summary.fill] == pytest.approx([0.8, 0.8])
    assert summary.fill[0].high == 1.0  # the t interval of two runs, kept within 100 %
    assert summary.supported[0].mean == pytest.approx((0.4 + 0.5) / 2)
    # Rent lost: (10 − let) × € 500 × 12 months; support: residents × 4 h × 12 × € 50.
    assert summary.vacancy_cost[1].mean == pytest.approx((0 + 4 * 500 * 12) / 2)
    assert summary.vacancy_cost[1].low == 0.0
    assert summary.support_cost[0].mean == pytest.approx(1.5 * 4 * 12 * 50)
    assert summary.waits["student"].mean == 4.0
    assert summary.lost["student"].mean == pytest.approx(0.2)
    assert summary.clusters["Gang A"].mean == pytest.approx(0.45)
