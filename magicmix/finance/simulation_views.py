"""Policy simulations of a complex: list, start, follow the runs, compare the policies.
Corporation staff of the complex see them; application managers and letting staff start them."""

from __future__ import annotations

import math
from typing import Any

from django.db.models import Avg, F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from magicmix.housing.models import Unit
from magicmix.web.auth import user_of

from . import simulations
from .charts import euro, short_euro
from .models import PolicySimulation
from .simulation.run import Estimate
from .simulation.scenario import Inputs
from .simulation_charts import band_chart, dot_chart
from .simulation_form import SimulationForm, groups_of, variant_label
from .views import _editable, _may_edit, _visible


def _simulation(request: HttpRequest, pk: int, sid: int) -> PolicySimulation:
    scope = PolicySimulation.objects.visible_to(user_of(request)).select_related("complex")
    return get_object_or_404(scope, pk=sid, complex_id=pk)


@require_GET
def simulation_list(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = _visible(request, pk)
    rows = [(s, simulations.progress(s)) for s in complex_.policy_simulations.all()]
    return render(
        request,
        "finance/simulation_list.html",
        {"complex": complex_, "rows": rows, "may_edit": _may_edit(request, complex_)},
    )


@require_http_methods(["GET", "POST"])
def simulation_new(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = _editable(request, pk)
    rent = (
        Unit.objects.filter(complex=complex_).aggregate(
            r=Avg(F("basic_rent") + F("service_costs"))
        )["r"]
        or 0
    )
    form = SimulationForm(
        request.POST or None,
        groups=groups_of(complex_, timezone.localdate()),
        rent=float(rent),
        initial={"name": _("Comparison of mix policies")},
    )
    if request.method == "POST" and form.is_valid():
        simulation = simulations.start(
            complex_, form.cleaned_data["name"], form.inputs(), user_of(request)
        )
        return redirect("finance:simulation_detail", complex_.pk, simulation.pk)
    return render(request, "finance/simulation_form.html", {"complex": complex_, "form": form})


def _percent(value: float) -> str:
    return f"{number_format(round(value * 100, 1), 1)} %"


def _months(value: float) -> str:
    return "—" if math.isnan(value) else number_format(round(value, 1), 1)


def _whole(value: float) -> str:
    return number_format(round(value, 1), 1)


def _table(labels: list[str], bands: list[list[Estimate]], fmt: Any) -> list[list[str]]:
    """Per year a row: per policy its mean and interval, formatted."""
    years = max(len(b) for b in bands)
    return [
        [str(t + 1)] + [f"{fmt(b[t].mean)} ({fmt(b[t].low)} – {fmt(b[t].high)})" for b in bands]
        for t in range(years)
    ]


def comparison(simulation: PolicySimulation) -> dict[str, Any]:
    """The charts and tables of the comparison page."""
    inputs = Inputs.of(simulation.inputs)
    # Policies all of whose runs failed are left out (the progress says how many failed).
    shown = [
        (variant_label(v), s)
        for v, s in zip(inputs.variants, simulations.summaries(simulation), strict=True)
        if s is not None
    ]
    labels = [label for label, _s in shown]
    summaries = [s for _label, s in shown]
    charts = []
    for key, title, fmt, axis, bands in [
        ("fill", _("Share of units let"), _percent, _percent, [s.fill for s in summaries]),
        (
            "supported",
            _("Share of residents vragend"),
            _percent,
            _percent,
            [s.supported for s in summaries],
        ),
        (
            "support",
            _("Residents within a support arrangement"),
            _whole,
            _whole,
            [s.support for s in summaries],
        ),
        (
            "vacancy_cost",
            _("Rent lost to vacancy per year"),
            euro,
            short_euro,
            [s.vacancy_cost for s in summaries],
        ),
        (
            "support_cost",
            _("Cost of support per year"),
            euro,
            short_euro,
            [s.support_cost for s in summaries],
        ),
    ]:
        charts.append(
            {
                "key": key,
                "title": title,
                "chart": band_chart(labels, bands, axis),
                "rows": _table(labels, bands, fmt),
            }
        )
    clusters = sorted({c for s in summaries for c in s.clusters})
    groups = [f.group for f in inputs.flows]
    return {
        "labels": labels,
        "summaries": summaries,
        "charts": charts,
        "clusters": clusters,
        "cluster_chart": dot_chart(labels, clusters, [s.clusters for s in summaries])
        if clusters
        else None,
        "cluster_rows": [
            [c]
            + [
                f"{_percent(e.mean)} ({_percent(e.low)} – {_percent(e.high)})"
                if (e := s.clusters.get(c))
                else "—"
                for s in summaries
            ]
            for c in clusters
        ],
        "wait_rows": [
            [g] + [f"{_months(s.waits[g].mean)} · {_percent(s.lost[g].mean)}" for s in summaries]
            for g in groups
        ],
    }


@require_GET
def simulation_detail(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    simulation = _simulation(request, pk, sid)
    done, failed, total = simulations.progress(simulation)
    context: dict[str, Any] = {
        "complex": simulation.complex,
        "simulation": simulation,
        "inputs": Inputs.of(simulation.inputs),
        "done": done,
        "failed": failed,
        "total": total,
        "finished": done + failed == total,
        "engine_versions": sorted(
            set(simulation.runs.exclude(engine_version="").values_list("engine_version", flat=True))
        ),
    }
    if done and context["finished"]:
        context |= comparison(simulation)
    return render(request, "finance/simulation_detail.html", context)


@require_GET
def simulation_progress(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    """The progress bar htmx polls; once every run has ended the page reloads itself."""
    simulation = _simulation(request, pk, sid)
    done, failed, total = simulations.progress(simulation)
    finished = done + failed == total
    response = render(
        request,
        "finance/_simulation_progress.html",
        {
            "simulation": simulation,
            "complex": simulation.complex,
            "done": done,
            "failed": failed,
            "total": total,
            "finished": finished,
        },
    )
    if finished:
        response["HX-Refresh"] = "true"
    return response
