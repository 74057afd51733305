"""Fill the database with the demo portfolio, or print its logins again if it is there."""

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from magicmix.demo import community, showcase
from magicmix.demo.monitoring import DEMO_TOKEN


class Command(BaseCommand):
    help = "Builds the demo portfolio (three complexes, residents, applicants, a user per role)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="seed for the synthetic people")
        parser.add_argument("--reset", action="store_true", help="delete the demo and rebuild it")

    def handle(self, *args: Any, seed: int, reset: bool, **options: Any) -> None:
        translation.activate(settings.LANGUAGE_CODE)
        if reset and showcase.exists():
            showcase.remove()
        if showcase.exists():
            self.stdout.write(_("The demo portfolio is already there."))
        else:
            showcase.build(seed)
            self.stdout.write(self.style.SUCCESS(_("Demo portfolio built.")))
        rows = [(_("E-mail address"), _("Role"), _("Organisation"))] + [
            (login.email, login.role, login.organisation) for login in showcase.logins()
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            self.stdout.write(
                "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            )
        self.stdout.write(
            _("Password for every demo user: %(password)s") % {"password": showcase.PASSWORD}
        )
        self.stdout.write(_("Try this:"))
        for path, what in TRY_THIS:
            self.stdout.write(f"  {path:<14} {what}")
        resident = community.resident_link(showcase.YOUNG_PEOPLE.name)
        if resident:
            self.stdout.write(
                _("A gangmaker's own pages on a phone: %(path)s") % {"path": resident}
            )


TRY_THIS = [  # the lazy gettext: translated when printed
    ("/apply/", gettext_lazy("apply without an account to the open intake")),
    ("/scoring/", gettext_lazy("score letters (applicatiebeheer@)")),
    ("/intakes/", gettext_lazy("interviews and the shortlist (verhuur@)")),
    ("/panel/", gettext_lazy("give a coöptation advice (bewonerspanel@)")),
    ("/nominations/", gettext_lazy("nominate a client (casemanager-coa@)")),
    ("/rounds/", gettext_lazy("review the round's proposal (verhuur@)")),
    (
        "/community/",
        gettext_lazy("a social manager's day, incidents and warnings (sociaalbeheer@)"),
    ),
    (
        "/monitoring/",
        gettext_lazy("does the mix work? dashboards and survey waves (sociaalbeheer@)"),
    ),
    (f"/survey/{DEMO_TOKEN}/", gettext_lazy("answer the survey as a resident, without an account")),
    ("/api-tokens/", gettext_lazy("issue a token for the API at /api/v1 (applicatiebeheer@)")),
]
