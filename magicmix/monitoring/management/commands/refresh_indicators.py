"""Daily job: compute every complex's indicators ahead for the portfolio dashboard, the reports
and the public fact sheets."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from magicmix.housing.models import Complex
from magicmix.monitoring.services import refresh_snapshots


class Command(BaseCommand):
    help = "Compute the indicators of every complex ahead (run once a day)."

    def handle(self, *args: Any, **options: Any) -> None:
        stored = refresh_snapshots(Complex.objects.order_by("pk"), timezone.localdate())
        self.stdout.write(f"{stored} indicator series stored.")
