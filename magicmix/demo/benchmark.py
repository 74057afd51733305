"""The ingredients of each demo complex, and benchmark documents of four projects that do
not exist, so that the comparison and the benchmark pages have something to show.

The fictional projects are clearly named so ("fictief") and lie in "Voorbeeldstad". Their
figures start from a demo complex's own exported document and are moved by a seeded random
factor, so they stay on the scales the indicators use.
"""

from __future__ import annotations

import datetime
import random
import uuid
from decimal import Decimal
from typing import Any

from magicmix.housing.models import Complex
from magicmix.monitoring.benchmark.document import Document
from magicmix.monitoring.benchmark.export import document
from magicmix.monitoring.benchmark.services import import_document
from magicmix.monitoring.models import Ingredients

# Entered per demo complex: letter, interview, contribution (h/month), social management
# model and hours per week, support model — as the concepts in showcase.py describe them.
ENTERED = {
    "Jongerencampus De Havenwerf": (True, True, 4, "self_management", "24", "on_call"),
    "Woonhof De Kapelhof": (True, True, 16, "combined", "16", "on_site"),
    "Campus De Vier Torens": (True, True, 2, "gangmakers", "40", "individual"),
}
FICTIONAL = [
    ("Fictief project De Zandloper", "speckled", ["letter"], 8, "gangmakers", 12.0),
    ("Fictief project Het Wisselspoor", "clustered", ["letter", "interview"], 2, "none", None),
    (
        "Fictief project Buitenhof Oost",
        "speckled",
        ["interview", "cooptation"],
        16,
        "combined",
        20.0,
    ),
    ("Fictief project De Lindenwerf", "clustered", [], 0, "professional", 32.0),
]


def build_benchmark(complexes: list[Complex], today: datetime.date, seed: int) -> None:
    rng = random.Random(f"{seed}-benchmark")
    for complex_ in complexes:
        letter, interview, hours, model, management_hours, support = ENTERED[complex_.name]
        Ingredients.objects.update_or_create(
            complex=complex_,
            defaults={
                "project_id": uuid.UUID(int=rng.getrandbits(128), version=4),
                "selects_by_letter": letter,
                "selects_by_interview": interview,
                "contribution_hours": hours,
                "social_management": model,
                "social_management_hours": Decimal(management_hours),
                "support_model": support,
            },
        )
    own = [document(complex_, today).model_dump(mode="json") for complex_ in complexes]
    for n, (name, placement, selection, norm, management, weekly) in enumerate(FICTIONAL):
        data = dict(own[n % len(own)])
        data["project"] = {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "name": name,
            "municipality": "Voorbeeldstad",
        }
        data["ingredients"] = data["ingredients"] | {
            "placement": placement,
            "selection": selection,
            "contribution_hours": norm,
            "social_management": management,
            "social_management_hours": weekly,
            "years_in_use": round(rng.uniform(1, 12), 1),
        }
        data["indicators"] = [_moved(item, rng) for item in data["indicators"]]
        import_document(complexes[0].organisation, Document.model_validate(data), None)


def _moved(item: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    if item["value"] is None:
        return item
    value = item["value"] * rng.uniform(0.7, 1.3)
    if item["unit"] == "%":
        value = min(value, 100.0)
    return item | {"value": round(value, 1)}
