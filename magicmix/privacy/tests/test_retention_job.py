"""The daily retention job erases or anonymises exactly what passed its period, in every
category, and nothing else; the dry run changes nothing. Everything is counted from the raw
tables, not through the models or querysets the job uses."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from magicmix.accounts.models import Role
from magicmix.privacy import services
from magicmix.privacy.models import RetentionPeriod
from magicmix.selection.models import Stage
from magicmix.testing import factories

from . import world as scenario

pytestmark = pytest.mark.django_db

TABLES = [
    "people_person",
    "people_historicalperson",
    "people_rolechange",
    "tenancies_tenancy",
    "selection_application",
    "selection_historicalapplication",
    "selection_interview",
    "selection_applicationevent",
    "rounds_candidateoutcome",
    "rounds_offer",
    "community_incident",
    "community_incident_involved",
    "community_warning",
    "monitoring_response",
    "privacy_processing",
]


def rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def one(sql: str, *params: Any) -> Any:
    return rows(sql, *params)[0][0]


def as_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    return {table: sorted(rows(f"SELECT * FROM {table}"), key=repr) for table in TABLES}


def test_the_dry_run_reports_one_record_per_category_and_changes_nothing() -> None:
    world = scenario.build()
    before = snapshot()
    report = {
        line.category.code: (line.rows, line.subjects)
        for line in services.report(world.corporation)
    }
    call_command("apply_retention", "--dry-run", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before
    assert report == {
        "person_history": (1, 1),
        "ended_tenancies": (1, 1),
        "not_selected_applications": (1, 1),
        "withdrawn_applications": (1, 1),
        "motivation_letters": (1, 1),
        "interview_notes": (1, 1),
        "application_history": (1, 1),
        "round_copies": (1, 1),
        "incidents": (1, 1),
        "warnings": (1, 1),
        "survey_answers": (1, 1),
        "processing_log": (0, 0),  # the world's log is new: test_log_retention
    }


def test_the_job_erases_exactly_what_expired_and_logs_it() -> None:
    world = scenario.build()
    expired, kept = world.expired, world.kept
    persons_before = one("SELECT COUNT(*) FROM people_person")
    call_command("apply_retention", stdout=open("/dev/null", "w"))  # noqa: SIM115

    # Persons: the one whose tenancy ended 25 months ago is anonymised, no row deleted.
    assert one("SELECT COUNT(*) FROM people_person") == persons_before
    names = dict(
        rows("SELECT id, first_name || '|' || last_name || '|' || email FROM people_person")
    )
    assert names[expired["person"].pk] == "|(geanonimiseerd)|"
    assert (
        names[kept["person"].pk]
        == "Huurder recent|" + kept["person"].last_name + "|recent@example.nl"
    )
    assert names[kept["running"].pk].startswith("Bewoner|")
    history = "SELECT COUNT(*) FROM people_historicalperson WHERE id = %s"
    assert one(history, expired["person"].pk) == 0
    assert one(history, kept["person"].pk) == 1
    assert one(history, kept["running"].pk) == 1  # the old of its two rows went
    assert (
        one(
            "SELECT COUNT(*) FROM people_historicalperson WHERE history_id = %s",
            expired["person_history"],
        )
        == 0
    )

    # Applications.
    apps = {
        pk: (last, motivation)
        for pk, last, motivation in rows(
            "SELECT id, last_name, motivation FROM selection_application"
        )
    }
    for key in ("not_selected", "withdrawn"):
        assert apps[expired[key].pk] == ("(geanonimiseerd)", "")
        assert apps[kept[key].pk] == (kept[key].last_name, kept[key].motivation)
    assert apps[expired["housed"].pk] == (expired["housed"].last_name, "")
    assert apps[kept["housed"].pk] == (kept["housed"].last_name, kept["housed"].motivation)
    summaries = dict(rows("SELECT application_id, summary FROM selection_interview"))
    assert summaries == {expired["housed"].pk: "", kept["housed"].pk: "Noor kookt graag."}
    app_history = "SELECT COUNT(*) FROM selection_historicalapplication WHERE id = %s"
    assert one(app_history, expired["not_selected"].pk) == 0
    assert one(app_history, kept["not_selected"].pk) == 0  # 25 months old
    assert one(app_history, kept["withdrawn"].pk) == 1
    reasons = [
        r
        for (r,) in rows(
            "SELECT reason FROM selection_applicationevent WHERE application_id = %s",
            expired["not_selected"].pk,
        )
    ]
    assert reasons == [""]

    # Round copies: the old run's copy and the anonymised candidate's copy lose their value.
    copies = {
        pk: as_json(eligibility)[0]["outcome"]["value"]
        for pk, eligibility in rows(
            "SELECT application_id, eligibility FROM rounds_candidateoutcome"
        )
    }
    assert copies == {
        kept["housed"].pk: "",
        expired["not_selected"].pk: "",
        kept["not_selected"].pk: "35000.00",
    }
    assert one("SELECT COUNT(*) FROM rounds_candidateoutcome") == 3  # the ranking stays whole
    assert rows("SELECT decline_reason FROM rounds_offer") == [("",)]

    # Incidents, warnings, survey answers.
    assert rows("SELECT id FROM community_incident") == [(kept["incident"].pk,)]
    assert (
        one(
            "SELECT COUNT(*) FROM community_historicalincident WHERE id = %s",
            expired["incident"].pk,
        )
        == 0
    )
    assert rows("SELECT id FROM community_warning") == [(kept["warning"].pk,)]
    answers = {pk: as_json(a) for pk, a in rows("SELECT id, answers FROM monitoring_response")}
    assert answers == {expired["response"].pk: {}, kept["response"].pk: {"1": 3}}
    scores = [as_json(s) for (s,) in rows("SELECT scores FROM monitoring_response")]
    assert scores == [{"raw": 3}, {"raw": 3}]

    # One log entry per data subject and category, by no user, with ids only.
    logged = rows(
        "SELECT operation, subject_type, subject_id, action FROM privacy_processing "
        "WHERE user_id IS NULL ORDER BY operation"
    )
    running = kept["running"].pk
    assert logged == sorted(
        [
            ("retention:application_history", "application", kept["not_selected"].pk, "erase"),
            ("retention:ended_tenancies", "person", expired["person"].pk, "anonymise"),
            ("retention:incidents", "person", running, "erase"),
            ("retention:interview_notes", "application", expired["housed"].pk, "erase"),
            ("retention:motivation_letters", "application", expired["housed"].pk, "erase"),
            (
                "retention:not_selected_applications",
                "application",
                expired["not_selected"].pk,
                "anonymise",
            ),
            ("retention:person_history", "person", running, "erase"),
            ("retention:round_copies", "application", kept["housed"].pk, "anonymise"),
            ("retention:survey_answers", "person", running, "anonymise"),
            ("retention:warnings", "person", running, "erase"),
            (
                "retention:withdrawn_applications",
                "application",
                expired["withdrawn"].pk,
                "anonymise",
            ),
        ]
    )

    # A second run finds nothing left to do.
    call_command("apply_retention", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert one("SELECT COUNT(*) FROM privacy_processing WHERE user_id IS NULL") == len(logged)


def test_each_organisation_keeps_data_for_its_own_periods() -> None:
    org = factories.organisation()
    RetentionPeriod.objects.create(
        organisation=org, category="not_selected_applications", months=12
    )
    intake = factories.intake(factories.complex(org))
    inside = scenario._decided(intake, Stage.NOT_SELECTED, scenario.months_ago(7))
    past = scenario._decided(intake, Stage.NOT_SELECTED, scenario.months_ago(13))
    factories.user(org, Role.APPLICATION_MANAGER)
    services.apply_retention()
    names = dict(rows("SELECT id, last_name FROM selection_application"))
    assert names == {inside.pk: inside.last_name, past.pk: "(geanonimiseerd)"}
