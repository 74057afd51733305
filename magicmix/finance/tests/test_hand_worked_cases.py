"""The whole model against the two cases worked out by hand in docs/finance.md."""

import pytest

from magicmix.finance.model import Line, Party, evaluate

from .cases import example


def test_case_a_yearly_flows_npv_and_onrendabele_top() -> None:
    result = evaluate(example("studios"))
    rents = [60000.0, 61200.0, 62424.0, 63672.48, 64945.9296]
    assert [y.lines[Line.RENT] for y in result.years[1:]] == pytest.approx(rents)
    assert [-y.lines[Line.VACANCY] for y in result.years[1:]] == pytest.approx(
        [r * 0.025 for r in rents]
    )
    assert result.flows == pytest.approx([-600000, 38500, 39670, 40863.4, 42080.668, 343322.28136])
    assert result.years[5].lines[Line.RESIDUAL_VALUE] == 300000
    assert result.npv == pytest.approx(-188430.27, abs=0.01)
    assert result.onrendabele_top == pytest.approx(188430.27, abs=0.01)
    assert result.break_even_year is None
    assert result.cumulative[1] == pytest.approx(-563333.33, abs=0.01)
    municipality = next(s for s in result.stakes if s.party is Party.MUNICIPALITY)
    assert municipality.lines[Line.LAND] == 15000


def test_case_b_relocation_rthf_subsidy_and_who_pays() -> None:
    result = evaluate(example("relocation-rthf"))
    assert result.flows == pytest.approx([-920000, 117800, -71200, 117800, 832800])
    year2, year4 = result.years[2], result.years[4]
    assert year2.lines[Line.RELOCATION] == -150000
    assert year2.lines[Line.VACANCY] == -39000  # 3 months of rent and service costs
    assert year4.lines[Line.RESIDUAL_VALUE] == 500000  # sold at €25,000 each
    assert year4.lines[Line.RTHF_COMPENSATION] == 255000  # 85 % of a €300,000 shortfall
    assert result.years[0].lines[Line.RTHF_FEE] == -20000
    assert result.npv == pytest.approx(77200)
    assert result.onrendabele_top == pytest.approx(22800)
    assert result.break_even_year == 4
    net = {s.party: s.net for s in result.stakes}
    assert net == pytest.approx(
        {
            Party.CORPORATION: 77200,
            Party.MUNICIPALITY: -305000,
            Party.CARE_PARTNER: -90000,
            Party.STATE: -160000,
        }
    )
    state = next(s for s in result.stakes if s.party is Party.STATE)
    assert state.received == 20000 and state.paid == 180000
