"""Records of every retention category, each once just past its default period and once just
inside it, in one corporation; dates are counted back from today by hand (months of 30 days
plus a margin), not with the code under test."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from magicmix.accounts.models import Organisation, Role, User
from magicmix.community.models import Incident, Warning
from magicmix.monitoring.loading import load_definitions
from magicmix.monitoring.models import Instrument, Invitation, Response, Wave
from magicmix.people.models import Person
from magicmix.rounds.models import CandidateOutcome, Offer, Round, Run
from magicmix.selection.models import Application, ApplicationEvent, Interview, Stage
from magicmix.testing import factories

TODAY = timezone.localdate()


def months_ago(months: int, days: int = 0) -> datetime.date:
    """Roughly `months` back: 31 days a month and `days` more, so "25 months ago" is past a
    24-month period and "23 months ago" inside it whatever the month lengths."""
    return TODAY - datetime.timedelta(days=31 * months + days)


def moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


ELIGIBILITY = [
    {
        "rule": "income",
        "status": "passed",
        "outcome": {
            "rule": "income",
            "status": "passed",
            "day": "2024-01-01",
            "value": "35000.00",
            "limit": "51537.00",
            "parameters": [],
            "text": {"nl": "Uw inkomen 35000 is niet boven de grens."},
        },
    }
]


@dataclass
class World:
    corporation: Organisation
    manager: User
    expired: dict[str, Any] = field(default_factory=dict)
    kept: dict[str, Any] = field(default_factory=dict)


def _decided(intake: Any, stage: str, on: datetime.date, **fields: Any) -> Application:
    application, _token = factories.application(intake, **fields)
    Application.objects.filter(pk=application.pk).update(stage=stage)
    event = application.record(ApplicationEvent.Kind.STAGE, reason="Besluit over Noor")
    ApplicationEvent.objects.filter(pk=event.pk).update(at=moment(on))
    return application


def _run(round_: Round, number: int, finished: datetime.date) -> Run:
    return Run.objects.create(
        round=round_, number=number, mode="priority", seed=0, finished_at=moment(finished)
    )


def build() -> World:
    if not Instrument.objects.exists():
        load_definitions()
    org = factories.organisation(name="Portaal")
    world = World(org, factories.user(org, Role.APPLICATION_MANAGER))
    complex_ = factories.complex(org)
    gang = factories.cluster(complex_)

    # Ended tenancies (24 months) and the persons' change history (24 months).
    for key, ended in (("ended", months_ago(25)), ("recent", months_ago(23))):
        person = factories.person(org, first_name=f"Huurder {key}", email=f"{key}@example.nl")
        factories.tenancy(factories.unit(gang), person, start_date=months_ago(40), end_date=ended)
        (world.expired if key == "ended" else world.kept)["person"] = person
    running = factories.person(org, first_name="Bewoner", email="bewoner@example.nl")
    factories.tenancy(factories.unit(gang), running, start_date=months_ago(10))
    world.kept["running"] = running
    # An old change of the running resident's record: the history row goes, the person stays.
    running.phone = "0612345678"
    running.save()
    old = Person.history.filter(id=running.pk).order_by("history_date").first()
    Person.history.filter(history_id=old.history_id).update(history_date=moment(months_ago(25)))
    world.expired["person_history"] = old.history_id

    # Applications: not selected (6 months), withdrawn (1 month), housed: letter and notes (6).
    intake = factories.intake(complex_)
    world.expired["not_selected"] = _decided(intake, Stage.NOT_SELECTED, months_ago(7))
    world.kept["not_selected"] = _decided(intake, Stage.NOT_SELECTED, months_ago(5))
    world.expired["withdrawn"] = _decided(intake, Stage.WITHDRAWN, months_ago(1, 5))
    world.kept["withdrawn"] = _decided(intake, Stage.WITHDRAWN, TODAY - datetime.timedelta(20))
    for key, on in (("housed", months_ago(7)), ("housed_recent", months_ago(5))):
        housed = _decided(intake, Stage.HOUSED, on)
        Interview.objects.create(
            application=housed, starts_at=moment(on), summary="Noor kookt graag."
        )
        (world.expired if key == "housed" else world.kept)["housed"] = housed
    # The old change history of an application that stays.
    kept = world.kept["not_selected"]
    Application.history.filter(id=kept.pk).update(history_date=moment(months_ago(25)))

    # Round copies (24 months after the run); the not-selected candidate is in the recent one.
    round_ = Round.objects.create(
        complex=complex_, intake=intake, title="Ronde", move_in=months_ago(24)
    )
    old_run, new_run = _run(round_, 1, months_ago(25)), _run(round_, 2, months_ago(23))
    for position, (run, application) in enumerate(
        [
            (old_run, world.kept["housed"]),
            (new_run, world.kept["not_selected"]),
            (new_run, world.expired["not_selected"]),
        ]
    ):
        CandidateOutcome.objects.create(
            run=run, application=application, position=position + 1, eligibility=ELIGIBILITY
        )
    Offer.objects.create(
        round=round_,
        run=new_run,
        unit=factories.unit(gang),
        application=world.expired["not_selected"],
        deadline=months_ago(7),
        status=Offer.Status.DECLINED,
        decline_reason="Noor vindt de kamer te klein.",
    )

    # Incidents (24 months after closing) and warnings (24 months after they stop counting).
    for key, closed in (("incident", months_ago(25)), ("incident_recent", months_ago(23))):
        incident = Incident.objects.create(
            complex=complex_,
            occurred_on=months_ago(26),
            kind=Incident.Kind.NOISE,
            severity=1,
            description="Muziek",
            closed_on=closed,
        )
        incident.involved.add(running)
        (world.expired if key == "incident" else world.kept)["incident"] = incident
    for key, until in (("warning", months_ago(25)), ("warning_recent", months_ago(23))):
        warning = Warning.objects.create(
            complex=complex_,
            person=running,
            position=1,
            step="Eerste waarschuwing",
            reason="Geluid",
            issued_on=months_ago(30),
            valid_until=until,
            issued_by=world.manager,
            language="nl",
            letter="Beste bewoner",
        )
        (world.expired if key == "warning" else world.kept)["warning"] = warning

    # Survey answers (12 months after the wave closed).
    instrument = Instrument.objects.get(code="who5")
    for key, closes in (("survey", months_ago(13)), ("survey_recent", months_ago(11))):
        wave = Wave.objects.create(
            complex=complex_, title=key, moment="yearly", opens_on=closes, closes_on=closes
        )
        invitation = Invitation.objects.create(
            wave=wave,
            person=running,
            target_group=running.target_group,
            role=running.role,
            token_hash=key.ljust(64, "0"),
            link_expires_at=moment(closes),
        )
        response = Response.objects.create(
            invitation=invitation, instrument=instrument, answers={"1": 3}, scores={"raw": 3}
        )
        (world.expired if key == "survey" else world.kept)["response"] = response
    return world
