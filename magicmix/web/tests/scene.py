"""A small corporation at work, with something to do for every role: what the start page and
the page crawl are tested on."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from magicmix.accounts.models import Organisation, Role, User
from magicmix.housing.models import Complex, Unit
from magicmix.rounds.models import DEFAULT_RANKING, Offer, Round, Run
from magicmix.selection.models import (
    Application,
    CheckResult,
    CooptationAdvice,
    Criterion,
    Intake,
    Rubric,
    Stage,
)
from magicmix.testing import factories


@dataclass
class Scene:
    users: dict[Role, User]
    complex: Complex
    intake: Intake
    units: list[Unit]
    waiting: Application  # check waits for a legal value
    shortlisted: Application


def scene() -> Scene:
    corporation = factories.organisation(name="Woonstichting Test")
    users = {
        role: factories.user(corporation, role, full_name=f"Medewerker {label}")
        for role, label in [
            (Role.APPLICATION_MANAGER, "Aanmeldingen"),
            (Role.LETTING, "Verhuur"),
            (Role.SOCIAL_MANAGER, "Sociaal beheer"),
        ]
    }
    complex_ = factories.complex(corporation, name="Startblok Test")
    gang = factories.cluster(complex_, name="Gang A")
    units = [factories.unit(gang, code=f"A{i:02}") for i in range(1, 6)]
    partner = factories.organisation(Organisation.Kind.PARTNER, name="Stichting Opvang")
    residents = factories.organisation(Organisation.Kind.RESIDENTS, name="Bewonerscommissie")
    factories.partner(complex_, partner, may_nominate=True, provides_support=True)
    factories.partner(complex_, residents)
    users[Role.PARTNER_CASEWORKER] = factories.user(
        partner, Role.PARTNER_CASEWORKER, full_name="Casemanager"
    )
    users[Role.RESIDENT_PANEL] = factories.user(
        residents, Role.RESIDENT_PANEL, full_name="Panellid"
    )
    users[Role.POLICY_OFFICER] = factories.user(
        factories.organisation(Organisation.Kind.MUNICIPALITY, name="Gemeente Test"),
        Role.POLICY_OFFICER,
        full_name="Beleidsmedewerker",
    )
    today = timezone.localdate()
    # A1 is let and ends in two months; A2 has an offer that expires in two days; A3 is in a
    # draft round; A4 and A5 are free without a round.
    factories.tenancy(
        units[0],
        factories.person(corporation, "student"),
        start_date=today - datetime.timedelta(days=400),
        end_date=today + datetime.timedelta(days=60),
    )
    intake = factories.intake(complex_, groups=("student", "starter"))
    rubric = Rubric.objects.create(intake=intake, scorers_per_letter=1)
    rubric.criteria.create(stage=Criterion.Stage.LETTER, name="Inzet", weight=1, max_points=5)
    waiting, _ = factories.application(
        intake, stage=Stage.REVIEW, check_result=CheckResult.PENDING, first_name="Wachtend"
    )
    factories.application(intake, first_name="Nieuw")  # a letter to score
    factories.application(intake, stage=Stage.ASSESSING, first_name="Beoordeeld")
    shortlisted, _ = factories.application(intake, stage=Stage.SHORTLISTED, first_name="Kandidaat")
    offered, _ = factories.application(intake, stage=Stage.OFFERED, first_name="Aanbod")
    approved = Round.objects.create(
        complex=complex_,
        intake=intake,
        title="Ronde 1",
        ranking=DEFAULT_RANKING,
        move_in=today + datetime.timedelta(days=14),
        status=Round.Status.APPROVED,
    )
    run = Run.objects.create(round=approved, number=1, mode=approved.mode, seed=0)
    Offer.objects.create(
        round=approved,
        run=run,
        unit=units[1],
        application=offered,
        deadline=today + datetime.timedelta(days=2),
    )
    draft = Round.objects.create(
        complex=complex_,
        intake=intake,
        title="Ronde 2",
        ranking=DEFAULT_RANKING,
        move_in=today + datetime.timedelta(days=30),
    )
    draft.units.set([units[2]])
    return Scene(users, complex_, intake, units, waiting, shortlisted)


def advise(scene_: Scene) -> None:
    CooptationAdvice.objects.create(
        application=scene_.shortlisted,
        panel_member=scene_.users[Role.RESIDENT_PANEL],
        advice=CooptationAdvice.Advice.IN_FAVOUR,
        motivation="Past goed.",
    )


def with_proposal(scene_: Scene) -> Round:
    """A round that ran for the two free units: a proposal with explanations to review."""
    from magicmix.rounds.services import runs

    round_ = Round.objects.create(
        complex=scene_.complex,
        intake=scene_.intake,
        title="Ronde 3",
        ranking=DEFAULT_RANKING,
        move_in=timezone.localdate() + datetime.timedelta(days=45),
        created_by=scene_.users[Role.LETTING],
    )
    round_.units.set(scene_.units[3:])
    runs.execute(round_.pk)
    round_.refresh_from_db()
    return round_
