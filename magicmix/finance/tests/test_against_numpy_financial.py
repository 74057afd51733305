"""NPV and IRR of the produced cash flows agree with numpy-financial, an independent oracle."""

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from magicmix.finance.model import evaluate
from magicmix.finance.model.metrics import irr, npv

from .cases import default, example

CASES = [example("studios"), example("relocation-rthf"), default()]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_npv_and_irr_of_each_case(case) -> None:
    result = evaluate(case)
    assert result.npv == pytest.approx(npf.npv(case.discount_rate, result.flows), abs=1e-6)
    assert result.irr is not None
    assert result.irr == pytest.approx(npf.irr(result.flows), abs=1e-7)
    assert npv(result.irr, result.flows) == pytest.approx(0, abs=1e-3)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1_000, max_value=10_000_000),
    st.lists(st.integers(min_value=0, max_value=1_000_000), min_size=1, max_size=30).filter(
        lambda returns: returns[-1] > 0
    ),
    st.floats(min_value=-0.5, max_value=0.5),
)
def test_any_conventional_flows(outlay: int, returns: list[int], rate: float) -> None:
    """An outlay, then returns: one sign change, so one IRR (if it lies in the range)."""
    flows = [float(-outlay), *map(float, returns)]
    assert npv(rate, flows) == pytest.approx(npf.npv(rate, flows), rel=1e-9, abs=1e-6)
    theirs = npf.irr(flows)
    ours = irr(flows)
    if ours is None:
        # No rate between −99 % and 1000 %: numpy-financial finds none there either.
        assert theirs != theirs or not -0.99 <= theirs <= 10
    else:
        assert ours == pytest.approx(theirs, abs=1e-6)
