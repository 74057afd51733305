"""Remind candidates whose open offer's deadline is near (once per offer)."""

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from magicmix.rounds.services.offers import remind_due


class Command(BaseCommand):
    help = "E-mail a reminder, with a new link, to candidates whose offer expires soon."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--site",
            default=os.environ.get("SITE_URL", "http://127.0.0.1:8000"),
            help="Address of the site, for the links in the e-mails.",
        )

    def handle(self, *args: Any, site: str, **options: Any) -> None:
        reminded = remind_due(site)
        self.stdout.write(f"{len(reminded)} reminders")
