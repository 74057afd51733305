"""A group, role or support level that nobody in the complex has gets no column of zeros."""

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def test_only_categories_someone_belongs_to_are_columns(client: Client) -> None:
    org = factories.organisation()
    complex_ = factories.complex(org)
    gang = factories.cluster(complex_)
    factories.tenancy(factories.unit(gang), factories.person(org, "student"))
    factories.tenancy(factories.unit(gang), factories.person(org, "statushouder"))
    client.force_login(factories.user(org, Role.LETTING))
    tables = client.get(reverse("composition:complex", args=[complex_.pk])).context["tables"]
    names = {factories.target_group(org, code).name for code in ("student", "statushouder")}
    [groups] = [table for table in tables if names & set(table.columns)]
    assert set(groups.columns) == names  # of the 12 groups in the catalogue
    assert all(len(row.cells) == 2 for row in groups.rows)
    for table in tables[1:]:  # no column anywhere is zero all the way down
        for i in range(len(table.columns)):
            assert any(row.cells[i].count for row in table.rows), (table.dimension, i)
