from __future__ import annotations

from dataclasses import dataclass

import pytest

from magicmix.accounts.models import Organisation, Role, User
from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.testing import factories


@dataclass
class Stock:
    """A corporation's complex with a gang, a unit and a letting officer."""

    corporation: Organisation
    officer: User
    complex: Complex
    gang: Cluster
    unit: Unit


@pytest.fixture
def stock(db: None) -> Stock:
    corporation = factories.organisation(name="Woonstichting De Key")
    complex_ = factories.complex(corporation, name="Startblok Riekerhaven")
    gang = factories.cluster(complex_, name="Gang 1")
    return Stock(
        corporation=corporation,
        officer=factories.user(corporation, Role.LETTING),
        complex=complex_,
        gang=gang,
        unit=factories.unit(gang, code="A-001"),
    )
