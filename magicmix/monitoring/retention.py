"""What monitoring keeps about a resident, and how long individual survey answers stay (the
privacy registry).

The figures of a complex are computed from each response's scores; the answers item by item
are only for the resident's own page while the wave runs. So after the retention period the
answers go and the scores stay; erasing a resident does the same at once, and the scores count
on against the anonymised person.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from magicmix.privacy import registry
from magicmix.privacy.models import SubjectType

from .models import Assessment, Response


def export(pk: int) -> list[dict[str, Any]]:
    responses = Response.objects.filter(invitation__person_id=pk).select_related(
        "invitation__wave", "instrument"
    )
    return [
        *(
            {
                "model": str(_("survey wave")),
                str(_("title")): str(r.invitation.wave),
                **registry.record(r),
            }
            for r in responses
        ),
        *(registry.record(a) for a in Assessment.objects.filter(person_id=pk)),
        *registry.history_records(Assessment, person_id=pk),
    ]


def erase(pk: int) -> None:
    Response.objects.filter(invitation__person_id=pk).update(answers={})
    registry.delete_history(Assessment, person_id=pk)


def consequences(pk: int) -> list[str]:
    if not Response.objects.filter(invitation__person_id=pk).exists():
        return []
    return [
        gettext(
            "Survey answers item by item are removed; the scores stay, without a name, in the "
            "figures of the complex."
        )
    ]


def answers(organisation_id: int, cutoff: datetime.date) -> QuerySet[Response]:
    return Response.objects.filter(
        invitation__wave__complex__organisation_id=organisation_id,
        invitation__wave__closes_on__lt=cutoff,
    ).exclude(answers={})


registry.holding(
    registry.Holding(
        subject_type=SubjectType.PERSON,
        title=_("Surveys and assessments"),
        export=export,
        erase=erase,
        consequences=consequences,
    )
)
registry.category(
    registry.Category(
        code="survey_answers",
        label=_("Survey answers item by item"),
        starts=_("after the survey wave closed"),
        default_months=12,
        anonymises=True,
        expired=answers,
        subject_type=SubjectType.PERSON,
        subject_path="invitation__person_id",
        apply=lambda rows: rows.update(answers={}),
    )
)
