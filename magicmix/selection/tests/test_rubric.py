import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.selection.models import Criterion, Rubric
from magicmix.testing import factories

from .helpers import open_intake, rubric, score

pytestmark = pytest.mark.django_db


def _management(total: int, initial: int) -> dict[str, str]:
    return {
        "criteria-TOTAL_FORMS": str(total),
        "criteria-INITIAL_FORMS": str(initial),
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }


def test_letting_staff_configure_criteria_weights_scorers_and_blindness(client: Client) -> None:
    intake = open_intake()
    client.force_login(factories.user(intake.complex.organisation, Role.LETTING))
    page = client.get(reverse("selection:rubric", args=[intake.pk]))
    assert page.status_code == 200
    data = _management(2, 0) | {
        "scorers_per_letter": "3",
        "criteria-0-stage": "letter",
        "criteria-0-name": "Inzet",
        "criteria-0-weight": "2",
        "criteria-0-max_points": "5",
        "criteria-0-position": "1",
        "criteria-0-guidance": "",
        "criteria-1-stage": "interview",
        "criteria-1-name": "Gesprek",
        "criteria-1-weight": "1",
        "criteria-1-max_points": "10",
        "criteria-1-position": "1",
        "criteria-1-guidance": "",
    }
    response = client.post(reverse("selection:rubric", args=[intake.pk]), data)
    assert response.status_code == 302
    saved = Rubric.objects.get(intake=intake)
    assert (saved.blind, saved.scorers_per_letter) == (False, 3)
    assert list(saved.criteria.values_list("stage", "name", "weight", "max_points")) == [
        ("interview", "Gesprek", 1, 10),
        ("letter", "Inzet", 2, 5),
    ]


def test_a_scored_criterion_cannot_be_removed(client: Client) -> None:
    intake = open_intake()
    saved = rubric(intake)
    application, _ = factories.application(intake)
    letting = factories.user(intake.complex.organisation, Role.LETTING)
    score(application, letting, 4)
    client.force_login(letting)
    data = _management(2, 2) | {"blind": "on", "scorers_per_letter": "2"}
    for index, criterion in enumerate(saved.criteria.all()):
        data |= {
            f"criteria-{index}-id": str(criterion.pk),
            f"criteria-{index}-stage": criterion.stage,
            f"criteria-{index}-name": criterion.name,
            f"criteria-{index}-weight": "1",
            f"criteria-{index}-max_points": str(criterion.max_points),
            f"criteria-{index}-position": "0",
            f"criteria-{index}-DELETE": "on",
        }
    response = client.post(reverse("selection:rubric", args=[intake.pk]), data)
    assert "kan niet worden verwijderd" in response.text
    assert Criterion.objects.filter(rubric=saved).count() == 2


@pytest.mark.parametrize(
    ("same_org", "role"),
    [(False, Role.LETTING), (True, Role.SOCIAL_MANAGER), (True, Role.PARTNER_CASEWORKER)],
)
def test_others_cannot_open_the_rubric(client: Client, same_org: bool, role: str) -> None:
    intake = open_intake()
    org = intake.complex.organisation if same_org else factories.organisation()
    client.force_login(factories.user(org, role))
    assert client.get(reverse("selection:rubric", args=[intake.pk])).status_code == 404
