"""Generate a portfolio at scale for load tests, into whatever database is configured."""

import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext as _

from magicmix.demo import portfolio, showcase


class Command(BaseCommand):
    help = "Generates complexes, units, residents and applicants at scale (no history rows)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--complexes", type=int, default=50)
        parser.add_argument("--units", type=int, default=20_000)
        parser.add_argument("--persons", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(
        self, *args: Any, complexes: int, units: int, persons: int, seed: int, **options: Any
    ) -> None:
        translation.activate(settings.LANGUAGE_CODE)
        if portfolio.exists(seed):
            raise CommandError(
                _("A portfolio with seed %(seed)s exists already; choose another seed.")
                % {"seed": seed}
            )
        if not 1 <= complexes <= units <= persons:
            raise CommandError(_("Need 1 ≤ complexes ≤ units ≤ persons."))
        began = time.perf_counter()
        counts = portfolio.generate(complexes, units, persons, seed)
        with connection.cursor() as cursor:
            # Fresh statistics, or the query planner guesses from an empty database.
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "%(complexes)s complexes, %(units)s units, %(residents)s residents and "
                    "%(applicants)s applicants in %(seconds).0f s."
                )
                % {**vars(counts), "seconds": time.perf_counter() - began}
            )
        )
        for login in showcase.logins(portfolio.names(seed)):
            self.stdout.write(f"{login.email}  {login.role}")
        self.stdout.write(
            _("Password for every demo user: %(password)s") % {"password": showcase.PASSWORD}
        )
