"""A user's memberships are read once per user instance (Django loads the user per request),
and a membership saved or deleted with that instance is seen by it at once."""

import pytest

from magicmix.accounts.models import LETTING_ROLES, Membership, Role
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def test_scoping_reads_the_memberships_once(django_assert_num_queries: object) -> None:
    own, other = factories.organisation(), factories.organisation()
    user = factories.user(own, Role.LETTING)
    Membership.objects.create(user=user, organisation=other, role=Role.SOCIAL_MANAGER)
    with django_assert_num_queries(1):  # type: ignore[operator]
        assert user.organisation_ids() == {own.pk, other.pk}
        assert user.organisation_ids(LETTING_ROLES) == {own.pk}
        assert user.organisation_ids({Role.SOCIAL_MANAGER}) == {other.pk}
        assert user.has_role(Role.SOCIAL_MANAGER) and not user.has_role(Role.APPLICATION_MANAGER)


def test_a_membership_changed_with_the_user_is_seen_at_once() -> None:
    own, other = factories.organisation(), factories.organisation()
    user = factories.user(own, Role.LETTING)
    assert user.organisation_ids() == {own.pk}
    added = Membership.objects.create(user=user, organisation=other, role=Role.LETTING)
    assert user.organisation_ids() == {own.pk, other.pk}
    added.role = Role.SOCIAL_MANAGER
    added.save()
    assert user.organisation_ids(LETTING_ROLES) == {own.pk}
    added.delete()
    assert user.organisation_ids() == {own.pk} and not user.has_role(Role.SOCIAL_MANAGER)
