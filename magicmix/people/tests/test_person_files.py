"""The person import and export pages: staff of the corporation only, problems listed on the
page, the processing log written, another organisation's persons out of reach (404)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person
from magicmix.privacy.models import Action, Processing
from magicmix.testing import factories

pytestmark = pytest.mark.django_db
IMPORT = reverse("people:person_import")
CSV = "referentie;voornaam;achternaam;geboortedatum;doelgroep\n"


def _upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("personen.csv", text.encode(), content_type="text/csv")


def test_staff_import_then_export_and_the_log_records_both(client: Client) -> None:
    org = factories.organisation(name="Woonstede")
    client.force_login(factories.user(org, Role.SOCIAL_MANAGER))
    assert "Personen importeren" in client.get(IMPORT).text
    response = client.post(
        IMPORT,
        {
            "organisation": org.pk,
            "file": _upload(CSV + "K-1;Yusuf;Demir;02-04-1999;statushouder\n"),
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(external_reference="K-1")
    assert Processing.objects.filter(subject_id=person.pk, action=Action.CHANGE).count() == 1
    export = client.get(reverse("people:person_export", args=[org.pk, "csv"]))
    assert export["Content-Disposition"] == 'attachment; filename="woonstede-personen.csv"'
    assert f"{person.pk};K-1;Yusuf;Demir;1999-04-02" in export.content.decode("utf-8-sig")
    assert Processing.objects.filter(subject_id=person.pk, action=Action.EXPORT).count() == 1


def test_a_file_with_problems_lists_them_and_imports_nothing(client: Client) -> None:
    org = factories.organisation()
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(
        IMPORT, {"organisation": org.pk, "file": _upload(CSV + "K-1;Yusuf;;02-04-1999;astronaut\n")}
    )
    assert response.status_code == 200
    assert "Er is niets geïmporteerd" in response.text
    assert "Rij 2, achternaam: is verplicht" in response.text
    assert not Person.objects.exists()


def test_another_organisation_and_roles_without_persons_get_404(client: Client) -> None:
    org = factories.organisation()
    rival = factories.organisation()
    factories.person(rival, external_reference="K-1")
    client.force_login(factories.user(org, Role.LETTING))
    assert client.get(reverse("people:person_export", args=[rival.pk, "csv"])).status_code == 404
    # Choosing the other corporation in the form is refused as an invalid choice.
    response = client.post(
        IMPORT, {"organisation": rival.pk, "file": _upload(CSV + "K-1;X;Y;2000-01-01;student\n")}
    )
    assert response.status_code == 200
    assert Person.objects.filter(organisation=org).count() == 0
    partner = factories.organisation(Organisation.Kind.PARTNER)
    for outsider in (
        factories.user(partner, Role.PARTNER_CASEWORKER),
        factories.user(org, Role.POLICY_OFFICER),
    ):
        client.force_login(outsider)
        for url in (
            IMPORT,
            reverse("people:person_export", args=[org.pk, "xlsx"]),
            reverse("people:person_template", args=["csv"]),
        ):
            assert client.get(url).status_code == 404
