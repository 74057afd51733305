"""Starting a policy simulation from the page: the runs go to the database task worker, each
stored with its seed and the engine version; the same seed gives the same result whichever
worker ran what; the arrivals start from the intake history."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.finance import simulations
from magicmix.finance.models import PolicySimulation, SimulationRun
from magicmix.finance.simulation import simulate
from magicmix.finance.simulation.scenario import Inputs, run_data, setup
from magicmix.finance.simulation_form import SimulationForm, groups_of
from magicmix.housing.models import Complex
from magicmix.testing import factories
from magicmix.testing.tasks import work

pytestmark = pytest.mark.django_db


@pytest.fixture
def lived_in(complex_: Complex, corporation: Organisation) -> Complex:
    """Ten of the sixteen units let, half to statushouders; 24 student applications this year."""
    units = list(complex_.units.order_by("code"))
    for i, unit in enumerate(units[:10]):
        group = "statushouder" if i % 2 else "student"
        factories.tenancy(unit, factories.person(corporation, group))
    intake = factories.intake(complex_)
    for _ in range(24):
        factories.application(intake, "student")
    return complex_


def form(**changes: Any) -> dict[str, Any]:
    data = {
        "name": "Vijftig-vijftig of twee derde",
        "policies": ["half-spotted", "third-clustered"],
        "modes": ["priority"],
        "years": "2",
        "runs": "3",
        "seed": "11",
        "arrivals_student": "2",
        "contract_student": "campuscontract",
        "patience_student": "6",
        "arrivals_statushouder": "0,5",
        "contract_statushouder": "tijdelijk",
        "patience_statushouder": "12",
        "renewal_share": "50",
        "campus_pass_share": "80",
        "indefinite_stay_years": "8",
        "early_departure_per_year": "10",
        "role_change_per_year": "20",
        "support_months": "36",
        "support_hours_per_month": "4",
        "support_rate": "65",
    }
    return data | changes


def test_arrivals_start_from_the_intake_history(client: Client, lived_in, letting) -> None:
    client.force_login(letting)
    page = client.get(f"/complexes/{lived_in.pk}/simulations/new/").text
    assert 'name="arrivals_student" value="2,0"' in page  # 24 applications / 12 months
    assert 'name="arrivals_statushouder" value="0,0"' in page  # living there, not applying


def test_start_run_and_compare(client: Client, lived_in, letting) -> None:
    client.force_login(letting)
    response = client.post(f"/complexes/{lived_in.pk}/simulations/new/", form())
    simulation = PolicySimulation.objects.get()
    assert response.status_code == 302
    assert simulation.units == 16 and simulation.runs.count() == 6  # 2 policies × 3 seeds
    detail = f"/complexes/{lived_in.pk}/simulations/{simulation.pk}/"
    assert "0 van 6" in client.get(detail).text
    simulations.execute(simulation.runs.first().pk)  # one worker finished one run so far
    halfway = client.get(detail)
    assert "1 van 6" in halfway.text and "Aandeel verhuurde" not in halfway.text
    assert "HX-Refresh" not in client.get(detail + "progress/")

    work()

    assert set(simulation.runs.values_list("status", flat=True)) == {SimulationRun.Status.DONE}
    progress = client.get(detail + "progress/")
    assert progress["HX-Refresh"] == "true"
    page = client.get(detail).text
    assert "Aandeel verhuurde eenheden" in page and "<svg" in page
    # Each run is the simulator's run of the stored complex with that seed, whoever ran it.
    inputs = Inputs.of(simulation.inputs)
    for run in simulation.runs.all():
        expected = simulate(setup(simulation.stock, inputs, run.variant, run.seed))
        assert run.result == run_data(expected)
        assert run.engine_version == expected.engine_version


def test_worker_count_does_not_change_the_result(lived_in, letting) -> None:
    """The same simulation twice: one worker takes the runs in order, the other time two
    workers take them alternately from both ends."""
    inputs = Inputs.of(form_inputs(lived_in))
    first = simulations.start(lived_in, "een", inputs, letting)
    second = simulations.start(lived_in, "twee", inputs, letting)
    for run in first.runs.order_by("pk"):
        simulations.execute(run.pk)
    ids = list(second.runs.order_by("pk").values_list("pk", flat=True))
    for pk in [ids[i // 2] if i % 2 == 0 else ids[-1 - i // 2] for i in range(len(ids))]:
        simulations.execute(pk)
        simulations.execute(pk)  # a second worker claiming a run that is taken does nothing

    def results(s: PolicySimulation) -> list[tuple[int, int, Any]]:
        return list(s.runs.order_by("variant", "seed").values_list("variant", "seed", "result"))

    assert results(first) == results(second)
    seeds_of_one_policy = [str(r) for v, _s, r in results(first) if v == 0]
    assert len(set(seeds_of_one_policy)) == len(seeds_of_one_policy)  # each seed its own run


def form_inputs(complex_: Complex) -> dict[str, Any]:
    bound = SimulationForm(form(), groups=groups_of(complex_, timezone.localdate()), rent=500.0)
    assert bound.is_valid(), bound.errors
    return bound.inputs().data()


def test_too_many_runs_are_refused_in_dutch(client: Client, lived_in, letting) -> None:
    client.force_login(letting)
    many = form(
        policies=["own", "half-spotted", "half-clustered", "third-spotted", "third-clustered"],
        modes=["priority", "optimal"],
        runs="50",
    )
    response = client.post(f"/complexes/{lived_in.pk}/simulations/new/", many)
    assert response.status_code == 200
    assert "500 runs in totaal is te veel" in response.text
    assert not PolicySimulation.objects.exists()


@pytest.mark.parametrize("role", [Role.SOCIAL_MANAGER])
def test_staff_who_may_not_start_see_results_only(
    client: Client, lived_in, corporation, letting, role
) -> None:
    simulation = simulations.start(lived_in, "een", Inputs.of(form_inputs(lived_in)), letting)
    client.force_login(factories.user(corporation, role))
    base = f"/complexes/{lived_in.pk}/simulations/"
    assert client.get(base).status_code == 200
    assert client.get(f"{base}{simulation.pk}/").status_code == 200
    assert client.get(f"{base}new/").status_code == 404
    assert client.post(f"{base}new/", form()).status_code == 404
