"""Stateful schemathesis: sequences of calls in which each call may take its ids from an
earlier answer (the links schemathesis infers from the document: a complex's id from the
complex list into its units, a tenancy's from the tenancy list into its PATCH, …), with a
letting token. No server error and no response that breaks the schema, in any sequence.

Every sequence starts from the same populated scene: the machine rolls back to a savepoint
after each, so one sequence's writes cannot change what the next one draws. Derandomized, so
the run is the same on every machine; `MAX_EXAMPLES=200` searches harder."""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.db import transaction
from hypothesis import settings

from magicmix.accounts.models import Organisation, Role

from .conftest import issue, populated
from .test_schemathesis import CHECKS

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = int(os.environ.get("MAX_EXAMPLES", "10"))


@pytest.mark.usefixtures("_keep_connection")
def test_linked_sequences_give_no_server_errors_and_keep_the_schema():
    populated()
    corporation = Organisation.objects.get(name="De Woonstichting")
    headers = {"Authorization": f"Bearer {issue(corporation, Role.LETTING)}"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    linked: list[tuple[str, str, int]] = []

    class Sequences(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            self.savepoint = transaction.savepoint_create()

        def teardown(self) -> None:
            transaction.savepoint_rollback(self.savepoint)

        def step(self, input: Any) -> Any:
            output = super().step(input)
            if input.transition is not None and input.is_applied:
                case = input.case
                linked.append((case.method, case.operation.path, output.response.status_code))
            return output

        def before_call(self, case: Any) -> None:
            case.headers = {**(case.headers or {}), **headers}

        def validate_response(self, response: Any, case: Any, *_args: Any, **kw: Any) -> None:
            case.validate_response(response, checks=CHECKS, transport_kwargs=kw)

    Sequences.run(
        settings=settings(
            max_examples=MAX_EXAMPLES,
            stateful_step_count=6,
            derandomize=True,
            database=None,
            deadline=None,
        )
    )
    # The sequences did follow links: calls with an id from an earlier answer that found it.
    found = {(method, path) for method, path, status in linked if status < 300}
    assert any("{" in path for _method, path in found), linked
