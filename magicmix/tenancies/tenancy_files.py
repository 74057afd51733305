"""Tenancies in and out of a spreadsheet: import (all or nothing), export, an empty template.

Only letting staff (`Complex.objects.editable_by`) import or export, for a corporation they let
for. Every tenancy an import starts or ends, and every exported one, lands in the processing
log under its person.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import LETTING_ROLES, Organisation, User
from magicmix.privacy import log
from magicmix.privacy.models import Action
from magicmix.web.auth import user_of
from magicmix.web.exports import download
from magicmix.web.import_page import import_page, organisations_of

from .tenancy_import import HEADERS, ImportResult, import_tenancies, tenancy_records


def _corporations(user: User) -> QuerySet[Organisation]:
    return organisations_of(user, LETTING_ROLES)


@require_http_methods(["GET", "POST"])
def tenancy_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)

    def run(organisation: Organisation, filename: str, data: bytes) -> ImportResult:
        result = import_tenancies(user, organisation, filename, data)
        changed = [tenancy.person_id for tenancy in result.changed]
        log.persons(request, changed, organisation.pk, Action.CHANGE)
        return result

    return import_page(
        request,
        _corporations(user),
        run,
        "tenancies/tenancy_import.html",
        "tenancies:tenancy_import",
    )


@require_http_methods(["GET"])
def tenancy_export(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    user = user_of(request)
    organisation = get_object_or_404(_corporations(user), pk=pk)
    records = tenancy_records(user, organisation)
    exported = sorted({record[2] for record in records})
    log.persons(request, exported, organisation.pk, Action.EXPORT)
    return _download(format, records, slugify(organisation.name) + "-huurovereenkomsten")


@require_http_methods(["GET"])
def tenancy_template(request: HttpRequest, format: str) -> HttpResponse:
    _corporations(user_of(request))
    return _download(format, [], "huurovereenkomsten-sjabloon")


def _download(format: str, records: list[list[Any]], name: str) -> HttpResponse:
    return download(format, [HEADERS, *records], name, sheet_title=_("Tenancies"))
