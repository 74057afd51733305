"""The comparison page: every visible complex's ingredients beside its outcomes, filtered
and sorted, with the note on what so few complexes allow."""

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from magicmix.accounts.models import Organisation, Role
from magicmix.housing.models import Complex
from magicmix.monitoring.models import Ingredients
from magicmix.monitoring.services import refresh_snapshots
from magicmix.testing import factories

from .conftest import build_world

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [row.concept.complex.name for row in response.context["rows"]]


def test_filter_and_sort_the_complexes(client: Client) -> None:
    world = build_world(students=6, statushouders=6)
    small = factories.complex(
        world.corporation,
        name="Aa klein",
        placement_style=Complex.PlacementStyle.CLUSTERED,
        exploitation_end=None,
    )
    for _ in range(3):
        factories.unit(factories.cluster(small))
    Ingredients.objects.create(complex=small, social_management="gangmakers")
    factories.complex(factories.organisation(), name="Elders")  # another corporation's
    client.force_login(world.manager)
    everything = client.get("/monitoring/ingredients/")
    assert names(everything) == ["Aa klein", world.complex.name]
    by_size = client.get("/monitoring/ingredients/?sort=size&order=desc")
    assert names(by_size) == [world.complex.name, "Aa klein"]
    assert names(client.get("/monitoring/ingredients/?placement=clustered")) == ["Aa klein"]
    assert names(client.get("/monitoring/ingredients/?term=temporary")) == [world.complex.name]
    filtered = client.get("/monitoring/ingredients/?social_management=gangmakers&sort=size")
    assert names(filtered) == ["Aa klein"]
    # Sorting links keep the filters and reverse the sorted column.
    size = next(h for h in filtered.context["headers"] if h.key == "size")
    assert size.sort == "ascending"
    assert "social_management=gangmakers" in size.href and "order=desc" in size.href
    # Unknown values are ignored, not an error.
    assert client.get("/monitoring/ingredients/?sort=drop&placement=x").status_code == 200
    text = everything.content.decode()
    assert "nooit een bewijs" in text
    assert "Met minder dan 20 complexen" in text


def test_outcomes_sit_beside_the_ingredients_with_small_counts_hidden(client: Client) -> None:
    world = build_world(students=6, statushouders=6)
    refresh_snapshots([world.complex], timezone.localdate())
    client.force_login(world.manager)
    response = client.get("/monitoring/ingredients/")
    row = response.context["rows"][0]
    occupancy = next(o for o in row.outcomes if o.indicator.code == "occupancy")
    assert occupancy.point is not None and occupancy.point.value == 100.0
    assert occupancy.point.n == 12
    lonely = next(o for o in row.outcomes if o.indicator.code == "severely_lonely")
    assert lonely.point is None  # no wave: n too small
    assert row.concept.share_supporting == 50
    today = date_format(timezone.localdate(), "j F Y")
    assert f"Indicatoren zoals berekend op {today}" in response.content.decode()


def test_a_caseworker_sees_no_share_dragend_of_the_whole_complex(client: Client) -> None:
    world = build_world(students=6, statushouders=6)
    partner = factories.organisation(Organisation.Kind.PARTNER)
    factories.partner(world.complex, partner)
    client.force_login(factories.user(partner, Role.PARTNER_CASEWORKER))
    row = client.get("/monitoring/ingredients/").context["rows"][0]
    assert row.own_clients_only and row.concept.share_supporting is None
    page = client.get(f"/complexes/{world.complex.pk}/ingredients/")
    assert page.context["concept"].share_supporting is None
    assert "50 %" not in page.content.decode()
