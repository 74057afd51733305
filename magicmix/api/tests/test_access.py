"""Every endpoint, called with a token of another organisation and with every narrower scope:
404 for a record outside scope, an empty page for a list, 403 for a missing scope — never data.

The operations come from the OpenAPI document, so a new endpoint is covered the day it is
added; the scope each one needs is written here by hand, as the oracle."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.api.models import Scope
from magicmix.people.models import Person
from magicmix.testing import factories

from .conftest import ALL_SCOPES, ApiClient, issue, populated

pytestmark = pytest.mark.django_db

NEEDS = {
    "list_complexes": Scope.READ_STOCK,
    "get_complex": Scope.READ_STOCK,
    "list_clusters": Scope.READ_STOCK,
    "list_units": Scope.READ_STOCK,
    "list_target_groups": Scope.READ_STOCK,
    "list_persons": Scope.READ_PERSONS,
    "get_person": Scope.READ_PERSONS,
    "list_role_changes": Scope.READ_PERSONS,
    "get_role_change": Scope.READ_PERSONS,
    "create_role_change": Scope.WRITE_PERSONS,
    "list_tenancies": Scope.READ_PERSONS,
    "get_tenancy": Scope.READ_PERSONS,
    "create_tenancy": Scope.WRITE_TENANCIES,
    "update_tenancy": Scope.WRITE_TENANCIES,
    "list_indicators": Scope.READ_INDICATORS,
    "import_persons": Scope.WRITE_PERSONS,
    "import_tenancies": Scope.WRITE_TENANCIES,
    "import_complex_units": Scope.WRITE_STOCK,
    "import_intake_applications": Scope.WRITE_APPLICATIONS,
    "list_intakes": Scope.READ_APPLICATIONS,  # or nominate
    "list_applications": Scope.READ_APPLICATIONS,
    "get_application": Scope.READ_APPLICATIONS,
    "create_nomination": Scope.NOMINATE,
    "list_rounds": Scope.RUN_ROUNDS,
    "create_round": Scope.RUN_ROUNDS,
    "get_round": Scope.RUN_ROUNDS,
    "start_round": Scope.RUN_ROUNDS,
    "list_candidates": Scope.RUN_ROUNDS,
    "list_offers": Scope.ANSWER_OFFERS,
    "get_offer": Scope.ANSWER_OFFERS,
    "answer_offer": Scope.ANSWER_OFFERS,
}
ALSO = {"list_intakes": {Scope.NOMINATE}}
UPLOADS = {
    "import_persons": "nummer;voornaam;achternaam;geboortedatum;doelgroep\n"
    "{person};Indringer;Test;2000-01-01;student\n",
    "import_tenancies": "complex;eenheid;persoon;ingangsdatum\n{complex};X-0;{person};2030-01-01\n",
    "import_complex_units": "code;cluster;type;woonoppervlak;kale huur\nX-0;Gang;studio;nul;1\n",
    "import_intake_applications": "nummer;voornaam;achternaam;geboortedatum;e-mail;jaarinkomen;"
    "inkomensjaar;doelgroep;motivatie\n{application};Indringer;Test;2000-01-01;i@example.org;1;"
    "2000;student;Hallo\n",
}


@pytest.fixture
def world() -> dict[str, Any]:
    s, ids = populated()
    bodies = {
        "create_nomination": {"intakeId": s.intake.pk},
        "create_round": {
            "complexId": s.complex.pk,
            "intakeId": s.intake.pk,
            "title": "Indringer",
            "unitIds": [u.pk for u in s.units],
            "moveIn": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        },
        "answer_offer": {"answer": "accept"},
        "create_role_change": {"role": "supporting", "validFrom": "2026-01-01", "reason": "Werk"},
        "create_tenancy": {
            "unitId": factories.unit(factories.cluster(s.complex)).pk,
            "personId": ids["person_id"],
            "startDate": "2030-01-01",
        },
        "update_tenancy": {"endDate": "2030-12-31"},
        "start_round": {},
    }
    partner = Organisation.objects.get(name="COA Test")
    return {"scene": s, "ids": ids, "bodies": bodies, "partner": partner}


def _operations(client: Client) -> list[tuple[str, str, str]]:
    document = client.get("/api/v1/openapi.json").json()
    found = [
        (method, path, operation["operationId"])
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    ]
    assert {name for _m, _p, name in found} == set(NEEDS), "add new operations to NEEDS"
    return found


def _call(api: ApiClient, world: dict[str, Any], method: str, path: str, name: str) -> Any:
    concrete = re.sub(r"\{(\w+)\}", lambda m: str(world["ids"][m.group(1)]), path)
    if name in UPLOADS:
        # Rows naming the scene's records: a stranger's import must refuse them.
        person, complex_ = world["ids"]["person_id"], world["scene"].complex.name
        application = world["ids"]["application_id"]
        rows = UPLOADS[name].format(person=person, complex=complex_, application=application)
        return api.upload(concrete, "bestand.csv", rows.encode())
    if method in ("post", "patch"):
        body = world["bodies"][name]
        if name == "create_nomination":
            body = _full_nomination(world) | body
        return getattr(api, method)(concrete, body)
    return api.get(concrete)


def _full_nomination(world: dict[str, Any]) -> dict[str, Any]:
    s = world["scene"]
    return {
        "firstName": "Indringer",
        "lastName": "Test",
        "dateOfBirth": "2001-01-01",
        "annualIncome": "10000.00",
        "incomeYear": timezone.localdate().year - 1,
        "targetGroupId": factories.target_group(s.corporation, "statushouder").pk,
        "supportNeed": "light",
        "supportOrganisationId": world["partner"].pk,
        "supportHoursPerWeek": "1.0",
        "readiness": "Klaar.",
    }


def _assert_no_data(response: Any, where: str) -> None:
    if response.status_code == 400:  # an import that names a record out of scope
        assert {p["code"] for p in response.json()["invalidParams"]} == {"invalid-row"}, where
    elif response.status_code == 200:
        body = response.json()
        assert body["totalCount"] == 0 and body["results"] == [], where
    else:
        assert response.status_code == 404, (where, response.status_code, response.content)
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        (Organisation.Kind.CORPORATION, Role.LETTING),
        (Organisation.Kind.CORPORATION, Role.SOCIAL_MANAGER),
        (Organisation.Kind.PARTNER, Role.PARTNER_CASEWORKER),
    ],
)
def test_another_organisation_gets_404_or_nothing(client, world, kind, role):
    stranger = ApiClient(issue(factories.organisation(kind), role))
    for method, path, name in _operations(client):
        if name == "list_target_groups":
            # Its own catalogue, seeded for every organisation; none of the scene's.
            listed = stranger.get(path).json()["results"]
            assert world["scene"].corporation.pk not in {g["organisationId"] for g in listed}
            continue
        _assert_no_data(_call(stranger, world, method, path, name), f"{method} {path}")
    assert not world["scene"].complex.rounds.filter(title="Indringer").exists()
    assert not Person.objects.filter(first_name="Indringer").exists()
    person = Person.objects.get(pk=world["ids"]["person_id"])
    assert [c.reason for c in person.role_changes.all()] == ["Werk", ""]
    assert [(t.start_date, t.end_date) for t in person.tenancies.all()] == [
        (datetime.date(2024, 3, 1), None)
    ]


@pytest.mark.parametrize("missing", list(Scope))
def test_a_token_without_the_scope_gets_403(client, world, missing):
    api = ApiClient(issue(world["scene"].corporation, scopes=set(ALL_SCOPES) - {missing}))
    for method, path, name in _operations(client):
        response = _call(api, world, method, path, name)
        needed = {NEEDS[name], *ALSO.get(name, ())}
        if needed == {missing}:
            assert response.status_code == 403, (name, response.status_code)
            assert "results" not in response.json() and "id" not in response.json()
        else:
            assert response.status_code != 403, (name, missing)


def test_the_nominating_partner_sees_its_own_nomination_only(world):
    partner = ApiClient(issue(world["partner"], Role.PARTNER_CASEWORKER))
    listed = partner.get("/applications").json()["results"]
    nominated = {a.pk for a in world["scene"].applications if hasattr(a, "nomination")}
    assert {a["id"] for a in listed} == nominated and len(nominated) == 2
    assert partner.get(f"/applications/{world['scene'].applications[0].pk}").status_code == 404
    assert partner.get("/rounds").status_code == 200
    assert partner.get("/rounds").json()["totalCount"] == 0
