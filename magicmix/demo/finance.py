"""A business case for every demo complex, from the dated defaults fitted to its own units.

The young-people complex has two scenarios side by side, both with a relocation halfway and
the RTHF: one in which the second relocation at the end succeeds, one in which it fails and
the homes are sold below the garantiebedrag. The municipality's € 2.1 million contribution
follows the Startblok Riekerhaven figures (DOMAIN.md §5).

The young-people complex also holds one finished policy comparison: 50/50 spotted against two
thirds dragend clustered, a few short runs so that the demo builds quickly.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any

from magicmix.finance import simulations
from magicmix.finance.defaults import document_for
from magicmix.finance.models import Scenario
from magicmix.finance.simulation.scenario import FlowInput, Inputs, Variant
from magicmix.finance.simulation_form import groups_of
from magicmix.housing.models import Complex


def build_business_cases(young_people: Complex, supported: Complex, others: list[Complex]) -> None:
    for complex_ in [young_people, supported, *others]:
        for name, document in _scenarios(complex_, young_people, supported):
            Scenario.objects.create(complex=complex_, name=name, document=document)


def build_policy_comparison(complex_: Complex, today: datetime.date) -> None:
    """Run in the demo build itself, not on the worker: the demo opens with it finished."""
    groups = groups_of(complex_, today)
    contracts = {"supporting": "jongerencontract", "supported": "tijdelijk"}
    inputs = Inputs(
        variants=(
            Variant("half", "spotted", "priority"),
            Variant("third", "clustered", "priority"),
        ),
        flows=tuple(
            FlowInput(g.code, g.role, max(float(g.estimate), 0.5), contracts[g.role], 12.0)
            for g in groups
        ),
        years=5,
        runs=4,
        seed=1,
        renewal_share=0.5,
        campus_pass_share=0.8,
        indefinite_stay_years=8.0,
        early_departure_per_year=0.1,
        role_change_per_year=0.1,
        support_months=36.0,
        support_hours_per_month=4.0,
        support_rate=65.0,
        rent_per_month=550.0,
    )
    simulation = simulations.start(complex_, "50/50 of twee derde dragend", inputs, None, today)
    for run in simulation.runs.all():
        simulations.execute(run.pk)


def _scenarios(
    complex_: Complex, young_people: Complex, supported: Complex
) -> list[tuple[str, dict[str, Any]]]:
    base = document_for(complex_)
    if complex_ == young_people:
        base["relocations"] = [
            {"year": 5, "cost_share": 0.3, "municipality_share": 0.5, "vacant_months": 3.0}
        ]
        base["subsidies"] = [
            {"name": "Bijdrage gemeente", "payer": "municipality", "year": 0, "amount": 2_100_000}
        ]
        base["social_management"]["gangmakers"] = 42  # 1–2 per gang of 28
        failed = copy.deepcopy(base)
        failed["rthf"]["sale_per_home"] = 20_000
        return [
            ("Verplaatsing in jaar 5, RTHF", base),
            ("Herplaatsing mislukt aan het eind (RTHF-claim)", failed),
        ]
    if complex_ == supported:
        # A permanent complex: no relocation, no RTHF; the opvang partner supports for 3 years.
        base["relocations"] = []
        base["rthf"] = None
        base["sources"] = {p: s for p, s in base["sources"].items() if not p.startswith("rthf")}
        base["residual"]["choice"] = "stay"
        base["support"] = [
            {
                "name": "Begeleiding door de opvangpartner",
                "payer": "care_partner",
                "hours_per_year": 3000,
                "rate_per_hour": 75,
                "first_year": 1,
                "last_year": 3,
            }
        ]
        return [("Blijven staan, drie jaar begeleiding", base)]
    return [("Basis", base)]
