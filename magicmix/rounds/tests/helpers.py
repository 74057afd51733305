"""What the rounds tests share: a complex with vacancies, an intake with candidates, a policy,
and the real task worker run in-process until the queue is empty."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role, User
from magicmix.housing.models import Complex, Unit
from magicmix.rounds.models import DEFAULT_RANKING, Dimension, MixPolicy, PolicyBound, Round
from magicmix.selection.models import Application, Intake, Nomination, Stage
from magicmix.testing import factories

SITE = "http://testserver"


@dataclass
class Scene:
    corporation: Organisation
    staff: User
    complex: Complex
    units: list[Unit]
    intake: Intake
    applications: list[Application]
    tokens: dict[int, str]


def scene(vacancies: int = 3, students: int = 3, statushouders: int = 2) -> Scene:
    """A complex of one gang with `vacancies` vacant units and one resident; an intake with
    students (public route) and statushouders (nominated by a partner)."""
    corporation = factories.organisation(name="De Woonstichting")
    staff = factories.user(corporation, Role.LETTING, full_name="Lotte Verhuur")
    complex_ = factories.complex(corporation, name="Startblok Test")
    gang = factories.cluster(complex_, name="Gang A")
    units = [factories.unit(gang, code=f"A{i:02}") for i in range(1, vacancies + 1)]
    resident = factories.person(corporation, "student")
    factories.tenancy(factories.unit(gang, code="A99"), resident)
    intake = factories.intake(complex_, groups=("student", "statushouder"))
    partner = factories.organisation(Organisation.Kind.PARTNER, name="COA Test")
    applications, tokens = [], {}
    for i in range(students + statushouders):
        group = "student" if i < students else "statushouder"
        application, token = factories.application(
            intake,
            group,
            first_name=f"Kandidaat{i}",
            registered_on=datetime.date(2024, 1, 1 + i),
            stage=Stage.SHORTLISTED,
        )
        if group == "statushouder":
            Nomination.objects.create(
                application=application,
                organisation=partner,
                support_need="light",
                support_organisation=partner,
                support_hours_per_week=Decimal(2),
                readiness="Klaar.",
            )
        applications.append(application)
        tokens[application.pk] = token
    return Scene(corporation, staff, complex_, units, intake, applications, tokens)


def policy(scene_: Scene, **fields: object) -> PolicyBound:
    """By default: at least one statushouder in the complex (a hard count)."""
    mix, _ = MixPolicy.objects.get_or_create(complex=scene_.complex)
    defaults: dict[str, object] = {
        "dimension": Dimension.GROUP,
        "value": "statushouder",
        "minimum": Decimal(1),
    }
    return PolicyBound.objects.create(policy=mix, **(defaults | fields))


def new_round(scene_: Scene, **fields: object) -> Round:
    defaults: dict[str, object] = {
        "title": "Ronde 1",
        "mode": "priority",
        "ranking": DEFAULT_RANKING,
        "move_in": timezone.localdate() + datetime.timedelta(days=14),
        "created_by": scene_.staff,
    }
    created = Round.objects.create(
        complex=scene_.complex, intake=scene_.intake, **(defaults | fields)
    )
    created.units.set(scene_.units)
    return created


def work() -> None:
    """Run the real database task worker until no task is left.

    The worker closes "old" connections between tasks; inside a test's transaction that would
    close the test's own connection on PostgreSQL, so here the connection is kept."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def approved(scene_: Scene, **fields: object) -> Round:
    """A round that ran and was approved: its offers are out."""
    from magicmix.rounds.services import offers, runs

    round_ = new_round(scene_, **fields)
    runs.start(round_)
    work()
    round_.refresh_from_db()
    offers.approve(round_, scene_.staff, SITE)
    round_.refresh_from_db()
    return round_


def link_of(message_body: object) -> str:
    """The path of the offer link in an offer e-mail."""
    [line] = [line for line in str(message_body).splitlines() if "/offer/" in line]
    return line.strip().removeprefix(SITE)
