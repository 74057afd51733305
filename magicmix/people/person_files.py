"""Persons in and out of a spreadsheet: import (all or nothing), export, an empty template.

Only staff of a corporation (who may edit its persons, `Person.objects.editable_by`) import or
export, and only the persons of a corporation they work for. Every person an import creates or
changes, and every exported person, lands in the processing log.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import STAFF_ROLES, Organisation, User
from magicmix.privacy import log
from magicmix.privacy.models import Action
from magicmix.web.auth import user_of
from magicmix.web.exports import download
from magicmix.web.import_page import import_page, organisations_of

from .person_import import HEADERS, ImportResult, import_persons, person_records


def _corporations(user: User) -> QuerySet[Organisation]:
    return organisations_of(user, STAFF_ROLES)


@require_http_methods(["GET", "POST"])
def person_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)

    def run(organisation: Organisation, filename: str, data: bytes) -> ImportResult:
        result = import_persons(user, organisation, filename, data)
        changed = [person.pk for person in result.changed]
        log.persons(request, changed, organisation.pk, Action.CHANGE)
        return result

    return import_page(
        request, _corporations(user), run, "people/person_import.html", "people:person_list"
    )


@require_http_methods(["GET"])
def person_export(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    organisation = get_object_or_404(_corporations(user_of(request)), pk=pk)
    records = person_records(organisation)
    log.persons(request, [record[0] for record in records], organisation.pk, Action.EXPORT)
    return _download(format, records, slugify(organisation.name) + "-personen")


@require_http_methods(["GET"])
def person_template(request: HttpRequest, format: str) -> HttpResponse:
    _corporations(user_of(request))
    return _download(format, [], "personen-sjabloon")


def _download(format: str, records: list[list[Any]], name: str) -> HttpResponse:
    return download(format, [HEADERS, *records], name, sheet_title=_("Persons"))
