"""Another organisation gets a 404 on every new view: the person's processing log export, and
the two-factor and account pages only ever show the user's own account."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person
from magicmix.privacy.models import Processing, RetentionPeriod
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role",
    [Role.APPLICATION_MANAGER, Role.LETTING, Role.SOCIAL_MANAGER, Role.POLICY_OFFICER],
)
def test_another_organisation_gets_404_on_the_log_export(client: Client, role: str) -> None:
    person = factories.person(factories.organisation())
    client.force_login(factories.user(factories.organisation(), role))
    for format in ("csv", "xlsx"):
        url = reverse("people:person_log_export", args=[person.pk, format])
        assert client.get(url).status_code == 404
    assert not Processing.objects.exists()


def test_a_partner_caseworker_of_the_person_cannot_export_its_log(client: Client) -> None:
    org = factories.organisation()
    partner = factories.organisation(Organisation.Kind.PARTNER)
    person = factories.person(org, supporting_partner=partner)
    client.force_login(factories.user(partner, Role.PARTNER_CASEWORKER))
    assert client.get(person.get_absolute_url()).status_code == 200
    url = reverse("people:person_log_export", args=[person.pk, "csv"])
    assert client.get(url).status_code == 404


def test_account_pages_show_only_the_own_account(client: Client) -> None:
    other = factories.user(email="ander@example.nl")
    client.force_login(factories.user(email="ik@example.nl"))
    for name in ("accounts:account", "accounts:two_factor_setup", "accounts:recovery_codes"):
        page = client.get(reverse(name)).text
        assert other.email not in page


@pytest.mark.parametrize(
    ("role", "own"),
    [
        (Role.APPLICATION_MANAGER, False),
        (Role.LETTING, True),
        (Role.SOCIAL_MANAGER, True),
        (Role.POLICY_OFFICER, True),
        (Role.RESIDENT_PANEL, True),
    ],
)
def test_only_the_own_application_manager_exports_or_erases(
    client: Client, role: str, own: bool
) -> None:
    org = factories.organisation()
    person = factories.person(org)
    application, _token = factories.application(factories.intake(factories.complex(org)))
    client.force_login(factories.user(org if own else factories.organisation(), role))
    for subject_type, pk in (("person", person.pk), ("application", application.pk)):
        for format in ("json", "pdf"):
            url = reverse("privacy:subject_export", args=[subject_type, pk, format])
            assert client.get(url).status_code == 404
        url = reverse("privacy:subject_erase", args=[subject_type, pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"confirm": "on"}).status_code == 404
    assert not Processing.objects.exists()
    assert Person.objects.get(pk=person.pk).first_name == person.first_name


def test_a_partner_caseworker_of_the_person_cannot_export_or_erase(client: Client) -> None:
    org = factories.organisation()
    partner = factories.organisation(Organisation.Kind.PARTNER)
    person = factories.person(org, supporting_partner=partner)
    client.force_login(factories.user(partner, Role.PARTNER_CASEWORKER))
    url = reverse("privacy:subject_export", args=["person", person.pk, "json"])
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("privacy:subject_erase", args=["person", person.pk])).status_code == 404
    )
    manager = factories.user(org, Role.APPLICATION_MANAGER)
    client.force_login(manager)
    assert (
        client.get(reverse("privacy:subject_export", args=["other", 1, "json"])).status_code == 404
    )


def test_another_organisation_gets_404_on_the_retention_page(client: Client) -> None:
    org = factories.organisation()
    url = reverse("privacy:retention", args=[org.pk])
    client.force_login(factories.user(factories.organisation(), Role.APPLICATION_MANAGER))
    assert client.get(url).status_code == 404
    assert client.post(url, {"incidents": 1}).status_code == 404
    assert not RetentionPeriod.objects.filter(organisation=org).exists()
    client.force_login(factories.user(org, Role.LETTING))
    assert client.get(reverse("privacy:retention_start")).status_code == 404
    assert client.get(url).status_code == 404
