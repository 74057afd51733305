"""The records a view may open; everything else is 404 (decision 2)."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from magicmix.accounts.models import User
from magicmix.housing.models import Complex
from magicmix.people.models import Person
from magicmix.tenancies.models import Tenancy

from ..access import clients_of, managed_complexes, managing


def managed_complex(user: User, pk: int) -> Complex:
    return get_object_or_404(managed_complexes(user), pk=pk)


def resident(user: User, pk: int) -> tuple[Person, Complex, bool]:
    """A resident the user may follow, the complex of their latest tenancy there, and whether
    the user manages it (else they are the resident's caseworker and see only their client)."""
    person = get_object_or_404(
        Person.objects.filter(
            Q(tenancies__unit__complex__organisation_id__in=managing(user)) | clients_of(user)
        ).distinct(),
        pk=pk,
    )
    tenancy = (
        Tenancy.objects.filter(person=person)
        .select_related("unit__complex")
        .order_by("-start_date")
        .first()
    )
    if tenancy is None:
        raise Http404
    complex_ = tenancy.unit.complex
    return person, complex_, complex_.organisation_id in managing(user)


def managed_tenancy(user: User, pk: int) -> Tenancy:
    return get_object_or_404(
        Tenancy.objects.filter(unit__complex__organisation_id__in=managing(user)).select_related(
            "person", "unit__complex"
        ),
        pk=pk,
    )
