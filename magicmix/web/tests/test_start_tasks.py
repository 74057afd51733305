"""Each role's start page counts what that role has to do, and only what it may see."""

from __future__ import annotations

import pytest
from django.utils import timezone

from magicmix.accounts.models import Role, User
from magicmix.legal.models import Parameter
from magicmix.testing import factories
from magicmix.web.start import tasks_for

from .scene import advise, scene

pytestmark = pytest.mark.django_db


def counts(user: User) -> dict[str, int]:
    return {str(task.label): task.count for task in tasks_for(user)}


def test_the_application_manager_sees_missing_values_first_and_checks_to_review() -> None:
    scene_ = scene()
    missing = len(Parameter.objects.missing_on(timezone.localdate()))
    assert missing == 2  # the 2026 aftoppingsgrenzen have not been entered
    tasks = tasks_for(scene_.users[Role.APPLICATION_MANAGER])
    assert (str(tasks[0].label), tasks[0].count, tasks[0].urgent) == (
        "Wettelijke waarden ontbreken",
        2,
        True,
    )
    assert counts(scene_.users[Role.APPLICATION_MANAGER]) == {
        "Wettelijke waarden ontbreken": 2,
        "Aanbiedingen die bijna verlopen": 1,
        "Vrije woningen zonder ronde": 2,
        "Toetsen te beoordelen": 1,
        "Brieven beoordelen": 2,
        f"Gesprekken te plannen: {scene_.intake.title}": 1,
        "Huurcontracten die binnen 3 maanden eindigen": 1,
    }


def test_letting_staff_see_offers_units_and_letters_but_no_legal_or_check_tasks() -> None:
    scene_ = scene()
    assert counts(scene_.users[Role.LETTING]) == {
        "Aanbiedingen die bijna verlopen": 1,
        "Vrije woningen zonder ronde": 2,
        "Brieven beoordelen": 2,
        f"Gesprekken te plannen: {scene_.intake.title}": 1,
        "Huurcontracten die binnen 3 maanden eindigen": 1,
    }


def test_social_management_scores_letters_and_sees_tenancies_ending() -> None:
    assert counts(scene().users[Role.SOCIAL_MANAGER]) == {
        "Brieven beoordelen": 2,
        "Huurcontracten die binnen 3 maanden eindigen": 1,
    }


def test_the_resident_panel_sees_its_advice_pending_until_given() -> None:
    scene_ = scene()
    assert counts(scene_.users[Role.RESIDENT_PANEL]) == {"Adviezen te geven": 1}
    advise(scene_)
    assert counts(scene_.users[Role.RESIDENT_PANEL]) == {}


def test_aggregate_roles_and_caseworkers_without_clients_have_nothing_named() -> None:
    scene_ = scene()
    assert counts(scene_.users[Role.POLICY_OFFICER]) == {}
    assert counts(scene_.users[Role.PARTNER_CASEWORKER]) == {}


def test_another_corporation_counts_nothing_of_this_one() -> None:
    scene()
    other = factories.user(factories.organisation(), Role.APPLICATION_MANAGER)
    assert counts(other) == {"Wettelijke waarden ontbreken": 2}
