"""Staff see the picture; partners see protected aggregates; everyone else gets a 404."""

import pytest
from django.test import Client

from magicmix.accounts.models import Organisation, Role, User
from magicmix.testing import factories

from .conftest import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def building(corporation: Organisation):
    # 2 gangs of 6: 5 let each (3 dragend students, 2 vragend statushouders, or 2 and 3).
    return build(corporation, floors=1, gangs_per_floor=2, units_per_gang=6)


def url(building) -> str:
    return f"/complexes/{building.complex.pk}/mix/"


def partner_user(building, kind: str, role: str) -> User:
    org = factories.organisation(kind)
    factories.partner(building.complex, org)
    return factories.user(org, role)


@pytest.mark.parametrize("role", [Role.LETTING, Role.SOCIAL_MANAGER, Role.APPLICATION_MANAGER])
def test_staff_of_the_corporation_see_the_picture_without_names(
    client: Client, building, corporation, role
) -> None:
    client.force_login(factories.user(corporation, role))
    response = client.get(url(building))
    assert response.status_code == 200
    assert response.text.count('<li class="mm-tile ') == 12
    assert response.text.count('<li class="mm-tile mm-tile--vacant"') == 2
    unit = building.units[0]
    assert f'href="/complexes/{building.complex.pk}/units/{unit.pk}/"' in response.text
    assert "Fenna" not in response.text and "Jansen" not in response.text
    assert "&lt;5" not in response.text  # exact figures for staff


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        (Organisation.Kind.MUNICIPALITY, Role.POLICY_OFFICER),
        (Organisation.Kind.RESIDENTS, Role.RESIDENT_PANEL),
        (Organisation.Kind.PARTNER, Role.PARTNER_CASEWORKER),
    ],
)
def test_partners_see_aggregates_with_small_counts_hidden(
    client: Client, building, kind, role
) -> None:
    client.force_login(partner_user(building, kind, role))
    response = client.get(url(building))
    assert response.status_code == 200
    assert "mix-picture" not in response.text and "mm-tiles" not in response.text
    assert "Fenna" not in response.text and "Jansen" not in response.text
    for unit in building.units:
        assert unit.code not in response.text
    roles = next(t for t in response.context["tables"] if t.dimension == "roles")
    gang = roles.rows[3]  # complex, building, floor, first gang
    # Gang 0.0 has 3 dragend and 2 vragend: both below 5.
    assert [c.visibility for c in gang.cells] == ["small", "small"]
    assert "&lt;5" in response.text
    # The complex has 5 and 5: shown, with their shares.
    assert [c.count for c in roles.rows[0].cells] == [5, 5]
    assert roles.rows[0].cells[0].of_residents == 50


@pytest.mark.parametrize(
    "make_user",
    [
        lambda building: factories.user(),  # staff of another corporation
        lambda building: factories.user(
            factories.organisation(Organisation.Kind.MUNICIPALITY), Role.POLICY_OFFICER
        ),
        # Staff role in a partner organisation does not make them corporation staff here.
        lambda building: partner_user(building, Organisation.Kind.PARTNER, Role.LETTING),
    ],
)
def test_anyone_else_gets_404(client: Client, building, make_user) -> None:
    client.force_login(make_user(building))
    assert client.get(url(building)).status_code == 404


def test_unknown_complex_is_404(client: Client, corporation) -> None:
    client.force_login(factories.user(corporation))
    assert client.get("/complexes/999999/mix/").status_code == 404


def test_login_is_required(client: Client, building) -> None:
    assert client.get(url(building)).status_code == 302
