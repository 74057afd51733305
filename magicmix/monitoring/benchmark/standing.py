"""Where a complex stands among the imported projects: per indicator its percentile rank,
the number of projects, a chart and the numbers.

The percentile rank is the share of the other projects with a lower value, ties counting
half (the "mean" definition of a percentile rank). The complex's own value is its latest
point that may be shown, to one decimal as in the documents; a project without a value for
an indicator is not counted for it. Higher is not always better (turnover, loneliness): the
page says what the indicator measures and leaves the judgement to the reader.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.utils.translation import gettext as _

from magicmix.housing.models import Complex

from ..charts import Chart, bar_chart, formatted
from ..indicators import Context, Indicator, Point, Series
from ..ingredients.models import Ingredients
from ..ingredients.outcomes import outcomes
from .models import BenchmarkDocument


@dataclass(frozen=True)
class Entry:
    name: str
    text: str
    n: int | None
    own: bool


@dataclass(frozen=True)
class Standing:
    indicator: Indicator
    own: float | None
    percentile: float | None  # None: no own value, or no other project
    projects: int  # the other projects with a value
    entries: list[Entry]  # highest value first
    chart: Chart


def percentile_rank(own: float, others: list[float]) -> float | None:
    if not others:
        return None
    below = sum(value < own for value in others)
    equal = sum(value == own for value in others)
    return 100 * (below + equal / 2) / len(others)


def documents_for(complex_: Complex) -> list[BenchmarkDocument]:
    """The latest document of every project the complex's corporation imported, except the
    complex's own."""
    own = set(Ingredients.objects.filter(complex=complex_).values_list("project_id", flat=True))
    return [
        document
        for document in BenchmarkDocument.objects.of_organisation(
            complex_.organisation_id
        ).latest_per_project()
        if document.project_id not in own
    ]


def standings(context: Context, documents: list[BenchmarkDocument]) -> list[Standing]:
    found = []
    for outcome in outcomes(context):
        code = outcome.indicator.code
        point = outcome.point
        own = round(point.value, 1) if point and point.value is not None else None
        rows: list[tuple[float, Entry]] = []
        for document in documents:
            for item in document.document["indicators"]:
                if item["code"] == code and item["value"] is not None:
                    text = formatted(item["value"], outcome.unit)
                    rows.append((item["value"], Entry(document.name, text, item["n"], False)))
        others = [value for value, _entry in rows]
        if own is not None:
            label = _("This complex: %(name)s") % {"name": context.complex.name}
            n = point.n if point else None
            rows.append((own, Entry(label, formatted(own, outcome.unit), n, True)))
        rows.sort(key=lambda row: -row[0])
        found.append(
            Standing(
                indicator=outcome.indicator,
                own=own,
                percentile=percentile_rank(own, others) if own is not None else None,
                projects=len(others),
                entries=[entry for _value, entry in rows],
                chart=_chart(code, outcome.indicator.label, outcome.unit, rows),
            )
        )
    return found


def _chart(code: str, label: object, unit: str, rows: list[tuple[float, Entry]]) -> Chart:
    series = Series(unit, [Point(entry.name, value, entry.n or 0) for value, entry in rows])
    chart = bar_chart(f"benchmark-{code}", str(label), series)
    # The complex's own bar in the colour the dashboard gives a reference figure.
    bars = [
        dataclasses.replace(bar, reference=entry.own)
        for bar, (_value, entry) in zip(chart.bars, rows, strict=True)
    ]
    return dataclasses.replace(chart, bars=bars)
