"""A complex's indicators through the API: the snapshots computed ahead, small counts hidden
(value and n null, with the reason), for the roles that see the complex as a whole."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.api.models import Scope
from magicmix.housing.models import Complex
from magicmix.monitoring.indicators import registered
from magicmix.monitoring.indicators.periods import quarters
from magicmix.monitoring.services import refresh_snapshots
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _let(complex_: Complex, units: int, let: int) -> None:
    """`units` units in use, the first `let` of them let since long before the periods."""
    cluster = factories.cluster(complex_)
    for n in range(units):
        unit = factories.unit(cluster)
        if n < let:
            person = factories.person(complex_.organisation)
            factories.tenancy(unit, person, start_date=datetime.date(2020, 1, 1))


@pytest.fixture
def corporation() -> Organisation:
    return factories.organisation()


def _occupancy(api, complex_: Complex) -> dict:
    results = api.get(f"/complexes/{complex_.pk}/indicators", pageSize=100).json()["results"]
    return next(found for found in results if found["code"] == "occupancy")


def test_values_resting_on_5_or_more_are_shown_and_fewer_are_null_with_a_reason(
    api_as, corporation
):
    today = timezone.localdate()
    shown = factories.complex(corporation, name="Zes van de tien")
    small = factories.complex(corporation, name="Drie van de tien")
    _let(shown, 10, 6)
    _let(small, 10, 3)
    refresh_snapshots([shown, small], today)
    api = api_as(corporation, Role.SOCIAL_MANAGER, scopes=[Scope.READ_INDICATORS])
    labels = [period.label for period in quarters(today)]

    occupancy = _occupancy(api, shown)
    assert occupancy["label"] == "Bewoning"
    assert (occupancy["expectation"], occupancy["unit"], occupancy["maximum"]) == (
        "feasible",
        "%",
        100.0,
    )
    assert occupancy["refreshedOn"] == today.isoformat()
    # 6 of 10 units let on every quarter's last day (or today): 60 %, resting on 10 units.
    assert occupancy["points"] == [
        {"period": label, "value": 60.0, "n": 10, "reason": ""} for label in labels
    ]
    # 3 let: below 5, so neither the value nor its n leaves the server.
    assert _occupancy(api, small)["points"] == [
        {"period": label, "value": None, "n": None, "reason": "n te klein"} for label in labels
    ]


def test_every_computed_indicator_is_listed_by_expectation(api_as, corporation):
    complex_ = factories.complex(corporation)
    _let(complex_, 10, 6)
    api = api_as(corporation)
    assert api.get(f"/complexes/{complex_.pk}/indicators").json()["totalCount"] == 0
    refresh_snapshots([complex_], timezone.localdate())
    body = api.get(f"/complexes/{complex_.pk}/indicators", pageSize=100).json()
    assert [found["code"] for found in body["results"]] == list(registered())
    for found in body["results"]:
        for point in found["points"]:
            assert (point["value"] is None) == (point["n"] is None), (found["code"], point)
            assert point["value"] is not None or point["reason"], (found["code"], point)
    feasible = api.get(f"/complexes/{complex_.pk}/indicators", expectation="feasible").json()
    codes = [code for code, found in registered().items() if found.expectation == "feasible"]
    assert [found["code"] for found in feasible["results"]] == codes


def test_who_sees_the_figures(api_as, corporation):
    complex_ = factories.complex(corporation)
    _let(complex_, 10, 6)
    refresh_snapshots([complex_], timezone.localdate())
    path = f"/complexes/{complex_.pk}/indicators"
    assert api_as(corporation, Role.LETTING).get(path).status_code == 200
    # A partner working in the complex sees its own clients' figures on the dashboard only.
    partner = factories.organisation(Organisation.Kind.PARTNER)
    factories.partner(complex_, partner)
    assert api_as(partner, Role.PARTNER_CASEWORKER).get(path).status_code == 404
    assert api_as(factories.organisation()).get(path).status_code == 404
    no_scope = api_as(corporation, scopes=[Scope.READ_STOCK])
    assert no_scope.get(path).status_code == 403
