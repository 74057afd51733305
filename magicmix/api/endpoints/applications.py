"""Intakes, applications and nominations; a partner's system nominates its clients here.

A nomination goes through the same forms and the same workflow as the caseworker's page
(`selection.forms.ClientForm`, `NominationForm`, `selection.services.applications.nominate`),
so the API cannot admit anyone the page would refuse.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Literal

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from pydantic import Field

from magicmix.accounts.models import Organisation
from magicmix.people.forms import HOUSEHOLD_FIELDS
from magicmix.people.models import SupportNeed
from magicmix.selection.forms import ClientForm, NominationForm
from magicmix.selection.models import Application, Intake, Stage
from magicmix.selection.models.eligibility import sentence
from magicmix.selection.services import applications

from ..auth import acting_as, token_of
from ..models import Scope
from ..openapi import located
from ..pagination import listing
from ..personal_data import processed, read_page, read_record
from ..problems import Invalid, form_fields
from ..schemas import MAX_ID, ApiSchema, PageQuery, example, id_filter, page_of

router = Router(tags=["applications"])


class IntakeOut(ApiSchema):
    model_config = example(
        id=5,
        complexId=1,
        title="Werving voorjaar",
        opensOn="2026-03-01",
        closesOn="2026-03-31",
        places=20,
        status="open",
    )
    id: int
    complex_id: int
    title: str
    opens_on: datetime.date
    closes_on: datetime.date
    places: int
    status: str


class ApplicationOut(ApiSchema):
    model_config = example(
        id=31,
        intakeId=5,
        route="nomination",
        firstName="Noor",
        lastName="Bakker",
        dateOfBirth="2001-04-12",
        email="noor@example.nl",
        householdSize=1,
        annualIncome="21000.00",
        incomeYear=2025,
        targetGroupId=3,
        registeredOn="2026-03-04",
        stage="submitted",
        publicStatus="received",
        possibleDuplicate=False,
        createdAt="2026-03-04T10:15:00+01:00",
    )
    id: int
    intake_id: int
    route: str
    first_name: str
    last_name: str
    date_of_birth: datetime.date
    email: str
    household_size: int
    annual_income: Decimal
    income_year: int
    target_group_id: int
    registered_on: datetime.date
    stage: str
    public_status: str
    possible_duplicate: bool
    created_at: datetime.datetime


class ApplicationQuery(PageQuery):
    intake_id: int | None = id_filter()
    stage: Literal[tuple(Stage.values)] | None = None  # type: ignore[valid-type]
    route: Literal["public", "nomination"] | None = None


class NominationIn(ApiSchema):
    model_config = example(
        intakeId=5,
        firstName="Noor",
        lastName="Bakker",
        dateOfBirth="2001-04-12",
        email="",
        phone="",
        householdSize=1,
        annualIncome="21000.00",
        incomeYear=2025,
        targetGroupId=3,
        supportNeed="light",
        supportOrganisationId=4,
        supportHoursPerWeek="2.0",
        supportMonths=36,
        readiness="Woont al een jaar zelfstandig met begeleiding.",
    )
    intake_id: int = Field(ge=1, le=MAX_ID)
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=150)
    date_of_birth: datetime.date
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=30)
    household_size: int = Field(1, ge=1, le=20)
    annual_income: Decimal = Field(ge=0, le=Decimal("99999999.99"), decimal_places=2)
    income_year: int = Field(ge=2000, le=2100)
    target_group_id: int = Field(ge=1, le=MAX_ID)
    support_need: Literal[tuple(SupportNeed.values)]  # type: ignore[valid-type]
    support_organisation_id: int = Field(ge=1, le=MAX_ID)
    support_hours_per_week: Decimal = Field(ge=0, le=40, decimal_places=1)
    support_months: int = Field(36, ge=1, le=120)
    readiness: str = Field(min_length=1, max_length=5000)


CLIENT_FIELDS = HOUSEHOLD_FIELDS
SUPPORT_FIELDS = [
    "support_need",
    "support_organisation",
    "support_hours_per_week",
    "support_months",
    "readiness",
]
# The forms' relation fields take ids; the API names them so.
RENAMED = {"target_group": "targetGroupId", "support_organisation": "supportOrganisationId"}


def _form_data(body: NominationIn) -> dict[str, Any]:
    values = body.model_dump()
    values["target_group"] = values.pop("target_group_id")
    values["support_organisation"] = values.pop("support_organisation_id")
    data = {f"client-{name}": values[name] for name in CLIENT_FIELDS}
    data |= {f"support-{name}": values[name] for name in SUPPORT_FIELDS}
    return {key: "" if value is None else str(value) for key, value in data.items()}


def _applications(request: HttpRequest) -> QuerySet[Application]:
    return Application.objects.visible_to(acting_as(request, Scope.READ_APPLICATIONS))


@router.get("/intakes", response=page_of(IntakeOut), by_alias=True)
def list_intakes(request: HttpRequest, query: Query[PageQuery]):
    """Intakes the token may follow (staff of the owner) or nominate clients for (a partner)."""
    user = acting_as(request, Scope.READ_APPLICATIONS, Scope.NOMINATE)
    rows = Intake.objects.filter(
        Q(pk__in=Intake.objects.scored_by(user)) | Q(pk__in=Intake.objects.nominatable_by(user))
    )
    return listing(request, rows.order_by("-opens_on", "id"), query)


@router.get("/applications", response=page_of(ApplicationOut), by_alias=True)
def list_applications(request: HttpRequest, query: Query[ApplicationQuery]):
    """Applications and nominations the token's role may see, oldest registration first."""
    rows = _applications(request).order_by("registered_on", "lottery_number", "id")
    filters = {"intake_id": "intake_id", "stage": "stage", "route": "route"}
    return read_page(request, listing(request, rows, query, filters))


@router.get("/applications/{application_id}", response=ApplicationOut, by_alias=True)
def get_application(request: HttpRequest, application_id: int):
    """One application."""
    return read_record(request, get_object_or_404(_applications(request), pk=application_id))


@router.post("/nominations", response={201: ApplicationOut}, by_alias=True)
def create_nomination(request: HttpRequest, body: NominationIn, response: HttpResponse):
    """Nominate a client for an open intake of a complex where the partner may nominate."""
    user = acting_as(request, Scope.NOMINATE)
    intake = get_object_or_404(
        Intake.objects.nominatable_by(user).select_related("complex"), pk=body.intake_id
    )
    partner = Organisation.objects.get(
        pk=token_of(request).organisation_id,
        partnerships__complex=intake.complex_id,
        partnerships__may_nominate=True,
    )
    data = _form_data(body)
    client = ClientForm(intake, data)
    support = NominationForm(intake, partner, data)
    if not (client.is_valid() and support.is_valid()):
        raise Invalid(
            _("The nomination has invalid fields; see invalidParams."),
            form_fields(client, support, rename=RENAMED),
        )
    try:
        applications.nominate(client.instance, support.instance, user)
    except applications.NotEligible as refused:
        reasons = {o.rule: sentence(o.text) for o in refused.refusals}
        raise Invalid(_("The client is not eligible for this intake."), reasons) from None
    processed(request, "create", [client.instance])
    located(response, f"/applications/{client.instance.pk}")
    return Status(201, client.instance)
