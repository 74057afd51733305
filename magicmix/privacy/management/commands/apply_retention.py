"""Run daily (cron): erase or anonymise what has passed its retention period, after printing
what it will do. `--dry-run` prints the report and changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from magicmix.privacy import services


class Command(BaseCommand):
    help = "Erase or anonymise personal data past its retention period (docs/privacy.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report what would be erased."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        for organisation in services.organisations():
            for line in services.report(organisation, today):
                if line.rows:
                    effect = "anonymise" if line.category.anonymises else "erase"
                    self.stdout.write(
                        f"{organisation.name}: {line.category.code}: {effect} {line.rows} "
                        f"row(s) of {line.subjects} data subject(s), older than {line.cutoff} "
                        f"({line.months} months)"
                    )
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing changed.")
            return
        done = services.apply_retention(today)
        self.stdout.write(f"Done: {sum(line.rows for line in done)} row(s) in {len(done)} step(s).")
