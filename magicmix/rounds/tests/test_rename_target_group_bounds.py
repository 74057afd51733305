"""A mix policy's bounds on a target group follow the group's new code when the catalogue
renames it, in the same transaction (people.renaming)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError

from magicmix.people.models import TargetGroup
from magicmix.rounds.models import Dimension, MixPolicy, PolicyBound
from magicmix.testing import factories

from .helpers import policy, scene

pytestmark = pytest.mark.django_db


def test_bounds_follow_the_new_code_and_other_corporations_keep_theirs() -> None:
    own = scene()
    bound = policy(own)
    student = policy(own, value="student", minimum=Decimal(2))
    role = policy(own, dimension=Dimension.ROLE, value="supported")
    elsewhere = MixPolicy.objects.create(complex=factories.complex(factories.organisation()))
    other = PolicyBound.objects.create(
        policy=elsewhere, dimension=Dimension.GROUP, value="statushouder", minimum=Decimal(1)
    )
    group = TargetGroup.objects.get(organisation=own.corporation, code="statushouder")

    group.code = "vergunninghouder"
    group.save()

    for row in (bound, student, role, other):
        row.refresh_from_db()
    assert (bound.value, bound.value_display()) == ("vergunninghouder", group.name)
    assert (student.value, role.value, other.value) == ("student", "supported", "statushouder")
    assert bound.history.first().prev_record.value == "statushouder"


def test_a_failing_carry_undoes_the_rename() -> None:
    """The designations and bounds move in the rename's transaction: if one cannot, nothing is
    saved (here the bounds' unique constraint breaks on a bound already on the new code)."""
    own = scene()
    policy(own)
    policy(own, value="nieuw", minimum=Decimal(2))  # a bound already on the new code
    unit = factories.unit(
        own.units[0].cluster,
        designation="hard",
        designated_dimension="group",
        designated_value="statushouder",
    )
    group = TargetGroup.objects.get(organisation=own.corporation, code="statushouder")
    group.code = "nieuw"
    with pytest.raises(IntegrityError):
        group.save()
    group.refresh_from_db()
    unit.refresh_from_db()
    assert group.code == "statushouder"
    assert unit.designated_value == "statushouder"
