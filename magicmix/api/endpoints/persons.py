"""Persons (scoped as in the person list), their role history and tenancies.

Every call here reads personal data and passes `personal_data.processed`. Income stays empty
for a partner's token, as it does on the person page (`people.access.STAFF_ONLY_FIELDS`).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from pydantic import Field

from magicmix.accounts.models import STAFF_ROLES, User
from magicmix.housing.models import tenancy_runs_on
from magicmix.people.access import STAFF_ONLY_FIELDS
from magicmix.people.models import Person, PersonQuerySet, RoleChange
from magicmix.tenancies.models import Tenancy

from ..auth import acting_as
from ..models import Scope
from ..pagination import paginate
from ..personal_data import processed
from ..schemas import ApiSchema, PageQuery, example, id_filter, page_of, text_filter
from .stock import ordered

router = Router(tags=["persons"])


class PersonOut(ApiSchema):
    model_config = example(
        id=7,
        organisationId=1,
        firstName="Sanne",
        lastName="de Vries",
        dateOfBirth="2000-05-17",
        email="sanne@example.nl",
        phone="",
        householdSize=1,
        annualIncome="24000.00",
        incomeYear=2025,
        targetGroupId=2,
        role="supporting",
        supportNeed="none",
        nominatingPartnerId=None,
        supportingPartnerId=None,
        registrationDate="2024-01-15",
        externalReference="ERP-1234",
    )
    id: int
    organisation_id: int
    first_name: str
    last_name: str
    date_of_birth: datetime.date
    email: str
    phone: str
    household_size: int
    annual_income: Decimal | None
    income_year: int | None
    target_group_id: int
    role: str
    support_need: str
    nominating_partner_id: int | None
    supporting_partner_id: int | None
    registration_date: datetime.date
    external_reference: str


class PersonQuery(PageQuery):
    search: str | None = text_filter(100, "Words in the name, e-mail or external reference.")
    role: Literal["supporting", "supported"] | None = None
    target_group_id: int | None = id_filter()
    external_reference: str | None = text_filter(50, "Exact reference.")
    sort: Literal["lastName", "-lastName", "registrationDate", "-registrationDate"] = "lastName"


class RoleChangeOut(ApiSchema):
    model_config = example(
        id=4, personId=7, role="supported", validFrom="2025-09-01", reason="Job lost"
    )
    id: int
    person_id: int
    role: str
    valid_from: datetime.date
    reason: str


class TenancyOut(ApiSchema):
    model_config = example(id=9, unitId=12, personId=7, startDate="2024-03-01", endDate=None)
    id: int
    unit_id: int
    person_id: int
    start_date: datetime.date
    # The ADR linter wants `format` beside `anyOf` on a nullable date.
    end_date: datetime.date | None = Field(json_schema_extra={"format": "date"})


class TenancyQuery(PageQuery):
    person_id: int | None = id_filter()
    complex_id: int | None = id_filter()
    current_on: datetime.date | None = Field(None, description="Only tenancies running then.")


def _persons(request: HttpRequest) -> tuple[User, PersonQuerySet]:
    user = acting_as(request, Scope.READ_PERSONS)
    return user, Person.objects.visible_to(user)


def _shown(user: User, persons: list[Person]) -> list[Person]:
    """The persons as the role sees them: without income where it is staff-only."""
    staff_of = user.organisation_ids(STAFF_ROLES)
    for person in persons:
        if person.organisation_id not in staff_of:
            for name in STAFF_ONLY_FIELDS:
                setattr(person, name, None)
    return persons


@router.get("/persons", response=page_of(PersonOut), by_alias=True)
def list_persons(request: HttpRequest, query: Query[PersonQuery]):
    """The persons the token's role may see: staff their organisation's, a partner its clients."""
    user, rows = _persons(request)
    if query.search:
        rows = rows.search(query.search)
    if query.role:
        rows = rows.filter(role=query.role)
    if query.target_group_id:
        rows = rows.filter(target_group_id=query.target_group_id)
    if query.external_reference:
        rows = rows.filter(external_reference=query.external_reference)
    fields = {"lastName": "last_name", "registrationDate": "registration_date"}
    page = paginate(request, ordered(rows, query.sort, fields), query)
    page["results"] = _shown(user, page["results"])
    processed(request, "read", page["results"])
    return page


@router.get("/persons/{person_id}", response=PersonOut, by_alias=True)
def get_person(request: HttpRequest, person_id: int):
    """One person."""
    user, rows = _persons(request)
    person = get_object_or_404(rows, pk=person_id)
    processed(request, "read", [person])
    return _shown(user, [person])[0]


@router.get("/persons/{person_id}/role-changes", response=page_of(RoleChangeOut), by_alias=True)
def list_role_changes(request: HttpRequest, person_id: int, query: Query[PageQuery]):
    """The role history of a person (dragend / vragend), newest first."""
    _user, rows = _persons(request)
    person = get_object_or_404(rows, pk=person_id)
    page = paginate(request, RoleChange.objects.filter(person=person), query)
    processed(request, "read", page["results"])
    return page


@router.get("/tenancies", response=page_of(TenancyOut), by_alias=True)
def list_tenancies(request: HttpRequest, query: Query[TenancyQuery]):
    """Tenancies of the persons the token may see, newest first."""
    _user, persons = _persons(request)
    rows = Tenancy.objects.filter(person__in=persons)
    if query.person_id:
        rows = rows.filter(person_id=query.person_id)
    if query.complex_id:
        rows = rows.filter(unit__complex_id=query.complex_id)
    if query.current_on:
        rows = rows.filter(tenancy_runs_on(query.current_on))
    page = paginate(request, rows.order_by("-start_date", "-id"), query)
    processed(request, "read", page["results"])
    return page
