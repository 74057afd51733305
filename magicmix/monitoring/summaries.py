"""What staff may see of a wave: response rates and each instrument's summary, per target
group, as protected tables (see `aggregates`). Scoped to a caseworker's own clients when
`persons` is given."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from magicmix.people.models import Person, TargetGroup

from .aggregates import Table, protected_table
from .models import Instrument, Invitation, Response, Wave
from .scoring import localised

ANSWERED, NOT_ANSWERED = "answered", "not_answered"


def invitations(wave: Wave, persons: QuerySet[Person] | None = None) -> QuerySet[Invitation]:
    found = wave.invitations.all()
    return found if persons is None else found.filter(person__in=persons)


def responses(wave: Wave, code: str, persons: QuerySet[Person] | None = None) -> QuerySet[Response]:
    return Response.objects.filter(
        invitation__in=invitations(wave, persons), instrument__code=code
    ).select_related("invitation")


def _groups(wave: Wave) -> list[tuple[Hashable, str]]:
    groups = TargetGroup.objects.filter(pk__in=wave.invitations.values("target_group_id")).order_by(
        "name"
    )
    return [(group.pk, group.name) for group in groups]


def response_table(wave: Wave, persons: QuerySet[Person] | None = None) -> Table:
    records = [
        (group, ANSWERED if done else NOT_ANSWERED)
        for group, done in invitations(wave, persons).values_list("target_group_id", "completed_at")
    ]
    return protected_table(
        records, _groups(wave), [(ANSWERED, _("answered")), (NOT_ANSWERED, _("not answered"))]
    )


@dataclass(frozen=True)
class Summary:
    instrument: Instrument
    table: Table  # per target group: the categorical score, or only "answered"
    means: list[tuple[str, Table]]  # per mean score: a table whose rows carry the means


def summary(wave: Wave, instrument: Instrument, persons: QuerySet[Person] | None = None) -> Summary:
    spec = instrument.spec
    language = get_language()
    found = list(
        responses(wave, spec.code, persons).values_list("invitation__target_group_id", "scores")
    )
    groups = _groups(wave)
    if spec.category == "band":
        columns: list[tuple[Hashable, str]] = [
            (b.code, localised(b.labels, language)) for b in spec.bands
        ]
    elif spec.category:
        label = localised(next(s.labels for s in spec.scores if s.code == spec.category), language)
        columns = [(True, label), (False, _("the others"))]
    else:
        columns = [(ANSWERED, _("answered"))]
    # A respondent whose category is missing (too many items unanswered) is left out.
    records = [
        (group, scores[spec.category] if spec.category else ANSWERED)
        for group, scores in found
        if not spec.category or scores[spec.category] is not None
    ]
    table = protected_table(records, groups, columns)
    means = []
    for code in spec.means:
        label = localised(next(s.labels for s in spec.scores if s.code == code), language)
        answered = [(group, scores[code]) for group, scores in found if scores[code] is not None]
        means.append(
            (
                label,
                protected_table(
                    [(group, ANSWERED) for group, _v in answered],
                    groups,
                    [(ANSWERED, _("answered"))],
                    values=[value for _g, value in answered],
                ),
            )
        )
    return Summary(instrument, table, means)
