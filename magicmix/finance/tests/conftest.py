from __future__ import annotations

from decimal import Decimal

import pytest

from magicmix.accounts.models import Organisation, Role, User
from magicmix.finance.defaults import document_for
from magicmix.finance.models import Scenario
from magicmix.housing.models import Complex, Unit
from magicmix.testing import factories


@pytest.fixture
def corporation() -> Organisation:
    return factories.organisation(name="Woonstichting Test")


@pytest.fixture
def complex_(corporation: Organisation) -> Complex:
    """Twelve studios at € 450 + € 60 and four apartments at € 650 + € 40, 2016–2031."""
    place = factories.complex(corporation, name="Startblok Test")
    gang = factories.cluster(place)
    for _ in range(12):
        factories.unit(gang)
    for _ in range(4):
        factories.unit(
            gang,
            type=Unit.Type.APARTMENT,
            basic_rent=Decimal("650.00"),
            service_costs=Decimal("40.00"),
        )
    return place


@pytest.fixture
def scenario(complex_: Complex) -> Scenario:
    return Scenario.objects.create(complex=complex_, name="Basis", document=document_for(complex_))


@pytest.fixture
def letting(corporation: Organisation) -> User:
    return factories.user(corporation, Role.LETTING, full_name="Ruben Jansen")
