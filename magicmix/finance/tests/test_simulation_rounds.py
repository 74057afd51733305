"""The simulator hands the engine only the applicants a priority round can use; contracts,
early departures, role changes and support against their closed forms."""

import math
import random
import statistics

import pytest

from magicmix import allocation as engine
from magicmix.finance.simulation import run as simulation
from magicmix.finance.simulation.run import Contract, Flow, Setup, simulate


def mixed_complex() -> engine.Complex:
    gangs = tuple(
        engine.Cluster(
            f"g{g}",
            f"g{g}",
            "gang",
            (),
            tuple(
                engine.Unit(f"g{g}u{i}", "studio", 20.0, 1, True, False, 500.0, "tijdelijk")
                for i in range(4)
            ),
        )
        for g in range(3)
    )
    return engine.Complex("c", "c", gangs)


def tight_setup(seed: int) -> Setup:
    """Hard bounds on the whole complex and on each gang, so that refusals happen."""
    bounds = (
        engine.Bound("c-min", "c", engine.Dimension.ROLE, "supported", 0.4, 0.6, True),
        *(
            engine.Bound(f"g{g}", f"g{g}", engine.Dimension.ROLE, "supported", None, 0.5, True)
            for g in range(3)
        ),
    )
    return Setup(
        mixed_complex(),
        (
            Flow("student", engine.Role.SUPPORTING, 3.0, 6.0, patience=4.0),
            Flow("statushouder", engine.Role.SUPPORTED, 1.0, 6.0, patience=3.0),
        ),
        months=48,
        policy=engine.Policy(bounds=bounds),
        seed=seed,
    )


def test_cutting_the_queue_changes_no_priority_round(monkeypatch: pytest.MonkeyPatch) -> None:
    """The oracle: the same runs with every waiting applicant handed to the engine."""
    cut = [simulate(tight_setup(seed)) for seed in range(4)]
    monkeypatch.setattr(simulation, "_served", lambda setup, stock, waiting: waiting.values())
    full = [simulate(tight_setup(seed)) for seed in range(4)]
    assert cut == full
    # The rounds were crowded enough for the cut to matter.
    assert max(m.waiting for run in full for m in run.months) > 12


def mean_of(draw: object, n: int = 20_000) -> float:
    rng = random.Random(1)
    return statistics.fmean(draw(rng) for _ in range(n))  # type: ignore[operator]


def test_contract_lengths_by_closed_form() -> None:
    youth = Contract(60, 24, 0.3, 1)  # 60 months, then 24 more for 30 %
    assert mean_of(youth.draw) == pytest.approx(60 + 24 * 0.3, rel=0.01)
    campus = Contract(12, 12, 0.75, None)  # every year's check passed by 75 %: geometric
    assert mean_of(campus.draw) == pytest.approx(12 / (1 - 0.75), rel=0.03)
    assert Contract(24).draw(random.Random(0)) == 24  # tijdelijk: ends at its term
    # Leaving early at rate λ within a term T: E[min(T, Exp(λ))] = (1 − e^(−λT)) / λ.
    flow = Flow(
        "x", engine.Role.SUPPORTING, 1, 0, contract=Contract(24), early_departure_per_month=0.05
    )
    assert mean_of(flow.stay) == pytest.approx((1 - math.exp(-0.05 * 24)) / 0.05, rel=0.02)


def test_role_changes_and_support_by_closed_form() -> None:
    """Vragend residents with exponential stays of mean m turn dragend at rate r: a share
    1 / (1 + r·m) of the time they are still vragend; support of S months covers a share
    1 − e^(−S/m) of the time."""
    units, stay, rate, support = 30, 12.0, 1 / 12, 6.0
    complex_ = engine.Complex(
        "c",
        "c",
        (),
        tuple(
            engine.Unit(f"u{i}", "studio", 20.0, 1, True, False, 500.0, "x") for i in range(units)
        ),
    )
    run = simulate(
        Setup(
            complex_,
            (
                Flow(
                    "statushouder",
                    engine.Role.SUPPORTED,
                    20.0,  # always someone waiting: every unit let
                    stay,
                    patience=0.0,
                    role_change_per_month=rate,
                    support_months=support,
                ),
            ),
            months=480,
            round_every=0,  # continuous: monthly rounds would bias what month starts see
            warmup=60,
        )
    )
    after = [m for m in run.months[61:] if m.let]
    vragend = statistics.fmean(m.supported / m.let for m in after)
    supported = statistics.fmean(m.support / m.let for m in after)
    assert vragend == pytest.approx(1 / (1 + rate * stay), abs=0.03)
    assert supported == pytest.approx(1 - math.exp(-support / stay), abs=0.03)
