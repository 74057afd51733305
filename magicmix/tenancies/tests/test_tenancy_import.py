"""Tenancies from CSV/XLSX: letting through start_tenancy/end_tenancy, all or nothing, keyed on
unit and start date, other organisations' complexes and persons out of reach."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.housing.models import Unit
from magicmix.people.models import Person
from magicmix.tenancies.models import Tenancy
from magicmix.tenancies.tenancy_import import (
    HEADERS,
    ImportResult,
    import_tenancies,
    tenancy_records,
)
from magicmix.testing import factories
from magicmix.web import exports
from magicmix.web.imports import ImportRejected

pytestmark = pytest.mark.django_db
HEADER = "complex;eenheid;referentie;ingangsdatum;einddatum\n"


@pytest.fixture
def letting() -> tuple[Organisation, list[Unit], list[Person]]:
    org = factories.organisation(name="Woonstede")
    gang = factories.cluster(factories.complex(org, name="Riekerhaven"))
    units = [factories.unit(gang, code=f"A-{n}") for n in (1, 2)]
    persons = [factories.person(org, external_reference=f"K-{n}") for n in (1, 2)]
    return org, units, persons


def _import(org: Organisation, text: str, name: str = "huur.csv") -> ImportResult:
    user = factories.user(org, Role.LETTING)
    return import_tenancies(user, org, name, text.encode())


def test_a_file_lets_units_and_the_same_file_again_changes_nothing(letting) -> None:
    org, units, persons = letting
    text = HEADER + "Riekerhaven;A-1;K-1;01-03-2024;\nriekerhaven;a-2;K-2;2024-04-01;2025-03-31\n"
    first = _import(org, text)
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    second = Tenancy.objects.get(unit=units[1])
    assert (second.person, second.start_date, second.end_date) == (
        persons[1],
        datetime.date(2024, 4, 1),
        datetime.date(2025, 3, 31),
    )
    again = _import(org, text)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    ended = _import(org, HEADER + "Riekerhaven;A-1;K-1;2024-03-01;2026-02-28\n")
    assert (ended.created, ended.updated) == (0, 1)
    assert Tenancy.objects.get(unit=units[0]).end_date == datetime.date(2026, 2, 28)


def test_an_overlap_and_every_other_problem_is_named_and_nothing_is_saved(letting) -> None:
    org, units, _persons = letting
    factories.tenancy(units[0], factories.person(org), start_date=datetime.date(2023, 1, 1))
    rival = factories.organisation(name="Andere corporatie")
    factories.complex(rival, name="Elders")
    theirs = factories.person(rival, external_reference="K-9")
    text = HEADER + (
        "Riekerhaven;A-2;K-2;2024-04-01;\n"
        "Riekerhaven;A-1;K-1;2024-03-01;\n"
        "Elders;B-1;K-1;2024-03-01;\n"
        "Riekerhaven;A-9;K-9;2024-03-01;\n"
        "Riekerhaven;A-2;K-1;2024-05-01;2024-04-01\n"
    )
    with pytest.raises(ImportRejected) as rejected:
        _import(org, text)
    assert rejected.value.problems == [
        "Rij 3, eenheid: Deze wooneenheid is in (een deel van) deze periode al verhuurd.",
        "Rij 4, complex: 'Elders' is geen complex dat u verhuurt",
        "Rij 5, eenheid: 'A-9' is geen wooneenheid van dit complex",
        "Rij 5, referentie: geen persoon heeft deze referentie; geef de persoon of een bekende referentie",
        "Rij 6, einddatum: Een huurovereenkomst kan niet eindigen voordat ze begint.",
    ]
    assert Tenancy.objects.count() == 1
    assert not theirs.tenancies.exists()


def test_a_person_number_of_another_organisation_is_refused(letting) -> None:
    org, _units, _persons = letting
    theirs = factories.person(factories.organisation())
    header = "complex;eenheid;persoon;ingangsdatum\n"
    with pytest.raises(ImportRejected) as rejected:
        _import(org, header + f"Riekerhaven;A-1;{theirs.pk};2024-03-01\n")
    assert rejected.value.problems == ["Rij 2, persoon: is geen persoon aan wie u mag verhuren"]


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_an_export_imports_unchanged(letting, format: str) -> None:
    org, units, persons = letting
    factories.tenancy(units[0], persons[0], end_date=datetime.date(2025, 2, 28))
    factories.tenancy(units[0], persons[1], start_date=datetime.date(2025, 3, 1))
    user = factories.user(org, Role.LETTING)
    before = tenancy_records(user, org)
    write = exports.as_csv if format == "csv" else exports.as_xlsx
    result = import_tenancies(user, org, f"export.{format}", write([HEADERS, *before]))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert tenancy_records(user, org) == before


def test_the_pages_are_for_letting_staff_only(client: Client, letting) -> None:
    org, _units, _persons = letting
    client.force_login(factories.user(org, Role.LETTING))
    upload = SimpleUploadedFile("huur.csv", (HEADER + "Riekerhaven;A-1;K-1;2024-03-01;\n").encode())
    url = reverse("tenancies:tenancy_import")
    response = client.post(url, {"organisation": org.pk, "file": upload}, follow=True)
    assert "Import klaar: 1 aangemaakt, 0 bijgewerkt, 0 ongewijzigd." in response.text
    export = client.get(reverse("tenancies:tenancy_export", args=[org.pk, "csv"]))
    assert "Riekerhaven;A-1;" in export.content.decode("utf-8-sig")
    other = factories.organisation()
    assert (
        client.get(reverse("tenancies:tenancy_export", args=[other.pk, "csv"])).status_code == 404
    )
    for outsider in (
        factories.user(org, Role.SOCIAL_MANAGER),
        factories.user(other, Role.POLICY_OFFICER),
    ):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
