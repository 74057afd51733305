import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.legal.contracts import ContractType
from magicmix.selection.models import Intake
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _intake_form(complex_, *groups) -> dict[str, object]:
    return {
        "complex": complex_.pk,
        "title": "Werving najaar",
        "status": "open",
        "opens_on": TODAY.isoformat(),
        "closes_on": (TODAY + datetime.timedelta(days=30)).isoformat(),
        "places": "12",
        "contract_type": ContractType.YOUTH,
        "checks_income": "on",
        "contribution_hours": "16",
        "house_rules": "",
        "warning_rule": "Twee waarschuwingen.",
        "target_groups": [group.pk for group in groups],
    }


def test_letting_staff_open_an_intake_for_their_complex(client: Client) -> None:
    org = factories.organisation()
    complex_ = factories.complex(org)
    client.force_login(factories.user(org, Role.LETTING))
    student = factories.target_group(org, "student")
    response = client.post(reverse("selection:intake_create"), _intake_form(complex_, student))
    intake = Intake.objects.get()
    assert response["Location"] == reverse("selection:intake_detail", args=[intake.pk])
    assert (intake.complex, intake.places, list(intake.target_groups.all())) == (
        complex_,
        12,
        [student],
    )


def test_target_groups_of_another_corporation_are_refused(client: Client) -> None:
    org = factories.organisation()
    other = factories.organisation()
    manager = factories.user(org, Role.APPLICATION_MANAGER)
    factories.user(other, Role.LETTING)
    client.force_login(manager)
    complex_ = factories.complex(org)
    foreign = factories.target_group(other, "student")
    response = client.post(reverse("selection:intake_create"), _intake_form(complex_, foreign))
    assert response.status_code == 200
    assert not Intake.objects.exists()


def test_staff_see_applications_with_eligibility_and_duplicate_flag(client: Client) -> None:
    intake = open_intake()
    application, _ = factories.application(intake, last_name="Jansen", motivation="Ik kook.")
    application.possible_duplicate = True
    application.save()
    client.force_login(factories.user(intake.complex.organisation, Role.LETTING))
    listing = client.get(reverse("selection:intake_detail", args=[intake.pk]))
    assert "Jansen" in listing.text and "<strong>ja</strong>" in listing.text
    detail = client.get(reverse("selection:application_detail", args=[application.pk]))
    assert "Ik kook." in detail.text


@pytest.mark.parametrize("role", [Role.LETTING, Role.SOCIAL_MANAGER, Role.RESIDENT_PANEL])
def test_others_get_a_404(client: Client, role: str) -> None:
    intake = open_intake()
    application, _ = factories.application(intake)
    same_org = role != Role.LETTING
    org = intake.complex.organisation if same_org else factories.organisation()
    client.force_login(factories.user(org, role))
    for url in (
        reverse("selection:intake_detail", args=[intake.pk]),
        reverse("selection:intake_edit", args=[intake.pk]),
        reverse("selection:application_detail", args=[application.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert intake.title not in client.get(reverse("selection:intake_list")).text


def test_staff_pages_need_a_login(client: Client) -> None:
    response = client.get(reverse("selection:intake_list"))
    assert response.status_code == 302 and "/login/" in response["Location"]
