"""The rows of an intake's shortlist: filtered, scored and sorted; writes nothing.

Filters that the database can answer (search, stage, check, group, advice) narrow the query
first; the selection score is computed for what is left (three queries, see `breakdowns`),
then filtered and sorted on. An intake has hundreds to a few thousand applications, so this
stays well inside one request.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from .forms.shortlist import NO_ADVICE
from .models import DECIDABLE_STAGES, Application, Breakdown, CooptationAdvice, Intake, Stage
from .models import breakdowns as score_breakdowns


@dataclass(frozen=True)
class Row:
    application: Application
    score: Breakdown
    advice: list[tuple[str, int]]  # (label, count) per kind of advice

    @property
    def decidable(self) -> bool:
        return self.application.stage in DECIDABLE_STAGES


def rows(intake: Intake, filters: dict[str, Any]) -> list[Row]:
    found = intake.applications.exclude(stage=Stage.WITHDRAWN).select_related("target_group")
    if text := (filters.get("q") or "").strip():
        for word in text.split():
            found = found.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
    if filters.get("stage"):
        found = found.filter(stage=filters["stage"])
    if filters.get("check"):
        found = found.filter(check_result=filters["check"])
    if filters.get("group"):
        found = found.filter(target_group=filters["group"])
    if (advice := filters.get("advice")) == NO_ADVICE:
        found = found.filter(advices__isnull=True)
    elif advice:
        found = found.filter(advices__advice=advice).distinct()
    applications = list(found)
    scores = score_breakdowns(a.pk for a in applications)
    given: dict[int, Counter[str]] = {}
    for advice_ in CooptationAdvice.objects.filter(application__in=[a.pk for a in applications]):
        given.setdefault(advice_.application_id, Counter())[advice_.advice] += 1
    result = [
        Row(
            application,
            scores[application.pk],
            [
                (str(label), given.get(application.pk, Counter())[value])
                for value, label in CooptationAdvice.Advice.choices
            ],
        )
        for application in applications
    ]
    if (least := filters.get("min_score")) is not None:
        result = [row for row in result if row.score.total is not None and row.score.total >= least]
    result.sort(key=_SORTS.get(filters.get("sort") or "score", _by_score))
    return result


def _by_score(row: Row) -> tuple[Any, ...]:
    a = row.application
    return (row.score.total is None, -(row.score.total or 0), a.registered_on, a.pk)


_SORTS = {
    "score": _by_score,
    "registered": lambda row: (row.application.registered_on, row.application.pk),
    "name": lambda row: (row.application.name_key, row.application.pk),
}
