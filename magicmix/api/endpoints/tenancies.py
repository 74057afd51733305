"""Tenancies: read them, start one, give one an end date.

Letting goes through the one place where a tenancy starts or ends,
`tenancies.services.start_tenancy` / `end_tenancy`, which locks the unit's row: two systems
letting the same unit at the same moment get one tenancy and one 409. Who may let what is the
person page's rule: a letting token of the corporation that registered the person, for a unit
in use in a complex it lets (`lettable_units`); ending, for a tenancy in such a complex
(`Tenancy.objects.editable_by`). Outside that: 404.

An end date is a field of the tenancy, so ending (or moving the end) is a partial update of
the resource, `PATCH /tenancies/{id}` (docs/decisions.md, 15).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from pydantic import Field

from magicmix.housing.models import tenancy_runs_on
from magicmix.people.access import may_let_to
from magicmix.people.models import Person
from magicmix.tenancies.models import Tenancy, TenancyQuerySet
from magicmix.tenancies.services import (
    UnitHeld,
    UnitOccupied,
    end_tenancy,
    lettable_units,
    start_tenancy,
)

from ..auth import acting_as
from ..models import Scope
from ..openapi import located
from ..pagination import Filter, listing
from ..personal_data import processed, read_page, read_record
from ..problems import Invalid
from ..schemas import MAX_ID, ApiSchema, PageQuery, example, id_filter, page_of

router = Router(tags=["tenancies"])

# The ADR linter wants `format` beside `anyOf` on a nullable date.
NULLABLE_DATE: dict[str, Any] = {"format": "date"}


class TenancyOut(ApiSchema):
    model_config = example(id=9, unitId=12, personId=7, startDate="2024-03-01", endDate=None)
    id: int
    unit_id: int
    person_id: int
    start_date: datetime.date
    end_date: datetime.date | None = Field(json_schema_extra=NULLABLE_DATE)


class TenancyQuery(PageQuery):
    person_id: int | None = id_filter()
    complex_id: int | None = id_filter()
    current_on: datetime.date | None = Field(None, description="Only tenancies running then.")


class TenancyIn(ApiSchema):
    model_config = example(unitId=12, personId=7, startDate="2026-05-01", endDate="2028-04-30")
    unit_id: int = Field(ge=1, le=MAX_ID)
    person_id: int = Field(ge=1, le=MAX_ID)
    start_date: datetime.date
    end_date: datetime.date | None = Field(
        None,
        json_schema_extra=NULLABLE_DATE,
        description="Only for a temporary contract; leave out for an open-ended tenancy.",
    )


class TenancyEndIn(ApiSchema):
    model_config = example(endDate="2026-08-31")
    end_date: datetime.date = Field(description="The last day of the tenancy (or its new end).")


def _readable(request: HttpRequest) -> TenancyQuerySet:
    return Tenancy.objects.visible_to(acting_as(request, Scope.READ_PERSONS))


def _refused(error: ValidationError, field: str) -> Exception:
    """The service's refusal as an answer: a conflict with another tenancy or a hold is a 409,
    anything else is invalid input in `field`."""
    text = " ".join(error.messages)
    if isinstance(error, UnitOccupied | UnitHeld):
        return HttpError(409, text)
    return Invalid(_("The tenancy has invalid fields; see invalidParams."), {field: text})


@router.get("/tenancies", response=page_of(TenancyOut), by_alias=True)
def list_tenancies(request: HttpRequest, query: Query[TenancyQuery]):
    """Tenancies of the persons the token may see, newest first."""
    rows = _readable(request).order_by("-start_date", "-id")
    filters: dict[str, Filter] = {
        "person_id": "person_id",
        "complex_id": "unit__complex_id",
        "current_on": lambda rows, day: rows.filter(tenancy_runs_on(day)),
    }
    return read_page(request, listing(request, rows, query, filters))


@router.get("/tenancies/{tenancy_id}", response=TenancyOut, by_alias=True)
def get_tenancy(request: HttpRequest, tenancy_id: int):
    """One tenancy."""
    return read_record(request, get_object_or_404(_readable(request), pk=tenancy_id))


@router.post("/tenancies", response={201: TenancyOut}, by_alias=True)
def create_tenancy(request: HttpRequest, body: TenancyIn, response: HttpResponse):
    """Let a unit to a person from a start date, open-ended or (temporary contract) up to an
    end date; 409 when the unit is let in (part of) that period or held for an offer."""
    user = acting_as(request, Scope.WRITE_TENANCIES)
    person = get_object_or_404(Person.objects.visible_to(user), pk=body.person_id)
    if not may_let_to(user, person):
        raise Http404
    unit = get_object_or_404(lettable_units(user, person), pk=body.unit_id)
    try:
        tenancy = start_tenancy(unit, person, body.start_date, body.end_date)
    except ValidationError as error:
        raise _refused(error, "endDate") from None
    processed(request, "create", [tenancy])
    located(response, f"/tenancies/{tenancy.pk}")
    return Status(201, tenancy)


@router.patch("/tenancies/{tenancy_id}", response=TenancyOut, by_alias=True)
def update_tenancy(request: HttpRequest, tenancy_id: int, body: TenancyEndIn):
    """Give a tenancy its end date, or move it; 409 when that overlaps the unit's next tenancy."""
    user = acting_as(request, Scope.WRITE_TENANCIES)
    tenancy = get_object_or_404(Tenancy.objects.editable_by(user), pk=tenancy_id)
    try:
        end_tenancy(tenancy, body.end_date)
    except ValidationError as error:
        raise _refused(error, "endDate") from None
    processed(request, "change", [tenancy])
    return tenancy
