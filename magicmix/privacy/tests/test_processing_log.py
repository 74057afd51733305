"""The processing log: every read, export and change of a person's or applicant's data by a
user is kept, append-only, without personal data; the application manager sees and exports
who looked at a person's file."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.privacy.models import Processing
from magicmix.testing import factories

pytestmark = pytest.mark.django_db

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"


def test_viewing_and_changing_a_person_is_logged_with_the_logboek_fields(client: Client) -> None:
    org = factories.organisation(name="Portaal")
    person = factories.person(org, "statushouder", first_name="Yusuf", last_name="Demir")
    letting = factories.user(org, Role.LETTING, full_name="Lotte Verhuur")
    client.force_login(letting)
    client.get(
        reverse("people:person_detail", args=[person.pk]),
        HTTP_TRACEPARENT=f"00-{TRACE}-00f067aa0ba902b7-01",
    )
    entry = Processing.objects.get()
    assert (entry.user, entry.organisation, entry.subject_type, entry.subject_id) == (
        letting,
        org,
        "person",
        person.pk,
    )
    assert (entry.action, entry.activity, entry.activity_id) == ("view", "allocation", "mm-va-01")
    assert entry.trace_id == TRACE and len(entry.span_id) == 16
    assert entry.operation == "people:person_detail"
    stored = " ".join(str(getattr(entry, f.attname)) for f in Processing._meta.concrete_fields)
    assert "Yusuf" not in stored and "Demir" not in stored

    social = factories.user(org, Role.SOCIAL_MANAGER)
    client.force_login(social)
    client.get(reverse("people:person_edit", args=[person.pk]))
    assert Processing.objects.first().activity == "social_management"


def test_the_log_is_append_only() -> None:
    org = factories.organisation()
    entry = Processing.objects.create(
        user=factories.user(org),
        organisation=org,
        subject_type="person",
        subject_id=1,
        action="view",
        activity="allocation",
        activity_id="mm-va-01",
        operation="test",
    )
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        Processing.objects.filter(pk=entry.pk).update(action="change")
    with pytest.raises(TypeError):
        Processing.objects.all().delete()
    assert Processing.objects.get().action == "view"


def test_the_application_manager_sees_who_looked_and_exports_it(client: Client) -> None:
    org = factories.organisation(name="Portaal")
    person = factories.person(org)
    client.force_login(factories.user(org, Role.LETTING, full_name="Lotte Verhuur"))
    client.get(reverse("people:person_detail", args=[person.pk]))
    manager = factories.user(org, Role.APPLICATION_MANAGER, full_name="Anna Beheer")
    client.force_login(manager)
    page = client.get(reverse("people:person_detail", args=[person.pk])).text
    assert "Wie heeft dit dossier ingezien" in page
    assert "Lotte Verhuur" in page and "toewijzing" in page
    export = client.get(reverse("people:person_log_export", args=[person.pk, "csv"]))
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("tijdstip;gebruiker;organisatie;handeling;verwerking")
    assert len(lines) == 1 + 3  # letting's view, the manager's view, and this export
    assert Processing.objects.filter(action="export", user=manager).count() == 1

    client.force_login(factories.user(org, Role.LETTING))
    assert "Wie heeft dit dossier" not in client.get(person.get_absolute_url()).text
    assert (
        client.get(reverse("people:person_log_export", args=[person.pk, "csv"])).status_code == 404
    )


def test_opening_an_application_is_logged_as_selection(client: Client) -> None:
    org = factories.organisation()
    intake = factories.intake(factories.complex(org))
    application, _ = factories.application(intake)
    client.force_login(factories.user(org, Role.LETTING))
    assert (
        client.get(reverse("selection:application_detail", args=[application.pk])).status_code
        == 200
    )
    entry = Processing.objects.get()
    assert (entry.subject_type, entry.subject_id, entry.activity) == (
        "application",
        application.pk,
        "selection",
    )
