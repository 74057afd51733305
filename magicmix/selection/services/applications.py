"""The ways into an intake, across applications, eligibility outcomes, the log and e-mail.

Two routes share one check: `submit` (the public form) and `nominate` (a partner's client).
`submit` checks eligibility first and keeps nothing of a refused attempt (data minimisation).
An accepted application is saved with its outcomes, its first event and its duplicate flags in
one transaction: all of it or none. The confirmation e-mail goes out after the commit, with
the only copy of the private link's token.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from magicmix.housing.models import Cluster
from magicmix.legal.checks import Outcome

from .. import intake_rules
from ..models import Application, ApplicationEvent, EligibilityOutcome, Nomination, Route, Stage

if TYPE_CHECKING:
    from magicmix.accounts.models import User

    from ..forms import ApplicantUpdateForm


class NotEligible(Exception):
    def __init__(self, refusals: list[Outcome]) -> None:
        super().__init__([outcome.rule for outcome in refusals])
        self.refusals = refusals


def _checked(application: Application) -> list[Outcome]:
    """The eligibility outcomes of an application; NotEligible if any rule refuses it."""
    household = intake_rules.household_of(application)
    outcomes = intake_rules.check(application.intake, household, timezone.localdate())
    refused = intake_rules.refusals(outcomes)
    if refused:
        raise NotEligible(refused)
    return outcomes


def _store(application: Application, outcomes: list[Outcome]) -> None:
    """Save a new application with its outcomes and duplicate flags (inside a transaction)."""
    application.stage = Stage.REVIEW if intake_rules.needs_review(outcomes) else Stage.SUBMITTED
    application.check_result = intake_rules.result_of(outcomes)
    application.save()
    EligibilityOutcome.objects.bulk_create(
        [EligibilityOutcome.of(application, outcome) for outcome in outcomes]
    )


def submit(application: Application, clusters: Iterable[Cluster]) -> str:
    """Save an eligible application and return its private token; raise NotEligible if not."""
    outcomes = _checked(application)
    with transaction.atomic():
        token = application.issue_link()
        _store(application, outcomes)
        application.preferred_clusters.set(clusters)
        application.record(ApplicationEvent.Kind.SUBMITTED, by_applicant=True)
        application.flag_duplicates()
    return token


def enter(application: Application, by: User) -> None:
    """Save an eligible application that staff bring in (a bulk import); raise NotEligible if
    not. The applicant gets no private link: they applied elsewhere, staff follow it."""
    outcomes = _checked(application)
    with transaction.atomic():
        _store(application, outcomes)
        application.record(ApplicationEvent.Kind.SUBMITTED, by=by)
        application.flag_duplicates()


def nominate(application: Application, nomination: Nomination, by: User) -> None:
    """Save a partner's nomination of an eligible client; raise NotEligible if not eligible.

    The client gets no private link: the nominating partner follows the nomination instead."""
    outcomes = _checked(application)
    with transaction.atomic():
        application.route = Route.NOMINATION
        _store(application, outcomes)
        nomination.application = application
        nomination.caseworker = by
        nomination.save()
        application.record(
            ApplicationEvent.Kind.NOMINATED, by=by, reason=str(nomination.organisation)
        )
        application.flag_duplicates()


def correct(form: ApplicantUpdateForm, by: User | None = None) -> None:
    """Save a correction of an applicant's details, by the applicant through the private link
    (`by` None) or by letting staff, with its event (the history keeps the values); all or
    nothing."""
    application: Application = form.instance
    with transaction.atomic():
        form.save()
        application.record(
            ApplicationEvent.Kind.UPDATED,
            by=by,
            by_applicant=by is None,
            reason=", ".join(form.changed_data),
        )
        if "email" in form.changed_data:
            application.flag_duplicates()


def send_confirmation(application: Application, link: str) -> None:
    context = {"application": application, "intake": application.intake, "link": link}
    send_mail(
        render_to_string("selection/email/confirmation_subject.txt", context).strip(),
        render_to_string("selection/email/confirmation.txt", context),
        None,
        [application.email],
    )
