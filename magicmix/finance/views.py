"""Scenarios of a complex's business case: list, build, edit (with a live preview), compare,
import and export. Corporation staff only; application managers and letting staff edit."""

from __future__ import annotations

import copy
import json
from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from magicmix.housing.models import Complex
from magicmix.web.auth import user_of

from .actuals import actuals, reforecast
from .charts import break_even_chart, cash_flow_chart, tornado_chart
from .defaults import document_for
from .forms import CaseForm, ImportForm
from .inputs import LINE_LABELS, PARTY_LABELS, groups
from .model import Line, Party, Result, evaluate, tornado
from .model.io import case_data, flows_csv, parse_case
from .models import Scenario


def _visible(request: HttpRequest, pk: int) -> Complex:
    return get_object_or_404(Complex.objects.with_names_visible_to(user_of(request)), pk=pk)


def _editable(request: HttpRequest, pk: int) -> Complex:
    return get_object_or_404(Complex.objects.editable_by(user_of(request)), pk=pk)


def _scenario(request: HttpRequest, pk: int, sid: int, edit: bool = False) -> Scenario:
    scenarios = Scenario.objects.select_related("complex")
    user = user_of(request)
    scope = scenarios.editable_by(user) if edit else scenarios.visible_to(user)
    return get_object_or_404(scope, pk=sid, complex_id=pk)


def _may_edit(request: HttpRequest, complex_: Complex) -> bool:
    return Complex.objects.editable_by(user_of(request)).filter(pk=complex_.pk).exists()


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    complexes = (
        Complex.objects.with_names_visible_to(user_of(request))
        .annotate(scenario_count=Count("scenarios"))
        .order_by("name")
    )
    return render(request, "finance/overview.html", {"complexes": complexes})


def labels(document: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Input path → (group, label), to name the inputs of a tornado."""
    return {
        item.path: (str(group.legend), str(item.label))
        for group in groups(document)
        for item in group.inputs
    }


def analysis(document: dict[str, Any], result: Result) -> dict[str, Any]:
    """What the result pages show of a result: figures, tornado, charts, the view per party."""
    swings = tornado(result.case)
    names = labels(document)
    named = [(names.get(s.path, (s.path, s.path)), s) for s in swings]
    return {
        "result": result,
        "swings": named,
        "tornado": tornado_chart(result.npv, swings, [label for (_g, label), _s in named]),
        "flows_chart": cash_flow_chart(result),
        "break_even_chart": break_even_chart(result),
        "rows": list(zip(result.years, result.cumulative, strict=True)),
        "stakes": [(PARTY_LABELS[s.party], s) for s in result.stakes],
        # Only the lines that carry money in this case, so that the tables stay readable.
        "lines": [
            (line, LINE_LABELS[line])
            for line in Line
            if any(y.parties[p][line] for y in result.years for p in Party)
        ],
    }


@require_GET
def scenario_list(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = _visible(request, pk)
    scenarios = [(s, s.result()) for s in complex_.scenarios.all()]
    return render(
        request,
        "finance/scenario_list.html",
        {"complex": complex_, "scenarios": scenarios, "may_edit": _may_edit(request, complex_)},
    )


@require_GET
def scenario_detail(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    scenario = _scenario(request, pk, sid)
    context = analysis(scenario.document, scenario.result())
    return render(
        request,
        "finance/scenario_detail.html",
        context
        | {
            "complex": scenario.complex,
            "scenario": scenario,
            "may_edit": _may_edit(request, scenario.complex),
            "sources": _sources(scenario.document),
        },
    )


def _sources(document: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    names = labels(document)
    return [
        (": ".join(names[path]) if path in names else path, source)
        for path, source in document.get("sources", {}).items()
    ]


def _edit(
    request: HttpRequest, complex_: Complex, document: dict[str, Any], scenario: Scenario | None
) -> HttpResponse:
    user = user_of(request)
    form = CaseForm(
        request.POST or None,
        complex_=complex_,
        document=document,
        author=str(user),
        instance=scenario,
    )
    previewing = request.method == "POST" and request.headers.get("HX-Request") == "true"
    if request.method == "POST" and form.is_valid() and not previewing:
        saved = form.save()
        messages.success(request, _("The scenario is saved."))
        return redirect("finance:scenario_detail", pk=complex_.pk, sid=saved.pk)
    context: dict[str, Any] = {"complex": complex_, "form": form, "scenario": scenario}
    if form.is_bound and form.case is not None:
        context |= analysis(form.new_document, evaluate(form.case))
    elif not form.is_bound:
        context |= analysis(document, evaluate(parse_case(copy.deepcopy(document))))
    if previewing:
        return render(request, "finance/_preview.html", context)
    return render(request, "finance/scenario_form.html", context)


@require_http_methods(["GET", "POST"])
def scenario_new(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = _editable(request, pk)
    document = document_for(complex_)
    document["name"] = _("Scenario %(n)s") % {"n": complex_.scenarios.count() + 1}
    return _edit(request, complex_, document, None)


@require_http_methods(["GET", "POST"])
def scenario_edit(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    scenario = _scenario(request, pk, sid, edit=True)
    return _edit(request, scenario.complex, scenario.document, scenario)


@require_http_methods(["GET", "POST"])
def scenario_import(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = _editable(request, pk)
    form = ImportForm(request.POST or None, request.FILES or None, complex_=complex_)
    if form.is_valid() and form.case is not None:
        case = form.case
        scenario = Scenario.objects.create(
            complex=complex_,
            name=case.name,
            value_basis=case.value_basis.value,
            document=case_data(case),
        )
        messages.success(request, _("The scenario is imported."))
        return redirect("finance:scenario_detail", pk=pk, sid=scenario.pk)
    return render(request, "finance/scenario_import.html", {"complex": complex_, "form": form})


@require_POST
def scenario_delete(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    scenario = _scenario(request, pk, sid, edit=True)
    scenario.delete()
    messages.success(request, _("The scenario is deleted."))
    return redirect("finance:scenario_list", pk=pk)


def _download(content: str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def scenario_export(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    scenario = _scenario(request, pk, sid)
    document = json.dumps(case_data(scenario.case), ensure_ascii=False, indent=2)
    return _download(document + "\n", f"{slugify(scenario.name)}.json", "application/json")


@require_GET
def scenario_flows(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    scenario = _scenario(request, pk, sid)
    return _download(
        flows_csv(scenario.result()), f"{slugify(scenario.name)}.flows.csv", "text/csv"
    )


@require_GET
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = _visible(request, pk)
    chosen = [int(s) for s in request.GET.getlist("s") if s.isdigit()]
    scenarios = complex_.scenarios.filter(Q(pk__in=chosen) if chosen else Q())
    columns = [(s, s.result()) for s in scenarios]
    return render(
        request,
        "finance/compare.html",
        {
            "complex": complex_,
            "columns": columns,
            "all": complex_.scenarios.all(),
            "chosen": {s.pk for s, _r in columns},
            "party_rows": [
                (
                    _("Net for the %(party)s") % {"party": PARTY_LABELS[party]},
                    [next(s.net for s in r.stakes if s.party is party) for _s, r in columns],
                )
                for party in Party
            ],
        },
    )


@require_http_methods(["GET", "POST"])
def scenario_actuals(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    """The plan beside the occupancy and turnover magicmix records; the re-forecast can be
    saved as a scenario of its own."""
    scenario = _scenario(request, pk, sid)
    result = scenario.result()
    rows = actuals(scenario.complex, result.case)
    document = reforecast(scenario.document, rows)
    forecast = evaluate(parse_case(copy.deepcopy(document))) if document else None
    if request.method == "POST":
        scenario = _scenario(request, pk, sid, edit=True)
        if document is None:
            return redirect("finance:scenario_actuals", pk=pk, sid=sid)
        name = _("%(name)s, re-forecast of %(day)s") % {
            "name": scenario.name,
            "day": date_format(timezone.localdate(), "j F Y"),
        }
        saved, _created = Scenario.objects.update_or_create(
            complex=scenario.complex,
            name=name[:200],
            defaults={"value_basis": scenario.value_basis, "document": document},
        )
        messages.success(request, _("The re-forecast is saved as a scenario."))
        return redirect("finance:scenario_detail", pk=pk, sid=saved.pk)
    return render(
        request,
        "finance/scenario_actuals.html",
        {
            "complex": scenario.complex,
            "scenario": scenario,
            "result": result,
            "rows": [r for r in rows if r.occupancy is not None],
            "forecast": forecast,
            "may_edit": _may_edit(request, scenario.complex),
        },
    )
