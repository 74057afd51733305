"""Who sees what of living together: the rules of magicmix.accounts applied to community records.

Agreements and activities are everyday records: the corporation's staff see them. Incidents,
warnings and support are special: only the complex's social management and letting staff see
them, and a partner caseworker sees the warnings and support of their own supported clients
only. Policy officers and resident panel members see none of it (aggregates come elsewhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from magicmix.accounts.models import STAFF_ROLES, Role
from magicmix.housing.models import Complex, ComplexQuerySet

if TYPE_CHECKING:
    from magicmix.accounts.models import User

# Corporation roles that handle incidents, warnings and support.
SENSITIVE_ROLES = frozenset({Role.SOCIAL_MANAGER, Role.LETTING})


def managing(user: User) -> set[int]:
    """Organisations whose incidents, warnings and support the user handles."""
    return user.organisation_ids(SENSITIVE_ROLES)


def staff(user: User) -> set[int]:
    return user.organisation_ids(STAFF_ROLES)


def partner(user: User) -> set[int]:
    return user.organisation_ids({Role.PARTNER_CASEWORKER})


def managed_complexes(user: User) -> ComplexQuerySet:
    return Complex.objects.filter(organisation_id__in=managing(user))


def clients_of(user: User, via: str = "") -> Q:
    """Persons (reached through `via`) whom the user's partner organisation supports."""
    return Q(**{f"{via}supporting_partner_id__in": partner(user)})
