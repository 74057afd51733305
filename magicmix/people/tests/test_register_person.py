import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person
from magicmix.people.models import Role as PersonRole
from magicmix.testing import factories

pytestmark = pytest.mark.django_db
URL = reverse("people:person_create")


def _data(org: Organisation, **fields: object) -> dict[str, object]:
    return {
        "first_name": "Yusuf",
        "last_name": "Demir",
        "date_of_birth": "1999-04-02",
        "household_size": "1",
        "target_group": factories.target_group(org, "statushouder").pk,
        "support_need": "light",
        "registration_date": "2025-01-10",
        **fields,
    }


def test_staff_register_a_person_with_the_groups_default_role(client: Client) -> None:
    org = factories.organisation()
    manager = factories.user(org, Role.SOCIAL_MANAGER)
    client.force_login(manager)
    response = client.post(URL, _data(org))
    person = Person.objects.get(last_name="Demir")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person_detail", args=[person.pk])
    assert person.organisation == org
    assert person.role == PersonRole.SUPPORTED
    change = person.role_changes.get()
    assert (change.role, change.valid_from, change.recorded_by) == (
        PersonRole.SUPPORTED,
        datetime.date(2025, 1, 10),
        manager,
    )


def test_the_form_has_no_bsn_and_explains_the_external_reference(client: Client) -> None:
    org = factories.organisation()
    client.force_login(factories.user(org, Role.LETTING))
    response = client.get(URL)
    assert "bsn" not in [name.lower() for name in response.context["form"].fields]
    assert "Nooit een BSN" in response.text


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"date_of_birth": "2999-01-01"}, "date_of_birth"),
        ({"date_of_birth": "1890-01-01"}, "date_of_birth"),
        (
            {"date_of_birth": timezone.localdate().replace(year=timezone.localdate().year - 10)},
            "date_of_birth",
        ),
        ({"annual_income": "18000"}, "income_year"),
        ({"annual_income": "-5", "income_year": "2025"}, "annual_income"),
        ({"household_size": "0"}, "household_size"),
        ({"date_of_birth": "gisteren"}, "date_of_birth"),
    ],
)
def test_implausible_input_is_refused_per_field(
    client: Client, fields: dict[str, object], field: str
) -> None:
    org = factories.organisation()
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(URL, _data(org, **fields))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Person.objects.exists()


def test_target_group_of_another_catalogue_is_refused(client: Client) -> None:
    org = factories.organisation()
    foreign = factories.target_group(factories.organisation(), "student")
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(URL, _data(org, target_group=foreign.pk))
    assert "target_group" in response.context["form"].errors


@pytest.mark.parametrize("role", [Role.PARTNER_CASEWORKER, Role.POLICY_OFFICER])
def test_only_staff_register_persons(client: Client, role: str) -> None:
    org = factories.organisation(Organisation.Kind.PARTNER)
    client.force_login(factories.user(org, role))
    assert client.get(URL).status_code == 404
    assert client.post(URL, _data(org)).status_code == 404


def test_staff_edit_a_person_but_not_the_role_and_history_records_it(client: Client) -> None:
    org = factories.organisation()
    person = factories.person(org, first_name="Sanne")
    editor = factories.user(org, Role.LETTING, full_name="Piet Verhuur")
    client.force_login(editor)
    url = reverse("people:person_edit", args=[person.pk])
    assert "role" not in client.get(url).context["form"].fields
    data = _data(org, first_name="Susanne", target_group=person.target_group_id)
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.first_name == "Susanne"
    detail = client.get(person.get_absolute_url())
    assert "Sanne → Susanne" in detail.text
    assert "Piet Verhuur" in detail.text


def test_others_cannot_edit(client: Client) -> None:
    corporation = factories.organisation()
    coa = factories.organisation(Organisation.Kind.PARTNER)
    person = factories.person(corporation, nominating_partner=coa)
    url = reverse("people:person_edit", args=[person.pk])
    for user in (
        factories.user(factories.organisation(), Role.LETTING),
        factories.user(coa, Role.PARTNER_CASEWORKER),
    ):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, _data(corporation, first_name="X")).status_code == 404
