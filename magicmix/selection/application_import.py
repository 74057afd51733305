"""The applications of one intake to and from a spreadsheet (CSV or XLSX), all or nothing.

Columns and values are documented in docs/bulk-import.md. The file is read by the shared reader
(`web/imports.py`); each row is then checked by the application form of the public page
(`ApplicationForm`: age range, the intake's target groups, a recent income year, where a student
is enrolled), and a new application by the same eligibility check (`services.applications`), so
an import can bring in nothing the intake would refuse. A row names its application by `nummer`
(magicmix's number, written on export) or else by `referentie` (the key of another system), only
ever among the applications of this intake: importing the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from magicmix.web.imports import (
    Column,
    Layout,
    Problems,
    date,
    decimal,
    read_table,
    same,
    shown,
    text,
    whole_number,
)

from .forms import ApplicationForm
from .models import Application, Intake
from .models.eligibility import sentence
from .services import applications

if TYPE_CHECKING:
    from magicmix.accounts.models import User

_income = decimal(2, Decimal("100000000"), gettext_noop("'%(value)s' is not an amount"))

COLUMNS: tuple[Column, ...] = (
    Column("id", "nummer", ("id", "magicmix nummer"), False, whole_number(1, 2**31 - 1), same),
    Column(
        "external_reference",
        "referentie",
        ("external reference", "klantnummer"),
        False,
        text(50),
        same,
    ),
    Column("first_name", "voornaam", ("first name", "voornamen"), True, text(100), same),
    Column("last_name", "achternaam", ("last name",), True, text(150), same),
    Column("date_of_birth", "geboortedatum", ("date of birth",), True, date, same),
    Column("email", "e-mail", ("email", "e-mailadres"), True, text(254), same),
    Column("phone", "telefoon", ("phone", "telefoonnummer"), False, text(30), same),
    Column(
        "household_size", "huishoudgrootte", ("household size",), False, whole_number(1, 20), same
    ),
    Column("annual_income", "jaarinkomen", ("annual income", "inkomen"), True, _income, same),
    Column("income_year", "inkomensjaar", ("income year",), True, whole_number(2000, 9999), same),
    Column("target_group", "doelgroep", ("target group",), True, text(40), same),
    Column(
        "education_institution",
        "onderwijsinstelling",
        ("education institution", "opleiding"),
        False,
        text(200),
        same,
    ),
    Column("motivation", "motivatie", ("motivation", "brief"), True, text(1000), same),
)
LAYOUT = Layout(COLUMNS, keys=("id", "external_reference"))
HEADERS = LAYOUT.headers
_HEADER_OF = {column.field: column.header for column in COLUMNS}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changed: list[Application] = field(default_factory=list)  # for the processing log


def import_applications(user: User, intake: Intake, filename: str, data: bytes) -> ImportResult:
    """Create or update applications of `intake` from a file, all of them or none.

    The caller has checked that `user` may edit the intake (`Intake.objects.editable_by`).
    """
    table = read_table(filename, data, nothing=_("The file contains no applications."))
    with transaction.atomic():
        # One import per intake at a time; its applications are read under the lock.
        Intake.objects.select_for_update().get(pk=intake.pk)
        rows, problems = LAYOUT.read_rows(table)
        return _Saving(user, intake, problems).save(rows)


class _Saving:
    def __init__(self, user: User, intake: Intake, problems: list[tuple[int, str]]) -> None:
        self.user = user
        self.intake = intake
        known = list(Application.objects.filter(intake=intake))
        self.by_id = {application.pk: application for application in known}
        self.by_reference: dict[str, list[Application]] = {}
        for application in known:
            if application.external_reference:
                self.by_reference.setdefault(application.external_reference, []).append(application)
        self.groups = {group.code.casefold(): group for group in intake.target_groups.all()}
        self.problems = Problems(problems)

    def save(self, rows: list[Any]) -> ImportResult:
        result = ImportResult()
        for row in rows:
            self._save_row(row.number, row.values, result)
        self.problems.raise_any()
        return result

    def _problem(self, number: int, name: str, message: str) -> None:
        self.problems.add(number, _HEADER_OF[name], message)

    def _existing(self, number: int, values: dict[str, Any]) -> Application | None:
        """The application the row names, None for a new one (or a wrong row, with its problem)."""
        if "id" in values:
            application = self.by_id.get(values["id"])
            if application is None:
                # Never says whether the number exists elsewhere: that would leak.
                self._problem(number, "id", _("is not an application to this intake"))
            return application
        reference = values.get("external_reference")
        if not reference:
            self._problem(
                number,
                "external_reference",
                _("is required for a new application (or give the nummer)"),
            )
            return None
        matches = self.by_reference.get(reference, [])
        if len(matches) > 1:
            self._problem(
                number,
                "external_reference",
                _("%(count)d applications have this reference; give the nummer")
                % {"count": len(matches)},
            )
            return None
        return matches[0] if matches else None

    def _save_row(self, number: int, values: dict[str, Any], result: ImportResult) -> None:
        known = len(self.problems)
        existing = self._existing(number, values)
        group = values.get("target_group", "")
        if group.casefold() not in self.groups:
            self._problem(
                number,
                "target_group",
                _("'%(value)s' is not a target group of this intake") % {"value": shown(group)},
            )
        if len(self.problems) > known:
            return
        application = existing or Application(intake=self.intake)
        before = model_to_dict(application)
        data = dict(before) if existing else {"household_size": 1, "preferred_clusters": []}
        data |= {name: value for name, value in values.items() if name != "id"}
        data["target_group"] = self.groups[group.casefold()].pk
        form = ApplicationForm(self.intake, data, instance=application)
        if not form.is_valid():
            for name, errors in form.errors.items():
                for error in errors:
                    if name in _HEADER_OF:
                        self._problem(number, name, str(error))
                    else:
                        self.problems.add_row(number, str(error))
            return
        if self.problems:
            return  # nothing will be saved: only go on checking
        # Not a field of the applicant's form: the key of the other system, set here.
        if "external_reference" in values:
            application.external_reference = values["external_reference"]
        if existing is None:
            self._enter(number, form.instance, result)
        elif model_to_dict(application) != before:
            form.save()
            result.updated += 1
            result.changed.append(application)
        else:
            result.unchanged += 1

    def _enter(self, number: int, application: Application, result: ImportResult) -> None:
        try:
            applications.enter(application, self.user)
        except applications.NotEligible as refused:
            for outcome in refused.refusals:
                self.problems.add_row(number, sentence(outcome.text))
            return
        result.created += 1
        result.changed.append(application)


def application_records(intake: Intake) -> list[list[Any]]:
    """One row per application to `intake` in the import's column order."""
    records = []
    for application in Application.objects.filter(intake=intake).select_related("target_group"):
        values = {column.field: getattr(application, column.field) for column in COLUMNS}
        values |= {
            "external_reference": application.external_reference or None,
            "phone": application.phone or None,
            "education_institution": application.education_institution or None,
            "target_group": application.target_group.code,
        }
        records.append(LAYOUT.record(values))
    return records
