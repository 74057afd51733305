import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person, RoleChange, SupportNeed
from magicmix.people.models import Role as PersonRole
from magicmix.testing import factories

pytestmark = pytest.mark.django_db
URL = reverse("people:person_list")


def _names(response) -> list[str]:
    return [person.last_name for person in response.context["page"].items]


def test_staff_see_only_their_own_organisations_persons(client: Client) -> None:
    org = factories.organisation()
    factories.person(org, last_name="Jansen")
    factories.person(factories.organisation(), last_name="Anders")
    client.force_login(factories.user(org, Role.SOCIAL_MANAGER))
    response = client.get(URL)
    assert _names(response) == ["Jansen"]
    assert "Anders" not in response.text


def test_partner_caseworker_sees_only_own_clients(client: Client) -> None:
    corporation = factories.organisation()
    coa = factories.organisation(Organisation.Kind.PARTNER, name="COA")
    factories.person(corporation, "statushouder", last_name="Nominated", nominating_partner=coa)
    factories.person(corporation, "uitstroom-mo", last_name="Supported", supporting_partner=coa)
    factories.person(corporation, last_name="Other")
    client.force_login(factories.user(coa, Role.PARTNER_CASEWORKER))
    assert _names(client.get(URL)) == ["Nominated", "Supported"]


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.RESIDENT_PANEL])
def test_aggregate_roles_get_no_person_list(client: Client, role: str) -> None:
    org = factories.organisation(Organisation.Kind.MUNICIPALITY)
    factories.person(org)
    client.force_login(factories.user(org, role))
    assert client.get(URL).status_code == 404


def test_search_matches_every_word_in_name_email_or_reference(client: Client) -> None:
    org = factories.organisation()
    factories.person(org, first_name="Sanne", last_name="de Vries")
    factories.person(org, first_name="Sanne", last_name="Bakker", email="sanne@voorbeeld.nl")
    factories.person(org, first_name="Ahmed", last_name="Haddad", external_reference="COA-7731")
    client.force_login(factories.user(org, Role.LETTING))
    assert _names(client.get(URL, {"q": "sanne vries"})) == ["de Vries"]
    assert _names(client.get(URL, {"q": "voorbeeld"})) == ["Bakker"]
    assert _names(client.get(URL, {"q": "coa-77"})) == ["Haddad"]
    response = client.get(URL, {"q": "niemand"})
    assert "Geen personen gevonden" in response.text


def test_filters_by_target_group_role_support_need_and_partner(client: Client) -> None:
    org = factories.organisation()
    coa = factories.organisation(Organisation.Kind.PARTNER)
    factories.partner(factories.complex(org), coa, may_nominate=True)
    factories.person(org, "statushouder", last_name="Status", nominating_partner=coa)
    factories.person(org, "student", last_name="Student", support_need=SupportNeed.LIGHT)
    client.force_login(factories.user(org, Role.LETTING))
    group = factories.target_group(org, "statushouder")
    assert _names(client.get(URL, {"target_group": group.pk})) == ["Status"]
    assert _names(client.get(URL, {"role": PersonRole.SUPPORTING})) == ["Student"]
    assert _names(client.get(URL, {"support_need": SupportNeed.LIGHT})) == ["Student"]
    assert _names(client.get(URL, {"nominating_partner": coa.pk})) == ["Status"]


def test_target_group_filter_offers_no_other_catalogue(client: Client) -> None:
    org = factories.organisation()
    foreign = factories.target_group(factories.organisation(), "statushouder")
    client.force_login(factories.user(org, Role.LETTING))
    response = client.get(URL, {"target_group": foreign.pk})
    assert response.status_code == 200
    assert foreign not in response.context["form"].fields["target_group"].queryset


def test_pages_of_fifty_without_counting(client: Client) -> None:
    org = factories.organisation()
    group = factories.target_group(org)
    persons = Person.objects.bulk_create(
        Person(
            organisation=org,
            target_group=group,
            role=group.default_role,
            first_name="P",
            last_name=f"Naam {i:03}",
            date_of_birth="2000-01-01",
        )
        for i in range(120)
    )
    RoleChange.objects.bulk_create(
        RoleChange(person=p, role=p.role, valid_from=p.registration_date) for p in persons
    )
    client.force_login(factories.user(org, Role.LETTING))
    first = client.get(URL)
    assert len(first.context["page"].items) == 50
    assert first.context["page"].has_next
    last = client.get(URL, {"page": "3"})
    assert _names(last)[0] == "Naam 100"
    assert len(last.context["page"].items) == 20
    assert not last.context["page"].has_next
    assert client.get(URL, {"page": "nonsense"}).context["page"].number == 1
    assert client.get(URL, {"page": "-4"}).context["page"].number == 1


def test_the_list_needs_the_same_number_of_queries_for_many_persons(client: Client) -> None:
    org = factories.organisation()
    coa = factories.organisation(Organisation.Kind.PARTNER)
    cluster = factories.cluster(factories.complex(org))
    client.force_login(factories.user(org, Role.LETTING))

    def queries_for_list() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(URL, {"q": "Sanne"})
        return len(queries)

    factories.tenancy(factories.unit(cluster), factories.person(org, nominating_partner=coa))
    few = queries_for_list()
    for _ in range(30):
        person = factories.person(org, "statushouder", nominating_partner=coa)
        factories.tenancy(factories.unit(cluster), person)
    assert queries_for_list() == few <= 16


def test_bad_filter_input_is_no_error(client: Client) -> None:
    org = factories.organisation()
    factories.person(org, last_name="Jansen")
    client.force_login(factories.user(org, Role.LETTING))
    response = client.get(URL, {"target_group": "x", "role": "boss", "nominating_partner": "-1"})
    assert response.status_code == 200
    assert _names(response) == ["Jansen"]
