"""The benchmark of a complex among the imported projects, its export and the import."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from ..access import managed_complex, may_manage, persons_in_scope, visible_complex
from ..indicators import Context
from .access import exportable_complex, may_export
from .export import document
from .forms import ImportForm
from .services import import_document
from .standing import documents_for, standings


@require_http_methods(["GET"])
def standing(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = visible_complex(user, pk)
    persons = persons_in_scope(user, complex_)
    documents = documents_for(complex_)
    return render(
        request,
        "monitoring/benchmark/standing.html",
        {
            "complex": complex_,
            "own_clients_only": persons is not None,
            "standings": standings(Context(complex_, timezone.localdate(), persons), documents),
            "documents": documents,
            "may_manage": may_manage(user, complex_),
            "may_export": may_export(user, complex_),
        },
    )


@require_http_methods(["GET"])
def export(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = exportable_complex(user_of(request), pk)
    found = document(complex_, timezone.localdate())
    response = HttpResponse(
        json.dumps(found.model_dump(mode="json"), indent=2, ensure_ascii=False),
        content_type="application/json",
    )
    name = f"benchmark-{found.project.id}-{found.period}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = managed_complex(user, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and form.document is not None:
        stored, created = import_document(complex_.organisation, form.document, user)
        messages.success(
            request,
            (
                _("%(name)s (%(period)s) is imported.")
                if created
                else _("%(name)s (%(period)s) was imported before and is now replaced.")
            )
            % {"name": stored.name, "period": stored.period},
        )
        return redirect("monitoring:benchmark", pk=complex_.pk)
    return render(request, "monitoring/benchmark/import.html", {"complex": complex_, "form": form})
