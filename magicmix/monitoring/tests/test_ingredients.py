"""Ingredients of a concept: what magicmix derives, checked against the records by hand, and
what social management enters, with its history and Dutch errors."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.housing.models import Unit
from magicmix.legal.contracts import ContractType
from magicmix.monitoring.ingredients.derived import concept_of
from magicmix.monitoring.models import Ingredients
from magicmix.selection.models import CooptationAdvice
from magicmix.testing import factories

from .conftest import build_world

pytestmark = pytest.mark.django_db


def test_size_share_dragend_term_and_years_come_from_the_records() -> None:
    world = build_world(students=6, statushouders=5)  # students dragend, statushouders vragend
    gang = world.complex.clusters.get()
    factories.unit(gang)  # vacant, in use: counts in the size
    factories.unit(gang, status=Unit.Status.RENOVATION)  # does not
    today = datetime.date(2026, 12, 1)
    concept = concept_of(world.complex, today)
    assert concept.size == 12
    assert concept.share_supporting == round(100 * 6 / 11)  # 55
    assert concept.temporary  # the factory's complex has a planned end
    # 1 June 2016 to 1 December 2026: 10 years and 183 days.
    assert concept.years_in_use == 10.5
    assert not concept.cooptation
    assert concept.selection == []


def test_share_dragend_is_hidden_when_either_side_is_below_5() -> None:
    world = build_world(students=9, statushouders=4)
    assert concept_of(world.complex, timezone.localdate()).share_supporting is None


def test_cooptation_and_contract_types_follow_intakes_and_panel_advice() -> None:
    world = build_world()
    intake = factories.intake(world.complex, contract_type=ContractType.YOUTH)
    application, _token = factories.application(intake)
    panel = factories.user(factories.organisation(), Role.RESIDENT_PANEL)
    CooptationAdvice.objects.create(
        application=application, panel_member=panel, advice="in_favour", motivation="Goed"
    )
    concept = concept_of(world.complex, timezone.localdate())
    assert concept.cooptation
    assert concept.selection == ["cooptation"]
    assert concept.contract_types == [ContractType.YOUTH]


def test_social_management_enters_ingredients_with_history(client: Client) -> None:
    world = build_world()
    factories.intake(world.complex, contribution_hours=16)
    client.force_login(world.manager)
    url = f"/complexes/{world.complex.pk}/ingredients/"
    page = client.get(url)
    assert page.context["form"]["contribution_hours"].value() == 16  # from the latest intake
    response = client.post(
        url,
        {
            "selects_by_letter": "on",
            "contribution_hours": "16",
            "social_management": "gangmakers",
            "social_management_hours": "12.5",
            "support_model": "on_site",
        },
    )
    assert response.status_code == 302
    stored = Ingredients.objects.get(complex=world.complex)
    assert stored.selects_by_letter and not stored.selects_by_interview
    assert str(stored.social_management_hours) == "12.5"
    client.post(url, {"contribution_hours": "8", "social_management": "gangmakers"})
    page = client.get(url)
    history = page.context["changes"]
    assert history[0].who == world.manager.full_name
    assert ("bijdragenorm (uren per maand)", "16", "8") in history[0].fields


def test_bad_hours_are_refused_in_dutch_and_nothing_is_saved(client: Client) -> None:
    world = build_world()
    client.force_login(world.manager)
    url = f"/complexes/{world.complex.pk}/ingredients/"
    response = client.post(url, {"contribution_hours": "-1", "social_management_hours": "5000"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "contribution_hours" in errors and "social_management_hours" in errors
    assert "Zorg ervoor dat deze waarde hoogstens 1000 is" in response.text
    assert not Ingredients.objects.exists()
