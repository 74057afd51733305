"""Units in and out of a spreadsheet: import (all or nothing), export, an empty template."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.exports import download
from magicmix.web.forms import SpreadsheetForm

from ..access import editable_complex, staff_complex
from ..unit_import import HEADERS, ImportRejected, import_units, unit_records


@require_http_methods(["GET", "POST"])
def unit_import(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    posted = request.method == "POST"
    form = SpreadsheetForm(request.POST if posted else None, request.FILES if posted else None)
    problems: list[str] = []
    problem_count = 0
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_units(complex_, upload.name, upload.read())
        except ImportRejected as rejected:
            problems, problem_count = rejected.problems, rejected.total
        else:
            messages.success(
                request,
                _(
                    "Import done: %(created)d units created, %(updated)d updated, "
                    "%(unchanged)d unchanged, %(clusters)d clusters created."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "clusters": result.clusters_created,
                },
            )
            return redirect("housing:unit_list", complex_.pk)
    return render(
        request,
        "housing/unit_import.html",
        {
            "complex": complex_,
            "form": form,
            "problems": problems,
            "problem_count": problem_count,
        },
    )


@require_http_methods(["GET"])
def unit_export(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    complex_ = staff_complex(request, pk)
    return _download(format, unit_records(complex_), slugify(complex_.name) or "complex")


@require_http_methods(["GET"])
def unit_template(request: HttpRequest, format: str) -> HttpResponse:
    return _download(format, [], "wooneenheden-sjabloon")


def _download(format: str, records: list[list[Any]], name: str) -> HttpResponse:
    return download(format, [HEADERS, *records], name, sheet_title=_("Units"))
