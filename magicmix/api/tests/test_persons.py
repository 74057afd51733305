"""Persons through the API: the same scope as the person list, income only for staff."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person
from magicmix.people.models import Role as PersonRole
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    corporation = factories.organisation()
    partner = factories.organisation(Organisation.Kind.PARTNER)
    own = factories.person(
        corporation,
        first_name="Ada",
        last_name="Aalders",
        annual_income=Decimal(20000),
        income_year=2025,
        external_reference="ERP-1",
    )
    client = factories.person(
        corporation,
        "statushouder",
        first_name="Bo",
        last_name="Bakker",
        nominating_partner=partner,
        annual_income=Decimal(15000),
        income_year=2025,
    )
    elsewhere = factories.person(factories.organisation(), first_name="Cas", last_name="Claes")
    return corporation, partner, own, client, elsewhere


def test_staff_see_their_persons_with_income_and_can_search(api_as, people):
    corporation, _partner, own, client, _elsewhere = people
    api = api_as(corporation, Role.LETTING)
    body = api.get("/persons").json()
    assert [p["lastName"] for p in body["results"]] == ["Aalders", "Bakker"]
    assert body["results"][0]["annualIncome"] == "20000.00"
    assert [p["id"] for p in api.get("/persons", search="aald").json()["results"]] == [own.pk]
    assert [p["id"] for p in api.get("/persons", externalReference="ERP-1").json()["results"]] == [
        own.pk
    ]
    assert [p["id"] for p in api.get("/persons", role="supported").json()["results"]] == [client.pk]


def test_a_partner_sees_only_its_clients_and_no_income(api_as, people):
    _corporation, partner, own, client, elsewhere = people
    api = api_as(partner, Role.PARTNER_CASEWORKER)
    body = api.get("/persons").json()
    assert [p["id"] for p in body["results"]] == [client.pk]
    assert body["results"][0]["annualIncome"] is None and body["results"][0]["incomeYear"] is None
    assert api.get(f"/persons/{own.pk}").status_code == 404
    assert api.get(f"/persons/{elsewhere.pk}").status_code == 404


def test_role_history_and_tenancies(api_as, people):
    corporation, _partner, own, _client, _elsewhere = people
    own.change_role(PersonRole.SUPPORTED, datetime.date(2025, 9, 1), "Baan kwijt", by=None)
    unit = factories.unit(factories.cluster(factories.complex(corporation)))
    factories.tenancy(unit, own, start_date=datetime.date(2024, 3, 1))
    api = api_as(corporation)
    changes = api.get(f"/persons/{own.pk}/role-changes").json()["results"]
    assert [(c["role"], c["validFrom"], c["reason"]) for c in changes] == [
        ("supported", "2025-09-01", "Baan kwijt"),
        ("supporting", "2024-01-15", ""),  # recorded at registration
    ]
    today = timezone.localdate().isoformat()
    tenancies = api.get("/tenancies", currentOn=today).json()["results"]
    assert [(t["unitId"], t["personId"], t["startDate"], t["endDate"]) for t in tenancies] == [
        (unit.pk, own.pk, "2024-03-01", None)
    ]
    assert api.get("/tenancies", currentOn="2020-01-01").json()["totalCount"] == 0


def test_every_person_read_lands_in_the_processing_log(api_as, people):
    from magicmix.api.models import ApiToken
    from magicmix.privacy.models import Processing

    corporation, _partner, own, client, _elsewhere = people
    api = api_as(corporation)
    api.get("/persons")
    api.get(f"/persons/{own.pk}")
    account = ApiToken.objects.get().account
    logged = list(Processing.objects.filter(user=account).values_list("subject_id", "action"))
    assert sorted(logged) == sorted([(own.pk, "view"), (client.pk, "view"), (own.pk, "view")])


def test_a_nul_character_in_a_text_filter_is_a_400_not_a_server_error(api_as, people):
    corporation, *_rest = people
    api = api_as(corporation, Role.LETTING)
    response = api.get("/persons", search="jan\x00sen")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "search"
    assert api.get("/complexes", name="a\x00").status_code == 400


def test_a_search_of_only_words_shorter_than_three_characters_is_a_400_naming_search(
    api_as, people
):
    corporation, _partner, own, _client, _elsewhere = people
    api = api_as(corporation, Role.LETTING)
    for short in ("aa", "ad aa", "  a  "):
        response = api.get("/persons", search=short)
        assert response.status_code == 400, short
        problem = response.json()["invalidParams"]
        assert [(p["name"], p["reason"]) for p in problem] == [
            ("search", "Geef minstens één woord van 3 of meer tekens.")
        ]
    # One word of three characters is enough ("Marijn de Vries"); blanks alone are no search.
    assert [p["id"] for p in api.get("/persons", search="ad aal").json()["results"]] == [own.pk]
    assert [p["id"] for p in api.get("/persons", search="ada").json()["results"]] == [own.pk]
    assert api.get("/persons", search="   ").json()["totalCount"] == 2


def test_by_last_name_then_first_name_then_id_with_and_without_a_search(api_as):
    corporation = factories.organisation()
    names = [("Jansen", "Piet"), ("Bakker", "Zoë"), ("Jansen", "Anna"), ("Bakker", "Anna")]
    persons = [factories.person(corporation, last_name=ln, first_name=fn) for ln, fn in names]
    persons.append(factories.person(corporation, last_name="Jansen", first_name="Anna"))
    api = api_as(corporation, Role.LETTING)
    oracle = [p.pk for p in sorted(persons, key=lambda p: (p.last_name, p.first_name, p.pk))]
    jansens = [pk for pk in oracle if Person.objects.get(pk=pk).last_name == "Jansen"]
    for query, expected in (({}, oracle), ({"search": "jan"}, jansens)):
        ascending = api.get("/persons", **query).json()["results"]
        assert [p["id"] for p in ascending] == expected, query
        descending = api.get("/persons", sort="-lastName", **query).json()["results"]
        assert [p["id"] for p in descending] == expected[::-1], query
