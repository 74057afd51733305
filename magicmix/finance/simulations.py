"""Running a policy simulation: store what was asked and the complex as it stands, queue one
background task per run, let the workers run them, summarise per policy.

`start` reads the complex and its mix policy through the rounds' engine adapter and queues a
`run_simulation` task per (policy, seed). Each worker claims a run with a conditional UPDATE,
so two workers never run the same one, and stores it with its seed, the engine version and the
CPU time it took. A run depends only on the stored simulation and its seed: the number of
workers, and which took what, does not change any result.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from magicmix import allocation as engine
from magicmix.housing.models import Complex
from magicmix.rounds import engine_adapter

from .models import PolicySimulation, SimulationRun
from .simulation import simulate
from .simulation.run import units_of
from .simulation.scenario import Inputs, Summary, run_data, setup, summarise

if TYPE_CHECKING:
    from magicmix.accounts.models import User

logger = logging.getLogger(__name__)


def start(
    complex_: Complex, name: str, inputs: Inputs, user: User | None, day: dt.date | None = None
) -> PolicySimulation:
    """Store the simulation with the complex as it stands on `day` (today) and queue its runs."""
    day = day or timezone.localdate()
    now = engine_adapter.complex_as_on(complex_, day)
    policy = engine_adapter.policy_of(complex_)
    stock = engine.io.round_to_data(
        engine.Round(f"simulation-{complex_.pk}", day, (now,), (), policy)
    )
    units = len(units_of(now))
    with transaction.atomic():
        simulation = PolicySimulation.objects.create(
            complex=complex_,
            name=name,
            created_by=user,
            inputs=inputs.data(),
            stock=stock,
            units=units,
        )
        runs = SimulationRun.objects.bulk_create(
            SimulationRun(simulation=simulation, variant=v, seed=inputs.seed + i)
            for v in range(len(inputs.variants))
            for i in range(inputs.runs)
        )
        # The database backend stores the tasks in this transaction: all runs queued, or none.
        for run in runs:
            run_simulation.enqueue(run.pk)
    return simulation


@task()
def run_simulation(run_id: int) -> None:
    """The background task (run by `manage.py db_worker`)."""
    execute(run_id)


def execute(run_id: int) -> None:
    claimed = SimulationRun.objects.filter(pk=run_id, status=SimulationRun.Status.QUEUED).update(
        status=SimulationRun.Status.RUNNING
    )
    if not claimed:
        return  # another worker has it, or it is done
    run = SimulationRun.objects.select_related("simulation").get(pk=run_id)
    simulation = run.simulation
    started = time.process_time()
    try:
        result = simulate(
            setup(simulation.stock, Inputs.of(simulation.inputs), run.variant, run.seed)
        )
    except Exception as error:
        logger.exception("Simulation run %s failed", run_id)
        SimulationRun.objects.filter(pk=run_id).update(
            status=SimulationRun.Status.FAILED, error=repr(error), finished_at=timezone.now()
        )
        return
    SimulationRun.objects.filter(pk=run_id).update(
        status=SimulationRun.Status.DONE,
        engine_version=result.engine_version,
        result=run_data(result),
        cpu_seconds=time.process_time() - started,
        finished_at=timezone.now(),
    )


def progress(simulation: PolicySimulation) -> tuple[int, int, int]:
    """Runs done, failed, and in all."""
    statuses = list(simulation.runs.values_list("status", flat=True))
    done = statuses.count(SimulationRun.Status.DONE)
    return done, statuses.count(SimulationRun.Status.FAILED), len(statuses)


def summaries(simulation: PolicySimulation) -> list[Summary | None]:
    """Per policy, in the order asked, a summary over its finished runs (None: none yet)."""
    inputs = Inputs.of(simulation.inputs)
    results: list[list[dict[str, Any]]] = [[] for _ in inputs.variants]
    for run in simulation.runs.filter(status=SimulationRun.Status.DONE).only("variant", "result"):
        if run.result is not None:
            results[run.variant].append(run.result)
    return [summarise(r, inputs, simulation.units) if r else None for r in results]
