"""The shortlist: an intake's candidates ranked by selection score with its breakdown and the
resident panel's advice, searchable, filterable, sortable and paged; letting staff shortlist or
do not select, one or several at once, always with a reason, and export it."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from .. import shortlist as listing
from ..forms import DecisionForm
from ..forms.shortlist import BulkDecisionForm, ShortlistFilterForm
from ..models import DECIDABLE_STAGES, Application, Intake
from ..services import judgements

PAGE_SIZE = 50


def _listed(request: HttpRequest, pk: int) -> tuple[Intake, ShortlistFilterForm, list[listing.Row]]:
    intake = get_object_or_404(
        Intake.objects.editable_by(user_of(request)).select_related("complex"), pk=pk
    )
    form = ShortlistFilterForm(request.GET or None, intake=intake)
    filters = form.cleaned_data if form.is_valid() else {}
    return intake, form, listing.rows(intake, filters)


@require_http_methods(["GET"])
def shortlist(request: HttpRequest, pk: int) -> HttpResponse:
    intake, form, rows = _listed(request, pk)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "intake": intake,
        "form": form,
        "rows": page.object_list,
        "page": page,
        "total": len(rows),
        "all_total": intake.applications.count(),
        "offset": page.start_index() - 1 if rows else 0,
        "stages": DecisionForm.base_fields["stage"].choices,  # type: ignore[attr-defined]
    }
    return render(request, "selection/shortlist/list.html", context)


@require_http_methods(["GET"])
def export(request: HttpRequest, pk: int) -> HttpResponse:
    """The shortlist as filtered, as a semicolon CSV with decimal commas (Dutch spreadsheets)."""
    intake, _form, rows = _listed(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="shortlist-{intake.pk}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    advice_labels = [label for label, _count in rows[0].advice] if rows else []
    writer.writerow(
        [
            "#",
            _("name"),
            _("target group"),
            _("stage"),
            _("eligibility check"),
            _("letter"),
            _("interview"),
            _("selection score"),
            *advice_labels,
        ]
    )
    for place, row in enumerate(rows, start=1):
        a = row.application
        writer.writerow(
            [
                place,
                a.full_name,
                a.target_group.name,
                a.get_stage_display(),
                a.get_check_result_display(),
                _number(row.score.letter),
                _number(row.score.interview),
                _number(row.score.total),
                *[count for _label, count in row.advice],
            ]
        )
    return response


def _number(value: object) -> str:
    return "" if value is None else number_format(value, 1)  # type: ignore[arg-type]


@require_http_methods(["POST"])
def decide_many(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    intake = get_object_or_404(Intake.objects.editable_by(user), pk=pk)
    decidable = list(
        intake.applications.filter(stage__in=DECIDABLE_STAGES).values_list("pk", flat=True)
    )
    form = BulkDecisionForm(request.POST, decidable=decidable)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    else:
        chosen = Application.objects.filter(pk__in=form.cleaned_data["applications"])
        count = judgements.decide_many(
            list(chosen), form.cleaned_data["stage"], form.cleaned_data["reason"], user
        )
        messages.success(request, _("%(count)s candidates: decision recorded.") % {"count": count})
    query = request.GET.urlencode()
    return redirect(
        reverse("selection:shortlist", args=[intake.pk]) + (f"?{query}" if query else "")
    )


@require_http_methods(["POST"])
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    application = get_object_or_404(Application.objects.managed_by(user), pk=pk)
    form = DecisionForm(request.POST)
    if application.stage not in DECIDABLE_STAGES:
        messages.error(request, _("This application can no longer be decided on here."))
    elif not form.is_valid():
        messages.error(request, _("Choose a decision and give a reason."))
    else:
        # The same workflow as the bulk decision: under a row lock, and the applicant is told.
        data = form.cleaned_data
        judgements.decide_many([application], data["stage"], data["reason"], user)
        application.refresh_from_db()
        messages.success(
            request,
            _("%(name)s: %(stage)s.")
            % {"name": application.full_name, "stage": application.get_stage_display()},
        )
    return redirect("selection:shortlist", pk=application.intake_id)
