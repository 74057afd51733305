"""Who may export, import and see the benchmark of a complex; outside scope is a 404.

- See: everyone who sees the complex's dashboard, in the same scope (a partner caseworker:
  their own clients, each figure resting on 5 or more).
- Export: the corporation's staff and the municipality's policy officers of the complex — a
  document describes the whole complex, so never a caseworker; resident panels read only.
- Import: the corporation's social management and application managers, into their
  corporation's benchmark.
"""

from __future__ import annotations

from django.db.models import Q
from django.shortcuts import get_object_or_404

from magicmix.accounts.models import STAFF_ROLES, Role, User
from magicmix.housing.models import Complex


def _exporters(user: User) -> Q:
    return Q(organisation_id__in=user.organisation_ids(STAFF_ROLES)) | Q(
        partners__organisation_id__in=user.organisation_ids({Role.POLICY_OFFICER})
    )


def exportable_complex(user: User, pk: int) -> Complex:
    return get_object_or_404(Complex.objects.visible_to(user).filter(_exporters(user)), pk=pk)


def may_export(user: User, complex_: Complex) -> bool:
    return Complex.objects.filter(_exporters(user), pk=complex_.pk).exists()
