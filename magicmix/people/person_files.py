"""Persons in and out of a spreadsheet: import (all or nothing), export, an empty template.

Only staff of a corporation (who may edit its persons, `Person.objects.editable_by`) import or
export, and only the persons of a corporation they work for. Every person an import creates or
changes, and every exported person, lands in the processing log.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import STAFF_ROLES, Organisation, User
from magicmix.privacy import log
from magicmix.privacy.models import Action
from magicmix.web.auth import user_of
from magicmix.web.exports import download
from magicmix.web.forms import SpreadsheetForm
from magicmix.web.imports import ImportRejected

from .person_import import HEADERS, import_persons, person_records


def _corporations(user: User) -> Any:
    corporations = Organisation.objects.filter(pk__in=user.organisation_ids(STAFF_ROLES))
    if not corporations:
        raise Http404
    return corporations.order_by("name")


class PersonFileForm(SpreadsheetForm):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Corporation"), queryset=Organisation.objects.none()
    )

    def __init__(self, corporations: Any, data: Any = None, files: Any = None) -> None:
        super().__init__(data, files)
        field = self.fields["organisation"]
        field.queryset = corporations  # type: ignore[attr-defined]
        if len(corporations) == 1:
            field.initial = corporations[0]
            field.widget = forms.HiddenInput()
        self.order_fields(["organisation", "file"])


@require_http_methods(["GET", "POST"])
def person_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    corporations = _corporations(user)
    posted = request.method == "POST"
    form = PersonFileForm(
        corporations, request.POST if posted else None, request.FILES if posted else None
    )
    problems: list[str] = []
    problem_count = 0
    if form.is_valid():
        upload = form.cleaned_data["file"]
        organisation = form.cleaned_data["organisation"]
        try:
            result = import_persons(user, organisation, upload.name, upload.read())
        except ImportRejected as rejected:
            problems, problem_count = rejected.problems, rejected.total
        else:
            for person in result.changed:
                log.person(request, person.pk, person.organisation_id, Action.CHANGE)
            messages.success(
                request,
                _(
                    "Import done: %(created)d persons registered, %(updated)d updated, "
                    "%(unchanged)d unchanged."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                },
            )
            return redirect("people:person_list")
    return render(
        request,
        "people/person_import.html",
        {
            "form": form,
            "corporations": corporations,
            "problems": problems,
            "problem_count": problem_count,
        },
    )


@require_http_methods(["GET"])
def person_export(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    organisation = get_object_or_404(_corporations(user_of(request)), pk=pk)
    records = person_records(organisation)
    for number in [record[0] for record in records]:
        log.person(request, number, organisation.pk, Action.EXPORT)
    return _download(format, records, slugify(organisation.name) + "-personen")


@require_http_methods(["GET"])
def person_template(request: HttpRequest, format: str) -> HttpResponse:
    _corporations(user_of(request))
    return _download(format, [], "personen-sjabloon")


def _download(format: str, records: list[list[Any]], name: str) -> HttpResponse:
    return download(format, [HEADERS, *records], name, sheet_title=_("Persons"))
