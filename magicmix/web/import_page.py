"""The page of an import for one organisation: choose the organisation (when the user works for
several), upload a file, see every problem or the counts. Used by the person and tenancy
imports; the importer itself (`<app>/<record>_import.py`) knows nothing of HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from magicmix.accounts.models import Organisation, User

from .forms import SpreadsheetForm
from .imports import ImportRejected


class Counted(Protocol):
    created: int
    updated: int
    unchanged: int


def organisations_of(user: User, roles: Iterable[str]) -> QuerySet[Organisation]:
    """The organisations where the user has one of `roles`: the ones an import may write to.
    None at all is 404, as for every page outside the user's scope."""
    organisations = Organisation.objects.filter(pk__in=user.organisation_ids(set(roles)))
    if not organisations:
        raise Http404
    return organisations.order_by("name")


class OrganisationFileForm(SpreadsheetForm):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Corporation"), queryset=Organisation.objects.none()
    )

    def __init__(
        self, organisations: QuerySet[Organisation], data: Any = None, files: Any = None
    ) -> None:
        super().__init__(data, files)
        field = self.fields["organisation"]
        field.queryset = organisations  # type: ignore[attr-defined]
        if len(organisations) == 1:
            field.initial = organisations[0]
            field.widget = forms.HiddenInput()
        self.order_fields(["organisation", "file"])


def import_page(
    request: HttpRequest,
    organisations: QuerySet[Organisation],
    run: Callable[[Organisation, str, bytes], Counted],
    template: str,
    done: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """`run(organisation, filename, data)` imports or raises ImportRejected; `done` is the URL
    (or its name) shown after a successful import; `extra` goes into the template's context."""
    posted = request.method == "POST"
    form = OrganisationFileForm(
        organisations, request.POST if posted else None, request.FILES if posted else None
    )
    problems: list[str] = []
    problem_count = 0
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = run(form.cleaned_data["organisation"], upload.name, upload.read())
        except ImportRejected as rejected:
            problems, problem_count = rejected.problems, rejected.total
        else:
            messages.success(
                request,
                _("Import done: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                },
            )
            return redirect(done)
    context = {
        "form": form,
        "organisations": organisations,
        "problems": problems,
        "problem_count": problem_count,
        **(extra or {}),
    }
    return render(request, template, context)
