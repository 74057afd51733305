"""An export logs every exported person or applicant, one entry each as before, in a number of
queries that does not grow with the number of rows (one bulk write for the whole export)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role, User
from magicmix.people.models import Person
from magicmix.privacy.models import Action, Activity, Processing, SubjectType
from magicmix.selection.models import Application, Intake
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _exported_twice(
    client: Client, url: str, add: Callable[[], object], more: int
) -> tuple[int, int, QuerySet[Processing]]:
    """Queries of one export, then of the same export with `more` rows, and the second's log."""
    few = _queries(client, url)
    before = Processing.objects.order_by("-pk").values_list("pk", flat=True).first()
    for _ in range(more):
        add()
    many = _queries(client, url)
    written = Processing.objects.filter(pk__gt=before)
    assert written.values("trace_id").distinct().count() == 1  # one request, one trace
    assert written.values("span_id").distinct().count() == written.count()
    return few, many, written


FIELDS = ("subject_type", "subject_id", "organisation_id", "action", "activity", "activity_id")


def _fields(written: QuerySet[Processing]) -> set[tuple[object, ...]]:
    return set(written.values_list(*FIELDS, "user_id", "operation"))


def _staff(org: Organisation, client: Client) -> User:
    user = factories.user(org, Role.LETTING)
    client.force_login(user)
    return user


def test_a_person_export_logs_each_person_in_queries_that_do_not_grow(client: Client) -> None:
    org = factories.organisation()
    other = factories.organisation()
    factories.person(other)  # never exported, never logged
    user = _staff(org, client)
    for _ in range(2):
        factories.person(org)
    url = reverse("people:person_export", args=[org.pk, "csv"])

    few, many, written = _exported_twice(client, url, lambda: factories.person(org), more=25)

    assert many == few
    assert _fields(written) == {
        (
            SubjectType.PERSON,
            pk,
            org.pk,
            Action.EXPORT,
            Activity.ALLOCATION,
            "mm-va-01",
            user.pk,
            "people:person_export",
        )
        for pk in Person.objects.filter(organisation=org).values_list("pk", flat=True)
    }
    assert written.count() == 27


def test_an_application_export_logs_each_applicant_in_queries_that_do_not_grow(
    client: Client,
) -> None:
    org = factories.organisation()
    intake: Intake = factories.intake(factories.complex(org))
    user = _staff(org, client)
    factories.application(intake)
    url = reverse("selection:application_export", args=[intake.pk, "csv"])

    few, many, written = _exported_twice(client, url, lambda: factories.application(intake), 20)

    assert many == few
    assert _fields(written) == {
        (
            SubjectType.APPLICATION,
            pk,
            org.pk,
            Action.EXPORT,
            Activity.SELECTION,
            "mm-va-02",
            user.pk,
            "selection:application_export",
        )
        for pk in Application.objects.filter(intake=intake).values_list("pk", flat=True)
    }
    assert written.count() == 21
