"""Hole 1 as found: a policy officer compared the mix on two days and learnt the support need,
target group and role of the one person who moved in between them."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.test import Client
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.composition.disclosure import CellKey, Visibility
from magicmix.composition.periods import month_ends
from magicmix.composition.report import aggregate_report
from magicmix.composition.tables import Table
from magicmix.housing.models import Unit
from magicmix.people.models import SupportNeed
from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories

from .conftest import Building, build

pytestmark = pytest.mark.django_db


def _published(tables: list[Table]) -> dict[CellKey, int]:
    """Every count the page shows, by cluster, dimension and column."""
    shown: dict[CellKey, int] = {}
    for table in tables:
        for row in table.rows:
            if row.residents.visibility == Visibility.SHOWN:
                shown[(row.node.key, "residents", "")] = row.residents.count
            for column, cell in enumerate(row.cells):
                if cell.visibility == Visibility.SHOWN:
                    shown[(row.node.key, table.dimension, column)] = cell.count
    return shown


def _move_in(building: Building, day: datetime.date, need: str = SupportNeed.INTENSIVE) -> None:
    org = building.complex.organisation
    vacant = Unit.objects.filter(complex=building.complex).vacant(day).first()
    assert vacant is not None
    person = factories.person(org, "uitstroom-ggz", support_need=need)
    Tenancy.objects.create(unit=vacant, person=person, start_date=day)


def _officer(client: Client, building: Building) -> None:
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    factories.partner(building.complex, municipality)
    client.force_login(factories.user(municipality, Role.POLICY_OFFICER))


def test_two_days_around_a_move_in_show_the_same_month_end(client: Client, corporation) -> None:
    building = build(corporation, floors=1, gangs_per_floor=3, units_per_gang=10)
    last = month_ends(building.complex.exploitation_start, timezone.localdate())[-1]
    move = last.replace(day=11)
    _move_in(building, move)
    _officer(client, building)
    url = f"/complexes/{building.complex.pk}/mix/"
    before = client.get(url, {"on": (move - datetime.timedelta(days=1)).isoformat()})
    after = client.get(url, {"on": move.isoformat()})
    assert before.context["census"].day == after.context["census"].day < move
    assert _published(before.context["tables"]) == _published(after.context["tables"])
    # The month ends on either side of the move: every count the person changed is hidden.
    month_before = client.get(url, {"on": before.context["census"].day.isoformat()})
    month_after = client.get(url, {"on": last.isoformat()})
    assert month_after.context["census"].day == last
    old, new = _published(month_before.context["tables"]), _published(month_after.context["tables"])
    assert old and new
    assert all(old[key] == new[key] for key in old.keys() & new.keys())
    assert (None, "residents", "") not in new  # the total moved by one: hidden


def test_no_two_published_month_ends_differ_by_fewer_than_five_people(corporation) -> None:
    building = build(corporation, floors=2, gangs_per_floor=2, units_per_gang=12)
    periods = month_ends(building.complex.exploitation_start, timezone.localdate())
    recent = periods[-8:]
    for tenancy in Tenancy.objects.order_by("pk")[:12]:  # room to move into
        tenancy.end_date = recent[0] - datetime.timedelta(days=40)
        tenancy.save()
    needs = itertools.cycle([SupportNeed.NONE, SupportNeed.LIGHT, SupportNeed.INTENSIVE])
    for month, end in enumerate(recent[1:], start=1):
        for person in range(month % 4):  # 1, 2, 3, 0, 1, ... people a month, varied needs
            _move_in(building, end.replace(day=1 + person), next(needs))
    Tenancy.objects.filter(pk=Tenancy.objects.order_by("pk")[12].pk).update(
        end_date=recent[3].replace(day=20)
    )
    published = {day: _published(aggregate_report(building.complex, day).tables) for day in recent}
    assert any(published.values())
    for first, second in itertools.combinations(recent, 2):
        a, b = published[first], published[second]
        for key in a.keys() & b.keys():
            assert a[key] == b[key] or abs(a[key] - b[key]) >= 5, (first, second, key)


def test_a_day_is_no_choice_for_aggregate_roles_only(client: Client, corporation) -> None:
    building = build(corporation, floors=1, gangs_per_floor=1, units_per_gang=6)
    _officer(client, building)
    page = client.get(f"/complexes/{building.complex.pk}/mix/", {"on": "2025-06-17"})
    assert page.context["census"].day == datetime.date(2025, 5, 31)
    assert 'type="date"' not in page.text and "mei 2025" in page.text
    client.force_login(factories.user(corporation, Role.LETTING))
    staff = client.get(f"/complexes/{building.complex.pk}/mix/", {"on": "2025-06-17"})
    assert staff.context["census"].day == datetime.date(2025, 6, 17)
