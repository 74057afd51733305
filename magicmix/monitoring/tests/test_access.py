"""Every monitoring view: who gets it, and a 404 for everyone outside its scope."""

import pytest
from django.test import Client
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.monitoring import services
from magicmix.testing import factories

from .conftest import keeping, open_wave

pytestmark = pytest.mark.django_db

OTHER_CORPORATION = "other corporation"
PARTNER_KINDS: dict[str, str] = {
    Role.POLICY_OFFICER: Organisation.Kind.MUNICIPALITY,
    Role.RESIDENT_PANEL: Organisation.Kind.RESIDENTS,
    Role.PARTNER_CASEWORKER: Organisation.Kind.PARTNER,
}


def make_user(world, who: str):
    if who == OTHER_CORPORATION:
        return factories.user(factories.organisation(), Role.SOCIAL_MANAGER)
    if who in (Role.LETTING, Role.SOCIAL_MANAGER, Role.APPLICATION_MANAGER):
        return factories.user(world.corporation, who)
    org = factories.organisation(PARTNER_KINDS[who])
    factories.partner(world.complex, org)
    return factories.user(org, who)


SEE_AGGREGATES = [
    Role.LETTING,
    Role.SOCIAL_MANAGER,
    Role.APPLICATION_MANAGER,
    Role.POLICY_OFFICER,
    Role.RESIDENT_PANEL,
    Role.PARTNER_CASEWORKER,
]


@pytest.mark.parametrize("who", [*SEE_AGGREGATES, OTHER_CORPORATION])
def test_dashboard_waves_and_wave_pages(client: Client, world, who) -> None:
    wave = open_wave(world)
    client.force_login(make_user(world, who))
    urls = [
        f"/complexes/{world.complex.pk}/monitoring/",
        f"/complexes/{world.complex.pk}/waves/",
        f"/waves/{wave.pk}/",
    ]
    expected = 404 if who == OTHER_CORPORATION else 200
    for url in urls:
        assert client.get(url).status_code == expected, url
    overview = client.get("/monitoring/")
    assert overview.status_code == 200
    assert (world.complex.name in overview.text) == (who != OTHER_CORPORATION)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        (Role.SOCIAL_MANAGER, True),
        (Role.APPLICATION_MANAGER, True),
        (Role.LETTING, False),
        (Role.POLICY_OFFICER, False),
        (Role.RESIDENT_PANEL, False),
        (Role.PARTNER_CASEWORKER, False),
        (OTHER_CORPORATION, False),
    ],
)
def test_only_social_management_plans_invites_and_reminds(
    client: Client, world, who, allowed
) -> None:
    wave = open_wave(world)
    client.force_login(make_user(world, who))
    plan = client.get(f"/complexes/{world.complex.pk}/waves/new/")
    invite = client.post(f"/waves/{wave.pk}/invite/")
    remind = client.post(f"/waves/{wave.pk}/remind/")
    if allowed:
        assert plan.status_code == 200
        assert invite.status_code == remind.status_code == 302
        assert wave.invitations.count() == 12
    else:
        assert plan.status_code == invite.status_code == remind.status_code == 404
        assert not wave.invitations.exists()


def test_the_survey_opens_only_with_a_valid_token(client: Client, world) -> None:
    wave = open_wave(world)
    tokens: list[str] = []
    services.invite(wave, keeping(tokens))
    assert client.get(f"/survey/{tokens[0]}/").status_code == 200
    assert client.get(f"/survey/{tokens[0]}/answers/").status_code == 200
    assert client.get(f"/survey/{tokens[0][:-1]}x/").status_code == 404
    assert client.get("/survey/nonsense/answers/").status_code == 404


def test_zrm_ratings_are_for_the_supporting_partners_caseworkers(client: Client, world) -> None:
    partner = factories.organisation(Organisation.Kind.PARTNER)
    factories.partner(world.complex, partner, provides_support=True)
    client_ = world.residents[-1]
    client_.supporting_partner = partner
    client_.save()
    url = f"/persons/{client_.pk}/zrm/"
    client.force_login(factories.user(partner, Role.PARTNER_CASEWORKER))
    assert client.get(url).status_code == 200
    dashboard = client.get(f"/complexes/{world.complex.pk}/monitoring/")
    assert list(dashboard.context["clients_to_rate"]) == [client_]
    response = client.post(
        url, {"assessed_on": str(timezone.localdate()), "finances": "3", "justice": "5"}
    )
    assert response.status_code == 302
    rating = client_.assessments.get()
    assert rating.scores["finances"] == 3 and rating.scores["housing"] is None
    assert rating.organisation == partner
    assert client.get(f"/persons/{world.residents[0].pk}/zrm/").status_code == 404
    for other in [
        factories.user(world.corporation, Role.SOCIAL_MANAGER),
        factories.user(factories.organisation(Organisation.Kind.PARTNER), Role.PARTNER_CASEWORKER),
        factories.user(partner, Role.LETTING),
    ]:
        client.force_login(other)
        assert client.get(url).status_code == 404


def test_login_is_required(client: Client, world) -> None:
    assert client.get(f"/complexes/{world.complex.pk}/monitoring/").status_code == 302
    assert client.get("/monitoring/").status_code == 302


EXPORTERS = {Role.LETTING, Role.SOCIAL_MANAGER, Role.APPLICATION_MANAGER, Role.POLICY_OFFICER}
MANAGERS = {Role.SOCIAL_MANAGER, Role.APPLICATION_MANAGER}


@pytest.mark.parametrize("who", [*SEE_AGGREGATES, OTHER_CORPORATION])
def test_ingredients_comparison_and_benchmark(client: Client, world, who) -> None:
    client.force_login(make_user(world, who))
    seen = 404 if who == OTHER_CORPORATION else 200
    pk = world.complex.pk
    assert client.get(f"/complexes/{pk}/ingredients/").status_code == seen
    assert client.get(f"/complexes/{pk}/benchmark/").status_code == seen
    export = client.get(f"/complexes/{pk}/benchmark.json")
    assert export.status_code == (200 if who in EXPORTERS else 404)
    entered = client.post(f"/complexes/{pk}/ingredients/", {"contribution_hours": "4"})
    assert entered.status_code == (302 if who in MANAGERS else 404)
    assert client.get(f"/complexes/{pk}/benchmark/import/").status_code == (
        200 if who in MANAGERS else 404
    )
    comparison = client.get("/monitoring/ingredients/")
    assert comparison.status_code == 200
    assert (world.complex.name in comparison.text) == (who != OTHER_CORPORATION)


def test_every_report_import_and_fact_sheet_view_is_404_for_another_corporation(
    client: Client, world
) -> None:
    from magicmix.monitoring.models import FactSheet

    sheet = FactSheet.objects.create(complex=world.complex, public=False)
    client.force_login(make_user(world, OTHER_CORPORATION))
    pk = world.complex.pk
    for url in [
        f"/complexes/{pk}/figures/",
        f"/complexes/{pk}/monitoring/report/",
        f"/feiten/{sheet.slug}/",
    ]:
        assert client.get(url).status_code == 404, url
    for url in [f"/complexes/{pk}/figures/arrears/", f"/complexes/{pk}/fact-sheet/"]:
        assert client.post(url, {"public": "on"}).status_code == 404, url
    for url in ["/monitoring/portfolio/", "/monitoring/council/"]:
        page = client.get(url)
        assert page.status_code == 200 and world.complex.name not in page.text, url
