"""Schemathesis over the whole API, with valid tokens of several roles: generated requests,
valid and invalid, must never give a server error or a response that breaks the schema.

Half of the generated cases get the id of a real record of the scene in their path, so the
success responses are exercised too, not only 404s. Bounded: a few examples per operation and
mode keep the suite fast; search harder with `MAX_EXAMPLES=200 pytest <this file>`."""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from magicmix.accounts.models import Organisation, Role

from .conftest import issue, populated

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = int(os.environ.get("MAX_EXAMPLES", "5"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
MODES = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]


@pytest.mark.usefixtures("_keep_connection")
@pytest.mark.parametrize("role", [Role.LETTING, Role.SOCIAL_MANAGER, Role.PARTNER_CASEWORKER])
def test_no_server_errors_and_no_schema_violations(role):
    _scene, ids = populated()
    organisation = Organisation.objects.get(
        name="COA Test" if role == Role.PARTNER_CASEWORKER else "De Woonstichting"
    )
    headers = {"Authorization": f"Bearer {issue(organisation, role)}"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        for mode in MODES:
            _explore(operation, mode, headers, ids)


def _explore(operation, mode, headers: dict[str, str], ids: dict[str, int]) -> None:
    positive = mode is schemathesis.GenerationMode.POSITIVE

    @given(case=operation.as_strategy(generation_mode=mode), real=st.booleans())
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case, real):
        if real and positive and case.path_parameters:
            case.path_parameters = {name: ids[name] for name in case.path_parameters}
        case.call_and_validate(headers=headers, checks=CHECKS)

    call()
