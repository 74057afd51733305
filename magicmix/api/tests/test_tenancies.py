"""Starting, reading and ending tenancies through the API: the letting service's rules
(`start_tenancy`, `end_tenancy`), 201 with the address, 409 for a unit let in the period,
400 naming the field, 404 outside the letting token's corporation."""

from __future__ import annotations

import datetime

import pytest

from magicmix.accounts.models import Role
from magicmix.api.models import ApiToken
from magicmix.housing.models import Unit
from magicmix.privacy.models import Processing
from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def letting():
    corporation = factories.organisation()
    unit = factories.unit(factories.cluster(factories.complex(corporation)))
    return corporation, unit, factories.person(corporation)


def _start(unit: Unit, person, start: str = "2026-05-01", end: str | None = None) -> dict:
    return {"unitId": unit.pk, "personId": person.pk, "startDate": start, "endDate": end}


def test_a_letting_token_starts_a_tenancy_readable_at_its_location(api_as, letting):
    corporation, unit, person = letting
    api = api_as(corporation)
    response = api.post("/tenancies", _start(unit, person, end="2028-04-30"))
    assert response.status_code == 201, response.content
    tenancy = Tenancy.objects.get(unit=unit)
    assert (tenancy.person, tenancy.start_date, tenancy.end_date) == (
        person,
        datetime.date(2026, 5, 1),
        datetime.date(2028, 4, 30),
    )
    assert response["Location"] == f"/api/v1/tenancies/{tenancy.pk}"
    expected = {
        "id": tenancy.pk,
        "unitId": unit.pk,
        "personId": person.pk,
        "startDate": "2026-05-01",
        "endDate": "2028-04-30",
    }
    assert response.json() == expected
    assert api.get(f"/tenancies/{tenancy.pk}").json() == expected
    account = ApiToken.objects.get().account
    logged = Processing.objects.filter(user=account, subject_id=person.pk)
    assert sorted(logged.values_list("action", flat=True)) == ["change", "view"]


def test_a_unit_let_in_the_period_is_a_409_and_nothing_changes(api_as, letting):
    corporation, unit, person = letting
    factories.tenancy(unit, factories.person(corporation), start_date=datetime.date(2025, 1, 1))
    response = api_as(corporation).post("/tenancies", _start(unit, person))
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert Tenancy.objects.filter(unit=unit).count() == 1


def test_an_end_before_the_start_names_the_field(api_as, letting):
    corporation, unit, person = letting
    response = api_as(corporation).post("/tenancies", _start(unit, person, end="2026-04-30"))
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["endDate"]
    assert not Tenancy.objects.exists()


@pytest.mark.parametrize("field", ["unitId", "personId", "startDate"])
def test_a_missing_field_is_a_400(api_as, letting, field):
    corporation, unit, person = letting
    body = _start(unit, person)
    del body[field]
    response = api_as(corporation).post("/tenancies", body)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == [field]


def test_what_the_token_may_not_let_is_a_404(api_as, letting):
    corporation, unit, person = letting
    renovated = factories.unit(unit.cluster, status=Unit.Status.RENOVATION)
    elsewhere = factories.unit(factories.cluster(factories.complex(factories.organisation())))
    letting_api = api_as(corporation)
    assert letting_api.post("/tenancies", _start(renovated, person)).status_code == 404
    assert letting_api.post("/tenancies", _start(elsewhere, person)).status_code == 404
    # Social management sees the person but does not let units, as on the person page.
    social = api_as(corporation, Role.SOCIAL_MANAGER)
    assert social.get(f"/persons/{person.pk}").status_code == 200
    assert social.post("/tenancies", _start(unit, person)).status_code == 404
    assert not Tenancy.objects.exists()


def test_ending_sets_or_moves_the_end_date(api_as, letting):
    corporation, unit, person = letting
    tenancy = factories.tenancy(unit, person, start_date=datetime.date(2024, 3, 1))
    api = api_as(corporation)
    response = api.patch(f"/tenancies/{tenancy.pk}", {"endDate": "2026-08-31"})
    assert response.status_code == 200, response.content
    assert response.json()["endDate"] == "2026-08-31"
    moved = api.patch(f"/tenancies/{tenancy.pk}", {"endDate": "2026-09-30"})
    assert moved.json()["endDate"] == "2026-09-30"
    tenancy.refresh_from_db()
    assert tenancy.end_date == datetime.date(2026, 9, 30)


def test_an_end_that_overlaps_the_next_tenancy_is_a_409_and_before_the_start_a_400(api_as, letting):
    corporation, unit, person = letting
    first = factories.tenancy(
        unit,
        person,
        start_date=datetime.date(2024, 3, 1),
        end_date=datetime.date(2025, 12, 31),
    )
    factories.tenancy(unit, factories.person(corporation), start_date=datetime.date(2026, 1, 1))
    api = api_as(corporation)
    assert api.patch(f"/tenancies/{first.pk}", {"endDate": "2026-03-31"}).status_code == 409
    response = api.patch(f"/tenancies/{first.pk}", {"endDate": "2024-01-31"})
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["endDate"]
    first.refresh_from_db()
    assert first.end_date == datetime.date(2025, 12, 31)


def test_social_management_reads_but_does_not_end(api_as, letting):
    corporation, unit, person = letting
    tenancy = factories.tenancy(unit, person)
    social = api_as(corporation, Role.SOCIAL_MANAGER)
    assert social.get(f"/tenancies/{tenancy.pk}").status_code == 200
    assert social.patch(f"/tenancies/{tenancy.pk}", {"endDate": "2026-08-31"}).status_code == 404
    tenancy.refresh_from_db()
    assert tenancy.end_date is None
