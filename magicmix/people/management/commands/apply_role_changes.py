"""Run daily (cron): a role change dated in the future becomes the current role on its day."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from magicmix.people.models import Person


class Command(BaseCommand):
    help = "Make each person's current role follow their role history as of today."

    def handle(self, *args: Any, **options: Any) -> None:
        updated = Person.objects.apply_role_changes(timezone.localdate())
        self.stdout.write(f"{updated} role(s) updated")
