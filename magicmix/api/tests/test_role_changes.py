"""Recording a role change through the API: the person page's rules (`Person.change_role`),
a 201 with the new change's address, invalid input named per field with nothing saved, 404
for a person the token's corporation did not register, and an entry in the processing log."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.api.models import ApiToken, Scope
from magicmix.people.models import Person, RoleChange
from magicmix.privacy.models import Processing
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def person() -> Person:
    return factories.person(factories.organisation())  # a student: supporting (dragend)


def test_a_past_change_becomes_the_current_role_and_is_readable_at_its_location(api_as, person):
    api = api_as(person.organisation, Role.SOCIAL_MANAGER)
    body = {"role": "supported", "validFrom": "2025-09-01", "reason": "Baan kwijtgeraakt."}
    response = api.post(f"/persons/{person.pk}/role-changes", body)
    assert response.status_code == 201, response.content
    change = RoleChange.objects.get(person=person, valid_from=datetime.date(2025, 9, 1))
    assert response["Location"] == f"/api/v1/persons/{person.pk}/role-changes/{change.pk}"
    assert response.json() == {
        "id": change.pk,
        "personId": person.pk,
        "role": "supported",
        "validFrom": "2025-09-01",
        "reason": "Baan kwijtgeraakt.",
    }
    assert api.get(response["Location"].removeprefix("/api/v1")).json() == response.json()
    person.refresh_from_db()
    assert person.role == "supported"
    account = ApiToken.objects.get().account
    assert change.recorded_by == account
    logged = Processing.objects.filter(user=account, subject_id=person.pk)
    assert list(logged.values_list("action", flat=True)) == ["view", "change"]  # newest first


def test_a_future_change_waits_for_its_day(api_as, person):
    later = timezone.localdate() + datetime.timedelta(days=30)
    body = {"role": "supported", "validFrom": later.isoformat(), "reason": "Nieuwe baan."}
    response = api_as(person.organisation).post(f"/persons/{person.pk}/role-changes", body)
    assert response.status_code == 201
    person.refresh_from_db()
    assert person.role == "supporting"
    assert person.role_on(later) == "supported"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"role": "drager", "validFrom": "2025-09-01", "reason": "x"}, "role"),
        ({"role": "supported", "validFrom": "2025-02-30", "reason": "x"}, "validFrom"),
        ({"role": "supported", "validFrom": "99999-01-01", "reason": "x"}, "validFrom"),
        ({"role": "supported", "validFrom": "2025-09-01", "reason": ""}, "reason"),
        ({"role": "supported", "validFrom": "2025-09-01", "reason": "x" * 301}, "reason"),
        ({"role": "supported", "reason": "x"}, "validFrom"),
    ],
)
def test_invalid_input_names_the_field_and_saves_nothing(api_as, person, body, field):
    before = RoleChange.objects.count()
    response = api_as(person.organisation).post(f"/persons/{person.pk}/role-changes", body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == [field]
    assert RoleChange.objects.count() == before


def test_a_partner_who_sees_its_client_may_not_change_the_role(api_as, person):
    partner = factories.organisation(Organisation.Kind.PARTNER)
    Person.objects.filter(pk=person.pk).update(nominating_partner=partner)
    api = api_as(partner, Role.PARTNER_CASEWORKER)
    assert api.get(f"/persons/{person.pk}").status_code == 200
    body = {"role": "supported", "validFrom": "2025-09-01", "reason": "x"}
    response = api.post(f"/persons/{person.pk}/role-changes", body)
    assert response.status_code == 404
    assert not RoleChange.objects.filter(reason="x").exists()


def test_the_write_persons_scope_is_needed(api_as, person):
    api = api_as(person.organisation, scopes=[Scope.READ_PERSONS])
    body = {"role": "supported", "validFrom": "2025-09-01", "reason": "x"}
    assert api.post(f"/persons/{person.pk}/role-changes", body).status_code == 403
