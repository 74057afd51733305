"""POST /person-imports: the page's importer over the API, problems as problem details."""

from __future__ import annotations

import pytest
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person
from magicmix.privacy.models import Processing
from magicmix.testing import factories

from .conftest import ApiClient, issue

pytestmark = pytest.mark.django_db
FILE = "referentie;voornaam;achternaam;geboortedatum;doelgroep\n"


def test_a_file_imports_once_and_the_same_file_again_changes_nothing() -> None:
    org = factories.organisation()
    api = ApiClient(issue(org, Role.LETTING))
    data = (
        FILE + "K-1;Yusuf;Demir;02-04-1999;statushouder\nK-2;Sanne;Vos;2000-05-17;student\n"
    ).encode()
    first = api.upload("/person-imports", "personen.csv", data)
    assert first.status_code == 200, first.content
    assert first.json() == {"created": 2, "updated": 0, "unchanged": 0}
    assert first["API-Version"] == "1.0.0"
    assert Processing.objects.filter(subject_type="person").count() == 2
    again = api.upload("/person-imports", "personen.csv", data)
    assert again.json() == {"created": 0, "updated": 0, "unchanged": 2}
    assert set(Person.objects.values_list("organisation", flat=True)) == {org.pk}


def test_a_file_with_problems_is_a_problem_document_listing_every_row() -> None:
    org = factories.organisation()
    api = ApiClient(issue(org, Role.SOCIAL_MANAGER))
    data = (
        FILE + "K-1;Yusuf;;02-04-1999;statushouder\nK-2;Sanne;Vos;2000-13-17;astronaut\n"
    ).encode()
    response = api.upload("/person-imports", "personen.csv", data)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"] == [
        {"name": "file", "code": "invalid-row", "reason": "Rij 2, achternaam: is verplicht"},
        {
            "name": "file",
            "code": "invalid-row",
            "reason": "Rij 3, geboortedatum: '2000-13-17' is geen datum (schrijf 2000-05-17 of 17-05-2000)",
        },
    ]
    assert not Person.objects.exists()
    not_a_sheet = api.upload("/person-imports", "personen.pdf", b"%PDF")
    assert not_a_sheet.json()["invalidParams"][0]["reason"] == "Kies een CSV- of XLSX-bestand."


def test_a_partners_token_registers_no_persons() -> None:
    partner = factories.organisation(Organisation.Kind.PARTNER)
    api = ApiClient(issue(partner, Role.PARTNER_CASEWORKER))
    response = api.upload(
        "/person-imports", "p.csv", (FILE + "K-1;A;B;2000-01-01;student\n").encode()
    )
    assert response.status_code == 404
    assert not Person.objects.exists()


def test_tenancies_and_units_import_through_the_same_importers() -> None:
    org = factories.organisation()
    complex_ = factories.complex(org, name="Riekerhaven")
    factories.cluster(complex_, name="Gang 1")
    person = factories.person(org, external_reference="K-1")
    api = ApiClient(issue(org, Role.LETTING))
    units = "code;cluster;type;woonoppervlak;kale huur\nA-1;Gang 1;studio;23,5;450\n"
    response = api.upload(f"/complexes/{complex_.pk}/unit-imports", "eenheden.csv", units.encode())
    assert response.json() == {"created": 1, "updated": 0, "unchanged": 0, "clustersCreated": 0}
    tenancies = "complex;eenheid;referentie;ingangsdatum\nRiekerhaven;A-1;K-1;2024-03-01\n"
    for expected in (
        {"created": 1, "updated": 0, "unchanged": 0},
        {"created": 0, "updated": 0, "unchanged": 1},
    ):
        response = api.upload("/tenancy-imports", "huur.csv", tenancies.encode())
        assert response.json() == expected
    assert person.tenancies.get().unit.code == "A-1"
    # A social manager's token lets no units, as on the page.
    social = ApiClient(issue(org, Role.SOCIAL_MANAGER))
    assert social.upload("/tenancy-imports", "huur.csv", tenancies.encode()).status_code == 404


def test_applications_import_into_an_intake_of_the_token_s_corporation_only() -> None:
    org = factories.organisation()
    intake = factories.intake(factories.complex(org))
    year = timezone.localdate().year - 1
    data = (
        "referentie;voornaam;achternaam;geboortedatum;e-mail;jaarinkomen;inkomensjaar;"
        f"doelgroep;motivatie\nR-1;Sanne;Vos;2000-05-17;s@example.nl;9000;{year};starter;Hoi\n"
    ).encode()
    path = f"/intakes/{intake.pk}/application-imports"
    stranger = ApiClient(issue(factories.organisation(), Role.LETTING))
    assert stranger.upload(path, "a.csv", data).status_code == 404
    api = ApiClient(issue(org, Role.LETTING))
    first = api.upload(path, "a.csv", data)
    assert first.json() == {"created": 1, "updated": 0, "unchanged": 0}, first.content
    assert Processing.objects.filter(subject_type="application").count() == 1
    assert api.upload(path, "a.csv", data).json() == {"created": 0, "updated": 0, "unchanged": 1}
    wrong = api.upload(path, "a.csv", data.replace(b"starter", b"astronaut"))
    assert wrong.json()["invalidParams"] == [
        {
            "name": "file",
            "code": "invalid-row",
            "reason": "Rij 2, doelgroep: 'astronaut' is geen doelgroep van deze werving",
        }
    ]
