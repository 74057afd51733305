"""Load the instrument definitions and the reference figures from the repository into the
database. Used by a data migration (with the historical models) and by `load_instruments`
(after a definition changed, and by the demo); running it again changes only what changed."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.apps import apps as installed_apps

from . import scoring

REFERENCES = Path(__file__).resolve().parent / "references.json"


def load_definitions(apps: Any = installed_apps) -> int:
    """Create or update every instrument and reference figure; returns the instruments loaded."""
    instrument_model = apps.get_model("monitoring", "Instrument")
    reference_model = apps.get_model("monitoring", "ReferenceFigure")
    loaded = 0
    for path in sorted(scoring.INSTRUMENTS_DIR.glob("*.json")):
        definition = json.loads(path.read_text(encoding="utf-8"))
        spec = scoring.parse(definition)  # refuse a broken file before anything is saved
        instrument_model.objects.update_or_create(
            code=spec.code,
            defaults={
                "version": spec.version,
                "name": spec.names.get("nl", spec.code),
                "respondent": spec.respondent,
                "definition": definition,
            },
        )
        loaded += 1
    for figure in json.loads(REFERENCES.read_text(encoding="utf-8")):
        keys = {key: figure.pop(key) for key in ("indicator", "population", "year")}
        reference_model.objects.update_or_create(
            **keys, defaults=figure | {"value": Decimal(figure["value"])}
        )
    return loaded
