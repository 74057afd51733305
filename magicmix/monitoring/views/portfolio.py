"""The portfolio dashboard: every complex the user sees as a whole, the mix beside the
outcomes, and the trend of one indicator per complex, from the indicators computed ahead."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from .. import portfolio as content


@require_http_methods(["GET"])
def portfolio(request: HttpRequest) -> HttpResponse:
    found = content.portfolio(
        user_of(request), timezone.localdate(), request.GET.get("indicator", "")[:40]
    )
    return render(
        request,
        "monitoring/portfolio.html",
        {
            "portfolio": found,
            "chart": content.chart(found),
            "choices": content.by_expectation(),
        },
    )
