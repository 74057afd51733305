import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Role as PersonRole
from magicmix.people.models import TargetGroup
from magicmix.testing import factories

pytestmark = pytest.mark.django_db
LIST = reverse("people:target_group_list")


def test_staff_see_their_seeded_catalogue_only(client: Client) -> None:
    org = factories.organisation(name="De Key")
    factories.organisation(name="Portaal")
    client.force_login(factories.user(org, Role.SOCIAL_MANAGER))
    response = client.get(LIST)
    [(organisation, groups)] = response.context["catalogues"]
    assert organisation == org
    assert len(groups) == 11
    assert "Uitstromer maatschappelijke opvang" in response.text
    assert "Portaal" not in response.text


def test_add_and_edit_a_target_group(client: Client) -> None:
    org = factories.organisation()
    client.force_login(factories.user(org, Role.APPLICATION_MANAGER))
    create = reverse("people:target_group_create", args=[org.pk])
    data = {"code": "gangmaker", "name": "Gangmaker", "default_role": "supporting", "colour": "11"}
    response = client.post(create, data, follow=True)
    assert "Doelgroep Gangmaker is opgeslagen." in response.text
    group = TargetGroup.objects.get(organisation=org, code="gangmaker")
    assert (group.default_role, group.colour) == (PersonRole.SUPPORTING, 11)
    edit = reverse("people:target_group_edit", args=[group.pk])
    client.post(edit, data | {"name": "Gangmaker (huurkorting)"})
    group.refresh_from_db()
    assert group.name == "Gangmaker (huurkorting)"


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"code": "student"}, "code"), ({"colour": "12"}, "colour"), ({"code": "met spatie"}, "code")],
)
def test_bad_target_groups_are_refused(client: Client, fields: dict[str, str], field: str) -> None:
    org = factories.organisation()
    client.force_login(factories.user(org, Role.APPLICATION_MANAGER))
    data = {"code": "nieuw", "name": "Nieuw", "default_role": "supporting", "colour": "3"}
    response = client.post(reverse("people:target_group_create", args=[org.pk]), data | fields)
    assert field in response.context["form"].errors
    assert TargetGroup.objects.filter(organisation=org).count() == 11


def test_others_get_404(client: Client) -> None:
    org = factories.organisation()
    group = factories.target_group(org)
    partner = factories.organisation(Organisation.Kind.PARTNER)
    for user in (
        factories.user(factories.organisation(), Role.APPLICATION_MANAGER),
        factories.user(partner, Role.PARTNER_CASEWORKER),
    ):
        client.force_login(user)
        assert client.get(reverse("people:target_group_create", args=[org.pk])).status_code == 404
        assert client.get(reverse("people:target_group_edit", args=[group.pk])).status_code == 404
    assert client.get(LIST).status_code == 404
