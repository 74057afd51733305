"""Applications of an intake in and out of a spreadsheet: import (all or nothing), export, an
empty template.

Only staff who may edit the intake (`Intake.objects.editable_by`: letting staff of the owning
corporation) import or export its applications; another corporation's intake is 404. Every
application an import creates or changes, and every exported application, lands in the
processing log.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import Organisation
from magicmix.privacy import log
from magicmix.privacy.models import Action
from magicmix.web.auth import user_of
from magicmix.web.exports import download
from magicmix.web.import_page import import_page

from ..application_import import HEADERS, ImportResult, application_records, import_applications
from ..models import Intake


def _intake(request: HttpRequest, pk: int) -> Intake:
    return get_object_or_404(
        Intake.objects.editable_by(user_of(request)).select_related("complex"), pk=pk
    )


@require_http_methods(["GET", "POST"])
def application_import(request: HttpRequest, pk: int) -> HttpResponse:
    intake = _intake(request, pk)
    owner = intake.complex.organisation_id

    def run(organisation: Organisation, filename: str, data: bytes) -> ImportResult:
        result = import_applications(user_of(request), intake, filename, data)
        changed = [application.pk for application in result.changed]
        log.applications(request, changed, owner, Action.CHANGE)
        return result

    return import_page(
        request,
        Organisation.objects.filter(pk=owner),
        run,
        "selection/staff/application_import.html",
        reverse("selection:intake_detail", args=[intake.pk]),
        {"intake": intake},
    )


@require_http_methods(["GET"])
def application_export(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    intake = _intake(request, pk)
    records = application_records(intake)
    exported = [record[0] for record in records]
    log.applications(request, exported, intake.complex.organisation_id, Action.EXPORT)
    name = slugify(f"{intake.complex.name} {intake.title}") + "-aanmeldingen"
    return _download(format, records, name)


@require_http_methods(["GET"])
def application_template(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    _intake(request, pk)
    return _download(format, [], "aanmeldingen-sjabloon")


def _download(format: str, records: list[list[Any]], name: str) -> HttpResponse:
    return download(format, [HEADERS, *records], name, sheet_title=_("Applications"))
