import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person
from magicmix.people.models import Role as PersonRole
from magicmix.testing import factories

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _url(person: Person) -> str:
    return reverse("people:change_role", args=[person.pk])


def test_a_role_change_is_kept_with_reason_and_author(client: Client) -> None:
    org = factories.organisation()
    person = factories.person(org, "uitstroom-mo")
    manager = factories.user(org, Role.SOCIAL_MANAGER)
    client.force_login(manager)
    response = client.post(
        _url(person),
        {"role": PersonRole.SUPPORTING, "valid_from": TODAY.isoformat(), "reason": "Is gangmaker"},
        follow=True,
    )
    person.refresh_from_db()
    assert person.role == PersonRole.SUPPORTING
    assert "De rol is nu dragend." in response.text
    assert [(c.role, c.reason, c.recorded_by) for c in person.role_changes.all()] == [
        (PersonRole.SUPPORTING, "Is gangmaker", manager),
        (PersonRole.SUPPORTED, "", None),
    ]


def test_a_future_change_waits_for_its_day(client: Client) -> None:
    org = factories.organisation()
    person = factories.person(org, "student")
    client.force_login(factories.user(org, Role.SOCIAL_MANAGER))
    later = TODAY + datetime.timedelta(days=30)
    client.post(
        _url(person),
        {"role": PersonRole.SUPPORTED, "valid_from": later.isoformat(), "reason": "Traject GGZ"},
    )
    person.refresh_from_db()
    assert person.role == PersonRole.SUPPORTING
    assert person.role_on(later) == PersonRole.SUPPORTED
    assert Person.objects.apply_role_changes(later) == 1
    person.refresh_from_db()
    assert person.role == PersonRole.SUPPORTED


def test_the_daily_command_applies_changes_that_have_started() -> None:
    org = factories.organisation()
    person = factories.person(org, "student")
    person.role_changes.create(role=PersonRole.SUPPORTED, valid_from=TODAY, reason="Vandaag")
    untouched = factories.person(org, "student")
    call_command("apply_role_changes")
    person.refresh_from_db()
    untouched.refresh_from_db()
    assert (person.role, untouched.role) == (PersonRole.SUPPORTED, PersonRole.SUPPORTING)


def test_a_reason_is_required(client: Client) -> None:
    org = factories.organisation()
    person = factories.person(org, "student")
    client.force_login(factories.user(org, Role.LETTING))
    response = client.post(
        _url(person), {"role": PersonRole.SUPPORTED, "valid_from": TODAY.isoformat(), "reason": ""}
    )
    assert "reason" in response.context["form"].errors
    assert person.role_changes.count() == 1


def test_only_staff_of_the_persons_organisation_change_a_role(client: Client) -> None:
    corporation = factories.organisation()
    coa = factories.organisation(Organisation.Kind.PARTNER)
    person = factories.person(corporation, nominating_partner=coa)
    data = {"role": PersonRole.SUPPORTED, "valid_from": TODAY.isoformat(), "reason": "x"}
    for user in (
        factories.user(factories.organisation(), Role.SOCIAL_MANAGER),
        factories.user(coa, Role.PARTNER_CASEWORKER),
    ):
        client.force_login(user)
        assert client.get(_url(person)).status_code == 404
        assert client.post(_url(person), data).status_code == 404
    assert person.role_changes.count() == 1
