"""The rights of a data subject (export, erasure) and the retention periods, for the
application manager. Outside their organisation everything is 404."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import Organisation, Role
from magicmix.web.auth import user_of

from . import log, pdf, registry, services
from .forms import ErasureForm, RetentionForm
from .models import Action, RetentionPeriod, SubjectType


def _subject(request: HttpRequest, subject_type: str, pk: int) -> tuple[registry.Subject, Any]:
    subject = registry.SUBJECTS.get(subject_type)
    if subject is None:
        raise Http404
    return subject, get_object_or_404(subject.managed_by(user_of(request)), pk=pk)


@require_http_methods(["GET"])
def subject_export(request: HttpRequest, subject_type: str, pk: int, format: str) -> HttpResponse:
    subject, obj = _subject(request, subject_type, pk)
    if format not in ("json", "pdf"):
        raise Http404
    log.entries(
        subject_type,
        [pk],
        subject.organisation_of(obj),
        Action.EXPORT,
        request.resolver_match.view_name if request.resolver_match else "privacy:export",
        user_of(request),
    )
    content = services.export(subject_type, pk)
    name = f"betrokkene-{subject_type}-{pk}.{format}"
    if format == "json":
        body = json.dumps(content, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(pdf.render(content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
def subject_erase(request: HttpRequest, subject_type: str, pk: int) -> HttpResponse:
    subject, obj = _subject(request, subject_type, pk)
    blocks = services.blocks(subject_type, pk)
    form = ErasureForm(request.POST or None)
    if not blocks and form.is_valid():
        try:
            services.erase(subject_type, pk, subject.organisation_of(obj), user_of(request))
        except services.ErasureBlocked as refused:  # something changed since the page was shown
            blocks = refused.reasons
        else:
            messages.success(request, _("The data are erased; the erasure is in the log."))
            return redirect(subject.page_url(obj))
    context = {
        "obj": obj,
        "is_person": subject_type == SubjectType.PERSON,
        "blocks": blocks,
        "consequences": services.consequences(subject_type, pk),
        "form": form,
        "edit_url": subject.edit_url(obj),
        "page_url": subject.page_url(obj),
    }
    status = 409 if blocks and request.method == "POST" else 200
    return render(request, "privacy/erase.html", context, status=status)


def _managed(request: HttpRequest) -> list[int]:
    return sorted(user_of(request).organisation_ids({Role.APPLICATION_MANAGER}))


@require_http_methods(["GET"])
def retention_start(request: HttpRequest) -> HttpResponse:
    managed = _managed(request)
    if not managed:
        raise Http404
    return redirect("privacy:retention", organisation_id=managed[0])


@require_http_methods(["GET", "POST"])
def retention(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """The periods of one organisation, and what the daily job would erase today."""
    organisation = get_object_or_404(
        Organisation.objects.filter(pk__in=_managed(request)), pk=organisation_id
    )
    form = RetentionForm(request.POST or None, months=services.months_of(organisation))
    if form.is_valid():
        with transaction.atomic():
            for code, months in form.cleaned_data.items():
                RetentionPeriod.objects.update_or_create(
                    organisation=organisation, category=code, defaults={"months": months}
                )
        messages.success(request, _("The retention periods are saved."))
        return redirect("privacy:retention", organisation_id=organisation.pk)
    context = {
        "organisation": organisation,
        "organisations": Organisation.objects.filter(pk__in=_managed(request)),
        "form": form,
        "report": services.report(organisation, timezone.localdate()),
    }
    return render(request, "privacy/retention.html", context)
