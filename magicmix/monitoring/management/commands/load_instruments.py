"""Load (or reload) the instrument definitions and reference figures from the repository."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from magicmix.monitoring.loading import load_definitions


class Command(BaseCommand):
    help = "Loads the instruments of magicmix/monitoring/instruments/ and the reference figures."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            count = load_definitions()
        self.stdout.write(f"{count} instruments loaded.")
