"""Which complexes a request may see or change; anything else is a 404, never a 403."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from magicmix.accounts.models import LETTING_ROLES, Organisation
from magicmix.web.auth import user_of

from .models import Complex


def visible_complex(request: HttpRequest, pk: int) -> Complex:
    return get_object_or_404(Complex.objects.visible_to(user_of(request)), pk=pk)


def staff_complex(request: HttpRequest, pk: int) -> Complex:
    """A complex whose units and residents the user may see unit by unit: staff of its
    corporation. Those who see aggregates only get the complex's counts, never its units."""
    return get_object_or_404(Complex.objects.with_names_visible_to(user_of(request)), pk=pk)


def editable_complex(request: HttpRequest, pk: int) -> Complex:
    return get_object_or_404(Complex.objects.editable_by(user_of(request)), pk=pk)


def letting_corporations(request: HttpRequest) -> QuerySet[Organisation]:
    """The corporations in which the user may create complexes."""
    return Organisation.objects.filter(
        kind=Organisation.Kind.CORPORATION,
        pk__in=user_of(request).organisation_ids(LETTING_ROLES),
    )
