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

from typing import TYPE_CHECKING, Any

from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from magicmix.web.imports import Column, Layout, same, shown, text
from magicmix.web.keyed_import import (
    ImportResult,
    Matching,
    RowSaver,
    detail_values,
    details,
    import_rows,
)

from .forms import ApplicationForm
from .models import Application, Intake
from .models.eligibility import sentence
from .services import applications

if TYPE_CHECKING:
    from magicmix.accounts.models import User

COLUMNS: tuple[Column, ...] = (
    *details(required=("email", "annual_income", "income_year")),
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


def import_applications(
    user: User, intake: Intake, filename: str, data: bytes
) -> ImportResult[Application]:
    """Create or update applications of `intake` from a file, all of them or none.

    The caller has checked that `user` may edit the intake (`Intake.objects.editable_by`).
    """
    return import_rows(
        LAYOUT,
        filename,
        data,
        nothing=_("The file contains no applications."),
        # One import per intake at a time; its applications are read under the lock.
        lock=Intake.objects.filter(pk=intake.pk),
        saver=lambda problems: _Saving(user, intake, problems),
    )


class _Saving(RowSaver[Application]):
    def __init__(self, user: User, intake: Intake, problems: list[tuple[int, str]]) -> None:
        super().__init__(LAYOUT, problems)
        self.user = user
        self.intake = intake
        self.applications = Matching(
            Application.objects.filter(intake=intake),
            not_ours=_("is not an application to this intake"),
            reference_required=_("is required for a new application (or give the nummer)"),
            several=_("%(count)d applications have this reference; give the nummer"),
        )
        self.groups = {group.code.casefold(): group for group in intake.target_groups.all()}

    def save_row(
        self, number: int, values: dict[str, Any], result: ImportResult[Application]
    ) -> None:
        known = len(self.problems)
        existing = self.applications.find(self, number, values)
        group = values.get("target_group", "")
        if group.casefold() not in self.groups:
            self.problem(
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
        if self.form_problems(number, form):
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

    def _enter(
        self, number: int, application: Application, result: ImportResult[Application]
    ) -> None:
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
        values = detail_values(application, COLUMNS) | {
            "education_institution": application.education_institution or None,
        }
        records.append(LAYOUT.record(values))
    return records
