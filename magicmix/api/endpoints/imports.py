"""Bulk imports: the same files, importers and rules as the import pages (docs/bulk-import.md).

A file is imported all or nothing; a file with problems answers 400 with one `invalidParams`
entry per problem, named by row and column in the `reason`. Importing the same file twice
changes nothing. The token imports into its own organisation only, as its role may on the page.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import File, Router, UploadedFile

from magicmix.accounts.models import STAFF_ROLES, Organisation
from magicmix.people.person_import import import_persons as import_person_file

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


@router.post("/person-imports", response=ImportOut, by_alias=True)
def import_persons(request: HttpRequest, file: File[UploadedFile]):
    """Register or update the persons of the token's corporation from a CSV or XLSX file."""
    user = acting_as(request, Scope.WRITE_PERSONS)
    # A partner's token registers no persons: there is no person it may change (404).
    organisation = Organisation.objects.filter(pk__in=user.organisation_ids(STAFF_ROLES)).first()
    if organisation is None:
        raise Http404
    result = import_person_file(user, organisation, file.name or "", file.read())
    processed(request, "change", result.changed)
    return result
