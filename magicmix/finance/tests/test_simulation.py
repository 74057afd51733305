"""The simulator against closed forms: Erlang's loss formula and Little's law; same seed, same
run. Every round goes through the real allocation engine."""

import dataclasses

import pytest

from magicmix import allocation as engine
from magicmix.finance.simulation import Flow, Setup, erlang_b, monte_carlo, simulate
from magicmix.finance.simulation.run import estimate


def complex_of(units: int) -> engine.Complex:
    return engine.Complex(
        "c",
        "c",
        (),
        tuple(
            engine.Unit(f"u{i}", "studio", 20.0, 1, True, False, 500.0, "onbepaalde_tijd")
            for i in range(units)
        ),
    )


def test_erlang_b_by_hand() -> None:
    assert erlang_b(1, 1.0) == 0.5
    assert erlang_b(2, 1.0) == pytest.approx(0.2)  # (1/2) / (1 + 1 + 1/2)


def test_occupancy_of_a_loss_system_is_the_erlang_result() -> None:
    """One group, no mix bounds, Poisson arrivals, exponential stays, nobody waits: the complex
    is an M/M/c/c loss system, mean occupancy = load × (1 − B(c, load))."""
    servers, arrivals, stay = 2, 1.0, 1.0
    setup = Setup(
        complex_of(servers),
        (Flow("student", engine.Role.SUPPORTING, arrivals, stay, patience=0.0),),
        months=300,
        round_every=0,
        warmup=5,
    )
    found = estimate([run.occupancy for run in monte_carlo(setup, 8)])
    load = arrivals * stay
    expected = load * (1 - erlang_b(servers, load))  # 0.8
    assert found.low <= expected <= found.high
    assert found.high - found.low < 0.2  # the interval says something


def test_waiting_time_obeys_littles_law() -> None:
    """With a waiting list and monthly rounds: mean number waiting = arrival rate × mean wait."""
    months, arrivals = 300, 2.0
    run = simulate(
        Setup(
            complex_of(3),
            (Flow("student", engine.Role.SUPPORTING, arrivals, 1.0),),
            months=months,
            round_every=1.0,
        )
    )
    group = run.groups["student"]
    assert group.lost == 0 and group.mean_wait is not None
    rate = group.arrived / months
    assert run.waiting == pytest.approx(rate * group.mean_wait, rel=0.03)


def test_same_seed_same_run_and_the_engine_version_is_kept() -> None:
    setup = Setup(
        complex_of(4),
        (
            Flow("student", engine.Role.SUPPORTING, 1.5, 2.0),
            Flow("statushouder", engine.Role.SUPPORTED, 1.0, 3.0, patience=2.0),
        ),
        months=36,
        seed=7,
    )
    first, again = simulate(setup), simulate(setup)
    assert first == again
    assert first.engine_version and first.seed == 7
    assert simulate(dataclasses.replace(setup, seed=8)) != first
    # Runs depend on their own seed only: run 2 of a set is the run with that seed.
    assert monte_carlo(setup, 2)[1] == simulate(dataclasses.replace(setup, seed=8))
    assert len(first.monthly_occupancy) == 37


def test_sitting_residents_leave_and_units_are_let_again() -> None:
    sitting = engine.Occupant("student", engine.Role.SUPPORTING, engine.SupportLevel.NONE)
    full = complex_of(5)
    full = dataclasses.replace(
        full, units=tuple(dataclasses.replace(u, occupant=sitting) for u in full.units)
    )
    nobody_comes = simulate(
        Setup(full, (Flow("student", engine.Role.SUPPORTING, 0.0, 1.0),), months=60)
    )
    assert nobody_comes.monthly_occupancy[0] == 5 and nobody_comes.monthly_occupancy[-1] == 0
    busy = simulate(Setup(full, (Flow("student", engine.Role.SUPPORTING, 3.0, 1.0),), months=24))
    assert busy.groups["student"].placed > 0
