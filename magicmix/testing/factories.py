"""Plain factories for tests: real rows in the real database, sensible defaults, override anything."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import Any

from django.utils import timezone

from magicmix.accounts.models import Membership, Organisation, Role, User
from magicmix.housing.models import Cluster, Complex, ComplexPartner, Unit
from magicmix.people.models import Person, TargetGroup
from magicmix.people.models import Role as PersonRole
from magicmix.selection.models import Application, Intake
from magicmix.tenancies.models import Tenancy

PASSWORD = "correct-horse-battery-staple"
_sequence = itertools.count(1)


def organisation(kind: str = Organisation.Kind.CORPORATION, **fields: Any) -> Organisation:
    fields.setdefault("name", f"Organisatie {next(_sequence)}")
    org = Organisation.objects.create(kind=kind, **fields)
    TargetGroup.objects.seed_defaults(org)
    return org


def user(org: Organisation | None = None, role: str = Role.LETTING, **fields: Any) -> User:
    fields.setdefault("email", f"gebruiker{next(_sequence)}@example.nl")
    fields.setdefault("full_name", "Test Gebruiker")
    member = User.objects.create_user(password=PASSWORD, **fields)
    Membership.objects.create(user=member, organisation=org or organisation(), role=role)
    return member


def complex(org: Organisation | None = None, **fields: Any) -> Complex:
    defaults: dict[str, Any] = {
        "name": f"Complex {next(_sequence)}",
        "street": "Riekerhaven",
        "house_number": "1",
        "postcode": "1066 AB",
        "city": "Amsterdam",
        "municipality": "Amsterdam",
        "exploitation_start": datetime.date(2016, 6, 1),
        "exploitation_end": datetime.date(2031, 6, 1),
        "placement_style": Complex.PlacementStyle.SPECKLED,
    }
    return Complex.objects.create(organisation=org or organisation(), **(defaults | fields))


def partner(complex_: Complex, org: Organisation, **fields: Any) -> ComplexPartner:
    return ComplexPartner.objects.create(complex=complex_, organisation=org, **fields)


def cluster(complex_: Complex, parent: Cluster | None = None, **fields: Any) -> Cluster:
    fields.setdefault("name", f"Gang {next(_sequence)}")
    fields.setdefault("kind", Cluster.Kind.GANG)
    return Cluster.objects.create(complex=complex_, parent=parent, **fields)


def unit(cluster_: Cluster, **fields: Any) -> Unit:
    defaults: dict[str, Any] = {
        "code": f"U{next(_sequence)}",
        "type": Unit.Type.STUDIO,
        "floor_area": Decimal("23.0"),
        "basic_rent": Decimal("450.00"),
        "service_costs": Decimal("60.00"),
    }
    return Unit.objects.create(complex=cluster_.complex, cluster=cluster_, **(defaults | fields))


def target_group(org: Organisation, code: str = "student") -> TargetGroup:
    return TargetGroup.objects.get(organisation=org, code=code)


def person(org: Organisation, group: str = "student", **fields: Any) -> Person:
    group_ = target_group(org, group)
    defaults: dict[str, Any] = {
        "first_name": "Sanne",
        "last_name": f"de Vries {next(_sequence)}",
        "date_of_birth": datetime.date(2000, 5, 17),
        "role": group_.default_role,
        "registration_date": datetime.date(2024, 1, 15),
    }
    return Person.objects.create(organisation=org, target_group=group_, **(defaults | fields))


def tenancy(unit_: Unit, person_: Person, **fields: Any) -> Tenancy:
    fields.setdefault("start_date", datetime.date(2024, 3, 1))
    return Tenancy.objects.create(unit=unit_, person=person_, **fields)


__all__ = ["PASSWORD", "PersonRole"]


def intake(
    complex_: Complex, groups: tuple[str, ...] = ("student", "starter"), **fields: Any
) -> Intake:
    """An open intake of `complex_` that the public groups `groups` may apply to."""
    today = timezone.localdate()
    defaults: dict[str, Any] = {
        "title": f"Werving {next(_sequence)}",
        "opens_on": today - datetime.timedelta(days=7),
        "closes_on": today + datetime.timedelta(days=30),
        "places": 20,
        "contribution_hours": 16,
        "house_rules": "Wees een goede buur.",
        "status": Intake.Status.OPEN,
    }
    created = Intake.objects.create(complex=complex_, **(defaults | fields))
    created.target_groups.set(
        TargetGroup.objects.filter(organisation=complex_.organisation, code__in=groups)
    )
    return created


def application(intake_: Intake, group: str = "student", **fields: Any) -> tuple[Application, str]:
    """A stored application with a private link; returns (application, token)."""
    defaults: dict[str, Any] = {
        "first_name": "Noor",
        "last_name": f"Bakker {next(_sequence)}",
        "date_of_birth": datetime.date(2001, 4, 12),
        "email": f"aanvrager{next(_sequence)}@example.nl",
        "household_size": 1,
        "annual_income": Decimal(35000),
        "income_year": timezone.localdate().year - 1,
        "motivation": "Ik kook elke week voor de gang.",
    }
    created = Application(
        intake=intake_,
        target_group=target_group(intake_.complex.organisation, group),
        **(defaults | fields),
    )
    token = created.issue_link()
    created.save()
    return created, token
