"""A small complex with residents of two groups, a social manager and planned waves."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role, User
from magicmix.housing.models import Complex
from magicmix.monitoring import services
from magicmix.monitoring.loading import load_definitions
from magicmix.monitoring.models import Instrument, Wave
from magicmix.people.models import Person
from magicmix.testing import factories


@pytest.fixture(autouse=True)
def _instruments(request: pytest.FixtureRequest) -> None:
    """A transactional test flushes the rows the data migration loaded; put them back."""
    if request.node.get_closest_marker("django_db") is None:
        return
    if not Instrument.objects.exists():
        load_definitions()


@dataclass
class World:
    corporation: Organisation
    complex: Complex
    residents: list[Person]
    manager: User


def build_world(
    students: int = 6, statushouders: int = 6, start: datetime.date | None = None
) -> World:
    corporation = factories.organisation()
    complex_ = factories.complex(corporation)
    gang = factories.cluster(complex_)
    start = start or datetime.date(2024, 3, 1)
    residents = []
    for n, group in enumerate(["student"] * students + ["statushouder"] * statushouders):
        person = factories.person(corporation, group, email=f"bewoner{n}-{complex_.pk}@example.nl")
        factories.tenancy(factories.unit(gang), person, start_date=start)
        residents.append(person)
    return World(corporation, complex_, residents, factories.user(corporation, Role.SOCIAL_MANAGER))


@pytest.fixture
def world() -> World:
    return build_world()


def open_wave(world: World, codes: tuple[str, ...] = ("djg6", "who5"), **fields: Any) -> Wave:
    today = timezone.localdate()
    defaults: dict[str, Any] = {
        "title": "Najaar",
        "moment": Wave.Moment.YEARLY,
        "opens_on": today - datetime.timedelta(days=1),
        "closes_on": today + datetime.timedelta(days=20),
    }
    return services.plan_wave(
        world.complex,
        instruments=Instrument.objects.filter(code__in=codes),
        by=world.manager,
        **(defaults | fields),
    )


def link_for(token: str) -> str:
    return f"http://testserver/survey/{token}/"


def keeping(tokens: list[str]) -> services.LinkFor:
    """A link maker that also keeps each token, as the e-mail would carry it."""

    def link(token: str) -> str:
        tokens.append(token)
        return link_for(token)

    return link
