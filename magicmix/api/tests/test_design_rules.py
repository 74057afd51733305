"""The NL API Design Rules 2.1 that the API must keep, checked on the running API and on its
OpenAPI document (so a fresh clone checks them without the Spectral ruleset)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from openapi_spec_validator import validate

from magicmix.api.openapi import API_VERSION
from magicmix.testing import factories

pytestmark = pytest.mark.django_db

KEBAB_SEGMENT = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*|\{[a-z_]+\})$")
CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")


@pytest.fixture
def document(client: Client) -> dict[str, Any]:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["API-Version"] == API_VERSION
    return response.json()


def test_the_document_is_public_valid_openapi_3_with_contact_and_licence(document):
    validate(document)
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == API_VERSION
    assert set(document["info"]["contact"]) >= {"name", "email", "url"}
    assert document["info"]["license"]["identifier"] == "EUPL-1.2"
    assert document["servers"] == [{"url": "/api/v1"}]


def test_paths_are_kebab_case_without_trailing_slash(document):
    assert document["paths"]
    for path in document["paths"]:
        assert not path.endswith("/"), path
        assert all(KEBAB_SEGMENT.match(segment) for segment in path.split("/")[1:]), path


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    ]


def test_every_operation_declares_version_header_problems_and_an_example(document):
    schemas = document["components"]["schemas"]
    for path, method, operation in _operations(document):
        responses = operation["responses"]
        assert {"400", "401", "403", "404"} <= set(responses), (path, method)
        for status, response in responses.items():
            if status.startswith("2"):
                assert "API-Version" in response["headers"], (path, status)
                if status == "201":
                    assert "Location" in response["headers"], (path, method)
                if "content" in response:
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert schemas[ref.rsplit("/", 1)[1]]["examples"], (path, ref)
            else:
                assert list(response["content"]) == ["application/problem+json"], (path, status)
    assert {"status", "title", "detail"} <= set(schemas["Problem"]["required"])


def test_query_parameters_and_fields_are_camel_case(document):
    for path, _method, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query":
                assert CAMEL.match(parameter["name"]), (path, parameter["name"])
    for name, schema in document["components"]["schemas"].items():
        for field in schema.get("properties", {}):
            assert field == "_links" or CAMEL.match(field), (name, field)


def test_date_fields_are_dates_and_moments_are_date_times(document):
    for name, schema in document["components"]["schemas"].items():
        for field, spec in schema.get("properties", {}).items():
            formats = {s.get("format") for s in [spec, *spec.get("anyOf", [])]} - {None}
            if re.search(r"(Start|End|Date|On|From)$|^date", field):
                assert formats == {"date"}, (name, field, spec)
            if field.endswith("At"):
                assert formats == {"date-time"}, (name, field, spec)


def test_a_trailing_slash_is_a_404_problem_not_a_redirect(client):
    for path in ["/api/v1/complexes/", "/api/v1/", "/api/v1", "/api/v1/nothing-here"]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"
        assert response["API-Version"] == API_VERSION
        assert response.json()["status"] == 404


def test_without_a_token_the_answer_is_401_problem(client):
    response = client.get("/api/v1/complexes")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == "Bearer"
    assert response["API-Version"] == API_VERSION
    assert set(response.json()) >= {"type", "title", "status", "detail"}


def test_invalid_input_names_the_offending_fields(api_as):
    corporation = factories.organisation()
    response = api_as(corporation).get("/complexes", pageSize=1000, sort="colour")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["detail"]
    assert {p["name"] for p in problem["invalidParams"]} == {"pageSize", "sort"}


def test_cors_is_closed(api_as):
    corporation = factories.organisation()
    client = api_as(corporation)
    response = client.client.get(
        "/api/v1/complexes", headers={**client.headers, "Origin": "https://elders.example"}
    )
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_the_suite_runs_django_ninja_on_django_6_1():
    # Every API test in this folder is then a test of django-ninja on Django 6.1.
    import django
    import ninja

    assert django.VERSION[:2] == (6, 1)
    assert ninja.__version__ == "1.7.1"


def test_problem_details_are_dutch_unless_the_client_asks_otherwise(client):
    dutch = client.get("/api/v1/complexes").json()["detail"]
    assert dutch == "Een geldig API-token is nodig (Authorization: Bearer …)."
    english = client.get("/api/v1/complexes", headers={"Accept-Language": "en"}).json()
    assert english["detail"] == "A valid API token is required (Authorization: Bearer …)."
