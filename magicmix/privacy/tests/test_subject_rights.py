"""An application manager exports everything about a person or applicant (JSON, PDF, with the
processing log), sees what erasing would do, is stopped by an open tenancy or offer, and
erases in one go: identity gone, figures kept, the erasure logged."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.people.models import Person
from magicmix.privacy.models import Processing
from magicmix.rounds.models import CandidateOutcome, Offer, Round, Run
from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories

from .world import ELIGIBILITY

pytestmark = pytest.mark.django_db


def raw(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


@pytest.fixture
def resident(client: Client) -> tuple[Person, Tenancy]:
    org = factories.organisation(name="Portaal")
    person = factories.person(org, first_name="Yusuf", last_name="Demir", email="yd@example.nl")
    person.change_role("supported", datetime.date(2025, 1, 1), "Verhuisd uit de opvang", None)
    unit = factories.unit(factories.cluster(factories.complex(org)))
    tenancy = factories.tenancy(unit, person, start_date=datetime.date(2025, 1, 1))
    client.force_login(factories.user(org, Role.APPLICATION_MANAGER, full_name="Anna Beheer"))
    return person, tenancy


def test_the_export_holds_the_person_their_tenancy_and_the_log(
    client: Client, resident: tuple[Person, Tenancy]
) -> None:
    person, tenancy = resident
    client.get(person.get_absolute_url())
    answer = client.get(reverse("privacy:subject_export", args=["person", person.pk, "json"]))
    assert (
        answer["Content-Disposition"]
        == f'attachment; filename="betrokkene-person-{person.pk}.json"'
    )
    export = json.loads(answer.content)
    sections = {s["titel"]: s["gegevens"] for s in export["onderdelen"]}
    person_rows = sections["Persoon en rolgeschiedenis"]
    assert person_rows[0]["voornaam"] == "Yusuf" and person_rows[0]["achternaam"] == "Demir"
    assert any(row.get("reden") == "Verhuisd uit de opvang" for row in person_rows)
    tenancies = [row for row in sections["Huurovereenkomsten"] if "model" not in row]
    assert [(row["ingangsdatum"], row["unit"]) for row in tenancies] == [
        ("2025-01-01", str(tenancy.unit))
    ]
    actions = [entry["handeling"] for entry in export["verwerkingslog"]]
    assert actions == ["geëxporteerd", "ingezien"]  # newest first: this export, the page view
    pdf = client.get(reverse("privacy:subject_export", args=["person", person.pk, "pdf"]))
    assert pdf.content.startswith(b"%PDF") and pdf["Content-Type"] == "application/pdf"
    assert Processing.objects.filter(subject_id=person.pk, action="export").count() == 2


def test_an_open_tenancy_blocks_erasure_and_says_what_to_do(
    client: Client, resident: tuple[Person, Tenancy]
) -> None:
    person, _tenancy = resident
    url = reverse("privacy:subject_erase", args=["person", person.pk])
    page = client.get(url).text
    assert "lopende of toekomstige huurovereenkomst" in page and "Beëindig eerst" in page
    answer = client.post(url, {"confirm": "on"})
    assert answer.status_code == 409
    assert raw("SELECT first_name FROM people_person WHERE id = %s", person.pk) == [("Yusuf",)]
    assert not Processing.objects.filter(action="erase").exists()


def test_erasing_a_former_resident_keeps_the_figures_and_logs_it(
    client: Client, resident: tuple[Person, Tenancy]
) -> None:
    person, tenancy = resident
    tenancy.end_date = timezone.localdate() - datetime.timedelta(days=1)
    tenancy.save()
    url = reverse("privacy:subject_erase", args=["person", person.pk])
    page = client.get(url).text
    assert "Dit kan niet ongedaan worden gemaakt" in page and "blijven, zonder naam" in page
    assert client.post(url, {}).status_code == 200  # not confirmed: nothing happens
    assert raw("SELECT last_name FROM people_person WHERE id = %s", person.pk) == [("Demir",)]
    answer = client.post(url, {"confirm": "on"})
    assert answer.status_code == 302 and answer["Location"] == person.get_absolute_url()
    row = raw(
        "SELECT first_name, last_name, email, date_of_birth, role, support_need "
        "FROM people_person WHERE id = %s",
        person.pk,
    )[0]
    assert row[:3] == ("", "(geanonimiseerd)", "")
    assert str(row[3]) == f"{person.date_of_birth.year}-07-01"
    assert row[4:] == (person.role, person.support_need)
    assert raw("SELECT COUNT(*) FROM people_historicalperson WHERE id = %s", person.pk) == [(0,)]
    assert raw(
        "SELECT COUNT(*) FROM tenancies_historicaltenancy WHERE person_id = %s", person.pk
    ) == [(0,)]
    assert raw("SELECT COUNT(*) FROM tenancies_tenancy WHERE person_id = %s", person.pk) == [(1,)]
    assert set(raw("SELECT reason FROM people_rolechange WHERE person_id = %s", person.pk)) == {
        ("",)
    }
    entry = Processing.objects.get(action="erase")
    assert (entry.subject_type, entry.subject_id, entry.user.full_name) == (
        "person",
        person.pk,
        "Anna Beheer",
    )
    page = client.get(person.get_absolute_url()).text
    assert "gewist" in page and "Yusuf" not in page


def test_an_open_offer_blocks_erasing_an_applicant_and_a_round_stays_readable(
    client: Client,
) -> None:
    org = factories.organisation()
    complex_ = factories.complex(org)
    intake = factories.intake(complex_)
    application, _token = factories.application(intake, first_name="Noor", last_name="Visser")
    round_ = Round.objects.create(
        complex=complex_, intake=intake, title="R", move_in=datetime.date(2026, 1, 1)
    )
    run = Run.objects.create(
        round=round_, number=1, mode="priority", seed=0, finished_at=timezone.now()
    )
    CandidateOutcome.objects.create(
        run=run, application=application, position=1, eligibility=ELIGIBILITY
    )
    offer = Offer.objects.create(
        round=round_,
        run=run,
        unit=factories.unit(factories.cluster(complex_)),
        application=application,
        deadline=datetime.date(2026, 1, 1),
    )
    client.force_login(factories.user(org, Role.APPLICATION_MANAGER))
    url = reverse("privacy:subject_erase", args=["application", application.pk])
    assert "Er staat een aanbod open" in client.get(url).text
    assert client.post(url, {"confirm": "on"}).status_code == 409

    Offer.objects.filter(pk=offer.pk).update(
        status=Offer.Status.DECLINED, decline_reason="Te klein"
    )
    assert client.post(url, {"confirm": "on"}).status_code == 302
    assert raw("SELECT last_name, motivation, email FROM selection_application") == [
        ("(geanonimiseerd)", "", "")
    ]
    assert raw("SELECT decline_reason FROM rounds_offer") == [("",)]
    (copy,) = raw("SELECT eligibility FROM rounds_candidateoutcome")[0]
    copy = json.loads(copy) if isinstance(copy, str) else copy
    assert copy[0]["outcome"]["value"] == "" and copy[0]["outcome"]["limit"] == "51537.00"
    csv = client.get(reverse("rounds:justification_csv", args=[round_.pk])).content.decode(
        "utf-8-sig"
    )
    assert "(geanonimiseerd)" in csv and "Noor" not in csv and "35000" not in csv


def test_a_resident_housed_through_an_offer_takes_their_application_along(client: Client) -> None:
    org = factories.organisation()
    complex_ = factories.complex(org)
    intake = factories.intake(complex_)
    application, _token = factories.application(intake, first_name="Noor", last_name="Visser")
    round_ = Round.objects.create(
        complex=complex_, intake=intake, title="R", move_in=datetime.date(2025, 1, 1)
    )
    run = Run.objects.create(
        round=round_, number=1, mode="priority", seed=0, finished_at=timezone.now()
    )
    unit = factories.unit(factories.cluster(complex_))
    person = factories.person(org, first_name="Noor", last_name="Visser")
    tenancy = factories.tenancy(
        unit, person, start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 12, 31)
    )
    Offer.objects.create(
        round=round_,
        run=run,
        unit=unit,
        application=application,
        deadline=datetime.date(2024, 12, 20),
        status=Offer.Status.ACCEPTED,
        tenancy=tenancy,
    )
    client.force_login(factories.user(org, Role.APPLICATION_MANAGER))
    export = client.get(reverse("privacy:subject_export", args=["person", person.pk, "json"]))
    sections = {s["titel"]: s["gegevens"] for s in json.loads(export.content)["onderdelen"]}
    housed_by = sections["De inschrijving waarmee de persoon is gehuisvest"]
    assert application.motivation in [value for row in housed_by for value in row.values()]
    url = reverse("privacy:subject_erase", args=["person", person.pk])
    assert "wordt mee geanonimiseerd" in client.get(url).text
    assert client.post(url, {"confirm": "on"}).status_code == 302
    assert raw("SELECT last_name, motivation FROM selection_application") == [
        ("(geanonimiseerd)", "")
    ]
    erased = raw("SELECT subject_type, subject_id FROM privacy_processing WHERE action = 'erase'")
    assert sorted(erased) == [("application", application.pk), ("person", person.pk)]
