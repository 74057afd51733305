"""The tornado ranks inputs by the NPV swing of a step up and down, within each field's bounds."""

import dataclasses

import pytest

from magicmix.finance.model import Afterlife, evaluate, tornado
from magicmix.finance.model.sensitivity import inputs, with_value

from .cases import default, example


def test_swing_of_the_investment_by_hand() -> None:
    case = example("studios")
    base = evaluate(case).npv
    swing = next(s for s in tornado(case, 0.1, top=50) if s.path.endswith("investment_per_unit"))
    # 10 % more investment: €60,000 more now, and a residual value €30,000 higher in year 5.
    moved = 60000 - 30000 / 1.05**5
    assert swing.low == pytest.approx(base + moved)
    assert swing.high == pytest.approx(base - moved)


def test_ten_widest_first() -> None:
    swings = tornado(default())
    assert len(swings) == 10
    widths = [s.width for s in swings]
    assert widths == sorted(widths, reverse=True)
    assert swings[0].path == "unit_types[0].investment_per_unit"


def test_bounds_and_splits() -> None:
    case = default()
    stay = dataclasses.replace(case.residual, choice=Afterlife.STAY)
    case = dataclasses.replace(case, residual=stay)
    found = {i.path: i for i in inputs(case)}
    assert found["residual.stay"].stepped(1.1) == 0.85  # the most the residual value can be
    assert "social_management.paid_by.corporation" not in found
    assert "rthf.shares.state" not in found
    assert "unit_types[0].rents[0].share" not in found
    assert "unit_types[0].count" not in found  # a count is not stepped


def test_with_value_replaces_one_figure_only() -> None:
    case = example("studios")
    changed = with_value(case, "unit_types[0].rents[0].rent_per_month", 550.0)
    assert changed.unit_types[0].rents[0].rent_per_month == 550.0
    assert dataclasses.replace(changed, unit_types=case.unit_types) == case
