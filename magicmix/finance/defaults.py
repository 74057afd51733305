"""The case a new scenario starts from: the dated defaults, fitted to the complex's own units.

Unit types, their counts and average rents and service costs come from the units magicmix
records; the exploitation period from the complex. Everything else comes from
`data/default-case.json`, with its sources.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from magicmix.housing.models import Complex, Unit

from .model.io import lookup

DEFAULTS = Path(__file__).parent / "data" / "default-case.json"
DEFAULT_YEARS = 15


def default_document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEFAULTS.read_text(encoding="utf-8"))
    return data


def document_for(complex_: Complex) -> dict[str, Any]:
    data = default_document()
    start = complex_.exploitation_start
    data["start_year"] = start.year
    if complex_.exploitation_end:
        data["years"] = max(1, complex_.exploitation_end.year - start.year)
    data["relocations"] = [r for r in data["relocations"] if r["year"] < data["years"]]
    rows = (
        Unit.objects.filter(complex=complex_)
        .exclude(status=Unit.Status.WITHDRAWN)
        .values("type")
        .annotate(n=Count("pk"), rent=Avg("basic_rent"), service=Avg("service_costs"))
        .order_by("type")
    )
    if not rows:
        return _without_stale_sources(data)
    template = data["unit_types"][0]
    template_sources = {
        path.removeprefix("unit_types[0]"): source
        for path, source in data["sources"].items()
        if path.startswith("unit_types[0]")
    }
    sources = {p: s for p, s in data["sources"].items() if not p.startswith("unit_types[")}
    recorded = {
        "as_of": timezone.localdate().isoformat(),
        "source": _("magicmix: average of the %(count)s units of this type"),
    }
    unit_types = []
    for i, row in enumerate(rows):
        unit_type = copy.deepcopy(template)
        unit_type["code"] = row["type"]
        unit_type["count"] = row["n"]
        for j, line in enumerate(unit_type["rents"]):
            line["rent_per_month"] = round(float(row["rent"]), 2)
            line["service_costs_per_month"] = round(float(row["service"]), 2)
            for field in ("rent_per_month", "service_costs_per_month"):
                template_sources.pop(f".rents[{j}].{field}", None)
                sources[f"unit_types[{i}].rents[{j}].{field}"] = {
                    **recorded,
                    "source": recorded["source"] % {"count": row["n"]},
                }
        sources.update({f"unit_types[{i}]{rest}": s for rest, s in template_sources.items()})
        unit_types.append(unit_type)
    data["unit_types"] = unit_types
    data["sources"] = sources
    if data.get("rthf"):
        data["rthf"]["homes"] = sum(row["n"] for row in rows)
    return _without_stale_sources(data)


def _without_stale_sources(data: dict[str, Any]) -> dict[str, Any]:
    def names_a_figure(path: str) -> bool:
        try:
            return not isinstance(lookup(data, path), dict | list)
        except KeyError:
            return False

    data["sources"] = {p: s for p, s in data["sources"].items() if names_a_figure(p)}
    return data
