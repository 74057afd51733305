"""The aggregate indicators of a complex, as the monitoring app computed them ahead
(`IndicatorSnapshot`, refreshed by `manage.py refresh_indicators`).

Only protected aggregates leave here, the same the portfolio and the fact sheet show: a point
that rests on fewer than 5 people, or from which a hidden one could be worked out, was stored
without its value; it comes with `value` and `n` null and the `reason`. A token sees the
complexes whose aggregates its role sees for all residents (`monitoring.portfolio.complexes_of`):
a corporation's own complexes. A partner caseworker sees figures of its own clients only, which
the dashboard computes on request and the API does not serve: the complex is a 404 for it.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from pydantic import Field

from magicmix.monitoring.indicators import Expectation, registered
from magicmix.monitoring.models import IndicatorSnapshot
from magicmix.monitoring.portfolio import complexes_of, stored_series

from ..auth import acting_as
from ..models import Scope
from ..pagination import paginate
from ..schemas import ApiSchema, PageQuery, example, page_of

router = Router(tags=["indicators"])


class PointOut(ApiSchema):
    model_config = example(period="2025", value=None, n=None, reason="n te klein")
    period: str
    value: float | None = Field(description="Null when not shown; see `reason`.")
    n: int | None = Field(description="The people (or units) the value rests on; with it only.")
    reason: str


class IndicatorOut(ApiSchema):
    model_config = example(
        code="occupancy",
        label="Bewoning",
        expectation="feasible",
        expectationLabel="financieel haalbaarder",
        unit="%",
        maximum=100.0,
        refreshedOn="2026-04-01",
        points=[
            {"period": "2025", "value": 96.5, "n": 120, "reason": ""},
            {"period": "2026", "value": None, "n": None, "reason": "n te klein"},
        ],
    )
    code: str
    label: str
    expectation: str
    expectation_label: str
    unit: str
    maximum: float | None
    # Not "computedOn": the ADR linter reads any example key containing "put" as a PUT.
    refreshed_on: datetime.date
    points: list[PointOut]


class IndicatorQuery(PageQuery):
    expectation: Literal[tuple(Expectation.values)] | None = None  # type: ignore[valid-type]


@router.get("/complexes/{complex_id}/indicators", response=page_of(IndicatorOut), by_alias=True)
def list_indicators(request: HttpRequest, complex_id: int, query: Query[IndicatorQuery]):
    """The indicators of a complex by expectation, each a series of periods, oldest first;
    only those computed so far."""
    user = acting_as(request, Scope.READ_INDICATORS)
    complex_ = get_object_or_404(complexes_of(user), pk=complex_id)
    indicators = [
        found for found in registered().values() if query.expectation in (None, found.expectation)
    ]
    stored = stored_series([complex_], [found.code for found in indicators]).get(complex_.pk, {})
    computed = dict(
        IndicatorSnapshot.objects.filter(complex=complex_).values_list("code", "computed_on")
    )
    rows: list[dict[str, Any]] = [
        {
            "code": found.code,
            "label": str(found.label),
            "expectation": found.expectation.value,
            "expectation_label": str(found.expectation.label),
            "unit": str(stored[found.code].unit),
            "maximum": stored[found.code].maximum,
            "refreshed_on": computed[found.code],
            "points": [
                {
                    "period": point.label,
                    "value": point.value,
                    "n": point.n if point.value is not None else None,
                    "reason": str(point.reason),
                }
                for point in stored[found.code].points
            ],
        }
        for found in indicators
        if found.code in stored
    ]
    return paginate(request, rows, query)
