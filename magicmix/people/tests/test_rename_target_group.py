"""Changing a target group's code in the catalogue carries the new code to the units designated
for the group, so a hard designation never points at a code no group has."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.housing.models import Cluster, DesignatedBy, Designation, Unit
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _designated(gang: Cluster, code: str, group: str, strength: str = Designation.HARD) -> Unit:
    return factories.unit(
        gang,
        code=code,
        designation=strength,
        designated_dimension=DesignatedBy.GROUP,
        designated_value=group,
    )


def test_a_new_code_moves_the_designations_of_the_own_corporation_only(client: Client) -> None:
    org = factories.organisation(name="De Key")
    gang = factories.cluster(factories.complex(org))
    hard = _designated(gang, "A-1", "statushouder")
    soft = _designated(gang, "A-2", "statushouder", Designation.SOFT)
    student = _designated(gang, "A-3", "student")
    other_gang = factories.cluster(factories.complex(factories.organisation(name="Portaal")))
    elsewhere = _designated(other_gang, "B-1", "statushouder")
    group = factories.target_group(org, "statushouder")

    client.force_login(factories.user(org, Role.APPLICATION_MANAGER))
    data = {"code": "vergunninghouder", "name": "Vergunninghouder", "default_role": "supported"}
    response = client.post(
        reverse("people:target_group_edit", args=[group.pk]),
        data | {"colour": str(group.colour)},
        follow=True,
    )

    assert "Doelgroep Vergunninghouder is opgeslagen." in response.text
    for unit in (hard, soft, student, elsewhere):
        unit.refresh_from_db()
    assert hard.designated_for == soft.designated_for == ("group", "vergunninghouder")
    assert (hard.designation, soft.designation) == ("hard", "soft")
    assert hard.designated_for_name() == "Vergunninghouder"
    assert student.designated_for == ("group", "student")
    assert elsewhere.designated_for == ("group", "statushouder")
    # The unit's history says what changed, as for any change made by hand.
    latest = hard.history.first()
    assert latest.designated_value == "vergunninghouder"
    assert latest.prev_record.designated_value == "statushouder"


def test_saving_without_a_new_code_leaves_the_units_alone(client: Client) -> None:
    org = factories.organisation()
    unit = _designated(factories.cluster(factories.complex(org)), "A-1", "student")
    group = factories.target_group(org, "student")
    client.force_login(factories.user(org, Role.APPLICATION_MANAGER))
    data = {"code": "student", "name": "Student (hbo/wo)", "default_role": "supporting"}
    client.post(reverse("people:target_group_edit", args=[group.pk]), data | {"colour": "2"})
    assert unit.history.count() == 1
    unit.refresh_from_db()
    assert unit.designated_for == ("group", "student")
