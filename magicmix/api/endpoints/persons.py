"""Persons (scoped as in the person list) and their role history; a role changes here as on
the person page: through `people.forms.RoleChangeForm` and `Person.change_role`, for a person
the token's corporation registered (`Person.objects.editable_by`).

Every call here reads or changes personal data and passes `personal_data`. Income
stays empty for a partner's token, as it does on the person page
(`people.access.STAFF_ONLY_FIELDS`).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from pydantic import Field

from magicmix.accounts.models import STAFF_ROLES, User
from magicmix.people.access import STAFF_ONLY_FIELDS
from magicmix.people.forms import RoleChangeForm
from magicmix.people.models import TRIGRAM, Person, PersonQuerySet, RoleChange
from magicmix.people.models import Role as PersonRole

from ..auth import acting_as
from ..models import Scope
from ..openapi import located
from ..pagination import Filter, Sort, listing
from ..personal_data import processed, read_page, read_record
from ..problems import Invalid, form_fields
from ..schemas import ApiSchema, PageQuery, example, id_filter, page_of, text_filter

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
    search: str | None = text_filter(
        100, "Words in the name, e-mail or external reference; one of 3 characters or more."
    )
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


class RoleChangeIn(ApiSchema):
    model_config = example(role="supported", validFrom="2025-09-01", reason="Baan kwijtgeraakt.")
    role: Literal[tuple(PersonRole.values)]  # type: ignore[valid-type]
    valid_from: datetime.date = Field(
        description="From this day on; a date in the future changes the current role only then."
    )
    reason: str = Field(min_length=1, max_length=300)


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
    filters: dict[str, Filter] = {
        "search": PersonQuerySet.search,
        "role": "role",
        "target_group_id": "target_group_id",
        "external_reference": "external_reference",
    }
    words = (query.search or "").split()
    if words and all(len(word) < TRIGRAM for word in words):
        # Only short words: no trigram to look up, so counting the matches reads every person.
        raise Invalid(
            _("The search needs a word of at least %(n)d characters.") % {"n": TRIGRAM},
            {"search": _("Give at least one word of %(n)d or more characters.") % {"n": TRIGRAM}},
        )
    sorts: dict[str, Sort] = {
        "lastName": PersonQuerySet.by_name,
        "registrationDate": "registration_date",
    }
    page = listing(request, rows, query, filters, sorts)
    page["results"] = _shown(user, page["results"])
    return read_page(request, page)


@router.get("/persons/{person_id}", response=PersonOut, by_alias=True)
def get_person(request: HttpRequest, person_id: int):
    """One person."""
    user, rows = _persons(request)
    person = read_record(request, get_object_or_404(rows, pk=person_id))
    return _shown(user, [person])[0]


@router.get("/persons/{person_id}/role-changes", response=page_of(RoleChangeOut), by_alias=True)
def list_role_changes(request: HttpRequest, person_id: int, query: Query[PageQuery]):
    """The role history of a person (dragend / vragend), newest first."""
    _user, rows = _persons(request)
    person = get_object_or_404(rows, pk=person_id)
    return read_page(request, listing(request, RoleChange.objects.filter(person=person), query))


@router.get(
    "/persons/{person_id}/role-changes/{role_change_id}", response=RoleChangeOut, by_alias=True
)
def get_role_change(request: HttpRequest, person_id: int, role_change_id: int):
    """One change of a person's role."""
    _user, rows = _persons(request)
    person = get_object_or_404(rows, pk=person_id)
    change = get_object_or_404(RoleChange.objects.filter(person=person), pk=role_change_id)
    return read_record(request, change)


@router.post("/persons/{person_id}/role-changes", response={201: RoleChangeOut}, by_alias=True)
def create_role_change(
    request: HttpRequest, person_id: int, body: RoleChangeIn, response: HttpResponse
):
    """Record a new role (dragend / vragend) from a date, with the reason, in the role history;
    the current role follows the latest change that has started."""
    user = acting_as(request, Scope.WRITE_PERSONS)
    person = get_object_or_404(Person.objects.editable_by(user), pk=person_id)
    form = RoleChangeForm(body.model_dump())
    if not form.is_valid():
        raise Invalid(
            _("The role change has invalid fields; see invalidParams."), form_fields(form)
        )
    data = form.cleaned_data
    change = person.change_role(data["role"], data["valid_from"], data["reason"], by=user)
    processed(request, "create", [change])
    located(response, f"/persons/{person.pk}/role-changes/{change.pk}")
    return Status(201, change)
