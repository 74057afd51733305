"""Who sees which monitoring figures; outside scope is a 404, never a 403.

- Corporation staff, policy officers and resident panels of a complex see its aggregates.
- A partner caseworker sees aggregates of their own clients only (persons their
  organisation nominated or supports), and of those only counts of 5 or more; never the
  complex as a whole, so that the two cannot be set off against each other.
- Individual answers are the resident's alone, through their private link.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from magicmix.accounts.models import AGGREGATE_ROLES, STAFF_ROLES, Role, User
from magicmix.housing.models import Complex
from magicmix.people.models import Person

from .models import Wave
from .models.surveys import WAVE_MANAGERS


def visible_complex(user: User, pk: int) -> Complex:
    return get_object_or_404(Complex.objects.visible_to(user), pk=pk)


def managed_complex(user: User, pk: int) -> Complex:
    """A complex in which the user may plan waves."""
    managed = Complex.objects.filter(organisation_id__in=user.organisation_ids(WAVE_MANAGERS))
    return get_object_or_404(managed, pk=pk)


def visible_wave(user: User, pk: int) -> Wave:
    return get_object_or_404(Wave.objects.visible_to(user).select_related("complex"), pk=pk)


def managed_wave(user: User, pk: int) -> Wave:
    return get_object_or_404(Wave.objects.managed_by(user).select_related("complex"), pk=pk)


def persons_in_scope(user: User, complex_: Complex) -> QuerySet[Person] | None:
    """None: the user sees aggregates of every resident; otherwise only of these persons."""
    if complex_.organisation_id in user.organisation_ids(STAFF_ROLES):
        return None
    aggregate = user.organisation_ids(AGGREGATE_ROLES)
    if complex_.partners.filter(organisation_id__in=aggregate).exists():
        return None
    return Person.objects.visible_to(user)


def may_manage(user: User, complex_: Complex) -> bool:
    return complex_.organisation_id in user.organisation_ids(WAVE_MANAGERS)


def clients_to_rate(user: User, complex_: Complex) -> QuerySet[Person]:
    """Current residents of the complex whom the user's partner organisation supports: their
    caseworkers record the ZRM ratings."""
    return Person.objects.filter(
        supporting_partner_id__in=user.organisation_ids({Role.PARTNER_CASEWORKER}),
        tenancies__unit__complex=complex_,
        tenancies__end_date__isnull=True,
    ).distinct()
