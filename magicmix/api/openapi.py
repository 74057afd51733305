"""Finishing the generated OpenAPI document to the NL API Design Rules.

django-ninja describes the operations and schemas; this adds what the rules ask of every
operation, so no endpoint can forget it: the `API-Version` header on every success (and the
`Location` of what a 201 created, which the endpoint sets with `located`), problem
details (`application/problem+json`) for every error the API can give (400 for invalid input,
401 without a valid token, 403 for a missing scope, 404 outside the token's scope), and the
server URL with the major version in it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse

API_VERSION = "1.0.0"
BASE_PATH = "/api/v1"
VERSION_HEADER = "API-Version"

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Problem",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
    "examples": [
        {
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": "The request has invalid parameters; see invalidParams.",
            "invalidParams": [
                {"name": "pageSize", "code": "less_than_equal", "reason": "at most 100"}
            ],
        }
    ],
}
ERRORS = {
    "400": "Invalid input; `invalidParams` names the offending fields.",
    "401": "No valid API token.",
    "403": "The token's scopes do not cover this operation.",
    "404": "No such resource, or not visible with this token.",
}
# A write can find the resource in a state that does not allow it (a round already running).
WRITE_ERRORS = {"409": "The resource is not in a state that allows this."}
WRITES = {"post", "patch"}
VERSION_HEADER_SPEC = {
    "description": "The full version of the API.",
    "schema": {"type": "string", "examples": [API_VERSION]},
}
LOCATION_SPEC = {
    "description": "The address of the created resource.",
    "schema": {"type": "string", "examples": [f"{BASE_PATH}/tenancies/9"]},
}


def located(response: HttpResponse, path: str) -> None:
    """Give a 201 the `Location` of what it created (`path` below the base path)."""
    response["Location"] = BASE_PATH + path


def finish(document: dict[str, Any]) -> dict[str, Any]:
    """Complete `document` in place: every operation needs a token."""
    document["servers"] = [{"url": BASE_PATH}]
    document["components"].setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in document["paths"].values():
        for method, operation in operations.items():
            responses = {str(status): spec for status, spec in operation["responses"].items()}
            operation["responses"] = responses
            for status, response in responses.items():
                if status.startswith(("2", "3")):
                    response.setdefault("headers", {})[VERSION_HEADER] = VERSION_HEADER_SPEC
                if status == "201":
                    response["headers"]["Location"] = LOCATION_SPEC
            errors = ERRORS | (WRITE_ERRORS if method in WRITES else {})
            for status, description in errors.items():
                responses[status] = {"description": description, "content": problem}
    return document
