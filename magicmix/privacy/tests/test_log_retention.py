"""The processing log is itself pruned after its retention period: per organisation it was
written for, after a dry run that changes nothing, and the pruning is logged with ids only (but
the pruning of such records is not, so that pruning never feeds itself). Counted from the raw
table."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.privacy import services
from magicmix.privacy.models import Action, Processing, RetentionPeriod, SubjectType
from magicmix.privacy.retention import OPERATION
from magicmix.testing import factories

from .world import moment, months_ago

pytestmark = pytest.mark.django_db


def _rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _entry(
    organisation: Organisation,
    subject: tuple[str, int],
    day: datetime.date,
    operation: str = "people:person_detail",
) -> int:
    """An entry written on `day`: `at` is set on insert, so the test moves it in the table."""
    entry = Processing.objects.create(
        organisation=organisation,
        subject_type=subject[0],
        subject_id=subject[1],
        action=Action.VIEW,
        activity="allocation",
        activity_id="mm-va-01",
        operation=operation,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE privacy_processing SET at = %s WHERE id = %s", [moment(day), entry.pk]
        )
    return entry.pk


def _ids() -> set[int]:
    return {pk for (pk,) in _rows("SELECT id FROM privacy_processing")}


PERSON = (SubjectType.PERSON, 101)
APPLICANT = (SubjectType.APPLICATION, 202)
ERASED = (SubjectType.PERSON, 303)


def _world() -> dict[str, Any]:
    corporation = factories.organisation()
    partner = factories.organisation(kind=Organisation.Kind.PARTNER)
    old, recent = months_ago(37), months_ago(35)
    return {
        "corporation": corporation,
        "partner": partner,
        "old_at_corporation": {
            _entry(corporation, PERSON, old),
            _entry(corporation, APPLICANT, old),
            _entry(corporation, ERASED, old, OPERATION),  # a record of an earlier pruning
        },
        "old_at_partner": {_entry(partner, PERSON, old)},  # the partner's caseworker looked
        "kept": {_entry(corporation, PERSON, recent), _entry(partner, APPLICANT, recent)},
    }


def _pruning_log() -> set[tuple[Any, ...]]:
    return set(
        _rows(
            "SELECT organisation_id, subject_type, subject_id, action, user_id "
            "FROM privacy_processing WHERE operation = %s AND at >= %s",
            OPERATION,
            moment(months_ago(1)),
        )
    )


def test_the_dry_run_counts_the_expired_entries_and_changes_nothing() -> None:
    world = _world()
    before = _rows("SELECT * FROM privacy_processing ORDER BY id")
    line = next(
        line
        for line in services.report(world["corporation"])
        if line.category.code == "processing_log"
    )
    assert (line.months, line.rows, line.subjects) == (
        36,
        3,
        2,
    )  # the old pruning record: no subject
    call_command("apply_retention", "--dry-run", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _rows("SELECT * FROM privacy_processing ORDER BY id") == before


def test_the_job_prunes_exactly_the_expired_entries_and_logs_ids_only() -> None:
    world = _world()
    corporation, partner = world["corporation"].pk, world["partner"].pk
    call_command("apply_retention", stdout=open("/dev/null", "w"))  # noqa: SIM115

    remaining = _ids()
    assert not remaining & (world["old_at_corporation"] | world["old_at_partner"])
    assert _pruning_log() == {
        (corporation, "person", PERSON[1], "erase", None),
        (corporation, "application", APPLICANT[1], "erase", None),
        (partner, "person", PERSON[1], "erase", None),
    }
    assert remaining == world["kept"] | {pk for (pk,) in _rows(
        "SELECT id FROM privacy_processing WHERE operation = %s", OPERATION
    )}  # fmt: skip

    # A second run prunes nothing and logs nothing more.
    call_command("apply_retention", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _ids() == remaining


def test_each_organisation_keeps_its_log_for_its_own_period(client: Client) -> None:
    world = _world()
    RetentionPeriod.objects.create(
        organisation=world["corporation"], category="processing_log", months=48
    )
    services.apply_retention()
    remaining = _ids()
    # The corporation's old entries stay (48 months); the partner's went (36, the default).
    assert world["old_at_corporation"] <= remaining
    assert not world["old_at_partner"] & remaining
    assert _pruning_log() == {(world["partner"].pk, "person", PERSON[1], "erase", None)}

    manager = factories.user(world["corporation"], Role.APPLICATION_MANAGER)
    client.force_login(manager)
    page = client.get(reverse("privacy:retention", args=[world["corporation"].pk])).text
    row = page.split('data-category="processing_log"')[1].split("</tr>")[0]
    assert "Verwerkingenlogboek" in row and "48 maanden na de verwerking" in row
