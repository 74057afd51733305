"""Applications of an intake from CSV/XLSX: the application form's and the intake's rules per
row, all or nothing, keyed re-import, an export that re-imports unchanged, and access."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.privacy.models import Processing
from magicmix.selection.application_import import (
    HEADERS,
    application_records,
    import_applications,
)
from magicmix.selection.models import Application, ApplicationEvent, Intake
from magicmix.testing import factories
from magicmix.web import exports
from magicmix.web.imports import ImportRejected

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1
HEADER = "referentie;voornaam;achternaam;geboortedatum;e-mail;jaarinkomen;inkomensjaar;doelgroep;onderwijsinstelling;motivatie"
YUSUF = f"R-1;Yusuf;Demir;02-04-1999;yusuf@example.nl;€ 18.500,50;{YEAR};starter;;Ik kook graag."
SANNE = f"R-2;Sanne;de Vries;2000-05-17;sanne@example.nl;9000;{YEAR};Student;HU;Ik help."


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return "\n".join([header, *rows]).encode()


@pytest.fixture
def intake() -> Intake:
    org = factories.organisation(name="Woonstede")
    return factories.intake(factories.complex(org, name="Riekerhaven"))


def test_a_file_adds_applications_once_and_a_change_updates_by_reference(intake: Intake) -> None:
    user = factories.user(intake.complex.organisation, Role.LETTING)
    result = import_applications(user, intake, "a.csv", _csv(YUSUF, SANNE))
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    yusuf = Application.objects.get(external_reference="R-1")
    assert (yusuf.annual_income, yusuf.target_group.code, yusuf.intake) == (
        Decimal("18500.50"),
        "starter",
        intake,
    )
    assert yusuf.events.get().kind == ApplicationEvent.Kind.SUBMITTED
    assert yusuf.events.get().actor == user
    again = import_applications(user, intake, "a.csv", _csv(YUSUF, SANNE))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    moved = import_applications(user, intake, "a.csv", _csv(YUSUF.replace("kook", "bak")))
    assert (moved.created, moved.updated, moved.unchanged) == (0, 1, 0)
    yusuf.refresh_from_db()
    assert yusuf.motivation == "Ik bak graag."
    assert Application.objects.count() == 2


def test_every_problem_is_named_by_row_and_column_and_nothing_is_saved(intake: Intake) -> None:
    rival = factories.intake(factories.complex(factories.organisation(name="Ander")))
    theirs, _token = factories.application(rival)
    user = factories.user(intake.complex.organisation, Role.LETTING)
    header = "nummer;" + HEADER
    data = _csv(
        ";" + YUSUF,  # fine on its own, but the file as a whole is refused
        f";R-2;Sanne;de Vries;2000-05-17;sanne@example.nl;9000;{YEAR};student;;Ik help.",
        f";R-3;Bo;Jansen;31-02-1999;bo@example.nl;1;{YEAR};astronaut;;Hoi",
        f"{theirs.pk};R-4;Mallory;X;2000-01-01;m@example.nl;1;{YEAR};starter;;Hoi",
        f";R-1;Dubbel;X;2000-01-01;d@example.nl;1;{YEAR};starter;;Hoi",
        header=header,
    )
    with pytest.raises(ImportRejected) as rejected:
        import_applications(user, intake, "a.csv", data)
    assert rejected.value.problems == [
        "Rij 3, onderwijsinstelling: Vertel ons waar u ingeschreven staat.",
        "Rij 4, geboortedatum: '31-02-1999' is geen datum (schrijf 2000-05-17 of 17-05-2000)",
        "Rij 5, nummer: is geen aanmelding voor deze werving",
        "Rij 6, referentie: 'R-1' staat ook in rij 2",
    ]
    assert not Application.objects.filter(intake=intake).exists()
    theirs.refresh_from_db()
    assert theirs.first_name == "Noor"


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_an_export_imports_unchanged(intake: Intake, format: str) -> None:
    user = factories.user(intake.complex.organisation, Role.LETTING)
    factories.application(intake, "starter", first_name="=1+1", external_reference="R-9")
    factories.application(intake, "student", education_institution="UU", phone="06-1")
    before = application_records(intake)
    write = exports.as_csv if format == "csv" else exports.as_xlsx
    result = import_applications(user, intake, f"export.{format}", write([HEADERS, *before]))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert application_records(intake) == before
    assert "=1+1" in [record[2] for record in before]


def test_only_letting_staff_of_the_owner_reach_the_pages(client: Client, intake: Intake) -> None:
    factories.application(intake, "starter")
    rival = factories.user(factories.organisation(name="Ander"), Role.LETTING)
    scorer = factories.user(intake.complex.organisation, Role.SOCIAL_MANAGER)
    base = f"/intakes/{intake.pk}/applications"
    for stranger in (rival, scorer):
        client.force_login(stranger)
        for path in ("/import/", "/export.csv", "/template.xlsx"):
            assert client.get(base + path).status_code == 404, (stranger, path)
        upload = client.post(base + "/import/", {"file": _upload(YUSUF)})
        assert upload.status_code == 404
    assert not Application.objects.filter(external_reference="R-1").exists()
    client.force_login(factories.user(intake.complex.organisation, Role.LETTING))
    page = client.get(f"/intakes/{intake.pk}/")
    assert f"{base}/import/" in page.content.decode()
    owner = intake.complex.organisation.pk
    done = client.post(base + "/import/", {"organisation": owner, "file": _upload(YUSUF)})
    assert done.status_code == 302 and done["Location"] == f"/intakes/{intake.pk}/"
    added = Application.objects.get(external_reference="R-1")
    assert Processing.objects.filter(subject_type="application", subject_id=added.pk).exists()
    exported = client.get(base + "/export.csv")
    assert exported.status_code == 200 and "Demir" in exported.content.decode("utf-8-sig")
    assert Processing.objects.filter(action="export").count() == 2


def _upload(*rows: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("a.csv", _csv(*rows), content_type="text/csv")
