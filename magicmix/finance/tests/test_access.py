"""Corporation staff see the business case; letting staff and application managers change it;
anyone else gets a 404 on every page."""

import pytest
from django.test import Client

from magicmix.accounts.models import Organisation, Role, User
from magicmix.finance.models import PolicySimulation
from magicmix.housing.models import Complex
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def pages(scenario) -> list[str]:
    pk, sid = scenario.complex.pk, scenario.pk
    return [
        f"/complexes/{pk}/finance/",
        f"/complexes/{pk}/finance/compare/",
        f"/complexes/{pk}/finance/{sid}/",
        f"/complexes/{pk}/finance/{sid}/case.json",
        f"/complexes/{pk}/finance/{sid}/flows.csv",
    ]


def simulation_pages(simulation: PolicySimulation) -> list[str]:
    base = f"/complexes/{simulation.complex.pk}/simulations/"
    return [base, f"{base}new/", f"{base}{simulation.pk}/", f"{base}{simulation.pk}/progress/"]


def _simulation(complex_: Complex) -> PolicySimulation:
    return PolicySimulation.objects.create(
        complex=complex_, name="Beleid", inputs={}, stock={}, units=0
    )


def edit_pages(scenario) -> list[str]:
    pk, sid = scenario.complex.pk, scenario.pk
    return [
        f"/complexes/{pk}/finance/new/",
        f"/complexes/{pk}/finance/import/",
        f"/complexes/{pk}/finance/{sid}/edit/",
    ]


@pytest.mark.parametrize("role", [Role.LETTING, Role.APPLICATION_MANAGER])
def test_letting_staff_see_and_edit(client: Client, scenario, corporation, role) -> None:
    client.force_login(factories.user(corporation, role))
    for url in pages(scenario) + edit_pages(scenario):
        assert client.get(url).status_code == 200, url


def test_social_management_sees_but_does_not_edit(client: Client, scenario, corporation) -> None:
    client.force_login(factories.user(corporation, Role.SOCIAL_MANAGER))
    for url in pages(scenario):
        assert client.get(url).status_code == 200, url
    assert "/edit/" not in client.get(pages(scenario)[2]).text
    for url in edit_pages(scenario):
        assert client.get(url).status_code == 404, url
    delete = f"/complexes/{scenario.complex.pk}/finance/{scenario.pk}/delete/"
    assert client.post(delete).status_code == 404
    assert scenario.__class__.objects.filter(pk=scenario.pk).exists()


@pytest.mark.parametrize(
    "make_user",
    [
        lambda complex_: factories.user(),  # staff of another corporation
        lambda complex_: _partner(complex_, Organisation.Kind.MUNICIPALITY, Role.POLICY_OFFICER),
        lambda complex_: _partner(complex_, Organisation.Kind.PARTNER, Role.PARTNER_CASEWORKER),
        lambda complex_: _partner(complex_, Organisation.Kind.RESIDENTS, Role.RESIDENT_PANEL),
    ],
)
def test_anyone_else_gets_404(client: Client, scenario, make_user) -> None:
    simulation = _simulation(scenario.complex)
    client.force_login(make_user(scenario.complex))
    for url in pages(scenario) + edit_pages(scenario) + simulation_pages(simulation):
        assert client.get(url).status_code == 404, url
    assert client.post(simulation_pages(simulation)[1], {"name": "x"}).status_code == 404
    delete = f"/complexes/{scenario.complex.pk}/finance/{scenario.pk}/delete/"
    assert client.post(delete).status_code == 404
    assert "Startblok Test" not in client.get("/finance/").text


def test_a_scenario_of_another_complex_is_404(client: Client, scenario, corporation) -> None:
    other = factories.complex(corporation)
    simulation = _simulation(scenario.complex)
    client.force_login(factories.user(corporation, Role.LETTING))
    assert client.get(f"/complexes/{other.pk}/finance/{scenario.pk}/").status_code == 404
    assert client.get(f"/complexes/{other.pk}/simulations/{simulation.pk}/").status_code == 404


def test_login_is_required(client: Client, scenario) -> None:
    assert client.get(pages(scenario)[0]).status_code == 302


def _partner(complex_: Complex, kind: str, role: str) -> User:
    org = factories.organisation(kind)
    factories.partner(complex_, org)
    return factories.user(org, role)
