"""A complex shaped like Startblok: building → floors → gangs of units, let om-en-om."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from magicmix.accounts.models import Organisation
from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.people.models import Person, RoleChange
from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories

START = datetime.date(2024, 3, 1)


@dataclass
class Building:
    complex: Complex
    gangs: list[Cluster]
    units: list[Unit] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)


def build(org: Organisation, floors: int, gangs_per_floor: int, units_per_gang: int) -> Building:
    """Every unit but the last of each gang let, alternately to a student and a statushouder."""
    complex_ = factories.complex(org)
    building = factories.cluster(complex_, name="Gebouw A", kind=Cluster.Kind.BUILDING)
    gangs = []
    for f in range(floors):
        floor = factories.cluster(
            complex_, building, name=f"Verdieping {f}", kind=Cluster.Kind.FLOOR
        )
        gangs += [
            factories.cluster(complex_, floor, name=f"Gang {f}.{g}", position=g)
            for g in range(gangs_per_floor)
        ]
    units = Unit.objects.bulk_create(
        Unit(
            complex=complex_,
            cluster=gang,
            code=f"{gang.name[5:]}.{n:02}",
            type=Unit.Type.STUDIO,
            floor_area=Decimal(23),
            basic_rent=Decimal(450),
        )
        for gang in gangs
        for n in range(units_per_gang)
    )
    let = [unit for i, unit in enumerate(units) if i % units_per_gang != units_per_gang - 1]
    student = factories.target_group(org, "student")
    statushouder = factories.target_group(org, "statushouder")
    persons = Person.objects.bulk_create(
        Person(
            organisation=org,
            first_name="Fenna",
            last_name=f"Jansen-{i}",
            date_of_birth=datetime.date(2000, 1, 1),
            target_group=group,
            role=group.default_role,
            registration_date=datetime.date(2024, 1, 1),
        )
        for i, group in enumerate(statushouder if i % 2 else student for i in range(len(let)))
    )
    RoleChange.objects.bulk_create(
        RoleChange(person=p, role=p.role, valid_from=p.registration_date) for p in persons
    )
    Tenancy.objects.bulk_create(
        Tenancy(unit=unit, person=person, start_date=START)
        for unit, person in zip(let, persons, strict=False)
    )
    return Building(complex_, gangs, units, persons)


@pytest.fixture
def corporation() -> Organisation:
    return factories.organisation(name="Woonstichting De Sleutel")
