"""Persons from CSV/XLSX without HTTP: the person form's rules per row, all or nothing, keyed
re-import, and an export that re-imports unchanged."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person
from magicmix.people.models import Role as PersonRole
from magicmix.people.person_import import HEADERS, import_persons, person_records
from magicmix.testing import factories
from magicmix.web import exports
from magicmix.web.imports import ImportRejected

pytestmark = pytest.mark.django_db

HEADER = "referentie;voornaam;achternaam;geboortedatum;e-mail;jaarinkomen;inkomensjaar;doelgroep;voordragende partner"


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return "\n".join([header, *rows]).encode()


def _rejected(org: Organisation, data: bytes, name: str = "persons.csv") -> list[str]:
    user = factories.user(org, Role.LETTING)
    with pytest.raises(ImportRejected) as rejected:
        import_persons(user, org, name, data)
    return rejected.value.problems


@pytest.fixture
def org() -> Organisation:
    corporation = factories.organisation(name="Woonstede")
    coa = factories.organisation(Organisation.Kind.PARTNER, name="COA Utrecht")
    factories.partner(factories.complex(corporation), coa)
    return corporation


def test_a_dutch_file_registers_persons_with_their_groups_role(org: Organisation) -> None:
    user = factories.user(org, Role.LETTING)
    data = _csv(
        "K-1;Yusuf;Demir;02-04-1999;yusuf@example.nl;€ 18.500,50;2025;statushouder;coa utrecht",
        "K-2;Sanne;de Vries;2000-05-17;;;;Student;",
    )
    result = import_persons(user, org, "persons.csv", data)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    yusuf = Person.objects.get(external_reference="K-1")
    assert yusuf.date_of_birth == datetime.date(1999, 4, 2)
    assert yusuf.annual_income == Decimal("18500.50")
    assert yusuf.role == PersonRole.SUPPORTED  # the statushouder group's default
    assert yusuf.nominating_partner.name == "COA Utrecht"
    assert yusuf.role_changes.get().recorded_by == user
    sanne = Person.objects.get(external_reference="K-2")
    assert (sanne.role, sanne.household_size, sanne.organisation) == (
        PersonRole.SUPPORTING,
        1,
        org,
    )


def test_every_problem_is_named_by_row_and_column_and_nothing_is_saved(
    org: Organisation,
) -> None:
    other = factories.organisation(Organisation.Kind.PARTNER, name="Leger des Heils")
    born_future = (timezone.localdate() + datetime.timedelta(days=400)).isoformat()
    problems = _rejected(
        org,
        _csv(
            "K-1;Yusuf;Demir;02-04-1999;geen-adres;;;statushouder;",
            "K-2;Sanne;de Vries;31-02-2000;;;;student;",
            "K-3;Ali;Bakr;" + born_future + ";;1000;;astronaut;" + other.name,
            "K-1;Dubbel;Persoon;2000-01-01;;;;student;",
            ";Zonder;Sleutel;2000-01-01;;;;student;",
        ),
    )
    assert problems == [
        "Rij 2, e-mail: Voer een geldig e-mailadres in.",
        "Rij 3, geboortedatum: '31-02-2000' is geen datum (schrijf 2000-05-17 of 17-05-2000)",
        "Rij 4, doelgroep: 'astronaut' is geen doelgroep uit uw catalogus",
        "Rij 4, voordragende partner: 'Leger des Heils' is geen partner in een complex van u",
        "Rij 5, referentie: 'K-1' staat ook in rij 2",
        "Rij 6, referentie: is verplicht voor een nieuwe persoon (of geef het nummer)",
    ]
    assert not Person.objects.filter(organisation=org).exists()


def test_the_person_forms_rules_apply_to_each_row(org: Organisation) -> None:
    born_future = (timezone.localdate() + datetime.timedelta(days=400)).isoformat()
    problems = _rejected(
        org,
        _csv(
            "K-1;Ali;Bakr;" + born_future + ";;1000;;student;",
            "K-2;Sanne;de Vries;2000-05-17;;;;student;",
        ),
    )
    assert problems == [
        "Rij 2, geboortedatum: De geboortedatum ligt in de toekomst.",
        "Rij 2, inkomensjaar: Vul het jaar in waarop het inkomen betrekking heeft.",
    ]
    assert not Person.objects.exists()


def test_the_same_file_twice_changes_nothing_and_a_change_updates_by_reference(
    org: Organisation,
) -> None:
    user = factories.user(org, Role.LETTING)
    data = _csv("K-1;Yusuf;Demir;1999-04-02;;;;statushouder;")
    import_persons(user, org, "persons.csv", data)
    person = Person.objects.get()
    history = person.history.count()
    again = import_persons(user, org, "persons.csv", data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert person.history.count() == history
    moved = import_persons(
        user, org, "p.csv", _csv("K-1;Yusuf;Demir-Öz;1999-04-02;;;;statushouder;")
    )
    assert (moved.created, moved.updated) == (0, 1)
    assert Person.objects.get().last_name == "Demir-Öz"


def test_a_changed_role_lands_in_the_role_history(org: Organisation) -> None:
    user = factories.user(org, Role.LETTING)
    person = factories.person(org, "statushouder", external_reference="K-9")
    header = "referentie;voornaam;achternaam;geboortedatum;doelgroep;rol"
    row = f"K-9;{person.first_name};{person.last_name};2000-05-17;statushouder;dragend"
    result = import_persons(user, org, "p.csv", _csv(row, header=header))
    assert result.updated == 1
    person.refresh_from_db()
    assert person.role == PersonRole.SUPPORTING
    latest = person.role_changes.first()
    assert (latest.role, latest.valid_from, latest.recorded_by) == (
        PersonRole.SUPPORTING,
        datetime.date.today(),  # noqa: DTZ011
        user,
    )


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_an_export_imports_unchanged(org: Organisation, format: str) -> None:
    user = factories.user(org, Role.LETTING)
    factories.person(
        org,
        "statushouder",
        first_name="=1+1",
        annual_income=Decimal("18500.5"),
        income_year=2025,
        email="a@example.nl",
    )
    factories.person(org, "student", external_reference="K-2", household_size=2)
    before = person_records(org)
    write = exports.as_csv if format == "csv" else exports.as_xlsx
    result = import_persons(user, org, f"export.{format}", write([HEADERS, *before]))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert person_records(org) == before


def test_a_row_cannot_reach_another_organisations_person(org: Organisation) -> None:
    rival = factories.organisation(name="Andere corporatie")
    theirs = factories.person(rival, external_reference="K-1", last_name="Theirs")
    header = "nummer;referentie;voornaam;achternaam;geboortedatum;doelgroep"
    problems = _rejected(org, _csv(f"{theirs.pk};K-1;Mallory;X;2000-01-01;student", header=header))
    assert problems == [f"Rij 2, nummer: is geen persoon van {org.name}"]
    # By reference alone the row is a new person of the importing corporation.
    user = factories.user(org, Role.LETTING)
    import_persons(user, org, "p.csv", _csv("K-1;Mallory;X;2000-01-01;;;;student;"))
    theirs.refresh_from_db()
    assert theirs.last_name == "Theirs"
    assert Person.objects.filter(external_reference="K-1").count() == 2
