"""Interview planning: a day cut into 10-minute slots, and inviting candidates into them.

Slots are not stored: a slot is taken when a planned or held interview of the intake starts
then. Inviting creates the interview, moves the application to the interview stage (logged)
and, after the commit, e-mails the invitation: to the applicant, or for a nominated client to
the nominating caseworker.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import Application, ApplicationEvent, Intake, Interview, Stage
from ..models.scoring import INTERVIEW_MINUTES

if TYPE_CHECKING:
    from magicmix.accounts.models import User

TAKING_PLACE = (Interview.Status.PLANNED, Interview.Status.HELD)


def slots(day: datetime.date, start: datetime.time, end: datetime.time) -> list[datetime.datetime]:
    """The starts of the interviews that fit between `start` and `end` on `day`."""
    step = datetime.timedelta(minutes=INTERVIEW_MINUTES)
    moment = timezone.make_aware(datetime.datetime.combine(day, start))
    last = timezone.make_aware(datetime.datetime.combine(day, end)) - step
    starts = []
    while moment <= last:
        starts.append(moment)
        moment += step
    return starts


def taken(intake: Intake, starts: list[datetime.datetime]) -> dict[datetime.datetime, Interview]:
    interviews = Interview.objects.filter(
        application__intake=intake, starts_at__in=starts, status__in=TAKING_PLACE
    ).select_related("application")
    return {interview.starts_at: interview for interview in interviews}


def invite(
    application: Application, starts_at: datetime.datetime, location: str, by: User
) -> Interview:
    with transaction.atomic():
        interview = Interview.objects.create(
            application=application, starts_at=starts_at, location=location
        )
        when = timezone.localtime(starts_at).strftime("%Y-%m-%d %H:%M")
        application.move_to(
            Stage.INTERVIEW, by=by, reason=when, kind=ApplicationEvent.Kind.INTERVIEW
        )
        transaction.on_commit(lambda: send_invitation(interview))
    return interview


def recipient(application: Application) -> str:
    if application.email:
        return application.email
    nomination = getattr(application, "nomination", None)
    caseworker = nomination.caseworker if nomination else None
    return caseworker.email if caseworker else ""


def send_invitation(interview: Interview) -> None:
    application = interview.application
    address = recipient(application)
    if not address:
        return
    context = {"application": application, "intake": application.intake, "interview": interview}
    send_mail(
        render_to_string("selection/email/invitation_subject.txt", context).strip(),
        render_to_string("selection/email/invitation.txt", context),
        None,
        [address],
    )
