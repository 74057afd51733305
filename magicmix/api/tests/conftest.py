"""Tokens for the API tests, issued through the same workflow the manager's page uses."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from django.core import signals
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import close_old_connections
from django.test import Client
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.api import services
from magicmix.api.models import Scope
from magicmix.monitoring.services import refresh_snapshots
from magicmix.rounds.services import offers, runs
from magicmix.rounds.tests.helpers import SITE, Scene, new_round, policy, scene, work
from magicmix.testing import factories

ALL_SCOPES = tuple(Scope.values)


def issue(
    organisation: Organisation,
    role: str = Role.LETTING,
    scopes: Iterable[str] = ALL_SCOPES,
    expires_on: datetime.date | None = None,
) -> str:
    manager = factories.user(factories.organisation(), Role.APPLICATION_MANAGER)
    _token, secret = services.issue(
        name="Testsysteem",
        issuer=manager.memberships.get().organisation,
        organisation=organisation,
        role=role,
        scopes=scopes,
        expires_on=expires_on or timezone.localdate() + datetime.timedelta(days=30),
        by=manager,
    )
    return secret


def populated() -> tuple[Scene, dict[str, int]]:
    """The rounds' test scene with one record of every kind the API serves (a tenancy, a role
    change, indicators, a round that ran, an offer); returns it and the id for each path
    parameter of the API."""
    s = scene()
    policy(s)
    person = factories.person(s.corporation, "statushouder")
    tenancy = factories.tenancy(factories.unit(factories.cluster(s.complex)), person)
    change = person.change_role("supporting", datetime.date(2025, 9, 1), "Werk", by=None)
    refresh_snapshots([s.complex], timezone.localdate())
    round_ = new_round(s)
    runs.start(round_)
    work()
    offers.approve(round_, s.staff, SITE)
    offer = round_.offers.first()
    assert offer is not None
    return s, {
        "complex_id": s.complex.pk,
        "intake_id": s.intake.pk,
        "person_id": person.pk,
        "application_id": s.applications[-1].pk,  # nominated by the scene's partner
        "round_id": round_.pk,
        "offer_id": offer.pk,
        "tenancy_id": tenancy.pk,
        "role_change_id": change.pk,
    }


class ApiClient:
    """A Django test client that sends the token with every call."""

    def __init__(self, secret: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, path: str, **query: Any) -> Any:
        return self.client.get(f"/api/v1{path}", query, headers=self.headers)

    def upload(self, path: str, name: str, content: bytes) -> Any:
        """A file as multipart/form-data, in the field `file`."""
        upload = SimpleUploadedFile(name, content)
        return self.client.post(f"/api/v1{path}", {"file": upload}, headers=self.headers)

    def post(self, path: str, body: Any) -> Any:
        return self.client.post(
            f"/api/v1{path}", body, content_type="application/json", headers=self.headers
        )

    def patch(self, path: str, body: Any) -> Any:
        return self.client.patch(
            f"/api/v1{path}", body, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def api_as() -> Callable[..., ApiClient]:
    def make(organisation: Organisation, role: str = Role.LETTING, **kw: Any) -> ApiClient:
        return ApiClient(issue(organisation, role, **kw))

    return make


@pytest.fixture
def _keep_connection():
    """Schemathesis calls the WSGI application directly, whose request signals would close
    the test's connection (inside its transaction) on PostgreSQL; Django's own test client
    keeps it the same way."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)
