"""Importing a benchmark document: one transaction, idempotent on project id and period."""

from __future__ import annotations

from django.db import transaction

from magicmix.accounts.models import Organisation, User

from .document import Document
from .models import BenchmarkDocument


@transaction.atomic
def import_document(
    organisation: Organisation, document: Document, by: User | None
) -> tuple[BenchmarkDocument, bool]:
    """Store `document` for `organisation`; a second import of the same project and period
    replaces the first. Returns the stored row and whether it is new."""
    return BenchmarkDocument.objects.update_or_create(
        organisation=organisation,
        project_id=document.project.id,
        period=document.period,
        defaults={
            "name": document.project.name,
            "municipality": document.project.municipality,
            "document": document.model_dump(mode="json"),
            "imported_by": by,
        },
    )
