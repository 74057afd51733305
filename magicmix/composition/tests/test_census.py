"""The census reads who lived where on a day, with each person's role on that day."""

import datetime

import pytest

from magicmix.composition.census import take_census
from magicmix.people.models import Role
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def test_roles_and_tenancies_are_taken_on_the_chosen_day() -> None:
    org = factories.organisation()
    complex_ = factories.complex(org)
    gang = factories.cluster(complex_)
    first, second = factories.unit(gang), factories.unit(gang)
    # Came as vragend, became dragend mid-2025, left at the end of 2025.
    sanne = factories.person(org, "uitstroom-mo", registration_date=datetime.date(2024, 1, 1))
    sanne.change_role(Role.SUPPORTING, datetime.date(2025, 6, 1), "werk gevonden", by=None)
    factories.tenancy(
        first, sanne, start_date=datetime.date(2024, 3, 1), end_date=datetime.date(2025, 12, 31)
    )
    ahmed = factories.person(org, "statushouder", registration_date=datetime.date(2024, 1, 1))
    factories.tenancy(second, ahmed, start_date=datetime.date(2025, 3, 1))

    def roles_on(day: datetime.date) -> tuple[dict[str, int], int]:
        tally = take_census(complex_, day).root.tally
        return dict(tally.roles), tally.occupied

    assert roles_on(datetime.date(2025, 1, 1)) == ({Role.SUPPORTED: 1}, 1)
    assert roles_on(datetime.date(2025, 7, 1)) == ({Role.SUPPORTING: 1, Role.SUPPORTED: 1}, 2)
    assert roles_on(datetime.date(2026, 2, 1)) == ({Role.SUPPORTED: 1}, 1)


def test_columns_are_the_corporation_catalogue_plus_groups_living_there() -> None:
    org, other = factories.organisation(), factories.organisation()
    complex_ = factories.complex(org)
    guest = factories.person(other, "kenniswerker")
    factories.tenancy(factories.unit(factories.cluster(complex_)), guest)
    groups = take_census(complex_, datetime.date(2025, 1, 1)).groups
    assert len(groups) == 12
    assert guest.target_group in groups
