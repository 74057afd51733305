"""The tiles: colour per group or role, stripes for vragend, empty and unused units apart."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from magicmix.composition.census import take_census
from magicmix.composition.picture import Colouring, draw, palette
from magicmix.housing.models import Unit
from magicmix.people.models import TargetGroup
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def test_groups_sharing_a_colour_index_get_distinct_colours() -> None:
    org = factories.organisation()
    groups = list(TargetGroup.objects.filter(organisation=org).order_by("id")[:3])
    for group, colour in zip(groups, [4, 4, 16], strict=True):
        group.colour = colour
    assert list(palette(groups).values()) == [4, 0, 1]  # 16 wraps to 4, taken: next free


def test_tiles_name_code_group_and_role_and_set_apart_empty_and_unused_units() -> None:
    org = factories.organisation()
    complex_ = factories.complex(org)
    gang = factories.cluster(complex_, name="Gang 1")
    let = factories.unit(gang, code="1.01")
    factories.unit(gang, code="1.02")
    factories.unit(gang, code="1.03", status=Unit.Status.RENOVATION)
    factories.tenancy(let, factories.person(org, "statushouder"))
    census = take_census(complex_, datetime.date(2025, 1, 1))

    by_group = draw(complex_.pk, census.root, census.groups, Colouring.GROUP, top_heading=3)
    band = by_group.bands[0]
    assert (band.heading_level, band.node.cluster.name) == (3, "Gang 1")
    let_tile, vacant, unused = band.tiles
    assert let_tile.label == "1.01: Statushouder, vragend"
    assert "mm-tile--striped" in let_tile.css and "mm-tile--c" in let_tile.css
    assert (vacant.css, vacant.label) == ("mm-tile--vacant", "1.02: leeg")
    assert (unused.css, unused.label) == ("mm-tile--out", "1.03: in renovatie")
    assert next(entry.label for entry in by_group.legend) == "Statushouder"

    by_role = draw(complex_.pk, census.root, census.groups, Colouring.ROLE, top_heading=3)
    assert by_role.bands[0].tiles[0].css == "mm-tile--supported mm-tile--striped"


def test_the_toggle_swaps_only_the_picture_for_htmx(client: Client) -> None:
    org = factories.organisation()
    complex_ = factories.complex(org)
    factories.unit(factories.cluster(complex_))
    client.force_login(factories.user(org))
    response = client.get(f"/complexes/{complex_.pk}/mix/?by=role", headers={"HX-Request": "true"})
    assert response.text.startswith('<div id="mix-picture"')
    assert "<html" not in response.text


@pytest.mark.parametrize("query", ["?on=2025-13-45", "?on=x&by=evil", "?on=99999-01-01", "?by="])
def test_bad_input_falls_back_to_today_by_group(client: Client, query: str) -> None:
    org = factories.organisation()
    complex_ = factories.complex(org)
    client.force_login(factories.user(org))
    response = client.get(f"/complexes/{complex_.pk}/mix/{query}")
    assert response.status_code == 200
    assert response.context["census"].day == timezone.localdate()
    assert response.context["picture"].colouring == Colouring.GROUP


def test_a_day_in_the_past_shows_who_lived_there_then(client: Client) -> None:
    org = factories.organisation()
    complex_ = factories.complex(org)
    unit = factories.unit(factories.cluster(complex_))
    factories.tenancy(
        unit,
        factories.person(org),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2020, 12, 31),
    )
    client.force_login(factories.user(org))
    response = client.get(f"/complexes/{complex_.pk}/mix/?on=2020-06-01&by=role")
    assert response.context["summary"].occupancy == 100
    assert "?on=2020-06-01&amp;by=group" in response.text  # the toggle keeps the day
