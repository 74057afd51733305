"""What rounds keeps about an applicant, and how long the copies kept with round outcomes stay
(the privacy registry).

A round's justification must stay readable: every candidate's place, proposal and the engine's
why stay. What goes are the personal values in the copies of the eligibility checks (an income,
an age) and their sentences, the reason an offer was declined, and the offers' change history.
The written reason of an override that replaced or chose the applicant may describe them: it is
replaced by a fixed sentence, and the override (who changed which unit's proposal, when) stays.
An open offer blocks erasing the applicant. A resident housed through an offer is the same
person as the applicant: their application is exported and erased with them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from magicmix.privacy import registry, services
from magicmix.privacy.models import SubjectType

from .models import CandidateOutcome, Offer, Override

REMOVED = {
    "nl": "Waarde verwijderd bij het anonimiseren.",
    "en": "Value removed when the data was anonymised.",
}

# Stored in place of an override's reason (the justification shows it; staff read Dutch).
REASON_REMOVED = "Reden verwijderd bij het anonimiseren."


def overrides_of(pk: int) -> QuerySet[Override]:
    """Overrides that replaced or chose the applicant: their reasons may describe them."""
    return Override.objects.filter(Q(replaced_id=pk) | Q(chosen_id=pk))


def anonymous_copy(eligibility: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The eligibility copy with the rule, its outcome, the limit and parameter versions, but
    without the applicant's value."""
    return [
        {**check, "outcome": {**check["outcome"], "value": "", "text": REMOVED}}
        for check in eligibility
    ]


def anonymise_copies(rows: QuerySet[CandidateOutcome]) -> None:
    for outcome in rows.only("pk", "eligibility"):
        CandidateOutcome.objects.filter(pk=outcome.pk).update(
            eligibility=anonymous_copy(outcome.eligibility)
        )


def export(pk: int) -> list[dict[str, Any]]:
    outcomes = CandidateOutcome.objects.filter(application_id=pk).select_related("run__round")
    return [
        *(registry.record(offer) for offer in Offer.objects.filter(application_id=pk)),
        *(
            {
                **registry.record(o),
                str(_("allocation round")): str(o.run.round),
                str(_("explanation")): o.text("nl"),
            }
            for o in outcomes
        ),
        *(registry.record(override) for override in overrides_of(pk)),
        *registry.history_records(Offer, application_id=pk),
    ]


def erase(pk: int) -> None:
    Offer.objects.filter(application_id=pk).update(decline_reason="")
    registry.delete_history(Offer, application_id=pk)
    overrides_of(pk).exclude(reason=REASON_REMOVED).update(reason=REASON_REMOVED)
    anonymise_copies(CandidateOutcome.objects.filter(application_id=pk))


def consequences(pk: int) -> list[str]:
    said = []
    rounds = CandidateOutcome.objects.filter(application_id=pk).values("run__round").distinct()
    if rounds.exists():
        said.append(
            gettext(
                "In %(count)s allocation rounds the candidate stays, without a name, with their "
                "place and the engine's explanation; the values in the copies of the eligibility "
                "checks are removed."
            )
            % {"count": rounds.count()}
        )
    overrides = overrides_of(pk).count()
    if overrides:
        said.append(
            gettext(
                "The reasons written for %(count)s overrides of a round's proposal that replaced "
                "or chose the candidate are removed; who changed which unit, and when, stays."
            )
            % {"count": overrides}
        )
    return said


def blocks(pk: int) -> list[str]:
    if Offer.objects.filter(application_id=pk, status=Offer.Status.PENDING).exists():
        return [
            gettext(
                "An offer waits for this applicant's answer. Withdraw the application or let "
                "the offer be answered or expire first; until then, correct wrong data instead."
            )
        ]
    return []


def applications_of(person_id: int) -> list[int]:
    """The applications that led to the person's tenancies (through an accepted offer)."""
    found = Offer.objects.filter(tenancy__person_id=person_id).values_list("application_id")
    return sorted({pk for (pk,) in found})


def person_export(pk: int) -> list[dict[str, Any]]:
    return [
        record
        for application in applications_of(pk)
        for record in services.export_holdings(SubjectType.APPLICATION, application)
    ]


def person_erase(pk: int) -> None:
    for application in applications_of(pk):
        services.erase_holdings(SubjectType.APPLICATION, application)


def person_consequences(pk: int) -> list[str]:
    count = len(applications_of(pk))
    if not count:
        return []
    return [
        gettext(
            "The application through which the person was housed (%(count)s) is anonymised "
            "with them."
        )
        % {"count": count}
    ]


def person_blocks(pk: int) -> list[str]:
    return [
        reason
        for application in applications_of(pk)
        for reason in services.blocks(SubjectType.APPLICATION, application)
    ]


def copies(organisation_id: int, cutoff: datetime.date) -> QuerySet[CandidateOutcome]:
    """Outcomes of finished runs before the cut-off whose copies still hold a value."""
    return CandidateOutcome.objects.filter(
        run__round__complex__organisation_id=organisation_id,
        run__finished_at__date__lt=cutoff,
        eligibility__0__isnull=False,
    ).exclude(Q(eligibility__0__outcome__value=""))


registry.holding(
    registry.Holding(
        subject_type=SubjectType.APPLICATION,
        title=_("Offers and allocation rounds"),
        export=export,
        erase=erase,
        consequences=consequences,
        blocks=blocks,
    )
)
registry.holding(
    registry.Holding(
        subject_type=SubjectType.PERSON,
        title=_("The application through which the person was housed"),
        export=person_export,
        erase=person_erase,
        consequences=person_consequences,
        blocks=person_blocks,
        includes=lambda pk: [(SubjectType.APPLICATION, a) for a in applications_of(pk)],
    )
)
registry.category(
    registry.Category(
        code="round_copies",
        label=_("Copies of the eligibility checks kept with round outcomes"),
        starts=_("after the round ran"),
        default_months=24,
        anonymises=True,
        expired=copies,
        subject_type=SubjectType.APPLICATION,
        subject_path="application_id",
        apply=anonymise_copies,
    )
)
