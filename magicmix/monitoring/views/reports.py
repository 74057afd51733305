"""Reports: a complex and the portfolio as PDF for a board, and the council report as a page
and as PDF. Everyone who may see the figures may take them along as a report."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from .. import dashboard, reports
from ..access import persons_in_scope, visible_complex
from ..council import council, municipalities
from ..indicators import Context, registered
from ..neighbourhood import neighbourhood
from ..portfolio import HEADLINES, chart, portfolio


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@require_http_methods(["GET"])
def complex_report(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = visible_complex(user, pk)
    persons = persons_in_scope(user, complex_)
    today = timezone.localdate()
    sections = dashboard.sections(Context(complex_, today, persons))
    # The neighbourhood is the whole complex's: not beside a caseworker's own clients.
    around = neighbourhood([complex_], today)[complex_.pk] if persons is None else None
    title = _("Does the mix work? %(name)s") % {"name": complex_.name}
    content = reports.document(title, today, reports.complex_story(sections, around))
    return _pdf(content, f"monitor-{slugify(complex_.name)}")


@require_http_methods(["GET"])
def portfolio_report(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    today = timezone.localdate()
    story: list = []
    for code in HEADLINES:
        found = portfolio(user, today, code)
        indicator = registered()[code]
        story += [
            reports.paragraph(indicator.expectation.label, "Heading2"),
            *reports.chart_with_table(
                indicator.label, indicator.description, chart(found), "", _("Complex")
            ),
            reports.table(
                [_("Complex"), _("Residents"), _("Dragend"), *found.periods],
                [
                    [
                        row.complex.name,
                        "<5" if row.mix.residents < 5 else row.mix.residents,
                        row.mix.text,
                        *row.trend,
                    ]
                    for row in found.rows
                ],
            ),
            reports.page_break(),
        ]
    content = reports.document(_("Does the mix work? The portfolio"), today, story)
    return _pdf(content, "monitor-portefeuille")


@require_http_methods(["GET"])
def council_report(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    municipality = request.GET.get("municipality", "")[:100]
    today = timezone.localdate()
    found = council(user, today, municipality)
    if request.GET.get("format") == "pdf":
        story: list = []
        for item in found:
            story += [
                reports.paragraph(item.complex.name, "Heading2"),
                reports.paragraph(
                    _("%(municipality)s · residents: %(residents)s · dragend: %(share)s")
                    % {
                        "municipality": item.complex.municipality,
                        "residents": "<5" if item.mix.residents < 5 else item.mix.residents,
                        "share": item.mix.text,
                    },
                    "small",
                ),
                reports.table(
                    [_("Expectation"), _("Indicator"), _("Latest value")],
                    [[f.expectation.label, f.label, f.text] for f in item.figures],
                ),
                reports.paragraph(_("The neighbourhood (last twelve months)"), "Heading3"),
                reports.table(
                    [_("Figure"), _("Value")], reports.neighbourhood_rows(item.neighbourhood)
                ),
                reports.page_break(),
            ]
        title = _("Council report: does the mix work?")
        if municipality:
            title += f" — {municipality}"
        return _pdf(reports.document(title, today, story), "raadsrapportage")
    return render(
        request,
        "monitoring/council.html",
        {
            "complexes": found,
            "municipality": municipality,
            "municipalities": municipalities(user),
        },
    )
