"""Expire offers past their deadline and offer their units to the next candidates."""

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from magicmix.rounds.services.offers import expire_due, house_due


class Command(BaseCommand):
    help = (
        "Expire offers past their deadline and re-run their rounds for the open units; show "
        "applicants whose tenancy started today as housed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--site",
            default=os.environ.get("SITE_URL", "http://127.0.0.1:8000"),
            help="Address of the site, for the links in the e-mails.",
        )

    def handle(self, *args: Any, site: str, **options: Any) -> None:
        new = expire_due(site)
        housed = house_due()
        self.stdout.write(f"{len(new)} new offers, {housed} applicants housed")
