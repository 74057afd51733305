"""Which persons a user may see in full: the rules of magicmix.accounts applied to people.

Out of scope is always 404: the person list too answers 404 to a user who may see no person
at all (policy officers, resident panel members), just as every person page does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from magicmix.accounts.models import LETTING_ROLES, STAFF_ROLES, Role

if TYPE_CHECKING:
    from magicmix.accounts.models import User

    from .models import Person

# Income is needed to let a unit (passend toewijzen), not to support a client.
STAFF_ONLY_FIELDS = ("annual_income", "income_year")


def sees_persons(user: User) -> bool:
    """Policy officers and resident panel members see aggregates only, never a person."""
    return user.has_role(*STAFF_ROLES, Role.PARTNER_CASEWORKER)


def is_staff_of(user: User, person: Person) -> bool:
    return person.organisation_id in user.organisation_ids(STAFF_ROLES)


def may_let_to(user: User, person: Person) -> bool:
    return person.organisation_id in user.organisation_ids(LETTING_ROLES)
