"""Bulk imports: the same files, importers and rules as the import pages (docs/bulk-import.md).

A file is imported all or nothing; a file with problems answers 400 with one `invalidParams`
entry per problem, named by row and column in the `reason`. Importing the same file twice
changes nothing. The token imports into its own organisation only, as its role may on the page:
a role that may not change these records there gets 404 here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Router, UploadedFile

from magicmix.accounts.models import LETTING_ROLES, STAFF_ROLES, Organisation
from magicmix.housing.models import Complex
from magicmix.housing.unit_import import import_units
from magicmix.people.person_import import import_persons as import_person_file
from magicmix.selection.application_import import import_applications
from magicmix.selection.models import Intake
from magicmix.tenancies.tenancy_import import import_tenancies as import_tenancy_file

from ..auth import acting_as
from ..models import Scope
from ..personal_data import processed
from ..schemas import ApiSchema, example

router = Router(tags=["imports"])


class ImportOut(ApiSchema):
    model_config = example(created=12, updated=3, unchanged=140)
    created: int
    updated: int
    unchanged: int


class UnitImportOut(ImportOut):
    model_config = example(created=12, updated=3, unchanged=140, clustersCreated=2)
    clusters_created: int


def _import(
    request: HttpRequest, file: UploadedFile, scope: str, roles: Iterable[str], run: Any
) -> Any:
    """`run(user, organisation, filename, data)` into the token's corporation, if its role may
    change these records there (else 404); what it created or changed goes to the log."""
    user = acting_as(request, scope)
    organisation = Organisation.objects.filter(pk__in=user.organisation_ids(set(roles))).first()
    if organisation is None:
        raise Http404
    result = run(user, organisation, file.name or "", file.read())
    processed(request, "change", result.changed)
    return result


@router.post("/person-imports", response=ImportOut, by_alias=True)
def import_persons(request: HttpRequest, file: File[UploadedFile]):
    """Register or update the persons of the token's corporation from a CSV or XLSX file."""
    return _import(request, file, Scope.WRITE_PERSONS, STAFF_ROLES, import_person_file)


@router.post("/tenancy-imports", response=ImportOut, by_alias=True)
def import_tenancies(request: HttpRequest, file: File[UploadedFile]):
    """Start tenancies, or give known ones an end date, in the token's corporation's complexes."""
    return _import(request, file, Scope.WRITE_TENANCIES, LETTING_ROLES, import_tenancy_file)


@router.post("/complexes/{complex_id}/unit-imports", response=UnitImportOut, by_alias=True)
def import_complex_units(request: HttpRequest, complex_id: int, file: File[UploadedFile]):
    """Create or update the units (and missing clusters) of a complex from a CSV or XLSX file."""
    user = acting_as(request, Scope.WRITE_STOCK)
    complex_ = get_object_or_404(Complex.objects.editable_by(user), pk=complex_id)
    return import_units(complex_, file.name or "", file.read())


@router.post("/intakes/{intake_id}/application-imports", response=ImportOut, by_alias=True)
def import_intake_applications(request: HttpRequest, intake_id: int, file: File[UploadedFile]):
    """Add or update the applications to an intake of the token's corporation from a CSV or
    XLSX file; each new application passes the intake's eligibility check."""
    user = acting_as(request, Scope.WRITE_APPLICATIONS)
    intake = get_object_or_404(Intake.objects.editable_by(user), pk=intake_id)
    result = import_applications(user, intake, file.name or "", file.read())
    processed(request, "change", result.changed)
    return result
